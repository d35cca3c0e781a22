#include "StatsRepository.h"

#include <QSet>

namespace mailadmin::store {

namespace {

struct BucketKey
{
    char scope;
    qint64 id;
    qint64 bucket;
    bool operator==(const BucketKey &o) const { return scope == o.scope && id == o.id && bucket == o.bucket; }
};
size_t qHash(const BucketKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.scope, k.id, k.bucket);
}

struct Counters
{
    qint64 imap = 0, pop = 0, webmail = 0, smtp = 0, failed = 0, messages = 0, recipients = 0, bytes = 0;
};

const QString kCounterColumns = QStringLiteral("logins_imap, logins_pop, logins_webmail, logins_smtp, failed_logins, messages, recipients, bytes");

void addTo(QHash<BucketKey, Counters> &map, const UserRef &u, qint64 bucket, const std::function<void(Counters &)> &add)
{
    add(map[BucketKey{'u', u.userId, bucket}]);
    add(map[BucketKey{'d', u.domainId, bucket}]);
    add(map[BucketKey{'c', u.companyId, bucket}]);
}

} // namespace

Result<UserRef> StatsRepository::resolve(const QString &address) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT u.id, u.domain_id, d.company_id FROM users u JOIN domains d ON d.id = u.domain_id WHERE u.address = ?"));
    q.bind(address);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (q.next())
        return UserRef{q.toInt(0), q.toInt(1), q.toInt(2)};
    Statement a = m_db.prepare(QStringLiteral("SELECT u.id, u.domain_id, d.company_id FROM user_aliases a JOIN users u ON u.id = a.user_id "
                                              "JOIN domains d ON d.id = u.domain_id WHERE a.address = ?"));
    a.bind(address);
    if (Status s = a.exec(); !s.ok())
        return s.error();
    if (a.next())
        return UserRef{a.toInt(0), a.toInt(1), a.toInt(2)};
    return UserRef{};
}

