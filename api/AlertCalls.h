#pragma once

#include "ApiClient.h"

#include <QString>

namespace mailadmin::api {

// Typed calls on outbound alerts: the only place that knows their REST paths and bodies.
class AlertCalls
{
public:
    enum class Transition
    {
        Acknowledge,
        Resolve
    };

    explicit AlertCalls(ApiClient *client) : m_client(client) { }

    static QString alertsPath();
    // An empty note sends no note.
    void transitionAlert(qint64 id, Transition transition, const QString &note, QObject *context,
        ApiClient::Callback callback) const;

private:
    ApiClient *m_client;
};

} // namespace mailadmin::api
