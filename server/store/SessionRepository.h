#pragma once

#include "store/Database.h"

namespace mailadmin::store {

struct SessionRow
{
    qint64 id = 0;
    qint64 adminId = 0;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 expiresAt = 0;
};

// Sign-in sessions, found by the hash of their bearer token, and the failed sign-ins used for throttling.
class SessionRepository
{
public:
    explicit SessionRepository(Database &db) : m_db(db) { }

    Result<qint64> create(const QByteArray &tokenHash, qint64 adminId, qint64 now, qint64 expiresAt,
        const QString &remoteAddress) const;
    Result<SessionRow> byTokenHash(const QByteArray &tokenHash) const;
    Status touch(qint64 sessionId, qint64 now) const;
    Status remove(qint64 sessionId) const;
    // Every session of the admin but `keepSessionId` (0: all of them).
    Status removeForAdmin(qint64 adminId, qint64 keepSessionId = 0) const;
    Status removeExpired(qint64 now, qint64 idleSeconds) const;

    // Failures since `since` for the login and for the address, and the oldest of each.
    struct Failures
    {
        qint64 byLogin = 0;
        qint64 byAddress = 0;
        qint64 oldestByLogin = 0;
        qint64 oldestByAddress = 0;
    };
    Result<Failures> failuresSince(const QString &login, const QString &remoteAddress, qint64 since) const;

    // Counts the failures since `since` and, below `maxFailures` for both the login and the address, records
    // this attempt as a failure before its password is checked, all in one transaction: parallel attempts
    // can never all pass the count. The reservation's id, or 0 with `failures` filled when over the limit.
    Result<qint64> reserveAttempt(const QString &login, const QString &remoteAddress, qint64 now,
        qint64 since, int maxFailures, Failures &failures) const;
    // The attempt `reservationId` succeeded: drop it. The failures before it stay until they age out of the
    // window; clearing them would hand a guesser racing the right password a fresh allowance.
    Status releaseAttempt(qint64 reservationId, const QString &login) const;

private:
    Database &m_db;
};

} // namespace mailadmin::store
