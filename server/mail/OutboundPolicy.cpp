#include "mail/OutboundPolicy.h"

#include "auth/Clock.h"
#include "store/FastStatement.h"
#include <QLoggingCategory>
#include "service/ServiceLog.h"

#include <chrono>
#include <optional>

namespace mailadmin::mail {

namespace {

struct Sender
{
    qint64 id = 0;
    QString status, smtp;
    bool domainLive = false, hold = false;
    qint64 releasedAt = 0, limit = 0;
    QString spikeAction;
};

const QByteArray kDunno = QByteArrayLiteral("DUNNO");

QByteArray limitReached(const QByteArray &login, qint64 limit)
{
    if (!login.isEmpty())
        qCInfo(lcPolicy) << "deferring mail from" << login << "at its daily limit of" << limit;
    return QByteArrayLiteral("DEFER 4.7.1 Daily sending limit of ") + QByteArray::number(limit)
        + QByteArrayLiteral(" messages reached");
}

} // namespace

const QByteArray OutboundPolicy::kUnavailable
    = QByteArrayLiteral("DEFER_IF_PERMIT 4.3.0 Sending policy is unavailable, try again");

OutboundPolicy::OutboundPolicy(store::Database &db) : m_db(db), m_committer([this] { commitLoop(); })
{
    if (m_db.dialect().kind() == store::SqlDialect::Kind::SQLite)
        m_checkpointer = std::thread([this] { checkpointLoop(); });
}

OutboundPolicy::~OutboundPolicy()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_checkpointWake.notify_all();
    m_committer.join();
    if (m_checkpointer.joinable())
        m_checkpointer.join();
}

std::optional<QByteArray> OutboundPolicy::decide(const Attributes &request, Completion later)
{
    if (request.value(QByteArrayLiteral("request")) != "smtpd_access_policy")
        return QByteArrayLiteral("DUNNO");
    // Only signed-in senders are judged; mail arriving from outside is not this service's business.
    const QByteArray login = request.value(QByteArrayLiteral("sasl_username")).trimmed().toLower();
    if (login.isEmpty() || login.size() > 320)
        return QByteArrayLiteral("DUNNO");
    const QByteArray state = request.value(QByteArrayLiteral("protocol_state")).toUpper();
    // A message is counted once, when its content is complete; earlier stages only check the limit.
    const bool wholeMessage = state == "END-OF-MESSAGE" || state == "DATA";
    const QByteArray queueId = request.value(QByteArrayLiteral("queue_id"));
    const qint64 now = auth::Clock::now();
    const qint64 day = now / 86400;

    Sender s;
    {
        store::Statement q = m_db.prepare(QStringLiteral(
            "SELECT u.id, u.status, u.service_smtp, u.outbound_hold, COALESCE(u.outbound_released_at, 0), "
            "CASE WHEN d.deleted_at IS NULL AND d.disabled = 0 AND c.deleted_at IS NULL "
            "AND c.status = 'active' THEN 1 ELSE 0 END, c.smtp_send_limit, "
            "COALESCE(t.spike_action, 'notify') FROM users u JOIN domains d ON d.id = u.domain_id "
            "JOIN companies c ON c.id = d.company_id LEFT JOIN spike_thresholds t ON t.company_id = c.id "
            "WHERE u.address = ?"));
        q.bind(QString::fromUtf8(login));
        if (!q.exec().ok())
            return kUnavailable;
        if (!q.next())
            return QByteArrayLiteral("DUNNO");
        s.id = q.toInt(0);
        s.status = q.toString(1);
        s.smtp = q.toString(2);
        s.hold = q.toInt(3) != 0;
        s.releasedAt = q.toInt(4);
        s.domainLive = q.toInt(5) != 0;
        s.limit = q.toInt(6);
        s.spikeAction = q.toString(7);
    }
    if (s.status == QLatin1String("suspended"))
        return QByteArrayLiteral("REJECT 5.7.1 This account is suspended");
    if (s.status != QLatin1String("active") || !s.domainLive)
        return QByteArrayLiteral("REJECT 5.7.1 This account cannot send mail");
    if (s.smtp != QLatin1String("enabled"))
        return QByteArrayLiteral("REJECT 5.7.1 Sending mail is disabled for this account");

    QByteArray holdReason;
    if (s.hold) {
        holdReason = QByteArrayLiteral("held by an administrator");
    } else if (s.spikeAction != QLatin1String("notify")) {
        store::Statement q = m_db.prepare(QStringLiteral(
            "SELECT COUNT(*) FROM alerts WHERE user_id = ? AND status IN ('open', 'acknowledged') "
            "AND created_at > ?"));
        q.bind(s.id).bind(s.releasedAt);
        if (!q.exec().ok() || !q.next())
            return kUnavailable;
        if (q.toInt(0) > 0) {
            if (s.spikeAction == QLatin1String("defer"))
                return QByteArrayLiteral("DEFER 4.7.1 Outbound mail of this account is paused after a spike");
            holdReason = QByteArrayLiteral("outbound spike");
        }
    }
    if (!holdReason.isEmpty()) {
        if (!queueId.isEmpty() && wholeMessage) {
            std::lock_guard writer(m_writers);
            store::Transaction tx(m_db);
            if (!tx.status().ok())
                return kUnavailable;
            store::Statement q = m_db.prepare(QStringLiteral(
                "INSERT INTO held_messages (queue_id, user_id, held_at, reason) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (queue_id) DO NOTHING"));
            q.bind(QString::fromLatin1(queueId)).bind(s.id).bind(now).bind(QString::fromLatin1(holdReason));
            if (!q.exec().ok() || !tx.commit().ok())
                return kUnavailable;
        }
        qCInfo(lcPolicy) << "holding" << queueId << "from" << login << "(" << holdReason << ")";
        return QByteArrayLiteral("HOLD ") + holdReason;
    }

    if (wholeMessage) {
        {
            std::lock_guard lock(m_queueMutex);
            m_queue.push_back(Waiting {s.id, day, s.limit, login, std::move(later)});
        }
        m_wake.notify_one();
        return std::nullopt;
    }
    if (s.limit <= 0)
        return kDunno;
    store::Statement q
        = m_db.prepare(QStringLiteral("SELECT messages FROM outbound_counts WHERE user_id = ? AND day = ?"));
    q.bind(s.id).bind(day);
    if (!q.exec().ok())
        return kUnavailable;
    if (q.next() && q.toInt(0) >= s.limit)
        return limitReached(login, s.limit);
    return kDunno;
}

