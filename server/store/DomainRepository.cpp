#include "store/DomainRepository.h"

#include "Validation.h"

namespace mailadmin::store {

const Table &DomainRepository::spec()
{
    static const Table table(QStringLiteral("domains"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("aliases"), QStringLiteral("aliases"), ColumnKind::JsonArray, {}},
            {QStringLiteral("default_quota"), QStringLiteral("default_quota"), ColumnKind::Integer, {}},
            {QStringLiteral("quota_maximum"), QStringLiteral("quota_maximum"), ColumnKind::Integer, {}},
            {QStringLiteral("user_limit"), QStringLiteral("user_limit"), ColumnKind::Integer, {}},
            {QStringLiteral("disabled"), QStringLiteral("disabled"), ColumnKind::Boolean, {}},
            {QStringLiteral("brand_id"), QStringLiteral("brand_id"), ColumnKind::Integer, {}},
            {QStringLiteral("notes"), QStringLiteral("notes"), ColumnKind::Text, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("deleted_at"), QStringLiteral("deleted_at"), ColumnKind::Time, {}},
            {QStringLiteral("cluster_id"), QStringLiteral("cluster_id"), ColumnKind::Integer, {}},
            {QStringLiteral("cluster"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT c.name FROM clusters c WHERE c.id = {t}.cluster_id)")},
            // Kept by the user service in the same transaction as each change; never written generically.
            {QStringLiteral("user_count"), {}, ColumnKind::Integer, QStringLiteral("{t}.user_count")},
        });
    return table;
}

DomainRepository::DomainRepository(Database &db) : Repository(db, spec()) { }

Result<Record> DomainRepository::byName(const QString &name, bool computed) const
{
    return fetchOne(QStringLiteral("t.name = ?"), {name}, computed);
}

Result<Page> DomainRepository::list(const Scope &scope, const ListQuery &query, bool deleted) const
{
    Where where;
    where.add(deleted ? QStringLiteral("t.deleted_at IS NOT NULL") : QStringLiteral("t.deleted_at IS NULL"));
    // A deleted company's domains leave the lists with it and come back with its restore.
    where.add(
        QStringLiteral("t.company_id NOT IN (SELECT c.id FROM companies c WHERE c.deleted_at IS NOT NULL)"));
    where.addScope(scope, QStringLiteral("t.id"));
    if (query.filters.contains(QStringLiteral("company_id")))
        where.add(QStringLiteral("t.company_id = ?"),
            {query.filters.value(QStringLiteral("company_id")).toLongLong()});
    if (query.filters.contains(QStringLiteral("disabled")))
        where.add(QStringLiteral("t.disabled = ?"),
            {query.filters.value(QStringLiteral("disabled")) == QLatin1String("true") ? 1 : 0});
    if (!query.q.isEmpty()) {
        QVariantList values;
        const QString onName = database().dialect().textMatch(QStringLiteral("t.name"), query.q, values);
        const QString onUnicode = unicodeMatch(QStringLiteral("t.id"), query.q, values);
        where.add(onUnicode.isEmpty() ? onName : QStringLiteral("(%1 OR %2)").arg(onName, onUnicode), values);
    }
    QString order;
    if (query.sort == QLatin1String("created_at"))
        order = QStringLiteral("t.created_at");
    else if (query.sort == QLatin1String("user_count"))
        order = QStringLiteral("t.user_count");
    else if (query.sort == QLatin1String("deleted_at"))
        order = QStringLiteral("t.deleted_at");
    else
        order = QStringLiteral("t.name");
    order += query.descending ? QStringLiteral(" DESC, t.id DESC") : QStringLiteral(", t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<qint64> DomainRepository::nameOwner(const QString &name) const
{
    const Result<qint64> direct
        = count(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM domains WHERE name = ?"), {name});
    if (!direct.ok() || direct.value() > 0)
        return direct;
    return count(
        QStringLiteral("SELECT COALESCE(MAX(domain_id), 0) FROM domain_aliases WHERE name = ?"), {name});
}

Result<qint64> DomainRepository::companyOfName(const QString &name) const
{
    const Result<qint64> direct
        = count(QStringLiteral("SELECT COALESCE(MAX(company_id), 0) FROM domains WHERE name = ?"), {name});
    if (!direct.ok() || direct.value() > 0)
        return direct;
    return count(QStringLiteral("SELECT COALESCE(MAX(d.company_id), 0) FROM domain_aliases a JOIN domains d "
                                "ON d.id = a.domain_id WHERE a.name = ?"),
        {name});
}

Status DomainRepository::setAliases(qint64 domainId, const QStringList &aliases) const
{
    if (Status s = run(QStringLiteral("DELETE FROM domain_aliases WHERE domain_id = ?"), {domainId}); !s.ok())
        return s;
    for (const QString &alias : aliases) {
        if (Status s = run(QStringLiteral("INSERT INTO domain_aliases (name, domain_id) VALUES (?, ?)"),
                {alias, domainId});
            !s.ok())
            return s;
    }
    return Status::success();
}

Result<qint64> DomainRepository::liveUserCount(qint64 domainId) const
{
    return count(QStringLiteral("SELECT user_count FROM domains WHERE id = ?"), {domainId});
}

Status DomainRepository::lockForUpdate(qint64 domainId) const
{
    // SQLite's write transaction already holds the whole database.
    if (database().dialect().kind() == SqlDialect::Kind::SQLite)
        return Status::success();
    return run(QStringLiteral("SELECT id FROM domains WHERE id = ? FOR UPDATE"), {domainId});
}

Status DomainRepository::adjustUserCount(qint64 domainId, int delta) const
{
    return run(
        QStringLiteral("UPDATE domains SET user_count = user_count + ? WHERE id = ?"), {delta, domainId});
}

Status DomainRepository::recountUsers() const
{
    return run(
        QStringLiteral(
            "UPDATE domains SET user_count = (SELECT COUNT(*) FROM users u WHERE u.domain_id = domains.id "
            "AND u.status <> 'deleted')"),
        {});
}

Result<qint64> DomainRepository::largestUserQuota(qint64 domainId) const
{
    return count(QStringLiteral(
                     "SELECT COALESCE(MAX(quota), 0) FROM users WHERE domain_id = ? AND status <> 'deleted'"),
        {domainId});
}

Result<QList<qint64>> DomainRepository::purgeable(qint64 deletedBefore) const
{
    Statement q = database().prepare(
        QStringLiteral("SELECT id FROM domains WHERE deleted_at IS NOT NULL AND deleted_at < ?"));
    q.bind(deletedBefore);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.toInt(0);
    return ids;
}

Status DomainRepository::purge(qint64 domainId) const
{
    const QList<QPair<QString, QVariantList>> steps = {
        {QStringLiteral(
             "DELETE FROM user_aliases WHERE user_id IN (SELECT id FROM users WHERE domain_id = ?)"),
            {domainId}},
        {QStringLiteral("DELETE FROM users WHERE domain_id = ?"), {domainId}},
        {QStringLiteral("DELETE FROM domain_aliases WHERE domain_id = ?"), {domainId}},
        {QStringLiteral("DELETE FROM admin_domains WHERE domain_id = ?"), {domainId}},
        {QStringLiteral("DELETE FROM domains WHERE id = ?"), {domainId}},
    };
    for (const auto &[sql, values] : steps) {
        if (Status s = run(sql, values); !s.ok())
            return s;
    }
    return Status::success();
}

Result<QList<qint64>> DomainRepository::idsWithUnicodePrefix(const QString &prefix) const
{
    Statement q = database().prepare(
        QStringLiteral("SELECT id, name FROM domains WHERE deleted_at IS NULL AND name LIKE '%xn--%'"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<qint64> ids;
    while (q.next()) {
        if (validation::domainForDisplay(q.toString(1)).startsWith(prefix))
            ids << q.toInt(0);
    }
    return ids;
}

QString DomainRepository::unicodeMatch(const QString &column, const QString &q, QVariantList &values) const
{
    bool ascii = true;
    for (QChar c : q)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii || q.contains(QLatin1Char('*')))
        return QString();
    const Result<QList<qint64>> ids = idsWithUnicodePrefix(q.toLower());
    if (!ids.ok() || ids->isEmpty())
        return QString();
    QStringList marks;
    for (qint64 id : ids.value()) {
        marks << QStringLiteral("?");
        values << id;
    }
    return QStringLiteral("%1 IN (%2)").arg(column, marks.join(QStringLiteral(", ")));
}

} // namespace mailadmin::store