Status StatsRepository::apply(const QList<LoginEvent> &logins, const QList<MessageEvent> &messages, const QList<QuotaSample> &quotas) const
{
    QHash<BucketKey, Counters> hourly, daily;
    if (!logins.isEmpty()) {
        Statement insert = m_db.prepare(QStringLiteral("INSERT INTO login_events (at, user_id, domain_id, company_id, protocol, success, "
                                                       "remote_address) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        QHash<qint64, QHash<QString, qint64>> lastLogin; // user -> protocol -> latest successful login
        for (const LoginEvent &e : logins) {
            Statement &q = insert;
            q.query().bindValue(0, e.at);
            q.query().bindValue(1, e.user.userId);
            q.query().bindValue(2, e.user.domainId);
            q.query().bindValue(3, e.user.companyId);
            q.query().bindValue(4, e.protocol);
            q.query().bindValue(5, e.success ? 1 : 0);
            q.query().bindValue(6, e.remoteAddress);
            if (Status s = q.exec(); !s.ok())
                return s;
            const auto add = [&e](Counters &c) {
                if (!e.success)
                    ++c.failed;
                else if (e.protocol == QLatin1String("imap"))
                    ++c.imap;
                else if (e.protocol == QLatin1String("pop"))
                    ++c.pop;
                else if (e.protocol == QLatin1String("webmail"))
                    ++c.webmail;
                else
                    ++c.smtp;
            };
            addTo(hourly, e.user, e.at / 3600, add);
            addTo(daily, e.user, e.at / 86400, add);
            if (e.success) {
                qint64 &latest = lastLogin[e.user.userId][e.protocol];
                latest = qMax(latest, e.at);
            }
        }
        for (auto user = lastLogin.begin(); user != lastLogin.end(); ++user) {
            for (auto p = user->begin(); p != user->end(); ++p) {
                // The protocol name comes from the fixed set checked by the caller.
                const QString column = QStringLiteral("last_login_") + p.key();
                Statement q = m_db.prepare(QStringLiteral("UPDATE users SET %1 = CASE WHEN %1 IS NULL OR %1 < ? THEN ? ELSE %1 END, "
                                                          "last_login_at = CASE WHEN last_login_at IS NULL OR last_login_at < ? THEN ? "
                                                          "ELSE last_login_at END WHERE id = ?")
                                               .arg(column));
                q.bind(p.value()).bind(p.value()).bind(p.value()).bind(p.value()).bind(user.key());
                if (Status s = q.exec(); !s.ok())
                    return s;
            }
        }
    }
    if (!messages.isEmpty()) {
        Statement insert = m_db.prepare(QStringLiteral(
            "INSERT INTO message_events (at, user_id, domain_id, company_id, recipients, bytes) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const MessageEvent &e : messages) {
            insert.query().bindValue(0, e.at);
            insert.query().bindValue(1, e.user.userId);
            insert.query().bindValue(2, e.user.domainId);
            insert.query().bindValue(3, e.user.companyId);
            insert.query().bindValue(4, e.recipients);
            insert.query().bindValue(5, e.bytes);
            if (Status s = insert.exec(); !s.ok())
                return s;
            const auto add = [&e](Counters &c) {
                ++c.messages;
                c.recipients += e.recipients;
                c.bytes += e.bytes;
            };
            addTo(hourly, e.user, e.at / 3600, add);
            addTo(daily, e.user, e.at / 86400, add);
        }
    }
    for (const auto &[table, map] : {std::pair{QStringLiteral("stats_hourly"), &hourly}, std::pair{QStringLiteral("stats_daily"), &daily}}) {
        Statement upsert = m_db.prepare(
            QStringLiteral("INSERT INTO %1 (scope, scope_id, bucket, %2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "ON CONFLICT (scope, scope_id, bucket) DO UPDATE SET logins_imap = %1.logins_imap + excluded.logins_imap, "
                           "logins_pop = %1.logins_pop + excluded.logins_pop, logins_webmail = %1.logins_webmail + excluded.logins_webmail, "
                           "logins_smtp = %1.logins_smtp + excluded.logins_smtp, failed_logins = %1.failed_logins + excluded.failed_logins, "
                           "messages = %1.messages + excluded.messages, recipients = %1.recipients + excluded.recipients, "
                           "bytes = %1.bytes + excluded.bytes")
                .arg(table, kCounterColumns));
        for (auto it = map->begin(); it != map->end(); ++it) {
            const Counters &c = it.value();
            const QVariant values[] = {QString(QLatin1Char(it.key().scope)), it.key().id, it.key().bucket, c.imap, c.pop, c.webmail,
                                       c.smtp, c.failed, c.messages, c.recipients, c.bytes};
            for (int i = 0; i < 11; ++i)
                upsert.query().bindValue(i, values[i]);
            if (Status s = upsert.exec(); !s.ok())
                return s;
        }
    }
    if (!quotas.isEmpty()) {
        // The latest sample of each user in this batch wins.
        QHash<qint64, QuotaSample> latest;
        Statement insert = m_db.prepare(QStringLiteral("INSERT INTO quota_samples (at, user_id, used_bytes, messages) VALUES (?, ?, ?, ?)"));
        for (const QuotaSample &q : quotas) {
            insert.query().bindValue(0, q.at);
            insert.query().bindValue(1, q.user.userId);
            insert.query().bindValue(2, q.usedBytes);
            insert.query().bindValue(3, q.messages);
            if (Status s = insert.exec(); !s.ok())
                return s;
            auto it = latest.find(q.user.userId);
            if (it == latest.end() || it->at <= q.at)
                latest.insert(q.user.userId, q);
        }
        QSet<qint64> domains, companies;
        QHash<qint64, qint64> dayOfDomain, dayOfCompany;
        for (const QuotaSample &q : std::as_const(latest)) {
            Statement old = m_db.prepare(QStringLiteral("SELECT used_bytes FROM users WHERE id = ?"));
            old.bind(q.user.userId);
            if (Status s = old.exec(); !s.ok())
                return s;
            const qint64 before = old.next() ? old.toInt(0) : 0;
            Statement set = m_db.prepare(QStringLiteral("UPDATE users SET used_bytes = ?, messages = ? WHERE id = ?"));
            set.bind(q.usedBytes).bind(q.messages).bind(q.user.userId);
            if (Status s = set.exec(); !s.ok())
                return s;
            Statement total = m_db.prepare(QStringLiteral("UPDATE domains SET used_bytes = used_bytes + ? WHERE id = ?"));
            total.bind(q.usedBytes - before).bind(q.user.domainId);
            if (Status s = total.exec(); !s.ok())
                return s;
            Statement day = m_db.prepare(QStringLiteral("INSERT INTO stats_daily (scope, scope_id, bucket, used_bytes) VALUES ('u', ?, ?, ?) "
                                                        "ON CONFLICT (scope, scope_id, bucket) DO UPDATE SET used_bytes = excluded.used_bytes"));
            day.bind(q.user.userId).bind(q.at / 86400).bind(q.usedBytes);
            if (Status s = day.exec(); !s.ok())
                return s;
            domains.insert(q.user.domainId);
            companies.insert(q.user.companyId);
            dayOfDomain[q.user.domainId] = qMax(dayOfDomain.value(q.user.domainId), q.at / 86400);
            dayOfCompany[q.user.companyId] = qMax(dayOfCompany.value(q.user.companyId), q.at / 86400);
        }
        // Domain and company storage for the day, from the kept totals.
        for (qint64 id : std::as_const(domains)) {
            Statement day = m_db.prepare(QStringLiteral("INSERT INTO stats_daily (scope, scope_id, bucket, used_bytes) SELECT 'd', id, ?, used_bytes "
                                                        "FROM domains WHERE id = ? ON CONFLICT (scope, scope_id, bucket) DO UPDATE SET "
                                                        "used_bytes = excluded.used_bytes"));
            day.bind(dayOfDomain.value(id)).bind(id);
            if (Status s = day.exec(); !s.ok())
                return s;
        }
        for (qint64 id : std::as_const(companies)) {
            Statement day = m_db.prepare(QStringLiteral("INSERT INTO stats_daily (scope, scope_id, bucket, used_bytes) SELECT 'c', ?, ?, "
                                                        "COALESCE(SUM(used_bytes), 0) FROM domains WHERE company_id = ? ON CONFLICT (scope, "
                                                        "scope_id, bucket) DO UPDATE SET used_bytes = excluded.used_bytes"));
            day.bind(id).bind(dayOfCompany.value(id)).bind(id);
            if (Status s = day.exec(); !s.ok())
                return s;
        }
    }
    return Status::success();
}

Result<QList<StatsRow>> StatsRepository::series(Table table, char scope, qint64 id, qint64 fromBucket, qint64 toBucket) const
{
    const bool isDaily = table == Table::Daily;
    Statement q = m_db.prepare(QStringLiteral("SELECT bucket, %1%2 FROM %3 WHERE scope = ? AND scope_id = ? AND bucket >= ? AND bucket <= ? "
                                              "ORDER BY bucket")
                                   .arg(kCounterColumns, isDaily ? QStringLiteral(", used_bytes") : QString(),
                                        isDaily ? QStringLiteral("stats_daily") : QStringLiteral("stats_hourly")));
    q.bind(QString(QLatin1Char(scope))).bind(id).bind(fromBucket).bind(toBucket);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<StatsRow> rows;
    while (q.next()) {
        StatsRow r;
        r.bucket = q.toInt(0);
        r.imap = q.toInt(1);
        r.pop = q.toInt(2);
        r.webmail = q.toInt(3);
        r.smtp = q.toInt(4);
        r.failed = q.toInt(5);
        r.messages = q.toInt(6);
        r.recipients = q.toInt(7);
        r.bytes = q.toInt(8);
        if (isDaily)
            r.usedBytes = q.value(9).isNull() ? -1 : q.toInt(9);
        rows.append(r);
    }
    return rows;
}

Result<QHash<qint64, QList<StatsRow>>> StatsRepository::dailyOf(char scope, const QList<qint64> &ids, qint64 fromBucket, qint64 toBucket) const
{
    QHash<qint64, QList<StatsRow>> out;
    // Whole scope in one pass when many subjects are asked; ids filter afterwards.
    Statement q = m_db.prepare(QStringLiteral("SELECT scope_id, bucket, %1, used_bytes FROM stats_daily WHERE scope = ? AND bucket >= ? AND "
                                              "bucket <= ? ORDER BY scope_id, bucket")
                                   .arg(kCounterColumns));
    q.bind(QString(QLatin1Char(scope))).bind(fromBucket).bind(toBucket);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    const QSet<qint64> wanted(ids.begin(), ids.end());
    while (q.next()) {
        const qint64 id = q.toInt(0);
        if (!wanted.isEmpty() && !wanted.contains(id))
            continue;
        StatsRow r;
        r.bucket = q.toInt(1);
        r.imap = q.toInt(2);
        r.pop = q.toInt(3);
        r.webmail = q.toInt(4);
        r.smtp = q.toInt(5);
        r.failed = q.toInt(6);
        r.messages = q.toInt(7);
        r.recipients = q.toInt(8);
        r.bytes = q.toInt(9);
        r.usedBytes = q.value(10).isNull() ? -1 : q.toInt(10);
        out[id].append(r);
    }
    return out;
}

Result<qint64> StatsRepository::purgeRawBefore(qint64 before) const
{
    qint64 removed = 0;
    for (const QString &table : {QStringLiteral("login_events"), QStringLiteral("message_events"), QStringLiteral("quota_samples")}) {
        Statement q = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE at < ?").arg(table));
        q.bind(before);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        removed += q.rowsAffected();
    }
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM ingest_batches WHERE at < ?"));
    q.bind(before);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return removed;
}

Result<QString> StatsRepository::batchResult(const QString &key, qint64 adminId) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT result FROM ingest_batches WHERE idempotency_key = ? AND admin_id = ?"));
    q.bind(key).bind(adminId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toString(0) : QString();
}

Status StatsRepository::storeBatchResult(const QString &key, qint64 adminId, qint64 now, const QString &result) const
{
    Statement q = m_db.prepare(QStringLiteral("INSERT INTO ingest_batches (idempotency_key, admin_id, at, result) VALUES (?, ?, ?, ?)"));
    q.bind(key).bind(adminId).bind(now).bind(result);
    return q.exec();
}

} // namespace mailadmin::store