// Counts the messages that came while the previous transaction ran, all in one, then answers them: each
// takes its place only while its sender's count is under the limit. A failed commit counts none of them
// and answers DEFER_IF_PERMIT.
void OutboundPolicy::commitLoop()
{
    std::vector<Waiting> batch;
    std::vector<QByteArray> actions;
    if (m_db.dialect().kind() == store::SqlDialect::Kind::SQLite) {
        if (Status s = m_db.execute(QStringLiteral("PRAGMA wal_autocheckpoint=0")); !s.ok())
            qCWarning(lcPolicy) << "could not leave checkpoints to their own thread:" << s.error().detail;
    }
    for (;;) {
        {
            std::unique_lock lock(m_queueMutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nobody waits
            batch.swap(m_queue);
        }
        actions.assign(batch.size(), kUnavailable);
        {
            std::lock_guard writer(m_writers);
            store::Transaction tx(m_db);
            bool ok = tx.status().ok();
            if (ok) {
                store::FastStatement take(m_db, QStringLiteral(
                    "INSERT INTO outbound_counts (user_id, day, messages) VALUES (?, ?, 1) "
                    "ON CONFLICT (user_id, day) DO UPDATE SET messages = outbound_counts.messages + 1 "
                    "WHERE ? <= 0 OR outbound_counts.messages < ?"));
                for (size_t i = 0; ok && i < batch.size(); ++i) {
                    const Waiting &w = batch[i];
                    take.bind(1, w.user);
                    take.bind(2, w.day);
                    take.bind(3, w.limit);
                    take.bind(4, w.limit);
                    ok = take.run().ok();
                    actions[i] = take.changes() > 0 ? kDunno : limitReached(w.login, w.limit);
                }
            }
            if (!(ok && tx.commit().ok())) {
                qCWarning(lcPolicy) << "could not count" << batch.size() << "messages; deferred";
                actions.assign(batch.size(), kUnavailable);
            }
        }
        for (size_t i = 0; i < batch.size(); ++i)
            batch[i].done(actions[i]);
        batch.clear();
    }
}

// A passive checkpoint copies what no reader still needs and waits for nobody; the log's pages are reused
// once a checkpoint has copied all of them. Other connections of the file keep checkpointing as usual.
void OutboundPolicy::checkpointLoop()
{
    for (;;) {
        {
            std::unique_lock lock(m_queueMutex);
            if (m_checkpointWake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopping; }))
                break;
        }
        if (Status s = m_db.execute(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")); !s.ok())
            qCWarning(lcPolicy) << "checkpoint failed:" << s.error().detail;
    }
    // The log is left for the next connection to open or close the file to copy: a checkpoint here could
    // wait for a writer while the server stops.
}

} // namespace mailadmin::mail
