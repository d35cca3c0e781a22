#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Outbound spike alerts: open → acknowledged → resolved, with who and a note; and the thresholds a company
// sets for judging its users and domains.
class AlertService : public ServiceBase
{
public:
    explicit AlertService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, qint64 id) const;
    // "acknowledged" or "resolved", with an optional note.
    Result<Record> transition(const Actor &actor, qint64 id, const QString &status, const QJsonObject &body,
        std::optional<int> version) const;

    Result<QJsonObject> thresholds(const Actor &actor, qint64 companyId) const;
    Result<QJsonObject> setThresholds(
        const Actor &actor, qint64 companyId, const QJsonObject &input, std::optional<int> version) const;

private:
    Result<Record> alertInScope(const Actor &actor, qint64 id) const;
};

} // namespace mailadmin::service
