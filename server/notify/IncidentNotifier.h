#pragma once

#include "Result.h"
#include "store/IncidentRepository.h"

#include <QJsonObject>

namespace mailadmin::store {
class Database;
}

namespace mailadmin::notify {

struct NoticeText
{
    QString subject;
    QString body;
};

// Turns incident updates into notices: one outbox mail per affected company's contact of the right type
// (emergency for outages and degradations, maintenance for maintenance) that takes that kind of notice.
// Each notice is recorded with its update and contact, so queuing the same update again adds nothing.
class IncidentNotifier
{
public:
    explicit IncidentNotifier(store::Database &db) : m_db(db) { }

    static QString contactTypeFor(const QString &kind);
    // The mail one contact of one company receives for one update.
    static NoticeText compose(const QJsonObject &incident, const QJsonObject &update,
        const store::CompanyImpact &impact, const QString &where, const QString &contactName);
    // "Cluster A; store a2" for the incident's clusters and stores.
    Result<QString> whereText(const QJsonObject &incident) const;

    // Queues the notices of one update (inside the caller's transaction); returns how many were new.
    Result<int> queueUpdate(qint64 incidentId, qint64 updateId, qint64 now) const;
    // Scheduled incidents: sends the reminder when its time has come and opens the incident at its start.
    Result<int> tick(qint64 now) const;

private:
    store::Database &m_db;
};

} // namespace mailadmin::notify
