#include "store/SessionRepository.h"

namespace mailadmin::store {

Result<qint64> SessionRepository::create(const QByteArray &tokenHash, qint64 adminId, qint64 now,
    qint64 expiresAt, const QString &remoteAddress) const
{
    Statement q
        = m_db.prepare(QStringLiteral("INSERT INTO sessions (token_hash, admin_id, created_at, last_seen_at, "
                                      "expires_at, remote_address) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    q.bind(QString::fromLatin1(tokenHash.toHex()))
        .bind(adminId)
        .bind(now)
        .bind(now)
        .bind(expiresAt)
        .bind(remoteAddress);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toInt(0) : 0;
}

Result<SessionRow> SessionRepository::byTokenHash(const QByteArray &tokenHash) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT id, admin_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = ?"));
    q.bind(QString::fromLatin1(tokenHash.toHex()));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return SessionRow {};
    return SessionRow {q.toInt(0), q.toInt(1), q.toInt(2), q.toInt(3), q.toInt(4)};
}

Status SessionRepository::touch(qint64 sessionId, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE id = ?"));
    q.bind(now).bind(sessionId);
    return q.exec();
}

Status SessionRepository::remove(qint64 sessionId) const
{
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM sessions WHERE id = ?"));
    q.bind(sessionId);
    return q.exec();
}

Status SessionRepository::removeForAdmin(qint64 adminId, qint64 keepSessionId) const
{
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM sessions WHERE admin_id = ? AND id <> ?"));
    q.bind(adminId).bind(keepSessionId);
    return q.exec();
}

Status SessionRepository::removeExpired(qint64 now, qint64 idleSeconds) const
{
    Statement q
        = m_db.prepare(QStringLiteral("DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?"));
    q.bind(now).bind(now - idleSeconds);
    if (Status s = q.exec(); !s.ok())
        return s;
    Statement f = m_db.prepare(QStringLiteral("DELETE FROM login_failures WHERE at < ?"));
    f.bind(now - 86400);
    return f.exec();
}

Result<SessionRepository::Failures> SessionRepository::failuresSince(
    const QString &login, const QString &remoteAddress, qint64 since) const
{
    Failures f;
    {
        Statement q = m_db.prepare(QStringLiteral(
            "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE login = ? AND at >= ?"));
        q.bind(login).bind(since);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        if (q.next()) {
            f.byLogin = q.toInt(0);
            f.oldestByLogin = q.toInt(1);
        }
    }
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE remote_address = ? AND at >= ?"));
    q.bind(remoteAddress).bind(since);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (q.next()) {
        f.byAddress = q.toInt(0);
        f.oldestByAddress = q.toInt(1);
    }
    return f;
}

Result<qint64> SessionRepository::reserveAttempt(const QString &login, const QString &remoteAddress,
    qint64 now, qint64 since, int maxFailures, Failures &failures) const
{
    Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status().error();
    if (const QString lock = m_db.dialect().lockTable(QStringLiteral("login_failures")); !lock.isEmpty()) {
        if (Status s = m_db.execute(lock); !s.ok())
            return s.error();
    }
    const Result<Failures> counted = failuresSince(login, remoteAddress, since);
    if (!counted.ok())
        return counted.error();
    failures = counted.value();
    if (failures.byLogin >= maxFailures || failures.byAddress >= maxFailures)
        return qint64(0);
    qint64 id = 0;
    {
        Statement q = m_db.prepare(QStringLiteral(
            "INSERT INTO login_failures (login, remote_address, at) VALUES (?, ?, ?) RETURNING id"));
        q.bind(login).bind(remoteAddress).bind(now);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        id = q.next() ? q.toInt(0) : 0;
    }
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    return id;
}

Status SessionRepository::releaseAttempt(qint64 reservationId, const QString &login) const
{
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM login_failures WHERE id = ? AND login = ?"));
    q.bind(reservationId).bind(login);
    return q.exec();
}

} // namespace mailadmin::store
