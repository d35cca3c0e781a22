#include "store/ClusterRepository.h"

namespace mailadmin::store {

const Table &ClusterRepository::spec()
{
    static const Table table(QStringLiteral("clusters"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
            {QStringLiteral("name"), QStringLiteral("name_lc"), ColumnKind::LowerCopy, {}},
            {QStringLiteral("description"), QStringLiteral("description"), ColumnKind::Text, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("store_count"), {}, ColumnKind::Integer,
                QStringLiteral("(SELECT COUNT(*) FROM mail_stores s WHERE s.cluster_id = {t}.id)")},
            {QStringLiteral("mailbox_count"), {}, ColumnKind::Integer,
                QStringLiteral("(SELECT COALESCE(SUM(s.mailbox_count), 0) FROM mail_stores s WHERE "
                               "s.cluster_id = {t}.id)")},
            {QStringLiteral("domain_count"), {}, ColumnKind::Integer,
                QStringLiteral(
                    "(SELECT COUNT(*) FROM domains d WHERE d.cluster_id = {t}.id AND d.deleted_at IS "
                    "NULL)")},
        });
    return table;
}

ClusterRepository::ClusterRepository(Database &db) : Repository(db, spec()) { }

Result<Page> ClusterRepository::list(qint64 companyId, const ListQuery &query) const
{
    Where where;
    if (companyId > 0)
        where.add(QStringLiteral("t.id IN (SELECT d.cluster_id FROM domains d WHERE d.company_id = ? AND "
                                 "d.deleted_at IS NULL)"),
            {companyId});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values), values);
    }
    const QString order
        = query.descending ? QStringLiteral("t.name_lc DESC, t.id DESC") : QStringLiteral("t.name_lc, t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<qint64> ClusterRepository::nameOwner(const QString &name) const
{
    return count(
        QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM clusters WHERE name_lc = ?"), {name.toLower()});
}

Result<qint64> ClusterRepository::usage(qint64 id) const
{
    return count(QStringLiteral("SELECT (SELECT COUNT(*) FROM mail_stores WHERE cluster_id = ?) + (SELECT "
                                "COUNT(*) FROM domains WHERE cluster_id = ?)"),
        {id, id});
}

Status ClusterRepository::remove(qint64 id) const
{
    return run(QStringLiteral("DELETE FROM clusters WHERE id = ?"), {id});
}

Result<qint64> ClusterRepository::defaultFor(qint64 companyId) const
{
    const Result<qint64> own = count(
        QStringLiteral(
            "SELECT COALESCE(MIN(cluster_id), 0) FROM domains WHERE company_id = ? AND deleted_at IS NULL "
            "AND cluster_id IN (SELECT cluster_id FROM mail_stores WHERE accepting = 1)"),
        {companyId});
    if (!own.ok() || own.value() > 0)
        return own;
    return count(
        QStringLiteral("SELECT COALESCE((SELECT s.cluster_id FROM mail_stores s WHERE s.accepting = 1 "
                       "GROUP BY s.cluster_id ORDER BY SUM(s.mailbox_count), s.cluster_id LIMIT 1), "
                       "(SELECT MIN(id) FROM clusters), 0)"),
        {});
}

bool ClusterRepository::holdsCompany(qint64 clusterId, qint64 companyId) const
{
    const Result<qint64> n = count(
        QStringLiteral(
            "SELECT COUNT(*) FROM domains WHERE cluster_id = ? AND company_id = ? AND deleted_at IS NULL"),
        {clusterId, companyId});
    return n.ok() && n.value() > 0;
}

} // namespace mailadmin::store
