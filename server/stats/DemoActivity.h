#pragma once

#include "Result.h"

#include <QJsonArray>
#include <QString>

namespace mailadmin::store {
class Database;
}

namespace mailadmin::stats {

struct ActivityOptions
{
    quint64 seed = 1;
    int days = 90; // of history, ending today
    int rawDays = 3; // the most recent days also as raw events (login history); older days as rollups only
    int userIncidents = 18;
    int domainIncidents = 3;
    int outages = 4; // on mail stores, in the per-minute login series of the last 14 days (see OutageDemo)
};

struct ActivitySummary
{
    qint64 rollupRows = 0;
    qint64 rawEvents = 0;
    qint64 activeUsers = 0;
    // The injected outbound spikes: [{"scope": "user"|"domain", "subject", "domain", "day", "messages"}].
    QJsonArray incidents;
    // The injected mail store outages: [{"store_id", "signal", "started_at", "ended_at"}] (also in
    // outage_truth).
    QJsonArray outages;
};

// Writes believable mail activity for every user of a seeded directory: logins by protocol with a weekly
// and daily rhythm and a protocol mix that differs by domain, outbound mail, failed logins, inactive and
// suspended users, storage growing over the period, and injected outbound spikes (single accounts sending
// floods, and domains where many accounts each send a little too much) whose list is the ground truth the
// spike detector is measured against. History is written as rollups; only the last days as raw events.
class DemoActivity
{
public:
    explicit DemoActivity(store::Database &db) : m_db(db) { }

    Result<ActivitySummary> write(const ActivityOptions &options);

private:
    store::Database &m_db;
};

} // namespace mailadmin::stats
