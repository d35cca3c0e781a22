#include "auth/SessionManager.h"

#include "auth/AuthLog.h"
#include "auth/Clock.h"
#include "auth/PasswordHasher.h"
#include "store/AdminRepository.h"
#include "store/Database.h"
#include "store/SessionRepository.h"

#include <QCryptographicHash>

namespace mailadmin::auth {

namespace {
constexpr qint64 kRecheckSeconds
    = 30; // how long a cached session is trusted before the database is asked again
constexpr qint64 kTouchSeconds = 60; // how often last-seen is written back

// An unknown login as the log shows it: a short digest and its length, enough to tell repeated attempts
// apart without ever writing what was typed.
QString maskedLogin(const QString &login)
{
    const QByteArray digest = QCryptographicHash::hash(login.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("unknown login #%1 (%2 characters)")
        .arg(QString::fromLatin1(digest.left(8)))
        .arg(login.size());
}
} // namespace

namespace {
// An admin of a suspended or deleted company is refused as a disabled one is; operators belong to none.
Result<bool> companyOpen(store::Database &db, qint64 companyId)
{
    if (companyId <= 0)
        return true;
    store::Statement q = db.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM companies WHERE id = ? AND deleted_at IS NULL AND status = 'active'"));
    q.bind(companyId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() && q.toInt(0) > 0;
}
} // namespace

SessionManager::SessionManager(store::Database &db, SessionPolicy policy) : m_db(db), m_policy(policy) { }

Result<Actor> SessionManager::loadActor(qint64 adminId) const
{
    store::AdminRepository admins(m_db);
    const Result<store::Record> admin = admins.byId(adminId);
    if (!admin.ok())
        return admin.error();
    if (admin->isNull() || admin->data.value(QLatin1String("disabled")).toBool())
        return Error::make(ErrorKind::Unauthenticated, QStringLiteral("This account is disabled."));
    const Result<bool> open = companyOpen(m_db, admin->companyId);
    if (!open.ok())
        return open.error();
    if (!open.value())
        return Error::make(ErrorKind::Unauthenticated,
            QStringLiteral("The company of this account is suspended or deleted."));
    Actor actor;
    actor.adminId = adminId;
    actor.login = admin->data.value(QLatin1String("login")).toString();
    actor.role = roles::fromName(admin->data.value(QLatin1String("role")).toString());
    actor.companyId = admin->companyId;
    if (actor.role == Role::DomainAdmin) {
        const Result<QList<qint64>> ids = admins.domainIds(adminId);
        if (!ids.ok())
            return ids.error();
        actor.domainIds = ids.value();
    }
    return actor;
}

Result<SignIn> SessionManager::signIn(
    const QString &loginInput, const QString &password, const QString &remoteAddress)
{
    const QString login = loginInput.trimmed().toLower();
    const qint64 now = Clock::now();
    store::SessionRepository sessions(m_db);
    // The attempt is counted before the password is checked, so a burst of parallel guesses gets no more
    // checks than the limit allows.
    store::SessionRepository::Failures failures;
    const Result<qint64> reservation = sessions.reserveAttempt(
        login, remoteAddress, now, now - m_policy.failureWindowSeconds, m_policy.maxFailures, failures);
    if (!reservation.ok())
        return reservation.error();
    if (reservation.value() == 0) {
        const qint64 oldest
            = failures.byLogin >= m_policy.maxFailures ? failures.oldestByLogin : failures.oldestByAddress;
        Error e
            = Error::make(ErrorKind::Throttled, QStringLiteral("Too many failed sign-ins. Try again later."));
        e.retryAfterSeconds = int(qMax<qint64>(1, oldest + m_policy.failureWindowSeconds - now));
        return e;
    }

    store::AdminRepository admins(m_db);
    const Result<store::Record> admin = admins.byLogin(login);
    if (!admin.ok())
        return admin.error();
    bool good = false;
    if (admin->isNull()) {
        PasswordHasher::burn(password);
    } else {
        const Result<QString> hash = admins.passwordHash(admin->id);
        if (!hash.ok())
            return hash.error();
        good = PasswordHasher::verify(hash.value(), password)
            && !admin->data.value(QLatin1String("disabled")).toBool();
        if (good) {
            const Result<bool> open = companyOpen(m_db, admin->companyId);
            if (!open.ok())
                return open.error();
            good = open.value();
        }
    }
    if (!good) {
        // The reservation stays as the failure. A login no admin has may be a password typed into the
        // wrong field: the log gets a digest of it, never the text.
        qCInfo(lcAuth).noquote() << "failed sign-in for" << (admin->isNull() ? maskedLogin(login) : login)
                                 << "from" << remoteAddress;
        return Error::make(ErrorKind::Unauthenticated,
            QStringLiteral("The login or password is wrong, or the account is disabled."));
    }
    const Result<Actor> actor = loadActor(admin->id);
    if (!actor.ok())
        return actor.error();

    SignIn result;
    result.token = PasswordHasher::newToken();
    result.expiresAt = now + m_policy.absoluteSeconds;
    result.actor = actor.value();
    result.actor.remoteAddress = remoteAddress;
    const QByteArray hash = PasswordHasher::tokenHash(result.token);
    const Result<qint64> sessionId = sessions.create(hash, admin->id, now, result.expiresAt, remoteAddress);
    if (!sessionId.ok())
        return sessionId.error();
    result.actor.sessionId = sessionId.value();
    (void)sessions.releaseAttempt(reservation.value(), login);
    (void)admins.touchLogin(admin->id, now);
    {
        std::lock_guard lock(m_mutex);
        m_cache.insert(hash, Cached {sessionId.value(), result.actor, result.expiresAt, now, now, now});
    }
    return result;
}

Result<Actor> SessionManager::authenticate(const QString &token, const QString &remoteAddress)
{
    const Error expired = Error::make(
        ErrorKind::Unauthenticated, QStringLiteral("The session has expired or was ended. Sign in again."));
    if (token.isEmpty() || token.size() > 128)
        return Error::make(
            ErrorKind::Unauthenticated, QStringLiteral("Sign in first: this request needs a bearer token."));
    const QByteArray hash = PasswordHasher::tokenHash(token);
    const qint64 now = Clock::now();
    bool touch = false;
    quint64 revocations = 0;
    {
        std::lock_guard lock(m_mutex);
        revocations = m_revocations;
        auto it = m_cache.find(hash);
        if (it != m_cache.end()) {
            if (now >= it->expiresAt || now - it->lastSeen > m_policy.idleSeconds) {
                m_cache.erase(it);
                return expired;
            }
            it->lastSeen = now;
            // One request refreshes a stale entry; the others keep using it meanwhile, so a crowd of requests
            // never queues up on the database at the same moment.
            if (now - it->checkedAt < kRecheckSeconds) {
                Actor actor = it->actor;
                actor.remoteAddress = remoteAddress;
                actor.sessionId = it->sessionId;
                return actor;
            }
            it->checkedAt = now;
            touch = now - it->lastSeenStored >= kTouchSeconds;
            if (touch)
                it->lastSeenStored = now;
        }
    }
    store::SessionRepository sessions(m_db);
    const Result<store::SessionRow> row = sessions.byTokenHash(hash);
    if (!row.ok())
        return row.error();
    if (row->id == 0 || now >= row->expiresAt
        || now - row->lastSeenAt > m_policy.idleSeconds + kTouchSeconds) {
        std::lock_guard lock(m_mutex);
        m_cache.remove(hash);
        if (row->id != 0)
            (void)sessions.remove(row->id);
        return expired;
    }
    Result<Actor> actor = loadActor(row->adminId);
    if (!actor.ok()) {
        std::lock_guard lock(m_mutex);
        m_cache.remove(hash);
        if (actor.error().kind == ErrorKind::Unauthenticated)
            (void)sessions.removeForAdmin(row->adminId);
        return actor;
    }
    if (touch || now - row->lastSeenAt >= kTouchSeconds) {
        if (Status s = sessions.touch(row->id, now); !s.ok())
            qCWarning(lcAuth) << "could not record session activity:" << s.error().detail;
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_revocations != revocations) {
            m_cache.remove(hash);
        } else {
            auto it = m_cache.find(hash);
            if (it == m_cache.end())
                m_cache.insert(hash, Cached {row->id, actor.value(), row->expiresAt, now, now, now});
            else
                it->actor = actor.value();
        }
    }
    actor->remoteAddress = remoteAddress;
    actor->sessionId = row->id;
    return actor;
}

Status SessionManager::signOut(const QString &token)
{
    const QByteArray hash = PasswordHasher::tokenHash(token);
    {
        std::lock_guard lock(m_mutex);
        m_cache.remove(hash);
    }
    store::SessionRepository sessions(m_db);
    const Result<store::SessionRow> row = sessions.byTokenHash(hash);
    if (!row.ok())
        return row.error();
    return row->id ? sessions.remove(row->id) : Status::success();
}

Status SessionManager::revokeAdmin(qint64 adminId, qint64 keepSessionId)
{
    // The rows go first: a request that misses the cache meanwhile finds no session in the database.
    if (Status s = store::SessionRepository(m_db).removeForAdmin(adminId, keepSessionId); !s.ok())
        return s;
    std::lock_guard lock(m_mutex);
    ++m_revocations;
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it->actor.adminId == adminId && it->sessionId != keepSessionId)
            it = m_cache.erase(it);
        else
            ++it;
    }
    return Status::success();
}

Status SessionManager::sweep()
{
    const qint64 now = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_cache.begin(); it != m_cache.end();) {
            if (now >= it->expiresAt || now - it->lastSeen > m_policy.idleSeconds)
                it = m_cache.erase(it);
            else
                ++it;
        }
    }
    return store::SessionRepository(m_db).removeExpired(now, m_policy.idleSeconds);
}

} // namespace mailadmin::auth
