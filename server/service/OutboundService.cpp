#include "service/OutboundService.h"

#include "Json.h"

#include <QJsonArray>
#include <QMutex>
#include <QProcess>

namespace mailadmin::service {

namespace {

const QString kType = QStringLiteral("user");

QMutex g_configMutex;
QString g_postfixConfig;

QString postfixConfig()
{
    QMutexLocker lock(&g_configMutex);
    return g_postfixConfig;
}

// postsuper -H moves messages from the hold queue back to the queue; it says nothing of ids already gone.
bool releaseInPostfix(const QStringList &queueIds)
{
    const QString config = postfixConfig();
    if (config.isEmpty() || queueIds.isEmpty())
        return false;
    QProcess postsuper;
    postsuper.setProcessChannelMode(QProcess::MergedChannels);
    postsuper.start(QStringLiteral("postsuper"),
        {QStringLiteral("-c"), config, QStringLiteral("-H"), QStringLiteral("-")});
    if (!postsuper.waitForStarted(5000))
        return false;
    postsuper.write(queueIds.join(QLatin1Char('\n')).toLatin1() + '\n');
    postsuper.closeWriteChannel();
    if (!postsuper.waitForFinished(15000) || postsuper.exitStatus() != QProcess::NormalExit
        || postsuper.exitCode() != 0)
        return false;
    // Released mail waits in the deferred queue for the next queue run; ask for it to go now.
    for (const QString &id : queueIds) {
        QProcess postqueue;
        postqueue.start(
            QStringLiteral("postqueue"), {QStringLiteral("-c"), config, QStringLiteral("-i"), id});
        postqueue.waitForFinished(15000);
    }
    return true;
}

} // namespace

void OutboundService::setPostfixConfig(const QString &configDirectory)
{
    QMutexLocker lock(&g_configMutex);
    g_postfixConfig = configDirectory;
}

Result<QJsonObject> OutboundService::stateOf(const Record &user) const
{
    const qint64 now = auth::Clock::now();
    store::Statement q = db().prepare(QStringLiteral(
        "SELECT u.outbound_hold, u.outbound_released_at, c.smtp_send_limit, COALESCE(t.spike_action, "
        "'notify'), "
        "COALESCE((SELECT o.messages FROM outbound_counts o WHERE o.user_id = u.id AND o.day = ?), 0), "
        "(SELECT COUNT(*) FROM alerts a WHERE a.user_id = u.id AND a.status IN ('open', 'acknowledged') "
        "AND a.created_at > COALESCE(u.outbound_released_at, 0)) "
        "FROM users u JOIN domains d ON d.id = u.domain_id JOIN companies c ON c.id = d.company_id "
        "LEFT JOIN spike_thresholds t ON t.company_id = c.id WHERE u.id = ?"));
    q.bind(now / 86400).bind(user.id);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("No such user."));
    const bool manual = q.toInt(0) != 0;
    const QString action = q.toString(3);
    const qint64 openAlerts = q.toInt(5);
    QJsonObject out {{QStringLiteral("address"), user.data.value(QLatin1String("address"))},
        {QStringLiteral("hold"), manual}, {QStringLiteral("spike_action"), action},
        {QStringLiteral("open_alerts"), double(openAlerts)},
        {QStringLiteral("held"), manual || (openAlerts > 0 && action == QLatin1String("hold"))},
        {QStringLiteral("deferred"), !manual && openAlerts > 0 && action == QLatin1String("defer")},
        {QStringLiteral("send_limit"), double(q.toInt(2))},
        {QStringLiteral("sent_today"), double(q.toInt(4))},
        {QStringLiteral("released_at"),
            q.value(1).isNull() ? QJsonValue() : QJsonValue(json::isoTime(q.toInt(1)))}};
    store::Statement h = db().prepare(QStringLiteral(
        "SELECT queue_id, held_at, reason FROM held_messages WHERE user_id = ? AND released_at IS NULL "
        "ORDER BY held_at, queue_id LIMIT 1000"));
    h.bind(user.id);
    if (Status s = h.exec(); !s.ok())
        return s.error();
    QJsonArray held;
    while (h.next())
        held.append(QJsonObject {{QStringLiteral("queue_id"), h.toString(0)},
            {QStringLiteral("held_at"), json::isoTime(h.toInt(1))},
            {QStringLiteral("reason"), h.toString(2)}});
    out.insert(QStringLiteral("held_messages"), held);
    return out;
}

