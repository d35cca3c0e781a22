#include "store/AdminRepository.h"

namespace mailadmin::store {

const Table &AdminRepository::spec()
{
    static const Table table(QStringLiteral("admins"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("login"), QStringLiteral("login"), ColumnKind::Text, {}},
            {QStringLiteral("display_name"), QStringLiteral("display_name"), ColumnKind::Text, {}},
            {QStringLiteral("role"), QStringLiteral("role"), ColumnKind::Text, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("domains"), QStringLiteral("domains"), ColumnKind::JsonArray, {}},
            {QStringLiteral("disabled"), QStringLiteral("disabled"), ColumnKind::Boolean, {}},
            {QStringLiteral("last_login_at"), QStringLiteral("last_login_at"), ColumnKind::Time, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("company_name"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT c.name FROM companies c WHERE c.id = {t}.company_id)")},
        });
    return table;
}

AdminRepository::AdminRepository(Database &db) : Repository(db, spec()) { }

Result<Record> AdminRepository::byLogin(const QString &login) const
{
    return fetchOne(QStringLiteral("t.login = ?"), {login});
}

Result<Page> AdminRepository::list(qint64 onlyCompany, const ListQuery &query) const
{
    Where where;
    if (onlyCompany > 0)
        where.add(QStringLiteral("t.company_id = ?"), {onlyCompany});
    if (query.filters.contains(QStringLiteral("role")))
        where.add(QStringLiteral("t.role = ?"), {query.filters.value(QStringLiteral("role"))});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.login"), query.q, values), values);
    }
    const QString order = (query.sort == QLatin1String("role") ? QStringLiteral("t.role, t.login")
                                                               : QStringLiteral("t.login"))
        + (query.descending ? QStringLiteral(" DESC") : QString());
    return fetchPage(where, order, query.offset, query.limit);
}

Result<QString> AdminRepository::passwordHash(qint64 adminId) const
{
    Statement q = database().prepare(QStringLiteral("SELECT password_hash FROM admins WHERE id = ?"));
    q.bind(adminId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toString(0) : QString();
}

Status AdminRepository::setPasswordHash(qint64 adminId, const QString &hash) const
{
    return run(QStringLiteral("UPDATE admins SET password_hash = ? WHERE id = ?"), {hash, adminId});
}

Status AdminRepository::setDomainIds(qint64 adminId, const QList<qint64> &domainIds) const
{
    if (Status s = run(QStringLiteral("DELETE FROM admin_domains WHERE admin_id = ?"), {adminId}); !s.ok())
        return s;
    for (qint64 id : domainIds) {
        if (Status s = run(QStringLiteral("INSERT INTO admin_domains (admin_id, domain_id) VALUES (?, ?)"),
                {adminId, id});
            !s.ok())
            return s;
    }
    return Status::success();
}

Result<QList<qint64>> AdminRepository::domainIds(qint64 adminId) const
{
    Statement q = database().prepare(
        QStringLiteral("SELECT domain_id FROM admin_domains WHERE admin_id = ? ORDER BY domain_id"));
    q.bind(adminId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.toInt(0);
    return ids;
}

Status AdminRepository::touchLogin(qint64 adminId, qint64 now) const
{
    return run(QStringLiteral("UPDATE admins SET last_login_at = ? WHERE id = ?"), {now, adminId});
}

Result<qint64> AdminRepository::countAll() const
{
    return count(QStringLiteral("SELECT COUNT(*) FROM admins"), {});
}

} // namespace mailadmin::store
