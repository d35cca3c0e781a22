#include "store/HealthRepository.h"

#include "store/Database.h"

namespace mailadmin::store {

Status HealthRepository::ping()
{
    Statement query = m_db.prepare(QStringLiteral("SELECT 1"));
    if (Status status = query.exec(); !status.ok())
        return status;
    if (!query.next() || query.toInt(0) != 1)
        return Error::internal(QStringLiteral("The database gave no answer."));
    return Status::success();
}

Result<HealthRepository::Gauges> HealthRepository::gauges(qint64 now)
{
    // Each count reads an index: the newest id, the fold marks, the outbox's pending rows, session expiry.
    Statement query = m_db.prepare(
        QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM login_events), "
                       "(SELECT COALESCE(MAX(id), 0) FROM message_events), "
                       "(SELECT COALESCE(MAX(last_id), 0) FROM stats_fold WHERE name = 'login'), "
                       "(SELECT COALESCE(MAX(last_id), 0) FROM stats_fold WHERE name = 'message'), "
                       "(SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL), "
                       "(SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND attempts > 0), "
                       "(SELECT COUNT(*) FROM sessions WHERE expires_at > ?)"));
    query.bind(now);
    if (Status status = query.exec(); !status.ok())
        return status.error();
    if (!query.next())
        return Error::internal(QStringLiteral("The database gave no counts."));
    Gauges g;
    g.loginEvents = query.toInt(0);
    g.messageEvents = query.toInt(1);
    g.foldLagLogins = qMax<qint64>(0, g.loginEvents - query.toInt(2));
    g.foldLagMessages = qMax<qint64>(0, g.messageEvents - query.toInt(3));
    g.outboxPending = query.toInt(4);
    g.outboxFailed = query.toInt(5);
    g.sessions = query.toInt(6);
    return g;
}

} // namespace mailadmin::store