Result<QJsonObject> OutboundService::state(const Actor &actor, const QString &address) const
{
    if (Status s = require(actor, QStringLiteral("user.read")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    return stateOf(user.value());
}

Result<QJsonObject> OutboundService::hold(const Actor &actor, const QString &address) const
{
    if (Status s = require(actor, QStringLiteral("user.suspend")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        const Result<QJsonObject> before = stateOf(user.value());
        if (!before.ok())
            return before;
        if (before->value(QLatin1String("hold")).toBool())
            return Error::conflict(QStringLiteral("The user's outbound mail is already held."));
        store::Statement q = db().prepare(QStringLiteral("UPDATE users SET outbound_hold = 1 WHERE id = ?"));
        q.bind(user->id);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        const QJsonObject changes {{QStringLiteral("outbound_hold"),
            QJsonObject {{QStringLiteral("before"), false}, {QStringLiteral("after"), true}}}};
        if (Status s = audit(actor, kType, address, QStringLiteral("outbound_hold"), changes, user->companyId,
                user->domainId);
            !s.ok())
            return s.error();
        return stateOf(user.value());
    });
}

Result<QJsonObject> OutboundService::release(const Actor &actor, const QString &address) const
{
    if (Status s = require(actor, QStringLiteral("user.suspend")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    QStringList queueIds;
    const Result<QJsonObject> released = transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        const Result<QJsonObject> before = stateOf(user.value());
        if (!before.ok())
            return before;
        if (!before->value(QLatin1String("held")).toBool()
            && !before->value(QLatin1String("deferred")).toBool()
            && before->value(QLatin1String("held_messages")).toArray().isEmpty())
            return Error::conflict(QStringLiteral("The user's outbound mail is not held."));
        const qint64 now = auth::Clock::now();
        store::Statement q = db().prepare(
            QStringLiteral("UPDATE users SET outbound_hold = 0, outbound_released_at = ? WHERE id = ?"));
        q.bind(now).bind(user->id);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        for (const QJsonValue &m : before->value(QLatin1String("held_messages")).toArray())
            queueIds << m.toObject().value(QLatin1String("queue_id")).toString();
        store::Statement r = db().prepare(QStringLiteral(
            "UPDATE held_messages SET released_at = ? WHERE user_id = ? AND released_at IS NULL"));
        r.bind(now).bind(user->id);
        if (Status s = r.exec(); !s.ok())
            return s.error();
        const QJsonObject changes {
            {QStringLiteral("outbound_hold"),
                QJsonObject {{QStringLiteral("before"), before->value(QLatin1String("held"))},
                    {QStringLiteral("after"), false}}},
            {QStringLiteral("released_messages"),
                QJsonObject {{QStringLiteral("before"), QJsonValue()},
                    {QStringLiteral("after"), QJsonArray::fromStringList(queueIds)}}}};
        if (Status s = audit(actor, kType, address, QStringLiteral("outbound_release"), changes,
                user->companyId, user->domainId);
            !s.ok())
            return s.error();
        return stateOf(user.value());
    });
    if (!released.ok())
        return released;
    QJsonObject out = released.value();
    out.insert(QStringLiteral("released_queue_ids"), QJsonArray::fromStringList(queueIds));
    // Outside the transaction: Postfix's queue is not the database's to roll back.
    out.insert(QStringLiteral("released_in_postfix"), releaseInPostfix(queueIds));
    return out;
}

} // namespace mailadmin::service
