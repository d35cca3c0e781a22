#include "store/CompanyRepository.h"

namespace mailadmin::store {

const Table &CompanyRepository::spec()
{
    static const Table table(QStringLiteral("companies"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name_lc"), ColumnKind::LowerCopy, {}},
            {QStringLiteral("default_quota"), QStringLiteral("default_quota"), ColumnKind::Integer, {}},
            {QStringLiteral("quota_maximum"), QStringLiteral("quota_maximum"), ColumnKind::Integer, {}},
            {QStringLiteral("user_limit"), QStringLiteral("user_limit"), ColumnKind::Integer, {}},
            {QStringLiteral("alias_limit"), QStringLiteral("alias_limit"), ColumnKind::Integer, {}},
            {QStringLiteral("service_defaults.imap"), QStringLiteral("service_imap"), ColumnKind::Text, {}},
            {QStringLiteral("service_defaults.pop"), QStringLiteral("service_pop"), ColumnKind::Text, {}},
            {QStringLiteral("service_defaults.webmail"), QStringLiteral("service_webmail"), ColumnKind::Text,
                {}},
            {QStringLiteral("service_defaults.smtp"), QStringLiteral("service_smtp"), ColumnKind::Text, {}},
            {QStringLiteral("smtp_send_limit"), QStringLiteral("smtp_send_limit"), ColumnKind::Integer, {}},
            {QStringLiteral("brand_id"), QStringLiteral("brand_id"), ColumnKind::Integer, {}},
            {QStringLiteral("language"), QStringLiteral("language"), ColumnKind::Text, {}},
            {QStringLiteral("notes"), QStringLiteral("notes"), ColumnKind::Text, {}},
            {QStringLiteral("status"), QStringLiteral("status"), ColumnKind::Text, {}},
            {QStringLiteral("suspended_reason"), QStringLiteral("suspended_reason"), ColumnKind::Text, {}},
            {QStringLiteral("deleted_at"), QStringLiteral("deleted_at"), ColumnKind::Time, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("domain_count"), {}, ColumnKind::Integer,
                QStringLiteral(
                    "(SELECT COUNT(*) FROM domains d WHERE d.company_id = {t}.id AND d.deleted_at IS NULL)")},
            {QStringLiteral("user_count"), {}, ColumnKind::Integer,
                QStringLiteral(
                    "(SELECT COALESCE(SUM(d.user_count), 0) FROM domains d WHERE d.company_id = {t}.id "
                    "AND d.deleted_at IS NULL)")},
        });
    return table;
}

CompanyRepository::CompanyRepository(Database &db) : Repository(db, spec()) { }

Result<Page> CompanyRepository::list(const ListQuery &query, qint64 onlyCompany, bool deleted) const
{
    Where where;
    where.add(deleted ? QStringLiteral("t.deleted_at IS NOT NULL") : QStringLiteral("t.deleted_at IS NULL"));
    if (onlyCompany > 0)
        where.add(QStringLiteral("t.id = ?"), {onlyCompany});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values), values);
    }
    QString order = query.sort == QLatin1String("created_at") ? QStringLiteral("t.created_at")
        : query.sort == QLatin1String("deleted_at")           ? QStringLiteral("t.deleted_at")
                                                              : QStringLiteral("t.name_lc");
    order += query.descending ? QStringLiteral(" DESC, t.id DESC") : QStringLiteral(", t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<bool> CompanyRepository::nameTaken(const QString &name, qint64 exceptId) const
{
    const Result<qint64> n
        = count(QStringLiteral("SELECT COUNT(*) FROM companies WHERE name_lc = ? AND id <> ?"),
            {name.toLower(), exceptId});
    if (!n.ok())
        return n.error();
    return n.value() > 0;
}

Result<qint64> CompanyRepository::userCount(qint64 companyId) const
{
    return count(
        QStringLiteral(
            "SELECT COALESCE(SUM(user_count), 0) FROM domains WHERE company_id = ? AND deleted_at IS NULL"),
        {companyId});
}

Result<qint64> CompanyRepository::aliasCount(qint64 companyId, qint64 exceptUserId) const
{
    return count(QStringLiteral("SELECT COUNT(*) FROM user_aliases WHERE company_id = ? AND user_id <> ?"),
        {companyId, exceptUserId});
}

Result<qint64> CompanyRepository::largestDomainMaximum(qint64 companyId) const
{
    return count(QStringLiteral("SELECT COALESCE(MAX(quota_maximum), 0) FROM domains WHERE company_id = ? "
                                "AND deleted_at IS NULL"),
        {companyId});
}

} // namespace mailadmin::store
