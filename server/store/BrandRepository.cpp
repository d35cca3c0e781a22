#include "store/BrandRepository.h"

namespace mailadmin::store {

namespace {
const QString kAssignments = QStringLiteral("((SELECT COUNT(*) FROM companies c WHERE c.brand_id = {t}.id)"
                                            " + (SELECT COUNT(*) FROM domains d WHERE d.brand_id = {t}.id)"
                                            " + (SELECT COUNT(*) FROM users u WHERE u.brand_id = {t}.id))");
}

const Table &BrandRepository::spec()
{
    static const Table table(QStringLiteral("brands"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name_lc"), ColumnKind::LowerCopy, {}},
            {QStringLiteral("product_name"), QStringLiteral("product_name"), ColumnKind::Text, {}},
            {QStringLiteral("primary_colour"), QStringLiteral("primary_colour"), ColumnKind::Text, {}},
            {QStringLiteral("accent_colour"), QStringLiteral("accent_colour"), ColumnKind::Text, {}},
            {QStringLiteral("logo"), QStringLiteral("logo"), ColumnKind::Blob, {}},
            {QStringLiteral("logo_type"), QStringLiteral("logo_type"), ColumnKind::Text, {}},
            {QStringLiteral("support_url"), QStringLiteral("support_url"), ColumnKind::Text, {}},
            {QStringLiteral("support_email"), QStringLiteral("support_email"), ColumnKind::Text, {}},
            {QStringLiteral("login_message"), QStringLiteral("login_message"), ColumnKind::Text, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("assignments"), {}, ColumnKind::Integer, kAssignments},
        });
    return table;
}

BrandRepository::BrandRepository(Database &db) : Repository(db, spec()) { }

Result<Page> BrandRepository::list(qint64 onlyCompany, const ListQuery &query) const
{
    Where where;
    if (onlyCompany > 0)
        where.add(QStringLiteral("t.company_id = ?"), {onlyCompany});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values), values);
    }
    Result<Page> page = fetchPage(where,
        QStringLiteral("t.name_lc") + (query.descending ? QStringLiteral(" DESC") : QString()), query.offset,
        query.limit);
    if (page.ok()) {
        for (Record &r : page.value().items) {
            r.data.insert(QStringLiteral("has_logo"), !r.data.value(QLatin1String("logo")).isNull());
            r.data.remove(QStringLiteral("logo"));
        }
    }
    return page;
}

Result<bool> BrandRepository::nameTaken(qint64 companyId, const QString &name, qint64 exceptId) const
{
    const Result<qint64> n = count(
        QStringLiteral("SELECT COUNT(*) FROM brands WHERE company_id = ? AND name_lc = ? AND id <> ?"),
        {companyId, name.toLower(), exceptId});
    if (!n.ok())
        return n.error();
    return n.value() > 0;
}

Status BrandRepository::remove(qint64 id) const
{
    return run(QStringLiteral("DELETE FROM brands WHERE id = ?"), {id});
}

Result<BrandRepository::Logo> BrandRepository::logo(qint64 id) const
{
    Statement q = database().prepare(QStringLiteral("SELECT logo, logo_type FROM brands WHERE id = ?"));
    q.bind(id);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return Logo {};
    return Logo {q.value(0).toByteArray(), q.toString(1)};
}

} // namespace mailadmin::store
