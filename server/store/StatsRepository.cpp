#include "store/StatsRepository.h"

#include "Json.h"
#include "store/FastStatement.h"
#include "store/RollupChanges.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace mailadmin::store {

namespace {

const QString kCounterColumns = QStringLiteral(
    "logins_imap, logins_pop, logins_webmail, logins_smtp, failed_logins, messages, recipients, bytes");

// A rollup row read from `first` on: bucket, the kCounterColumns in their order, then used_bytes when asked.
StatsRow rollupRow(const Statement &q, int first, bool withUsedBytes)
{
    StatsRow r;
    r.bucket = q.toInt(first);
    r.imap = q.toInt(first + 1);
    r.pop = q.toInt(first + 2);
    r.webmail = q.toInt(first + 3);
    r.smtp = q.toInt(first + 4);
    r.failed = q.toInt(first + 5);
    r.messages = q.toInt(first + 6);
    r.recipients = q.toInt(first + 7);
    r.bytes = q.toInt(first + 8);
    if (withUsedBytes)
        r.usedBytes = q.value(first + 9).isNull() ? -1 : q.toInt(first + 9);
    return r;
}

// Rows per multi-row INSERT: one statement for many rows saves most of SQLite's per-statement work.
constexpr int kRowsPerInsert = 64;

QString valuesList(int columns, int rows)
{
    const QString one = QLatin1Char('(') + QStringLiteral("?, ").repeated(columns - 1) + QStringLiteral("?)");
    QStringList all;
    for (int i = 0; i < rows; ++i)
        all << one;
    return all.join(QStringLiteral(", "));
}

// Inserts `rows` rows of `columns` values each, `bindRow(statement, firstPosition, row)` binding one row.
template<typename BindRow>
Status insertRows(Database &db, const QString &head, int columns, qsizetype rows, BindRow bindRow,
    const QString &tail = QString())
{
    qsizetype done = 0;
    if (rows >= kRowsPerInsert) {
        FastStatement many(db, head + valuesList(columns, kRowsPerInsert) + tail);
        for (; done + kRowsPerInsert <= rows; done += kRowsPerInsert) {
            for (int r = 0; r < kRowsPerInsert; ++r)
                bindRow(many, r * columns + 1, done + r);
            if (Status s = many.run(); !s.ok())
                return s;
        }
    }
    if (done < rows) {
        FastStatement one(db, head + valuesList(columns, 1) + tail);
        for (; done < rows; ++done) {
            bindRow(one, 1, done);
            if (Status s = one.run(); !s.ok())
                return s;
        }
    }
    return Status::success();
}

// The highest id of a table, inside the transaction that just inserted into it.
Result<qint64> topId(Database &db, const QString &table)
{
    Statement q = db.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toInt(0) : 0;
}

} // namespace

Result<UserRef> StatsRepository::resolve(const QString &address) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT u.id, u.domain_id, d.company_id FROM users u JOIN "
                                              "domains d ON d.id = u.domain_id WHERE u.address = ?"));
    q.bind(address);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (q.next())
        return UserRef {q.toInt(0), q.toInt(1), q.toInt(2)};
    Statement a = m_db.prepare(QStringLiteral(
        "SELECT u.id, u.domain_id, d.company_id FROM user_aliases a JOIN users u ON u.id = a.user_id "
        "JOIN domains d ON d.id = u.domain_id WHERE a.address = ?"));
    a.bind(address);
    if (Status s = a.exec(); !s.ok())
        return s.error();
    if (a.next())
        return UserRef {a.toInt(0), a.toInt(1), a.toInt(2)};
    return UserRef {};
}

