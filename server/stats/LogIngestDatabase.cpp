#include "stats/LogIngestDatabase.h"

#include "Validation.h"
#include "auth/Clock.h"
#include "store/IngestPositionRepository.h"
#include "store/MailStoreRepository.h"

namespace mailadmin::stats {

namespace {
// Positions of files not seen for this long are forgotten.
constexpr qint64 kKeepPositions = 90 * 86400;
constexpr qsizetype kMaxCachedUsers = 500000;
// Users' hours summed in memory before they are written, whatever the pace: this bounds the memory they take
// (each becomes at most two user rows and adds to one domain's and one company's).
constexpr qsizetype kMaxUnfoldedUserHours = 25000;
// How long a transaction stays open across batches.
constexpr qint64 kCommitEveryMs = 250;
} // namespace

Result<std::optional<store::ReadPosition>> DatabaseTarget::position(const store::FileIdentity &file)
{
    return store::IngestPositionRepository(m_db).find(file);
}

Result<const DatabaseTarget::Lookup *> DatabaseTarget::lookup(const QByteArray &user)
{
    auto it = m_users.constFind(user);
    if (it != m_users.constEnd())
        return &it.value();
    if (m_users.size() > kMaxCachedUsers)
        m_users.clear();
    Lookup found;
    const validation::Verdict address = validation::normalizeEmail(QString::fromUtf8(user));
    if (!address.ok()) {
        found.problem = QStringLiteral("user: ") + address.message;
    } else {
        found.address = address.value;
        const Result<store::UserRef> ref = store::StatsRepository(m_db).resolve(address.value);
        if (!ref.ok())
            return ref.error();
        found.user = ref.value();
    }
    return &m_users.insert(user, found).value();
}

Result<service::IngestReport> DatabaseTarget::write(
    const QList<LogEvent> &events, const QList<store::ReadPosition> &positions)
{
    service::IngestReport report;
    QList<store::LoginEvent> logins;
    QList<store::MessageEvent> messages;
    QList<store::QuotaSample> quotas;
    QList<std::pair<qint64, QString>> backends; // user, backend host
    const qint64 now = auth::Clock::now();
    static const QString protocols[store::RollupChanges::Protocols]
        = {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"), QStringLiteral("smtp")};
    for (qsizetype i = 0; i < events.size(); ++i) {
        const LogEvent &e = events.at(i);
        const auto reject = [&](const QString &reason) { report.rejected.append({int(i + 1), reason}); };
        if (e.at > now + 3600) {
            reject(QStringLiteral("time is in the future"));
            continue;
        }
        const Result<const Lookup *> found = lookup(e.user);
        if (!found.ok())
            return found.error();
        const Lookup &who = *found.value();
        if (!who.problem.isEmpty()) {
            reject(who.problem);
            continue;
        }
        const bool matched = !who.user.isNull();
        switch (e.kind) {
        case LogEvent::Kind::Login: {
            const int index = e.protocol == "imap" ? store::RollupChanges::Imap
                : e.protocol == "pop"              ? store::RollupChanges::Pop
                : e.protocol == "webmail"          ? store::RollupChanges::Webmail
                : e.protocol == "smtp"             ? store::RollupChanges::Smtp
                                                   : -1;
            if (index < 0) {
                reject(QStringLiteral("protocol must be imap, pop, webmail or smtp"));
                continue;
            }
            const QString remote = QString::fromUtf8(e.remote.left(256)).left(64);
            if (validation::hasControlCharacters(remote)) {
                reject(QStringLiteral("remote has control characters"));
                continue;
            }
            if (matched)
                logins.append({e.at, who.user, protocols[index], e.success, remote});
            break;
        }
        case LogEvent::Kind::Message:
            if (e.recipients < 1 || e.recipients > 100000) {
                reject(QStringLiteral("recipients must be a whole number from 1 to 100000"));
                continue;
            }
            if (e.bytes < 0 || e.bytes > qint64(1e12)) {
                reject(QStringLiteral("bytes must be a number of bytes"));
                continue;
            }
            if (matched)
                messages.append({e.at, who.user, e.recipients, e.bytes});
            break;
        case LogEvent::Kind::Backend:
            if (matched)
                backends.append({who.user.userId, QString::fromUtf8(e.backend)});
            break;
        case LogEvent::Kind::Quota:
            if (e.bytes < 0 || e.bytes > qint64(1.8e13)) {
                reject(QStringLiteral("used_bytes must be a number of bytes"));
                continue;
            }
            if (matched)
                quotas.append({e.at, who.user, e.bytes, std::max<qint64>(0, e.messages)});
            break;
        }
        if (matched) {
            ++report.accepted;
        } else {
            ++report.unmatched;
            if (report.unmatchedUsers.size() < 20 && !report.unmatchedUsers.contains(who.address))
                report.unmatchedUsers << who.address;
        }
    }

    if (!m_tuned && m_db.dialect().kind() == store::SqlDialect::Kind::SQLite) {
        // Memory stays bounded whatever the size of the logs and the database: pages through SQLite's own
        // cache of 16 MB rather than a map of the whole file (the server's connections keep theirs).
        // Its transactions are large: the log is checkpointed into the database after 4,000 pages rather than
        // SQLite's 1,000, so a page changed by several transactions is copied back fewer times.
        for (const QString &pragma : {QStringLiteral("PRAGMA mmap_size=0"),
                 QStringLiteral("PRAGMA cache_size=-16384"), QStringLiteral("PRAGMA wal_autocheckpoint=4000")})
            if (Status s = m_db.execute(pragma); !s.ok())
                return s.error();
        m_tuned = true;
    }
    if (!m_open) {
        m_open = std::make_unique<store::Transaction>(m_db);
        if (!m_open->status().ok()) {
            const Error e = m_open->status().error();
            m_open.reset();
            return e;
        }
        m_sinceBegin.start();
    }
    // Any failure below leaves the transaction to roll back whole: the batches in it and their positions go
    // together, and the next run reads them again.
    const auto failed = [this](const Error &e) {
        m_open.reset();
        m_unfolded.clear();
        return e;
    };
    store::StatsRepository stats(m_db);
    if (Status s = stats.apply(logins, messages, quotas, &m_unfolded); !s.ok())
        return failed(s.error());
    for (const auto &[userId, host] : backends) {
        if (const Result<bool> learned = store::MailStoreRepository(m_db).learnFromBackend(userId, host, now);
            !learned.ok())
            return failed(learned.error());
    }
    const store::IngestPositionRepository kept(m_db);
    for (const store::ReadPosition &p : positions)
        if (Status s = kept.save(p, now); !s.ok())
            return failed(s.error());
    if (!m_purged) {
        if (const Result<qint64> gone = kept.purgeBefore(now - kKeepPositions); !gone.ok())
            return failed(gone.error());
        m_purged = true;
    }
    // A small batch (a log followed as it grows) shows in the rollups at once; large ones are folded about
    // once a second, so a user's hour is written once for many batches.
    if (logins.size() + messages.size() <= service::IngestService::kInlineFold || !m_sinceFold.isValid()
        || m_sinceFold.elapsed() >= 1000 || m_unfolded.userHours() > kMaxUnfoldedUserHours) {
        if (const Result<qint64> folded = stats.fold(&m_unfolded); !folded.ok())
            return failed(folded.error());
        if (Status s = commitOpen(); !s.ok())
            return failed(s.error());
        m_unfolded.clear();
        m_sinceFold.start();
        return report;
    }
    if (m_sinceBegin.elapsed() >= kCommitEveryMs)
        if (Status s = commitOpen(); !s.ok())
            return failed(s.error());
    return report;
}

Status DatabaseTarget::commitOpen()
{
    if (!m_open)
        return Status::success();
    const Status s = m_open->commit();
    m_open.reset();
    return s;
}

Status DatabaseTarget::flush()
{
    if (Status s = commitOpen(); !s.ok()) {
        m_unfolded.clear();
        return s;
    }
    return Status::success();
}

Status DatabaseTarget::settle()
{
    if (m_open) {
        if (const Result<qint64> folded = store::StatsRepository(m_db).fold(&m_unfolded); !folded.ok()) {
            m_open.reset();
            m_unfolded.clear();
            return folded.error();
        }
        const Status s = commitOpen();
        m_unfolded.clear();
        m_sinceFold.start();
        return s;
    }
    const Result<qint64> pending = store::StatsRepository(m_db).unfolded();
    if (!pending.ok())
        return pending.error();
    if (pending.value() == 0)
        return Status::success();
    store::Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status().error();
    if (const Result<qint64> folded = store::StatsRepository(m_db).fold(&m_unfolded); !folded.ok())
        return folded.error();
    if (Status s = tx.commit(); !s.ok())
        return s;
    m_unfolded.clear();
    return Status::success();
}

} // namespace mailadmin::stats
