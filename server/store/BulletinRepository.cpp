#include "store/BulletinRepository.h"

#include "Json.h"

namespace mailadmin::store {

namespace {
// A sender that has held a delivery this long without finishing has stopped (its timeout is a minute).
constexpr qint64 kInterruptedAfter = 180;

// Mailboxes that take mail now: live, in a live and enabled domain.
const QString kLiveMailbox = QStringLiteral(
    "t.type = 'mailbox' AND t.status <> 'deleted' AND t.deleted_at IS NULL AND d.deleted_at IS NULL AND "
    "d.disabled = 0");

QJsonValue timeOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(json::isoTime(v.toLongLong()));
}

QJsonObject countsFrom(Statement &q, int first)
{
    const qint64 total = q.toInt(first), delivered = q.toInt(first + 1), failed = q.toInt(first + 2),
                 sending = q.toInt(first + 3);
    return QJsonObject {{QStringLiteral("total"), double(total)},
        {QStringLiteral("delivered"), double(delivered)}, {QStringLiteral("failed"), double(failed)},
        {QStringLiteral("sending"), double(sending)},
        {QStringLiteral("waiting"), double(total - delivered - failed - sending)}};
}

const QString kCountColumns = QStringLiteral(
    "COUNT(x.id), COUNT(x.delivered_at), COUNT(x.failed_at), "
    "COALESCE(SUM(CASE WHEN x.sending_at IS NOT NULL AND x.delivered_at IS NULL AND x.failed_at IS NULL "
    "THEN 1 ELSE 0 END), 0)");
} // namespace

const Table &BulletinRepository::spec()
{
    static const Table table(QStringLiteral("bulletins"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("domain_id"), QStringLiteral("domain_id"), ColumnKind::Integer, {}},
            {QStringLiteral("scope_key"), QStringLiteral("scope_key"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name_lc"), ColumnKind::LowerCopy, {}},
            {QStringLiteral("type"), QStringLiteral("type"), ColumnKind::Text, {}},
            {QStringLiteral("text"), QStringLiteral("text"), ColumnKind::Text, {}},
            {QStringLiteral("created_by"), QStringLiteral("created_by"), ColumnKind::Text, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("scope"), {}, ColumnKind::Text,
                QStringLiteral("CASE WHEN {t}.domain_id IS NULL THEN 'company' ELSE 'domain' END")},
            {QStringLiteral("domain"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT dn.name FROM domains dn WHERE dn.id = {t}.domain_id)")},
            {QStringLiteral("company"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT cn.name FROM companies cn WHERE cn.id = {t}.company_id)")},
        });
    return table;
}

BulletinRepository::BulletinRepository(Database &db) : Repository(db, spec()) { }

QString BulletinRepository::scopeKey(qint64 companyId, qint64 domainId)
{
    return domainId > 0 ? QStringLiteral("domain:%1").arg(domainId)
                        : QStringLiteral("company:%1").arg(companyId);
}

Result<Page> BulletinRepository::list(
    qint64 companyId, qint64 domainId, const QString &type, const ListQuery &query) const
{
    Where where;
    if (companyId > 0)
        where.add(QStringLiteral("t.company_id = ?"), {companyId});
    if (domainId > 0)
        where.add(QStringLiteral("t.domain_id = ?"), {domainId});
    if (!type.isEmpty())
        where.add(QStringLiteral("t.type = ?"), {type});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values), values);
    }
    const QString order
        = query.descending ? QStringLiteral("t.name_lc DESC, t.id DESC") : QStringLiteral("t.name_lc, t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<qint64> BulletinRepository::nameOwner(
    const QString &scopeKey, const QString &type, const QString &name) const
{
    return count(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM bulletins WHERE scope_key = ? AND type = ? "
                                "AND name_lc = ?"),
        {scopeKey, type, name.toLower()});
}

Status BulletinRepository::remove(qint64 id) const
{
    if (Status s = run(QStringLiteral("DELETE FROM bulletin_deliveries WHERE bulletin_id = ?"), {id});
        !s.ok())
        return s;
    if (Status s = run(QStringLiteral("DELETE FROM bulletin_posts WHERE bulletin_id = ?"), {id}); !s.ok())
        return s;
    return run(QStringLiteral("DELETE FROM bulletins WHERE id = ?"), {id});
}