Status StatsRepository::apply(const QList<LoginEvent> &logins, const QList<MessageEvent> &messages,
    const QList<QuotaSample> &quotas, RollupChanges *changes) const
{
    if (!logins.isEmpty()) {
        const Status inserted = insertRows(m_db,
            QStringLiteral("INSERT INTO login_events (at, user_id, domain_id, company_id, protocol, success, "
                           "remote_address) VALUES "),
            7, logins.size(), [&](FastStatement &q, int at, qsizetype row) {
                const LoginEvent &e = logins.at(row);
                q.bind(at, e.at);
                q.bind(at + 1, e.user.userId);
                q.bind(at + 2, e.user.domainId);
                q.bind(at + 3, e.user.companyId);
                // The protocol is one of a fixed few: bound as its UTF-8 name, with no conversion per row.
                static const QByteArray names[RollupChanges::Protocols] = {
                    QByteArrayLiteral("imap"), QByteArrayLiteral("pop"), QByteArrayLiteral("webmail"),
                    QByteArrayLiteral("smtp")};
                const int protocol = RollupChanges::protocolIndex(e.protocol);
                if (protocol >= 0)
                    q.bindText(at + 4, names[protocol]);
                else
                    q.bind(at + 4, e.protocol);
                q.bind(at + 5, e.success ? 1 : 0);
                q.bind(at + 6, e.remoteAddress);
            });
        if (!inserted.ok())
            return inserted;
        if (changes) {
            const Result<qint64> top = topId(m_db, QStringLiteral("login_events"));
            if (!top.ok())
                return top.error();
            changes->loginRows.extend(top.value() - logins.size() + 1, top.value());
            for (const LoginEvent &e : logins)
                changes->add(e);
        }
    }
    if (!messages.isEmpty()) {
        const Status inserted = insertRows(m_db,
            QStringLiteral(
                "INSERT INTO message_events (at, user_id, domain_id, company_id, recipients, bytes) "
                "VALUES "),
            6, messages.size(), [&](FastStatement &q, int at, qsizetype row) {
                const MessageEvent &e = messages.at(row);
                q.bind(at, e.at);
                q.bind(at + 1, e.user.userId);
                q.bind(at + 2, e.user.domainId);
                q.bind(at + 3, e.user.companyId);
                q.bind(at + 4, e.recipients);
                q.bind(at + 5, e.bytes);
            });
        if (!inserted.ok())
            return inserted;
        if (changes) {
            const Result<qint64> top = topId(m_db, QStringLiteral("message_events"));
            if (!top.ok())
                return top.error();
            changes->messageRows.extend(top.value() - messages.size() + 1, top.value());
            for (const MessageEvent &e : messages)
                changes->add(e);
        }
    }
    if (!quotas.isEmpty()) {
        // A user's figure moves only with a sample newer than any stored; each day keeps its latest sample.
        QHash<qint64, qint64> newestStored;
        for (const QuotaSample &q : quotas) {
            if (newestStored.contains(q.user.userId))
                continue;
            Statement newest
                = m_db.prepare(QStringLiteral("SELECT MAX(at) FROM quota_samples WHERE user_id = ?"));
            newest.bind(q.user.userId);
            if (Status s = newest.exec(); !s.ok())
                return s;
            newestStored.insert(
                q.user.userId, newest.next() && !newest.value(0).isNull() ? newest.toInt(0) : -1);
        }
        QHash<qint64, QuotaSample> latest;
        QHash<std::pair<qint64, qint64>, QuotaSample> latestOfDay;
        Statement insert = m_db.prepare(QStringLiteral(
            "INSERT INTO quota_samples (at, user_id, used_bytes, messages) VALUES (?, ?, ?, ?)"));
        for (const QuotaSample &q : quotas) {
            insert.query().bindValue(0, q.at);
            insert.query().bindValue(1, q.user.userId);
            insert.query().bindValue(2, q.usedBytes);
            insert.query().bindValue(3, q.messages);
            if (Status s = insert.exec(); !s.ok())
                return s;
            const qint64 stored = newestStored.value(q.user.userId);
            const std::pair<qint64, qint64> key {q.user.userId, q.at / 86400};
            // A stored sample later on the same day keeps that day's figure.
            if (!(stored / 86400 == q.at / 86400 && stored > q.at)) {
                auto day = latestOfDay.find(key);
                if (day == latestOfDay.end() || day->at <= q.at)
                    latestOfDay.insert(key, q);
            }
            if (q.at < stored)
                continue;
            auto it = latest.find(q.user.userId);
            if (it == latest.end() || it->at <= q.at)
                latest.insert(q.user.userId, q);
        }
        for (const QuotaSample &q : std::as_const(latestOfDay)) {
            Statement day = m_db.prepare(QStringLiteral(
                "INSERT INTO stats_daily (scope, scope_id, bucket, used_bytes) VALUES ('u', ?, ?, ?) "
                "ON CONFLICT (scope, scope_id, bucket) DO UPDATE SET used_bytes = excluded.used_bytes"));
            day.bind(q.user.userId).bind(q.at / 86400).bind(q.usedBytes);
            if (Status s = day.exec(); !s.ok())
                return s;
        }
        QSet<qint64> domains, companies;
        QHash<qint64, qint64> dayOfDomain, dayOfCompany;
        for (const QuotaSample &q : std::as_const(latest)) {
            Statement old = m_db.prepare(QStringLiteral("SELECT used_bytes FROM users WHERE id = ?"));
            old.bind(q.user.userId);
            if (Status s = old.exec(); !s.ok())
                return s;
            const qint64 before = old.next() ? old.toInt(0) : 0;
            Statement set
                = m_db.prepare(QStringLiteral("UPDATE users SET used_bytes = ?, messages = ? WHERE id = ?"));
            set.bind(q.usedBytes).bind(q.messages).bind(q.user.userId);
            if (Status s = set.exec(); !s.ok())
                return s;
            Statement total
                = m_db.prepare(QStringLiteral("UPDATE domains SET used_bytes = used_bytes + ? WHERE id = ?"));
            total.bind(q.usedBytes - before).bind(q.user.domainId);
            if (Status s = total.exec(); !s.ok())
                return s;
            domains.insert(q.user.domainId);
            companies.insert(q.user.companyId);
            dayOfDomain[q.user.domainId] = qMax(dayOfDomain.value(q.user.domainId), q.at / 86400);
            dayOfCompany[q.user.companyId] = qMax(dayOfCompany.value(q.user.companyId), q.at / 86400);
        }
        // Domain and company storage for the day, from the kept totals.
        for (qint64 id : std::as_const(domains)) {
            Statement day = m_db.prepare(QStringLiteral(
                "INSERT INTO stats_daily (scope, scope_id, bucket, used_bytes) SELECT 'd', id, ?, used_bytes "
                "FROM domains WHERE id = ? ON CONFLICT (scope, scope_id, bucket) DO UPDATE SET "
                "used_bytes = excluded.used_bytes"));
            day.bind(dayOfDomain.value(id)).bind(id);
            if (Status s = day.exec(); !s.ok())
                return s;
        }
        for (qint64 id : std::as_const(companies)) {
            Statement day = m_db.prepare(QStringLiteral(
                "INSERT INTO stats_daily (scope, scope_id, bucket, used_bytes) SELECT 'c', ?, ?, "
                "COALESCE(SUM(used_bytes), 0) FROM domains WHERE company_id = ? ON CONFLICT (scope, "
                "scope_id, bucket) DO UPDATE SET used_bytes = excluded.used_bytes"));
            day.bind(id).bind(dayOfCompany.value(id)).bind(id);
            if (Status s = day.exec(); !s.ok())
                return s;
        }
    }
    return Status::success();
}

