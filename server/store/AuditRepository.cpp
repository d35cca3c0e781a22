#include "store/AuditRepository.h"

#include "Json.h"

namespace mailadmin::store {

const Table &AuditRepository::spec()
{
    static const Table table(QStringLiteral("audit"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("at"), QStringLiteral("at"), ColumnKind::Time, {}},
            {QStringLiteral("actor_id"), QStringLiteral("actor_id"), ColumnKind::Integer, {}},
            {QStringLiteral("actor"), QStringLiteral("actor_login"), ColumnKind::Text, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("domain_id"), QStringLiteral("domain_id"), ColumnKind::Integer, {}},
            {QStringLiteral("object_type"), QStringLiteral("object_type"), ColumnKind::Text, {}},
            {QStringLiteral("object_id"), QStringLiteral("object_id"), ColumnKind::Text, {}},
            {QStringLiteral("action"), QStringLiteral("action"), ColumnKind::Text, {}},
            {QStringLiteral("changes_json"), QStringLiteral("changes"), ColumnKind::Text, {}},
            // The name an object numbered by id goes by now (null once it is gone): people read names.
            {QStringLiteral("object_name"), {}, ColumnKind::Text,
                QStringLiteral("(CASE {t}.object_type"
                               " WHEN 'brand' THEN (SELECT b.name FROM brands b WHERE b.id = "
                               "CAST({t}.object_id AS BIGINT))"
                               " WHEN 'contact' THEN (SELECT c.name FROM contacts c WHERE c.id = "
                               "CAST({t}.object_id AS BIGINT))"
                               " WHEN 'company' THEN (SELECT c.name FROM companies c WHERE c.id = "
                               "CAST({t}.object_id AS BIGINT))"
                               " WHEN 'admin' THEN (SELECT a.login FROM admins a WHERE a.id = "
                               "CAST({t}.object_id AS BIGINT))"
                               " END)")},
        });
    return table;
}

AuditRepository::AuditRepository(Database &db) : Repository(db, spec()) { }

Status AuditRepository::append(const AuditEntry &e) const
{
    return run(
        QStringLiteral(
            "INSERT INTO audit (at, actor_id, actor_login, company_id, domain_id, object_type, object_id, "
            "action, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.at, e.actorId > 0 ? QVariant(e.actorId) : QVariant(QMetaType::fromType<qint64>()), e.actorLogin,
            e.companyId > 0 ? QVariant(e.companyId) : QVariant(QMetaType::fromType<qint64>()),
            e.domainId > 0 ? QVariant(e.domainId) : QVariant(QMetaType::fromType<qint64>()), e.objectType,
            e.objectId, e.action, QString::fromUtf8(json::compact(e.changes))});
}

Result<AuditRepository::Recent> AuditRepository::recent(
    const QString &objectType, const QString &objectId, const QString &action, qint64 since) const
{
    Statement q = database().prepare(QStringLiteral(
        "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM audit WHERE object_type = ? AND object_id = ? "
        "AND at >= ? AND action = ?"));
    q.bind(objectType).bind(objectId).bind(since).bind(action);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    Recent r;
    if (q.next()) {
        r.count = q.toInt(0);
        r.oldest = q.toInt(1);
    }
    return r;
}

Result<Page> AuditRepository::list(const Scope &scope, const ListQuery &query) const
{
    Where where;
    where.addScope(scope, QStringLiteral("t.domain_id"));
    const auto &f = query.filters;
    if (f.contains(QStringLiteral("object_type")))
        where.add(QStringLiteral("t.object_type = ?"), {f.value(QStringLiteral("object_type"))});
    if (f.contains(QStringLiteral("object_id")))
        where.add(QStringLiteral("t.object_id = ?"), {f.value(QStringLiteral("object_id"))});
    if (f.contains(QStringLiteral("actor")))
        where.add(QStringLiteral("t.actor_login = ?"), {f.value(QStringLiteral("actor"))});
    if (f.contains(QStringLiteral("action")))
        where.add(QStringLiteral("t.action = ?"), {f.value(QStringLiteral("action"))});
    if (f.contains(QStringLiteral("from")))
        where.add(QStringLiteral("t.at >= ?"), {f.value(QStringLiteral("from")).toLongLong()});
    if (f.contains(QStringLiteral("to")))
        where.add(QStringLiteral("t.at < ?"), {f.value(QStringLiteral("to")).toLongLong()});
    Result<Page> page = fetchPage(where,
        query.descending || query.sort.isEmpty() ? QStringLiteral("t.at DESC, t.id DESC")
                                                 : QStringLiteral("t.at, t.id"),
        query.offset, query.limit);
    if (page.ok()) {
        for (Record &r : page.value().items) {
            r.data.insert(QStringLiteral("changes"),
                json::parseObject(r.data.value(QLatin1String("changes_json")).toString().toUtf8()).value());
            r.data.remove(QStringLiteral("changes_json"));
        }
    }
    return page;
}

} // namespace mailadmin::store