Result<qint64> BulletinRepository::addPost(
    const Record &bulletin, const QString &target, qint64 incidentId, const QString &author, qint64 now) const
{
    Statement q = database().prepare(QStringLiteral(
        "INSERT INTO bulletin_posts (bulletin_id, target, incident_id, bulletin_version, text, "
        "author, recipients, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?) RETURNING id"));
    q.bind(bulletin.id)
        .bind(target)
        .bind(incidentId > 0 ? QVariant(incidentId) : QVariant(QMetaType::fromType<qint64>()))
        .bind(bulletin.version)
        .bind(bulletin.data.value(QLatin1String("text")).toString())
        .bind(author)
        .bind(now);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return Error::internal(QStringLiteral("The new post has no id."));
    return q.toInt(0);
}

Result<qint64> BulletinRepository::queueScope(const Record &bulletin, qint64 postId, const QString &occasion,
    const ImpactTargets *targets, qint64 now) const
{
    QVariantList values {postId, bulletin.id, occasion, now, now, bulletin.companyId};
    QString where = kLiveMailbox + QStringLiteral(" AND d.company_id = ?");
    if (bulletin.domainId > 0) {
        where += QStringLiteral(" AND d.id = ?");
        values << bulletin.domainId;
    }
    if (targets)
        where += QStringLiteral(" AND ")
            + IncidentRepository::affectedWhere(*targets, bulletin.companyId, values);
    Statement q = database().prepare(QStringLiteral(
        "INSERT INTO bulletin_deliveries (post_id, bulletin_id, occasion, user_id, address, name, "
        "domain, next_attempt_at, created_at) SELECT ?, ?, ?, t.id, t.address, t.display_name, "
        "d.name, ?, ? FROM users t JOIN domains d ON d.id = t.domain_id WHERE %1 "
        "ON CONFLICT DO NOTHING")
                                         .arg(where));
    for (const QVariant &v : values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    const qint64 n = q.rowsAffected();
    if (Status s = run(QStringLiteral("UPDATE bulletin_posts SET recipients = recipients + ? WHERE id = ?"),
            {n, postId});
        !s.ok())
        return s.error();
    return n;
}

Result<qint64> BulletinRepository::queueTest(
    const Record &bulletin, qint64 postId, const QString &address, qint64 now) const
{
    if (Status s
        = run(QStringLiteral("INSERT INTO bulletin_deliveries (post_id, bulletin_id, occasion, address, "
                             "name, domain, next_attempt_at, created_at) VALUES (?, ?, ?, ?, '', ?, ?, ?)"),
            {postId, bulletin.id, QStringLiteral("test:%1").arg(postId), address,
                address.section(QLatin1Char('@'), -1), now, now});
        !s.ok())
        return s.error();
    if (Status s = run(QStringLiteral("UPDATE bulletin_posts SET recipients = 1 WHERE id = ?"), {postId});
        !s.ok())
        return s.error();
    return 1;
}

Result<int> BulletinRepository::queueForNewUser(qint64 userId, qint64 now) const
{
    Statement q = database().prepare(
        QStringLiteral(
            "SELECT b.id, b.version, b.text, b.company_id, b.domain_id FROM users t JOIN domains d ON d.id = "
            "t.domain_id JOIN bulletins b ON b.company_id = d.company_id AND (b.domain_id IS NULL OR "
            "b.domain_id = "
            "d.id) WHERE t.id = ? AND b.type = 'auto' AND ")
        + kLiveMailbox + QStringLiteral(" ORDER BY b.id"));
    q.bind(userId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<Record> autos;
    while (q.next()) {
        Record r;
        r.id = q.toInt(0);
        r.version = int(q.toInt(1));
        r.data.insert(QStringLiteral("text"), q.toString(2));
        r.companyId = q.toInt(3);
        r.domainId = q.value(4).isNull() ? 0 : q.toInt(4);
        autos << r;
    }
    int queued = 0;
    for (const Record &bulletin : autos) {
        // One post per version of an auto bulletin gathers the new mailboxes that received it.
        Result<qint64> postId
            = count(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM bulletin_posts WHERE "
                                   "bulletin_id = ? AND target = 'new_user' AND bulletin_version = ?"),
                {bulletin.id, bulletin.version});
        if (!postId.ok())
            return postId.error();
        if (postId.value() == 0) {
            postId = addPost(bulletin, QStringLiteral("new_user"), 0, QStringLiteral("(new mailbox)"), now);
            if (!postId.ok())
                return postId.error();
        }
        Statement insert = database().prepare(QStringLiteral(
            "INSERT INTO bulletin_deliveries (post_id, bulletin_id, occasion, user_id, address, "
            "name, domain, next_attempt_at, created_at) SELECT ?, ?, 'new', t.id, t.address, "
            "t.display_name, d.name, ?, ? FROM users t JOIN domains d ON d.id = t.domain_id WHERE "
            "t.id = ? ON CONFLICT DO NOTHING"));
        insert.bind(postId.value()).bind(bulletin.id).bind(now).bind(now).bind(userId);
        if (Status s = insert.exec(); !s.ok())
            return s.error();
        const int n = insert.rowsAffected();
        if (Status s
            = run(QStringLiteral("UPDATE bulletin_posts SET recipients = recipients + ? WHERE id = ?"),
                {n, postId.value()});
            !s.ok())
            return s.error();
        queued += n;
    }
    return queued;
}

namespace {
const QString kPostColumns = QStringLiteral("p.id, p.bulletin_id, p.target, p.incident_id, "
                                            "p.bulletin_version, p.author, p.recipients, p.created_at, ");

QJsonObject readPost(Statement &q)
{
    QJsonObject post {{QStringLiteral("id"), double(q.toInt(0))},
        {QStringLiteral("bulletin_id"), double(q.toInt(1))}, {QStringLiteral("target"), q.toString(2)},
        {QStringLiteral("incident_id"),
            q.value(3).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(double(q.toInt(3)))},
        {QStringLiteral("bulletin_version"), int(q.toInt(4))}, {QStringLiteral("author"), q.toString(5)},
        {QStringLiteral("recipients"), double(q.toInt(6))},
        {QStringLiteral("posted_at"), json::isoTime(q.toInt(7))}};
    post.insert(QStringLiteral("counts"), countsFrom(q, 8));
    return post;
}
} // namespace

Result<Page> BulletinRepository::posts(qint64 bulletinId, const ListQuery &query) const
{
    Page page;
    page.offset = query.offset;
    page.limit = query.limit;
    const Result<qint64> total
        = count(QStringLiteral("SELECT COUNT(*) FROM bulletin_posts WHERE bulletin_id = ?"), {bulletinId});
    if (!total.ok())
        return total.error();
    page.total = total.value();
    Statement q = database().prepare(QStringLiteral("SELECT ") + kPostColumns + kCountColumns
        + QStringLiteral(
            " FROM bulletin_posts p LEFT JOIN bulletin_deliveries x ON x.post_id = p.id WHERE "
            "p.bulletin_id = ? GROUP BY p.id, p.bulletin_id, p.target, p.incident_id, "
            "p.bulletin_version, p.author, p.recipients, p.created_at ORDER BY p.id DESC LIMIT ? "
            "OFFSET ?"));
    q.bind(bulletinId).bind(query.limit).bind(query.offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next())
        page.items << toRecord(readPost(q));
    return page;
}

Result<QJsonObject> BulletinRepository::post(qint64 postId) const
{
    Statement q = database().prepare(QStringLiteral("SELECT ") + kPostColumns + kCountColumns
        + QStringLiteral(" FROM bulletin_posts p LEFT JOIN bulletin_deliveries x ON x.post_id = p.id WHERE "
                         "p.id = ? GROUP BY p.id, p.bulletin_id, p.target, p.incident_id, "
                         "p.bulletin_version, p.author, p.recipients, p.created_at"));
    q.bind(postId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return QJsonObject {};
    return readPost(q);
}

Result<QJsonObject> BulletinRepository::counts(qint64 bulletinId) const
{
    Statement q = database().prepare(QStringLiteral("SELECT ") + kCountColumns
        + QStringLiteral(" FROM bulletin_deliveries x WHERE x.bulletin_id = ?"));
    q.bind(bulletinId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return QJsonObject {};
    return countsFrom(q, 0);
}

Result<Page> BulletinRepository::deliveries(qint64 bulletinId, const ListQuery &query, qint64 now) const
{
    QString where = QStringLiteral(" WHERE x.bulletin_id = ?");
    QVariantList values {bulletinId};
    if (query.filters.contains(QStringLiteral("post_id"))) {
        where += QStringLiteral(" AND x.post_id = ?");
        values << query.filters.value(QStringLiteral("post_id")).toLongLong();
    }
    const QString state = query.filters.value(QStringLiteral("state"));
    if (state == QLatin1String("delivered"))
        where += QStringLiteral(" AND x.delivered_at IS NOT NULL");
    else if (state == QLatin1String("failed"))
        where += QStringLiteral(" AND x.failed_at IS NOT NULL");
    else if (state == QLatin1String("sending"))
        where += QStringLiteral(
            " AND x.sending_at IS NOT NULL AND x.delivered_at IS NULL AND x.failed_at IS NULL");
    else if (state == QLatin1String("waiting"))
        where
            += QStringLiteral(" AND x.sending_at IS NULL AND x.delivered_at IS NULL AND x.failed_at IS NULL");
    if (!query.q.isEmpty()) {
        QVariantList qv;
        where += QStringLiteral(" AND ")
            + database().dialect().textMatch(QStringLiteral("x.address"), query.q, qv);
        values += qv;
    }
    Page page;
    page.offset = query.offset;
    page.limit = query.limit;
    const Result<qint64> total
        = count(QStringLiteral("SELECT COUNT(*) FROM bulletin_deliveries x") + where, values);
    if (!total.ok())
        return total.error();
    page.total = total.value();
    Statement q = database().prepare(
        QStringLiteral("SELECT x.id, x.post_id, x.address, x.name, x.domain, x.attempts, x.next_attempt_at, "
                       "x.sending_at, x.delivered_at, x.failed_at, x.last_error, x.created_at FROM "
                       "bulletin_deliveries x")
        + where + QStringLiteral(" ORDER BY x.id LIMIT ? OFFSET ?"));
    for (const QVariant &v : values)
        q.bind(v);
    q.bind(query.limit).bind(query.offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next()) {
        QString state;
        if (!q.value(8).isNull())
            state = QStringLiteral("delivered");
        else if (!q.value(9).isNull())
            state = QStringLiteral("failed");
        else if (!q.value(7).isNull())
            state = now - q.toInt(7) > kInterruptedAfter ? QStringLiteral("interrupted")
                                                         : QStringLiteral("sending");
        else if (!q.value(10).isNull())
            state = QStringLiteral("retrying");
        else
            state = QStringLiteral("queued");
        page.items << toRecord(QJsonObject {{QStringLiteral("id"), double(q.toInt(0))},
            {QStringLiteral("post_id"), double(q.toInt(1))}, {QStringLiteral("address"), q.toString(2)},
            {QStringLiteral("name"), q.toString(3)}, {QStringLiteral("domain"), q.toString(4)},
            {QStringLiteral("attempts"), int(q.toInt(5))}, {QStringLiteral("state"), state},
            {QStringLiteral("next_attempt_at"),
                state == QLatin1String("queued") || state == QLatin1String("retrying")
                    ? timeOrNull(q.value(6))
                    : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("delivered_at"), timeOrNull(q.value(8))},
            {QStringLiteral("failed_at"), timeOrNull(q.value(9))},
            {QStringLiteral("last_error"),
                q.value(10).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.toString(10))},
            {QStringLiteral("queued_at"), json::isoTime(q.toInt(11))}});
    }
    return page;
}

Result<QList<BulletinDelivery>> BulletinRepository::due(qint64 now, int limit) const
{
    Statement q = database().prepare(QStringLiteral(
        "SELECT x.id, x.bulletin_id, p.text, x.address, x.name, x.domain, x.attempts, "
        "COALESCE(u.title, '') FROM bulletin_deliveries x "
        "JOIN bulletin_posts p ON p.id = x.post_id LEFT JOIN users u ON u.id = x.user_id "
        "WHERE x.delivered_at IS NULL AND x.failed_at IS NULL AND "
        "x.sending_at IS NULL AND x.next_attempt_at <= ? ORDER BY x.id LIMIT ?"));
    q.bind(now).bind(limit);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<BulletinDelivery> out;
    while (q.next())
        out << BulletinDelivery {q.toInt(0), q.toInt(1), q.toString(2), q.toString(3), q.toString(4),
            q.toString(5), int(q.toInt(6)), q.toString(7)};
    return out;
}

Result<bool> BulletinRepository::claim(qint64 id, qint64 now) const
{
    Statement q = database().prepare(QStringLiteral("UPDATE bulletin_deliveries SET sending_at = ? WHERE id "
                                                    "= ? AND sending_at IS NULL AND delivered_at IS "
                                                    "NULL AND failed_at IS NULL"));
    q.bind(now).bind(id);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.rowsAffected() == 1;
}

Status BulletinRepository::markDelivered(qint64 id, qint64 now) const
{
    return run(QStringLiteral(
                   "UPDATE bulletin_deliveries SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?"),
        {now, id});
}

Status BulletinRepository::markFailed(
    qint64 id, int attempts, qint64 retryAt, bool permanent, const QString &error, qint64 now) const
{
    return run(
        QStringLiteral("UPDATE bulletin_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ?, "
                       "sending_at = NULL, failed_at = ? WHERE id = ?"),
        {attempts, retryAt, error, permanent ? QVariant(now) : QVariant(QMetaType::fromType<qint64>()), id});
}

} // namespace mailadmin::store
