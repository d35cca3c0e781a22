#include "mail/OutboundPolicy.h"

#include "auth/Clock.h"
#include "service/ServiceLog.h"

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

const QByteArray kUnavailable
    = QByteArrayLiteral("DEFER_IF_PERMIT 4.3.0 Sending policy is unavailable, try again");

} // namespace

QByteArray OutboundPolicy::decide(const Attributes &request) const
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

    // Checking the limit and counting the message happen in one write transaction, so that concurrent
    // messages of one sender cannot both pass the last free place; earlier stages only read.
    std::unique_lock<std::mutex> writer(m_writers, std::defer_lock);
    std::optional<store::Transaction> tx;
    if (wholeMessage) {
        writer.lock();
        tx.emplace(m_db);
        if (!tx->status().ok())
            return kUnavailable;
    }
    Sender s;
    {
        store::Statement q = m_db.prepare(QStringLiteral(
            "SELECT u.id, u.status, u.service_smtp, u.outbound_hold, COALESCE(u.outbound_released_at, 0), "
            "CASE WHEN d.deleted_at IS NULL AND d.disabled = 0 THEN 1 ELSE 0 END, c.smtp_send_limit, "
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
            store::Statement q = m_db.prepare(QStringLiteral(
                "INSERT INTO held_messages (queue_id, user_id, held_at, reason) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (queue_id) DO NOTHING"));
            q.bind(QString::fromLatin1(queueId)).bind(s.id).bind(now).bind(QString::fromLatin1(holdReason));
            if (!q.exec().ok() || !tx->commit().ok())
                return kUnavailable;
        }
        qCInfo(lcPolicy) << "holding" << queueId << "from" << login << "(" << holdReason << ")";
        return QByteArrayLiteral("HOLD ") + holdReason;
    }

    qint64 sent = 0;
    {
        store::Statement q = m_db.prepare(
            QStringLiteral("SELECT messages FROM outbound_counts WHERE user_id = ? AND day = ?"));
        q.bind(s.id).bind(day);
        if (!q.exec().ok())
            return kUnavailable;
        if (q.next())
            sent = q.toInt(0);
    }
    if (s.limit > 0 && sent >= s.limit) {
        qCInfo(lcPolicy) << "deferring mail from" << login << "at its daily limit of" << s.limit;
        return QByteArrayLiteral("DEFER 4.7.1 Daily sending limit of ") + QByteArray::number(s.limit)
            + QByteArrayLiteral(" messages reached");
    }
    if (wholeMessage) {
        store::Statement q = m_db.prepare(QStringLiteral(
            "INSERT INTO outbound_counts (user_id, day, messages) VALUES (?, ?, 1) "
            "ON CONFLICT (user_id, day) DO UPDATE SET messages = outbound_counts.messages + 1"));
        q.bind(s.id).bind(day);
        if (!q.exec().ok() || !tx->commit().ok())
            return kUnavailable;
    }
    return QByteArrayLiteral("DUNNO");
}

} // namespace mailadmin::mail
