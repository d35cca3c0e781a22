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
};

} // namespace mailadmin::store
