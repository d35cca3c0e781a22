#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// A user's outbound mail as Postfix's policy service sees it: messages sent today against the company's
// limit, an administrator's hold, and the messages held in Postfix's hold queue; hold and release.
class OutboundService : public ServiceBase
{
public:
    explicit OutboundService(Context context) : ServiceBase(context) { }

    // Where this mailadmind may run postsuper to release held messages (the Postfix config_directory on
    // this machine); empty when Postfix runs elsewhere and releases are done there with postsuper -H.
    static void setPostfixConfig(const QString &configDirectory);

    Result<QJsonObject> state(const Actor &actor, const QString &address) const;
    // Holds every new message of the user until released.
    Result<QJsonObject> hold(const Actor &actor, const QString &address) const;
    // Lifts an administrator's hold and the hold of the alerts open now, and releases the messages held.
    Result<QJsonObject> release(const Actor &actor, const QString &address) const;

private:
    Result<QJsonObject> stateOf(const Record &user) const;
};

} // namespace mailadmin::service