Result<QList<StatsRow>> StatsRepository::series(
    Table table, char scope, qint64 id, qint64 fromBucket, qint64 toBucket) const
{
    const bool isDaily = table == Table::Daily;
    Statement q
        = m_db.prepare(QStringLiteral(
            "SELECT bucket, %1%2 FROM %3 WHERE scope = ? AND scope_id = ? AND bucket >= ? AND bucket <= ? "
            "ORDER BY bucket")
                           .arg(kCounterColumns, isDaily ? QStringLiteral(", used_bytes") : QString(),
                               isDaily ? QStringLiteral("stats_daily") : QStringLiteral("stats_hourly")));
    q.bind(QString(QLatin1Char(scope))).bind(id).bind(fromBucket).bind(toBucket);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<StatsRow> rows;
    while (q.next())
        rows.append(rollupRow(q, 0, isDaily));
    return rows;
}

Result<QHash<qint64, QList<StatsRow>>> StatsRepository::dailyOf(
    char scope, const QList<qint64> &ids, qint64 fromBucket, qint64 toBucket) const
{
    QHash<qint64, QList<StatsRow>> out;
    // Whole scope in one pass when many subjects are asked; ids filter afterwards.
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT scope_id, bucket, %1, used_bytes FROM stats_daily WHERE scope = ? AND bucket >= ? AND "
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
        out[id].append(rollupRow(q, 1, true));
    }
    return out;
}

