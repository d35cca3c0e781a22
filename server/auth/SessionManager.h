#pragma once

#include "Result.h"
#include "auth/Actor.h"

#include <QHash>
#include <QString>

#include <mutex>

namespace mailadmin::store {
class Database;
}

namespace mailadmin::auth {

struct SessionPolicy
{
    qint64 idleSeconds = 30 * 60;
    qint64 absoluteSeconds = 12 * 60 * 60;
    int maxFailures = 5;
    qint64 failureWindowSeconds = 15 * 60;
};

struct SignIn
{
    QString token;
    qint64 expiresAt = 0;
    Actor actor;
};

// Signs admins in and out and turns bearer tokens back into actors. Sessions live in the database (so several
// servers can share them); a short-lived cache spares the database on every request.
class SessionManager
{
public:
    SessionManager(store::Database &db, SessionPolicy policy = {});

    Result<SignIn> signIn(const QString &login, const QString &password, const QString &remoteAddress);
    Result<Actor> authenticate(const QString &token, const QString &remoteAddress);
    Status signOut(const QString &token);
    // Ends every session of an admin (disabled, role changed, password changed) but `keepSessionId`, the
    // session of an admin changing their own password.
    Status revokeAdmin(qint64 adminId, qint64 keepSessionId = 0);
    const SessionPolicy &policy() const { return m_policy; }
    // Deletes expired sessions and old failure records.
    Status sweep();

private:
    struct Cached
    {
        qint64 sessionId = 0;
        Actor actor;
        qint64 expiresAt = 0;
        qint64 lastSeen = 0;
        qint64 lastSeenStored = 0;
        qint64 checkedAt = 0;
    };
    Result<Actor> loadActor(qint64 adminId) const;

    store::Database &m_db;
    SessionPolicy m_policy;
    std::mutex m_mutex;
    QHash<QByteArray, Cached> m_cache;
    // Moves on every revocation, so that a session read from the database just before it ended is not put
    // back into the cache just after.
    quint64 m_revocations = 0;
};

} // namespace mailadmin::auth
