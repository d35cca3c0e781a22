#pragma once

#include "Result.h"

namespace mailadmin::store {

class Database;

// What the server's health and metrics read from the database: whether it answers, and a few cheap counts.
class HealthRepository
{
public:
    explicit HealthRepository(Database &db) : m_db(db) { }

    struct Gauges
    {
        qint64 loginEvents = 0; // the newest raw row's id: every event ever stored, as raw ids only grow
        qint64 messageEvents = 0;
        qint64 foldLagLogins = 0; // raw rows stored but not yet folded into the rollups
        qint64 foldLagMessages = 0;
        qint64 outboxPending = 0;
        qint64 outboxFailed = 0; // pending mails that failed at least once
        qint64 sessions = 0; // sessions not yet expired
    };

    // One round trip that fails when the database does not answer.
    Status ping();
    Result<Gauges> gauges(qint64 now);

private:
    Database &m_db;
};

} // namespace mailadmin::store
