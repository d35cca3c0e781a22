#pragma once

#include "store/Repository.h"
#include "store/Scope.h"

namespace mailadmin::store {

// Outbound spike alerts and the per-company thresholds they are judged by.
class AlertRepository : public Repository
{
public:
    explicit AlertRepository(Database &db);

    // Filters: status, scope (user, domain), span (hour, day), subject; newest first.
    Result<Page> list(const Scope &scope, const ListQuery &query) const;
    // Episodes: runs of one subject's alerts of one span in consecutive periods (hours or days), grouped in
    // SQL. The list's filters, but `status` is the episode's: open if any alert is open, else acknowledged
    // if any is, else resolved. Each item carries its alerts in period order.
    Result<Page> episodes(const Scope &scope, const ListQuery &query) const;
    // The alerts with these ids that exist, in any order.
    Result<QList<Record>> byIds(const QList<qint64> &ids) const;
    // Inserts unless an alert for the same subject, span and period exists; returns the id, or 0 when it
    // existed.
    Result<qint64> insertIfNew(const QJsonObject &alert, qint64 now) const;
    Result<QList<Record>> unnotified() const;
    Status markNotified(qint64 id) const;

    // The thresholds of a company; a company that never set them gets the defaults.
    Result<QJsonObject> thresholds(qint64 companyId) const;
    // The smallest user and domain floors any company uses for a span: nothing below them is worth judging.
    Result<std::pair<qint64, qint64>> smallestFloors(bool hourly) const;
    Status setThresholds(qint64 companyId, const QJsonObject &values, qint64 now) const;
    static QJsonObject defaultThresholds();

    static const Table &spec();

private:
    // The list's filters but status, with the scope.
    static Where filtersOf(const Scope &scope, const ListQuery &query);
};

} // namespace mailadmin::store