Result<qint64> StatsRepository::firstDay() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT MIN(bucket) FROM stats_daily WHERE scope = 'c'"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() && !q.value(0).isNull() ? q.toInt(0) : qint64(-1);
}

Result<QList<SpikeCandidate>> StatsRepository::spikeCandidates(
    bool hourly, qint64 bucket, qint64 userMinimum, qint64 domainMinimum) const
{
    const QString table = hourly ? QStringLiteral("stats_hourly") : QStringLiteral("stats_daily");
    QList<SpikeCandidate> out;
    Statement users = m_db.prepare(QStringLiteral(
        "SELECT s.scope_id, u.domain_id, d.company_id, u.address, s.messages FROM %1 s JOIN users u ON "
        "u.id = s.scope_id JOIN domains d ON d.id = u.domain_id WHERE s.scope = 'u' AND s.bucket = ? "
        "AND s.messages >= ?")
                                       .arg(table));
    users.bind(bucket).bind(userMinimum);
    if (Status s = users.exec(); !s.ok())
        return s.error();
    while (users.next())
        out.append(SpikeCandidate {
            'u', users.toInt(0), users.toInt(1), users.toInt(2), users.toString(3), users.toInt(4)});
    Statement domains = m_db.prepare(QStringLiteral(
        "SELECT s.scope_id, d.company_id, d.name, s.messages FROM %1 s JOIN domains d ON d.id = "
        "s.scope_id WHERE s.scope = 'd' AND s.bucket = ? AND s.messages >= ?")
                                         .arg(table));
    domains.bind(bucket).bind(domainMinimum);
    if (Status s = domains.exec(); !s.ok())
        return s.error();
    while (domains.next())
        out.append(SpikeCandidate {'d', domains.toInt(0), domains.toInt(0), domains.toInt(1),
            domains.toString(2), domains.toInt(3)});
    return out;
}

Result<std::pair<qint64, qint64>> StatsRepository::quotaTotals(const Where &where) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT COALESCE(SUM(t.used_bytes), 0), COALESCE(SUM(t.quota), "
                                              "0) FROM users t%1 AND t.type = 'mailbox'")
                                   .arg(where.sql()));
    for (const QVariant &v : where.values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return std::pair<qint64, qint64> {0, 0};
    return std::pair<qint64, qint64> {q.toInt(0), q.toInt(1)};
}

Result<QList<std::pair<int, qint64>>> StatsRepository::quotaBuckets(const Where &where) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT b, COUNT(*) FROM (SELECT CASE WHEN t.quota <= 0 THEN -1 WHEN t.used_bytes >= t.quota THEN 10 "
        "ELSE (t.used_bytes * 10) / t.quota END AS b FROM users t%1 AND t.type = 'mailbox') AS buckets "
        "GROUP BY b ORDER BY b")
                                   .arg(where.sql()));
    for (const QVariant &v : where.values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<std::pair<int, qint64>> out;
    while (q.next())
        out.append({int(q.toInt(0)), q.toInt(1)});
    return out;
}

Result<QJsonArray> StatsRepository::topSenders(
    char scope, qint64 id, qint64 fromDay, qint64 toDay, int limit) const
{
    // From the users' daily rollups (raw events are kept only a few weeks): each user of the subject, then
    // the user's days in the range along the rollup's key.
    const QString subject = scope == 'c'
        ? QStringLiteral("u.domain_id IN (SELECT d.id FROM domains d WHERE d.company_id = ?)")
        : scope == 'd' ? QStringLiteral("u.domain_id = ?")
                       : QStringLiteral("u.id = ?");
    // CROSS JOIN keeps the users as the outer loop on SQLite (its planner would rather walk every user's
    // rows of the period through the volume index).
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT u.address, SUM(s.messages) AS sent, SUM(s.recipients), SUM(s.bytes) FROM users u CROSS JOIN "
        "stats_daily s WHERE s.scope = 'u' AND s.scope_id = u.id AND s.bucket >= ? AND s.bucket <= ? AND %1 "
        "GROUP BY u.id, u.address HAVING SUM(s.messages) > 0 ORDER BY sent DESC, u.address LIMIT ?")
                                   .arg(subject));
    q.bind(fromDay).bind(toDay).bind(id).bind(limit);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QJsonArray out;
    while (q.next()) {
        out.append(QJsonObject {{QStringLiteral("address"), q.toString(0)},
            {QStringLiteral("messages"), double(q.toInt(1))},
            {QStringLiteral("recipients"), double(q.toInt(2))},
            {QStringLiteral("bytes"), double(q.toInt(3))}});
    }
    return out;
}

