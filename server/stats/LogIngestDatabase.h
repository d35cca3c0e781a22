#pragma once

#include "stats/LogIngest.h"
#include "store/RollupChanges.h"
#include "store/StatsRepository.h"

#include <QElapsedTimer>
#include <QHash>

namespace mailadmin::stats {

// Writes events read from logs straight into the database: each batch, its rollup changes and the read
// positions it completes in one transaction, so a run stopped at any moment resumes without counting a line
// twice or losing one. Events are checked as the ingest API checks them.
class DatabaseTarget : public IngestTarget
{
public:
    explicit DatabaseTarget(store::Database &db) : m_db(db) { }

    Result<std::optional<store::ReadPosition>> position(const store::FileIdentity &file) override;
    Result<service::IngestReport> write(
        const QList<LogEvent> &events, const QList<store::ReadPosition> &positions) override;
    Status settle() override;

private:
    // The user an address in a log names, looked up once per run.
    struct Lookup
    {
        store::UserRef user;
        QString address; // normalised
        QString problem; // why the address is not one
    };
    Result<const Lookup *> lookup(const QByteArray &user);

    store::Database &m_db;
    QHash<QByteArray, Lookup> m_users;
    store::RollupChanges m_unfolded; // of the rows this run stored and did not fold yet
    QElapsedTimer m_sinceFold;
    bool m_purged = false;
    bool m_tuned = false; // this writer's connection set up for bulk writes
};

} // namespace mailadmin::stats
