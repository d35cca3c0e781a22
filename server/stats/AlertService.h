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
    // One row per episode: a subject's alerts of one span in consecutive periods.
    Result<Page> episodes(const Actor &actor, const store::ListQuery &query) const;
    // Moves every alert of `{"ids": [...], "note": ...}` to "acknowledged" or "resolved" in one
    // transaction, or none of them: an id the actor cannot see is 404, one already in (or past) that state
    // 409. The answer lists the alerts as they are now.
    Result<QJsonObject> transitionMany(
        const Actor &actor, const QString &status, const QJsonObject &body) const;

    Result<QJsonObject> thresholds(const Actor &actor, qint64 companyId) const;
    Result<QJsonObject> setThresholds(
        const Actor &actor, qint64 companyId, const QJsonObject &input, std::optional<int> version) const;

private:
    Result<Record> alertInScope(const Actor &actor, qint64 id) const;
    static bool visible(const Actor &actor, const Record &alert);
    // The checks on the optional note, and that nothing but `allowed` fields are sent.
    static QList<FieldError> checkBody(const QJsonObject &body, const QStringList &allowed);
    // The alert as it becomes when it takes `status`, with the note added to the earlier ones.
    static QJsonObject moved(
        const Actor &actor, const Record &current, const QString &status, const QString &note, qint64 now);
};

} // namespace mailadmin::service