Result<Page> StatsRepository::loginHistory(qint64 userId, const QString &protocol, const QString &result,
    qint64 from, qint64 to, int offset, int limit) const
{
    QString where = QStringLiteral("user_id = ?");
    QVariantList values {userId};
    if (!protocol.isEmpty()) {
        where += QStringLiteral(" AND protocol = ?");
        values << protocol;
    }
    if (!result.isEmpty())
        where += result == QLatin1String("success") ? QStringLiteral(" AND success = 1")
                                                    : QStringLiteral(" AND success = 0");
    if (from > 0) {
        where += QStringLiteral(" AND at >= ?");
        values << from;
    }
    if (to > 0) {
        where += QStringLiteral(" AND at < ?");
        values << to;
    }
    Page page;
    page.offset = offset;
    page.limit = limit;
    {
        Statement c = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM login_events WHERE ") + where);
        for (const QVariant &v : values)
            c.bind(v);
        if (Status s = c.exec(); !s.ok())
            return s.error();
        page.total = c.next() ? c.toInt(0) : 0;
    }
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT at, protocol, success, remote_address FROM login_events WHERE %1 ORDER BY at DESC, id DESC "
        "LIMIT ? OFFSET ?")
                                   .arg(where));
    for (const QVariant &v : values)
        q.bind(v);
    q.bind(limit).bind(offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next()) {
        Record r;
        r.data = QJsonObject {{QStringLiteral("time"), json::isoTime(q.toInt(0))},
            {QStringLiteral("protocol"), q.toString(1)}, {QStringLiteral("success"), q.toInt(2) != 0},
            {QStringLiteral("remote_address"), q.toString(3)}};
        page.items.append(r);
    }
    return page;
}

