#include "store/UserRepository.h"

#include "store/DomainRepository.h"

namespace mailadmin::store {

const Table &UserRepository::spec()
{
    static const Table table(QStringLiteral("users"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("domain_id"), QStringLiteral("domain_id"), ColumnKind::Integer, {}},
            {QStringLiteral("local_part"), QStringLiteral("local_part"), ColumnKind::Text, {}},
            {QStringLiteral("address"), QStringLiteral("address"), ColumnKind::Text, {}},
            {QStringLiteral("type"), QStringLiteral("type"), ColumnKind::Text, {}},
            {QStringLiteral("display_name"), QStringLiteral("display_name"), ColumnKind::Text, {}},
            {QStringLiteral("display_name"), QStringLiteral("name_lc"), ColumnKind::LowerCopy, {}},
            {QStringLiteral("display_name"), QStringLiteral("name_sort"), ColumnKind::SortKey, {}},
            {QStringLiteral("title"), QStringLiteral("title"), ColumnKind::Text, {}},
            {QStringLiteral("quota"), QStringLiteral("quota"), ColumnKind::Integer, {}},
            {QStringLiteral("used_bytes"), QStringLiteral("used_bytes"), ColumnKind::Integer, {}},
            // Messages stored, from the latest quota sample; kept by stats ingestion only.
            {QStringLiteral("messages"), {}, ColumnKind::Integer, QStringLiteral("{t}.messages")},
            {QStringLiteral("aliases"), QStringLiteral("aliases"), ColumnKind::JsonArray, {}},
            {QStringLiteral("forward_recipients"), QStringLiteral("forward_recipients"),
                ColumnKind::JsonArray, {}},
            {QStringLiteral("services.imap"), QStringLiteral("service_imap"), ColumnKind::Text, {}},
            {QStringLiteral("services.pop"), QStringLiteral("service_pop"), ColumnKind::Text, {}},
            {QStringLiteral("services.webmail"), QStringLiteral("service_webmail"), ColumnKind::Text, {}},
            {QStringLiteral("services.smtp"), QStringLiteral("service_smtp"), ColumnKind::Text, {}},
            {QStringLiteral("status"), QStringLiteral("status"), ColumnKind::Text, {}},
            {QStringLiteral("brand_id"), QStringLiteral("brand_id"), ColumnKind::Integer, {}},
            {QStringLiteral("notes"), QStringLiteral("notes"), ColumnKind::Text, {}},
            {QStringLiteral("last_login.imap"), QStringLiteral("last_login_imap"), ColumnKind::Time, {}},
            {QStringLiteral("last_login.pop"), QStringLiteral("last_login_pop"), ColumnKind::Time, {}},
            {QStringLiteral("last_login.webmail"), QStringLiteral("last_login_webmail"), ColumnKind::Time,
                {}},
            {QStringLiteral("last_login.smtp"), QStringLiteral("last_login_smtp"), ColumnKind::Time, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("deleted_at"), QStringLiteral("deleted_at"), ColumnKind::Time, {}},
            // The mail store holding the mailbox (null for forwards and filters); set by placement and moves.
            {QStringLiteral("store_id"), QStringLiteral("store_id"), ColumnKind::Integer, {}},
            {QStringLiteral("store"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT s.name FROM mail_stores s WHERE s.id = {t}.store_id)")},
            {QStringLiteral("password_set"), {}, ColumnKind::Boolean,
                QStringLiteral("(CASE WHEN {t}.password_hash IS NULL THEN 0 ELSE 1 END)")},
            {QStringLiteral("domain"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT d.name FROM domains d WHERE d.id = {t}.domain_id)")},
            {QStringLiteral("company_id"), {}, ColumnKind::Integer,
                QStringLiteral("(SELECT d.company_id FROM domains d WHERE d.id = {t}.domain_id)")},
        });
    return table;
}

const QStringList &UserRepository::sortKeys()
{
    static const QStringList keys = {QStringLiteral("address"), QStringLiteral("display_name"),
        QStringLiteral("created_at"), QStringLiteral("quota"), QStringLiteral("used_bytes"),
        QStringLiteral("status"), QStringLiteral("type"), QStringLiteral("deleted_at")};
    return keys;
}

UserRepository::UserRepository(Database &db) : Repository(db, spec()) { }

Result<Record> UserRepository::byAddress(const QString &address) const
{
    return fetchOne(QStringLiteral("t.address = ?"), {address});
}

Result<Page> UserRepository::list(qint64 domainId, const Scope &scope, const ListQuery &query) const
{
    // A pattern search finds its candidates in the trigram index where the dialect has one.
    QVariantList candidateValues;
    const QString candidates = query.q.isEmpty()
        ? QString()
        : database().dialect().userSubstringCandidates(query.q, candidateValues);
    Where where;
    if (!candidates.isEmpty())
        where.add(candidates, candidateValues);
    const QString domainColumn = candidates.isEmpty()
        ? QStringLiteral("t.domain_id")
        : database().dialect().withoutIndex(QStringLiteral("t.domain_id"));
    if (domainId > 0) {
        where.add(domainColumn + QStringLiteral(" = ?"), {domainId});
    } else {
        // Across domains: only live domains of live companies within the caller's scope.
        QString domains
            = QStringLiteral("SELECT d.id FROM domains d WHERE d.deleted_at IS NULL AND d.company_id "
                             "NOT IN (SELECT c.id FROM companies c WHERE c.deleted_at IS NOT NULL)");
        QVariantList values;
        if (scope.companyId > 0) {
            domains += QStringLiteral(" AND d.company_id = ?");
            values << scope.companyId;
        }
        if (scope.domainsOnly) {
            QStringList marks;
            for (qint64 id : scope.domainIds) {
                marks << QStringLiteral("?");
                values << id;
            }
            domains += marks.isEmpty()
                ? QStringLiteral(" AND 1 = 0")
                : QStringLiteral(" AND d.id IN (%1)").arg(marks.join(QStringLiteral(", ")));
        }
        if (scope.companyId > 0 || scope.domainsOnly
            || query.filters.value(QStringLiteral("status")) != QLatin1String("deleted"))
            where.add(QStringLiteral("%1 IN (%2)").arg(domainColumn, domains), values);
    }
    const QString status = query.filters.value(QStringLiteral("status"));
    if (status.isEmpty())
        where.add(QStringLiteral("t.status <> 'deleted'"));
    else
        where.add(QStringLiteral("t.status = ?"), {status});
    if (query.filters.contains(QStringLiteral("type")))
        where.add(QStringLiteral("t.type = ?"), {query.filters.value(QStringLiteral("type"))});
    if (!query.q.isEmpty()) {
        QVariantList values;
        const QString onAddress
            = database().dialect().textMatch(QStringLiteral("t.address"), query.q, values);
        const QString onName = database().dialect().textMatch(QStringLiteral("t.name_lc"), query.q, values);
        // "anna@bäck": the mailbox anna in the domains whose Unicode name starts with "bäck".
        QString onUnicode;
        const qsizetype at = query.q.indexOf(QLatin1Char('@'));
        if (at > 0) {
            QVariantList unicodeValues;
            onUnicode = DomainRepository(database())
                            .unicodeMatch(QStringLiteral("t.domain_id"), query.q.mid(at + 1), unicodeValues);
            if (!onUnicode.isEmpty()) {
                onUnicode = QStringLiteral(" OR (t.local_part = ? AND %1)").arg(onUnicode);
                values << query.q.left(at).toLower();
                values << unicodeValues;
            }
        }
        where.add(QStringLiteral("(%1 OR %2%3)").arg(onAddress, onName, onUnicode), values);
    }
    QString key;
    if (query.sort == QLatin1String("display_name"))
        key = QStringLiteral("t.name_sort");
    else if (sortKeys().contains(query.sort))
        key = QStringLiteral("t.") + query.sort;
    else
        key = QStringLiteral("t.address");
    // A search or a rare status or type leaves few rows: find them by their own index, then sort.
    const QString type = query.filters.value(QStringLiteral("type"));
    const bool selective = !query.q.isEmpty() || status == QLatin1String("suspended")
        || status == QLatin1String("deleted") || type == QLatin1String("forward")
        || type == QLatin1String("filter");
    const QString direction = query.descending ? QStringLiteral(" DESC") : QString();
    QString order = (selective ? database().dialect().withoutIndex(key) : key) + direction;
    if (key != QLatin1String("t.address"))
        order += QStringLiteral(", t.address") + direction;
    // A plain list (no search, no filter) takes its total from the kept counters instead of counting rows.
    const bool plain = query.q.isEmpty() && status.isEmpty() && type.isEmpty();
    QString totalSql;
    if (plain && domainId > 0) {
        totalSql = QStringLiteral("SELECT user_count FROM domains WHERE id = %1").arg(domainId);
    } else if (plain) {
        totalSql
            = QStringLiteral("SELECT COALESCE(SUM(user_count), 0) FROM domains WHERE deleted_at IS NULL");
        if (scope.companyId > 0)
            totalSql += QStringLiteral(" AND company_id = %1").arg(scope.companyId);
        if (scope.domainsOnly) {
            QStringList ids;
            for (qint64 id : scope.domainIds)
                ids << QString::number(id);
            totalSql += ids.isEmpty() ? QStringLiteral(" AND 1 = 0")
                                      : QStringLiteral(" AND id IN (%1)").arg(ids.join(QLatin1Char(',')));
        }
    }
    return fetchPage(where, order, query.offset, query.limit, totalSql, true);
}

Result<Page> UserRepository::listWhere(
    const Where &where, const QString &orderBy, int offset, int limit) const
{
    return fetchPage(where, orderBy, offset, limit, QString(), true);
}

Result<qint64> UserRepository::addressOwner(const QString &address) const
{
    const Result<qint64> direct
        = count(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM users WHERE address = ?"), {address});
    if (!direct.ok() || direct.value() > 0)
        return direct;
    return count(
        QStringLiteral("SELECT COALESCE(MAX(user_id), 0) FROM user_aliases WHERE address = ?"), {address});
}

Status UserRepository::setAliases(qint64 userId, qint64 companyId, const QStringList &aliases) const
{
    if (Status s = run(QStringLiteral("DELETE FROM user_aliases WHERE user_id = ?"), {userId}); !s.ok())
        return s;
    for (const QString &alias : aliases) {
        if (Status s
            = run(QStringLiteral("INSERT INTO user_aliases (address, user_id, company_id) VALUES (?, ?, ?)"),
                {alias, userId, companyId});
            !s.ok())
            return s;
    }
    return Status::success();
}

Status UserRepository::setPasswordHash(qint64 userId, const QString &hash) const
{
    return run(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, userId});
}

Result<int> UserRepository::purgeDeletedBefore(qint64 before) const
{
    if (Status s = run(QStringLiteral("DELETE FROM user_aliases WHERE user_id IN "
                                      "(SELECT id FROM users WHERE status = 'deleted' AND deleted_at < ?)"),
            {before});
        !s.ok())
        return s.error();
    Statement q
        = database().prepare(QStringLiteral("DELETE FROM users WHERE status = 'deleted' AND deleted_at < ?"));
    q.bind(before);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.rowsAffected();
}

} // namespace mailadmin::store
