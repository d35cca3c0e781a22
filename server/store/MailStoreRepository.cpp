#include "store/MailStoreRepository.h"

#include "store/AuditRepository.h"

namespace mailadmin::store {

const Table &MailStoreRepository::spec()
{
    static const Table table(QStringLiteral("mail_stores"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("cluster_id"), QStringLiteral("cluster_id"), ColumnKind::Integer, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name_lc"), ColumnKind::LowerCopy, {}},
            {QStringLiteral("host"), QStringLiteral("host"), ColumnKind::Text, {}},
            {QStringLiteral("mail_location"), QStringLiteral("mail_location"), ColumnKind::Text, {}},
            {QStringLiteral("services"), QStringLiteral("services"), ColumnKind::JsonArray, {}},
            {QStringLiteral("accepting"), QStringLiteral("accepting"), ColumnKind::Boolean, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            // Kept by placement and moves in the same transaction; never written generically.
            {QStringLiteral("mailbox_count"), {}, ColumnKind::Integer, QStringLiteral("{t}.mailbox_count")},
            {QStringLiteral("cluster"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT c.name FROM clusters c WHERE c.id = {t}.cluster_id)")},
        });
    return table;
}

MailStoreRepository::MailStoreRepository(Database &db) : Repository(db, spec()) { }

Result<Page> MailStoreRepository::list(qint64 clusterId, const ListQuery &query) const
{
    Where where;
    if (clusterId > 0)
        where.add(QStringLiteral("t.cluster_id = ?"), {clusterId});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values), values);
    }
    QString order = query.sort == QLatin1String("mailbox_count") ? QStringLiteral("t.mailbox_count")
                                                                 : QStringLiteral("t.name_lc");
    order += query.descending ? QStringLiteral(" DESC, t.id DESC") : QStringLiteral(", t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<qint64> MailStoreRepository::nameOwner(const QString &name) const
{
    return count(
        QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM mail_stores WHERE name_lc = ?"), {name.toLower()});
}

Status MailStoreRepository::remove(qint64 id) const
{
    return run(QStringLiteral("DELETE FROM mail_stores WHERE id = ?"), {id});
}

Result<qint64> MailStoreRepository::leastFilled(qint64 clusterId) const
{
    return count(
        QStringLiteral("SELECT COALESCE((SELECT id FROM mail_stores WHERE cluster_id = ? AND accepting = 1 "
                       "ORDER BY mailbox_count, id LIMIT 1), 0)"),
        {clusterId});
}

Status MailStoreRepository::adjustCount(qint64 storeId, qint64 delta) const
{
    return run(QStringLiteral("UPDATE mail_stores SET mailbox_count = mailbox_count + ? WHERE id = ?"),
        {delta, storeId});
}

Status MailStoreRepository::setUserStore(qint64 userId, qint64 storeId) const
{
    return run(QStringLiteral("UPDATE users SET store_id = ? WHERE id = ?"),
        {storeId > 0 ? QVariant(storeId) : QVariant(QMetaType::fromType<qint64>()), userId});
}

Result<bool> MailStoreRepository::learnFromBackend(qint64 userId, const QString &host, qint64 at) const
{
    Statement user = database().prepare(QStringLiteral(
        "SELECT u.store_id, u.address, d.company_id, d.id, (SELECT s.name FROM mail_stores s WHERE s.id = "
        "u.store_id) FROM users u JOIN domains d ON d.id = u.domain_id WHERE u.id = ? AND u.type = "
        "'mailbox'"));
    user.bind(userId);
    if (Status s = user.exec(); !s.ok())
        return s.error();
    if (!user.next())
        return false;
    const qint64 from = user.value(0).isNull() ? 0 : user.toInt(0);
    Statement store = database().prepare(QStringLiteral(
        "SELECT id, name FROM mail_stores WHERE lower(host) = ? OR name_lc = ? ORDER BY id LIMIT 1"));
    store.bind(host.toLower()).bind(host.toLower());
    if (Status s = store.exec(); !s.ok())
        return s.error();
    if (!store.next() || store.toInt(0) == from)
        return false;
    const qint64 to = store.toInt(0);
    if (from > 0) {
        if (Status s = adjustCount(from, -1); !s.ok())
            return s.error();
    }
    if (Status s = adjustCount(to, 1); !s.ok())
        return s.error();
    if (Status s = setUserStore(userId, to); !s.ok())
        return s.error();
    AuditEntry entry;
    entry.at = at;
    entry.actorLogin = QStringLiteral("(logs)");
    entry.companyId = user.toInt(2);
    entry.domainId = user.toInt(3);
    entry.objectType = QStringLiteral("user");
    entry.objectId = user.toString(1);
    entry.action = QStringLiteral("learn");
    entry.changes = QJsonObject {
        {QStringLiteral("store"),
            QJsonObject {{QStringLiteral("before"), from > 0 ? QJsonValue(user.toString(4)) : QJsonValue()},
                {QStringLiteral("after"), store.toString(1)}}},
        {QStringLiteral("backend"),
            QJsonObject {{QStringLiteral("before"), QJsonValue()}, {QStringLiteral("after"), host}}}};
    if (Status s = AuditRepository(database()).append(entry); !s.ok())
        return s.error();
    return true;
}

Status MailStoreRepository::recount() const
{
    return run(QStringLiteral("UPDATE mail_stores SET mailbox_count = (SELECT COUNT(*) FROM users u WHERE "
                              "u.store_id = mail_stores.id)"),
        {});
}

Result<QHash<QString, qint64>> MailStoreRepository::idsByName(const QStringList &names) const
{
    QHash<QString, qint64> out;
    for (const QString &name : names) {
        const Result<qint64> id = nameOwner(name);
        if (!id.ok())
            return id.error();
        if (id.value() > 0)
            out.insert(name, id.value());
    }
    return out;
}

} // namespace mailadmin::store