Result<qint64> StatsRepository::fold(const RollupChanges *known) const
{
    qint64 marks[2] = {0, 0}, tops[2] = {0, 0};
    const QString tables[2] = {QStringLiteral("login_events"), QStringLiteral("message_events")};
    const QString names[2] = {QStringLiteral("login"), QStringLiteral("message")};
    for (int i = 0; i < 2; ++i) {
        Statement mark = m_db.prepare(QStringLiteral("SELECT last_id FROM stats_fold WHERE name = ?"));
        mark.bind(names[i]);
        if (Status s = mark.exec(); !s.ok())
            return s.error();
        marks[i] = mark.next() ? mark.toInt(0) : 0;
        const Result<qint64> top = topId(m_db, tables[i]);
        if (!top.ok())
            return top.error();
        tops[i] = top.value();
    }
    if (tops[0] <= marks[0] && tops[1] <= marks[1])
        return qint64(0);

    // The writer's own sums serve when the rows waiting are exactly the ones it wrote (ids are handed out in
    // order on SQLite, within the writer's transactions); otherwise the rows are read back.
    const auto covers = [&](const RollupChanges::Range &r, int i) {
        if (r.first == 0 && r.last == 0)
            return tops[i] == marks[i];
        return r.contiguous && r.first == marks[i] + 1 && r.last == tops[i];
    };
    const bool useKnown = known && m_db.dialect().kind() == SqlDialect::Kind::SQLite
        && covers(known->loginRows, 0) && covers(known->messageRows, 1);
    RollupChanges read;
    if (!useKnown) {
        if (Status s = readUnfolded(marks, tops, read); !s.ok())
            return s.error();
    }
    const RollupChanges &changes = useKnown ? *known : read;

    // Last login per protocol; the protocol names come from the fixed set the ingest checks.
    static const QString columns[RollupChanges::Protocols]
        = {QStringLiteral("last_login_imap"), QStringLiteral("last_login_pop"),
            QStringLiteral("last_login_webmail"), QStringLiteral("last_login_smtp")};
    std::unique_ptr<FastStatement> updates[RollupChanges::Protocols];
    QList<std::pair<qint64, int>> users = changes.lastLogins().keys();
    std::sort(users.begin(), users.end());
    for (const auto &key : std::as_const(users)) {
        const auto &[user, protocol] = key;
        const qint64 at = changes.lastLogins().value(key);
        std::unique_ptr<FastStatement> &q = updates[protocol];
        if (!q)
            q = std::make_unique<FastStatement>(m_db,
                QStringLiteral("UPDATE users SET %1 = CASE WHEN %1 IS NULL OR %1 < ? THEN ? ELSE %1 END, "
                               "last_login_at = CASE WHEN last_login_at IS NULL OR last_login_at < ? THEN "
                               "? ELSE last_login_at END WHERE id = ?")
                    .arg(columns[protocol]));
        for (int i = 1; i <= 4; ++i)
            q->bind(i, at);
        q->bind(5, user);
        if (Status s = q->run(); !s.ok())
            return s.error();
    }
    for (const bool daily : {false, true}) {
        const QString table = daily ? QStringLiteral("stats_daily") : QStringLiteral("stats_hourly");
        // In key order, the order of the table: neighbouring rows share pages.
        const std::vector<RollupChanges::Row> rows = changes.rows(daily);
        const Status written = insertRows(
            m_db,
            QStringLiteral("INSERT INTO %1 (scope, scope_id, bucket, %2) VALUES ")
                .arg(table, kCounterColumns),
            11, qsizetype(rows.size()),
            [&](FastStatement &q, int at, qsizetype row) {
                const RollupChanges::Key &key = rows[size_t(row)].key;
                const RollupChanges::Counters &c = rows[size_t(row)].counters;
                q.bindText(at, QByteArrayView(&key.scope, 1));
                const qint64 values[] = {key.id, key.bucket, c.imap, c.pop, c.webmail, c.smtp, c.failed,
                    c.messages, c.recipients, c.bytes};
                for (int i = 0; i < 10; ++i)
                    q.bind(at + 1 + i, values[i]);
            },
            QStringLiteral(
                " ON CONFLICT (scope, scope_id, bucket) DO UPDATE SET logins_imap = %1.logins_imap + "
                "excluded.logins_imap, logins_pop = %1.logins_pop + excluded.logins_pop, logins_webmail = "
                "%1.logins_webmail + excluded.logins_webmail, logins_smtp = %1.logins_smtp + "
                "excluded.logins_smtp, "
                "failed_logins = %1.failed_logins + excluded.failed_logins, messages = %1.messages + "
                "excluded.messages, recipients = %1.recipients + excluded.recipients, bytes = %1.bytes + "
                "excluded.bytes")
                .arg(table));
        if (!written.ok())
            return written.error();
    }
    // Logins per minute of each mail store and cluster, from the rows of this fold only.
    if (tops[0] > marks[0]) {
        for (const auto &[scope, key, join] : {std::tuple {"s", "u.store_id", ""},
                 std::tuple {"c", "m.cluster_id", " JOIN mail_stores m ON m.id = u.store_id"}}) {
            Statement q = m_db.prepare(QStringLiteral(
                "INSERT INTO store_logins (scope, scope_id, minute, ok, failed) SELECT '%1', %2, e.at / 60, "
                "SUM(e.success), SUM(1 - e.success) FROM login_events e JOIN users u ON u.id = e.user_id%3 "
                "WHERE e.id > ? AND e.id <= ? AND u.store_id IS NOT NULL GROUP BY %2, e.at / 60 "
                "ON CONFLICT (scope, scope_id, minute) DO UPDATE SET ok = store_logins.ok + excluded.ok, "
                "failed = store_logins.failed + excluded.failed")
                                           .arg(QLatin1String(scope), QLatin1String(key),
                                               QLatin1String(join)));
            q.bind(marks[0]).bind(tops[0]);
            if (Status s = q.exec(); !s.ok())
                return s.error();
        }
    }
    for (int i = 0; i < 2; ++i) {
        Statement set = m_db.prepare(QStringLiteral("UPDATE stats_fold SET last_id = ? WHERE name = ?"));
        set.bind(qMax(tops[i], marks[i])).bind(names[i]);
        if (Status s = set.exec(); !s.ok())
            return s.error();
    }
    return (tops[0] - marks[0]) + (tops[1] - marks[1]);
}

