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

namespace {
// A repository over a table built for one request (the overview's cut-off is part of its columns).
class OverviewReader : public Repository
{
public:
    OverviewReader(Database &db, const Table &table) : Repository(db, table) { }
    using Repository::fetchPage;
};

const QString kLiveMailboxes = QStringLiteral(
    "FROM users u JOIN domains d ON d.id = u.domain_id WHERE d.company_id = {t}.id AND d.deleted_at IS NULL "
    "AND u.deleted_at IS NULL AND u.status <> 'deleted' AND u.type = 'mailbox'");

QHash<QString, QString> overviewFigures(qint64 activeSince)
{
    return {
        {QStringLiteral("mailboxes"),
            QStringLiteral("(SELECT COUNT(*) ") + kLiveMailboxes + QLatin1Char(')')},
        {QStringLiteral("active_users"),
            QStringLiteral("(SELECT COUNT(*) ") + kLiveMailboxes
                + QStringLiteral(" AND u.last_login_at >= %1)").arg(activeSince)},
        {QStringLiteral("used_bytes"),
            QStringLiteral("(SELECT COALESCE(SUM(u.used_bytes), 0) ") + kLiveMailboxes + QLatin1Char(')')},
        {QStringLiteral("quota_bytes"),
            QStringLiteral("(SELECT COALESCE(SUM(u.quota), 0) ") + kLiveMailboxes + QLatin1Char(')')},
        {QStringLiteral("open_alerts"),
            QStringLiteral("(SELECT COUNT(*) FROM alerts a WHERE a.company_id = {t}.id "
                           "AND a.status IN ('open', 'acknowledged'))")},
        {QStringLiteral("open_incidents"),
            QStringLiteral(
                "(SELECT COUNT(*) FROM incident_impact ii JOIN incidents i ON i.id = ii.incident_id "
                "WHERE ii.company_id = {t}.id AND i.status = 'open')")},
    };
}
} // namespace

const QStringList &CompanyRepository::overviewSortKeys()
{
    static const QStringList keys = {QStringLiteral("name"), QStringLiteral("status"),
        QStringLiteral("mailboxes"), QStringLiteral("active_users"), QStringLiteral("used_bytes"),
        QStringLiteral("open_alerts"), QStringLiteral("open_incidents")};
    return keys;
}

Result<Page> CompanyRepository::overview(const ListQuery &query, qint64 activeSince) const
{
    const QHash<QString, QString> figures = overviewFigures(activeSince);
    QList<Column> columns = {
        {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
        {QStringLiteral("name"), QStringLiteral("name"), ColumnKind::Text, {}},
        {QStringLiteral("status"), QStringLiteral("status"), ColumnKind::Text, {}},
        {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
    };
    for (const QString &key :
        {QStringLiteral("mailboxes"), QStringLiteral("active_users"), QStringLiteral("used_bytes"),
            QStringLiteral("quota_bytes"), QStringLiteral("open_alerts"), QStringLiteral("open_incidents")})
        columns.append({key, {}, ColumnKind::Integer, figures.value(key)});
    const Table table(QStringLiteral("companies"), columns);
    Where where;
    where.add(QStringLiteral("t.deleted_at IS NULL"));
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values), values);
    }
    QString order = QStringLiteral("t.name_lc");
    if (query.sort == QLatin1String("status"))
        order = QStringLiteral("t.status");
    else if (figures.contains(query.sort))
        order = QString(figures.value(query.sort)).replace(QLatin1String("{t}"), QLatin1String("t"));
    order += query.descending ? QStringLiteral(" DESC, t.id DESC") : QStringLiteral(", t.id");
    return OverviewReader(database(), table).fetchPage(where, order, query.offset, query.limit);
}

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
