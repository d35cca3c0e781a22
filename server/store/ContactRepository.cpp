#include "store/ContactRepository.h"

namespace mailadmin::store {

const Table &ContactRepository::spec()
{
    static const Table table(QStringLiteral("contacts"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("type"), QStringLiteral("type"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("email"), QStringLiteral("email"), ColumnKind::Text, {}},
            {QStringLiteral("phone"), QStringLiteral("phone"), ColumnKind::Text, {}},
            {QStringLiteral("notes"), QStringLiteral("notes"), ColumnKind::Text, {}},
            {QStringLiteral("notice_kinds"), QStringLiteral("notice_kinds"), ColumnKind::JsonArray, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
        });
    return table;
}

ContactRepository::ContactRepository(Database &db) : Repository(db, spec()) { }

Result<Page> ContactRepository::list(qint64 companyId, const ListQuery &query) const
{
    Where where;
    where.add(QStringLiteral("t.company_id = ?"), {companyId});
    if (query.filters.contains(QStringLiteral("type")))
        where.add(QStringLiteral("t.type = ?"), {query.filters.value(QStringLiteral("type"))});
    const QString order = query.sort == QLatin1String("name") ? QStringLiteral("t.name, t.id")
                                                              : QStringLiteral("t.type, t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<qint64> ContactRepository::countForCompany(qint64 companyId) const
{
    return count(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE company_id = ?"), {companyId});
}

Status ContactRepository::remove(qint64 id) const
{
    return run(QStringLiteral("DELETE FROM contacts WHERE id = ?"), {id});
}

Result<QStringList> ContactRepository::emails(qint64 companyId, const QString &type) const
{
    Statement q = database().prepare(
        QStringLiteral("SELECT email FROM contacts WHERE company_id = ? AND type = ? ORDER BY id"));
    q.bind(companyId).bind(type);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QStringList out;
    while (q.next())
        out << q.toString(0);
    return out;
}

} // namespace mailadmin::store