Status StatsRepository::readUnfolded(const qint64 marks[2], const qint64 tops[2], RollupChanges &into) const
{
    if (tops[0] > marks[0]) {
        Statement q = m_db.prepare(QStringLiteral(
            "SELECT user_id, domain_id, company_id, at / 3600, protocol, success, COUNT(*) FROM login_events "
            "WHERE id > ? AND id <= ? GROUP BY user_id, domain_id, company_id, at / 3600, protocol, "
            "success"));
        q.bind(marks[0]).bind(tops[0]);
        if (Status s = q.exec(); !s.ok())
            return s;
        while (q.next())
            into.addLogins(UserRef {q.toInt(0), q.toInt(1), q.toInt(2)}, q.toInt(3),
                RollupChanges::protocolIndex(q.toString(4)), q.toInt(5) != 0, q.toInt(6));
        Statement last = m_db.prepare(QStringLiteral(
            "SELECT user_id, protocol, MAX(at) FROM login_events WHERE id > ? AND id <= ? AND success = 1 "
            "GROUP BY user_id, protocol"));
        last.bind(marks[0]).bind(tops[0]);
        if (Status s = last.exec(); !s.ok())
            return s;
        while (last.next()) {
            const int protocol = RollupChanges::protocolIndex(last.toString(1));
            if (protocol >= 0)
                into.addLastLogin(last.toInt(0), protocol, last.toInt(2));
        }
    }
    if (tops[1] > marks[1]) {
        Statement q = m_db.prepare(QStringLiteral(
            "SELECT user_id, domain_id, company_id, at / 3600, COUNT(*), SUM(recipients), SUM(bytes) FROM "
            "message_events WHERE id > ? AND id <= ? GROUP BY user_id, domain_id, company_id, at / 3600"));
        q.bind(marks[1]).bind(tops[1]);
        if (Status s = q.exec(); !s.ok())
            return s;
        while (q.next())
            into.addMessages(
                UserRef {q.toInt(0), q.toInt(1), q.toInt(2)}, q.toInt(3), q.toInt(4), q.toInt(5), q.toInt(6));
    }
    return Status::success();
}

Result<qint64> StatsRepository::unfolded() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM login_events) - "
                                              "(SELECT last_id FROM stats_fold WHERE name = 'login'), "
                                              "(SELECT COALESCE(MAX(id), 0) FROM message_events) - (SELECT "
                                              "last_id FROM stats_fold WHERE name = 'message')"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return qint64(0);
    return qMax<qint64>(0, q.toInt(0)) + qMax<qint64>(0, q.toInt(1));
}

Status StatsRepository::markFolded() const
{
    for (const auto &[name, table] : {std::pair {QStringLiteral("login"), QStringLiteral("login_events")},
             std::pair {QStringLiteral("message"), QStringLiteral("message_events")}}) {
        if (Status s = m_db.execute(QStringLiteral(
                "UPDATE stats_fold SET last_id = (SELECT COALESCE(MAX(id), 0) FROM %1) WHERE name = '%2'")
                                        .arg(table, name));
            !s.ok())
            return s;
    }
    return Status::success();
}

Result<qint64> StatsRepository::purgeRawBefore(qint64 before) const
{
    qint64 removed = 0;
    // Raw rows not yet folded into the rollups stay until they are.
    for (const QString &table :
        {QStringLiteral("login_events"), QStringLiteral("message_events"), QStringLiteral("quota_samples")}) {
        const QString unfolded = table == QLatin1String("login_events")
            ? QStringLiteral(" AND id <= (SELECT last_id FROM stats_fold WHERE name = 'login')")
            : table == QLatin1String("message_events")
            ? QStringLiteral(" AND id <= (SELECT last_id FROM stats_fold WHERE name = 'message')")
            : QString();
        Statement q = m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE at < ?%2").arg(table, unfolded));
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
    Statement q = m_db.prepare(
        QStringLiteral("SELECT result FROM ingest_batches WHERE idempotency_key = ? AND admin_id = ?"));
    q.bind(key).bind(adminId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toString(0) : QString();
}

Status StatsRepository::storeBatchResult(
    const QString &key, qint64 adminId, qint64 now, const QString &result) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO ingest_batches (idempotency_key, admin_id, at, result) VALUES (?, ?, ?, ?)"));
    q.bind(key).bind(adminId).bind(now).bind(result);
    return q.exec();
}

} // namespace mailadmin::store
