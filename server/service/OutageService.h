#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Operators' view of the outage detector: its suggested incidents with their evidence, confirmed into a
// normal open incident on the store or cluster (which then notifies as any incident does) or dismissed.
// Nobody else sees a suggestion, and a suggestion notifies nobody.
class OutageService : public ServiceBase
{
public:
    explicit OutageService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
    Result<QJsonObject> get(const Actor &actor, qint64 id) const;
    // Observed logins and the baseline band from an hour before the start to the recovery (or now);
    // `from` and `to` (ISO times, at most a day apart) choose another stretch.
    Result<QJsonObject> evidence(const Actor &actor, qint64 id, const QString &from, const QString &to) const;
    // Opens the incident (`title`, `kind`, `severity`, `services`, `description` may replace the proposal).
    Result<QJsonObject> confirm(const Actor &actor, qint64 id, const QJsonObject &input) const;
    Result<QJsonObject> dismiss(const Actor &actor, qint64 id, const QJsonObject &input) const;
};

} // namespace mailadmin::service
