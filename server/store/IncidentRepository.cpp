#include "store/IncidentRepository.h"

#include "Json.h"
#include "store/UserRepository.h"

#include <QJsonArray>

namespace mailadmin::store {

namespace {
// "?, ?, ?" with the ids appended to `values`; "NULL" (which matches nothing) for an empty list.
QString marks(const QList<qint64> &ids, QVariantList &values)
{
    if (ids.isEmpty())
        return QStringLiteral("NULL");
    QStringList out;
    for (qint64 id : ids) {
        out << QStringLiteral("?");
        values << id;
    }
    return out.join(QStringLiteral(", "));
}

QList<qint64> idsOf(const QJsonValue &value)
{
    QList<qint64> out;
    for (const QJsonValue &v : value.toArray())
        out << qint64(v.toDouble());
    return out;
}

// Conditions on users `t` joined to domains `d`: live mailboxes that the targets affect. Only the kinds of
// target the incident names appear, so a one-store incident is a plain (domain, store) index lookup; a
// company named whole (`companyId` among the targets) needs no store condition at all.
QString affectedCondition(const ImpactTargets &targets, qint64 companyId, QVariantList &values)
{
    QString sql = QStringLiteral("d.deleted_at IS NULL AND t.status <> 'deleted' AND t.store_id IS NOT NULL");
    if (companyId > 0 && targets.companies.contains(companyId))
        return sql;
    QStringList any;
    if (!targets.stores.isEmpty())
        any << QStringLiteral("t.store_id IN (%1)").arg(marks(targets.stores, values));
    if (!targets.domains.isEmpty())
        any << QStringLiteral("t.domain_id IN (%1)").arg(marks(targets.domains, values));
    if (!targets.companies.isEmpty() && companyId <= 0)
        any << QStringLiteral("d.company_id IN (%1)").arg(marks(targets.companies, values));
    if (any.isEmpty())
        return sql + QStringLiteral(" AND 1 = 0");
    return sql + QStringLiteral(" AND (") + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}
} // namespace

const Table &IncidentRepository::spec()
{
    static const Table table(QStringLiteral("incidents"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("kind"), QStringLiteral("kind"), ColumnKind::Text, {}},
            {QStringLiteral("title"), QStringLiteral("title"), ColumnKind::Text, {}},
            {QStringLiteral("description"), QStringLiteral("description"), ColumnKind::Text, {}},
            {QStringLiteral("severity"), QStringLiteral("severity"), ColumnKind::Text, {}},
            {QStringLiteral("status"), QStringLiteral("status"), ColumnKind::Text, {}},
            {QStringLiteral("services"), QStringLiteral("services"), ColumnKind::JsonArray, {}},
            {QStringLiteral("clusters"), QStringLiteral("clusters"), ColumnKind::JsonArray, {}},
            {QStringLiteral("stores"), QStringLiteral("stores"), ColumnKind::JsonArray, {}},
            {QStringLiteral("companies"), QStringLiteral("companies"), ColumnKind::JsonArray, {}},
            {QStringLiteral("domains"), QStringLiteral("domains"), ColumnKind::JsonArray, {}},
            {QStringLiteral("starts_at"), QStringLiteral("starts_at"), ColumnKind::Time, {}},
            {QStringLiteral("expected_end_at"), QStringLiteral("expected_end_at"), ColumnKind::Time, {}},
            {QStringLiteral("remind_before_minutes"), QStringLiteral("remind_before_minutes"),
                ColumnKind::Integer, {}},
            {QStringLiteral("reminded_at"), QStringLiteral("reminded_at"), ColumnKind::Time, {}},
            {QStringLiteral("resolved_at"), QStringLiteral("resolved_at"), ColumnKind::Time, {}},
            {QStringLiteral("closing_note"), QStringLiteral("closing_note"), ColumnKind::Text, {}},
            {QStringLiteral("created_by"), QStringLiteral("created_by"), ColumnKind::Text, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("affected_companies"), {}, ColumnKind::Integer,
                QStringLiteral("(SELECT COUNT(*) FROM incident_impact i WHERE i.incident_id = {t}.id)")},
            {QStringLiteral("affected_mailboxes"), {}, ColumnKind::Integer,
                QStringLiteral("(SELECT COALESCE(SUM(i.mailboxes), 0) FROM incident_impact i WHERE "
                               "i.incident_id = {t}.id)")},
        });
    return table;
}

IncidentRepository::IncidentRepository(Database &db) : Repository(db, spec()) { }

Result<Page> IncidentRepository::list(qint64 companyId, const ListQuery &query) const
{
    Where where;
    if (companyId != 0)
        where.add(
            QStringLiteral("t.id IN (SELECT i.incident_id FROM incident_impact i WHERE i.company_id = ?)"),
            {companyId});
    if (query.filters.contains(QStringLiteral("status"))) {
        const QString status = query.filters.value(QStringLiteral("status"));
        if (status == QLatin1String("current"))
            where.add(QStringLiteral("t.status IN ('open', 'scheduled')"));
        else
            where.add(QStringLiteral("t.status = ?"), {status});
    }
    if (query.filters.contains(QStringLiteral("kind")))
        where.add(QStringLiteral("t.kind = ?"), {query.filters.value(QStringLiteral("kind"))});
    if (!query.q.isEmpty()) {
        QVariantList values;
        where.add(database().dialect().textMatch(QStringLiteral("LOWER(t.title)"), query.q, values), values);
    }
    // Newest first unless asked for the oldest first (sort=starts_at).
    const bool oldestFirst = query.sort == QLatin1String("starts_at") && !query.descending;
    const QString order
        = oldestFirst ? QStringLiteral("t.starts_at, t.id") : QStringLiteral("t.starts_at DESC, t.id DESC");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<QJsonArray> IncidentRepository::updates(qint64 incidentId) const
{
    Statement q = database().prepare(QStringLiteral("SELECT id, kind, body, author, at FROM incident_updates "
                                                    "WHERE incident_id = ? ORDER BY id LIMIT 1000"));
    q.bind(incidentId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject {{QStringLiteral("id"), double(q.toInt(0))},
            {QStringLiteral("kind"), q.toString(1)}, {QStringLiteral("body"), q.toString(2)},
            {QStringLiteral("author"), q.toString(3)}, {QStringLiteral("at"), json::isoTime(q.toInt(4))}});
    return out;
}

Result<qint64> IncidentRepository::addUpdate(
    qint64 incidentId, const QString &kind, const QString &body, const QString &author, qint64 at) const
{
    Statement q = database().prepare(QStringLiteral("INSERT INTO incident_updates (incident_id, kind, body, "
                                                    "author, at) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    q.bind(incidentId).bind(kind).bind(body).bind(author).bind(at);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toInt(0) : 0;
}

Result<QJsonObject> IncidentRepository::updateById(qint64 updateId) const
{
    Statement q = database().prepare(
        QStringLiteral("SELECT id, incident_id, kind, body, author, at FROM incident_updates WHERE id = ?"));
    q.bind(updateId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return QJsonObject {};
    return QJsonObject {{QStringLiteral("id"), double(q.toInt(0))},
        {QStringLiteral("incident_id"), double(q.toInt(1))}, {QStringLiteral("kind"), q.toString(2)},
        {QStringLiteral("body"), q.toString(3)}, {QStringLiteral("author"), q.toString(4)},
        {QStringLiteral("at"), json::isoTime(q.toInt(5))}};
}

Result<ImpactTargets> IncidentRepository::targets(const QJsonObject &incident) const
{
    ImpactTargets t;
    t.stores = idsOf(incident.value(QLatin1String("stores")));
    t.companies = idsOf(incident.value(QLatin1String("companies")));
    const QList<qint64> clusters = idsOf(incident.value(QLatin1String("clusters")));
    if (!clusters.isEmpty()) {
        QVariantList values;
        Statement q = database().prepare(
            QStringLiteral("SELECT id FROM mail_stores WHERE cluster_id IN (%1) ORDER BY id")
                .arg(marks(clusters, values)));
        for (const QVariant &v : values)
            q.bind(v);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        while (q.next()) {
            if (!t.stores.contains(q.toInt(0)))
                t.stores << q.toInt(0);
        }
    }
    for (const QJsonValue &name : incident.value(QLatin1String("domains")).toArray()) {
        Statement q = database().prepare(QStringLiteral("SELECT id FROM domains WHERE name = ?"));
        q.bind(name.toString());
        if (Status s = q.exec(); !s.ok())
            return s.error();
        if (q.next())
            t.domains << q.toInt(0);
    }
    return t;
}

Result<QList<CompanyImpact>> IncidentRepository::impactByCompany(const ImpactTargets &targets) const
{
    // Driven by the domains that can be affected (on a cluster of an affected store, named, or of a named
    // company); per domain the counts come from the (domain_id, store_id, status) index alone.
    QVariantList storeValues, domainValues, companyValues;
    const QString storeMarks = marks(targets.stores, storeValues);
    const QString domainMarks = marks(targets.domains, domainValues);
    const QString companyMarks = marks(targets.companies, companyValues);
    const QString sql = QStringLiteral(
        "SELECT d.company_id, c.name, SUM(CASE WHEN d.id IN (%2) OR d.company_id IN (%3) THEN "
        "(SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND u.store_id IS NOT NULL AND u.status <> "
        "'deleted') "
        "ELSE (SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND u.store_id IN (%1) AND u.status <> "
        "'deleted') END) "
        "FROM domains d JOIN companies c ON c.id = d.company_id WHERE d.deleted_at IS NULL AND (d.cluster_id "
        "IN "
        "(SELECT s.cluster_id FROM mail_stores s WHERE s.id IN (%1)) OR d.id IN (%2) OR d.company_id IN "
        "(%3)) "
        "GROUP BY d.company_id, c.name ORDER BY c.name, d.company_id")
                            .arg(storeMarks, domainMarks, companyMarks);
    // Placeholders in the order they appear: %2 %3 %1 (CASE), then %1 %2 %3.
    QVariantList bound;
    bound << domainValues << companyValues << storeValues << storeValues << domainValues << companyValues;
    Statement q = database().prepare(sql);
    for (const QVariant &v : bound)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<CompanyImpact> out;
    while (q.next()) {
        CompanyImpact c {q.toInt(0), q.toString(1), q.toInt(2), 0};
        if (c.mailboxes > 0 || targets.companies.contains(c.companyId))
            out << c;
    }
    // Named companies without any domain yet are affected too (their contacts hear of it).
    for (qint64 id : targets.companies) {
        bool seen = false;
        for (const CompanyImpact &c : out)
            seen = seen || c.companyId == id;
        if (seen)
            continue;
        Statement n = database().prepare(QStringLiteral("SELECT name FROM companies WHERE id = ?"));
        n.bind(id);
        if (Status s = n.exec(); !s.ok())
            return s.error();
        if (n.next())
            out << CompanyImpact {id, n.toString(0), 0, 0};
    }
    // Each affected company's whole count of mailboxes, on any cluster ("N of your M").
    QList<qint64> ids;
    for (const CompanyImpact &c : out)
        ids << c.companyId;
    QVariantList idValues;
    Statement totals = database().prepare(QStringLiteral(
        "SELECT d.company_id, SUM((SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND u.store_id "
        "IS NOT NULL AND u.status <> 'deleted')) FROM domains d WHERE d.deleted_at IS NULL AND "
        "d.company_id IN (%1) GROUP BY d.company_id")
                                              .arg(marks(ids, idValues)));
    for (const QVariant &v : idValues)
        totals.bind(v);
    if (Status s = totals.exec(); !s.ok())
        return s.error();
    QHash<qint64, qint64> byCompany;
    while (totals.next())
        byCompany.insert(totals.toInt(0), totals.toInt(1));
    for (CompanyImpact &c : out)
        c.total = byCompany.value(c.companyId);
    return out;
}

Result<CompanyImpact> IncidentRepository::impactForCompany(
    const ImpactTargets &targets, qint64 companyId, const Scope &scope) const
{
    CompanyImpact out;
    out.companyId = companyId;
    // Per live domain of the company (within scope): every mailbox, and those on the affected stores.
    QVariantList storeValues, domainValues, scopeValues;
    const QString storeMarks = marks(targets.stores, storeValues);
    const QString domainMarks = marks(targets.domains, domainValues);
    QString scopeSql;
    if (scope.domainsOnly)
        scopeSql = QStringLiteral(" AND d.id IN (%1)").arg(marks(scope.domainIds, scopeValues));
    const bool whole = targets.companies.contains(companyId);
    Statement q = database().prepare(QStringLiteral(
        "SELECT COALESCE(SUM((SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND u.store_id IS "
        "NOT NULL AND u.status <> 'deleted')), 0), COALESCE(SUM(CASE WHEN ? = 1 OR d.id IN (%2) THEN "
        "(SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND u.store_id IS NOT NULL AND u.status "
        "<> 'deleted') ELSE (SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND u.store_id IN "
        "(%1) AND u.status <> 'deleted') END), 0) FROM domains d WHERE d.company_id = ? AND "
        "d.deleted_at IS NULL%3")
                                         .arg(storeMarks, domainMarks, scopeSql));
    q.bind(whole ? 1 : 0);
    for (const QVariant &v : domainValues)
        q.bind(v);
    for (const QVariant &v : storeValues)
        q.bind(v);
    q.bind(companyId);
    for (const QVariant &v : scopeValues)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (q.next()) {
        out.total = q.toInt(0);
        out.mailboxes = q.toInt(1);
    }
    return out;
}

QString IncidentRepository::affectedWhere(
    const ImpactTargets &targets, qint64 companyId, QVariantList &values)
{
    return affectedCondition(targets, companyId, values);
}

Result<Page> IncidentRepository::affectedMailboxes(
    const ImpactTargets &targets, qint64 companyId, const Scope &scope, const ListQuery &query) const
{
    QVariantList values;
    QString where = affectedCondition(targets, companyId, values);
    if (companyId > 0) {
        // Through the company's domains, so the (domain_id, store_id, status) index finds the rows.
        where += QStringLiteral(
            " AND t.domain_id IN (SELECT id FROM domains WHERE company_id = ? AND deleted_at IS "
            "NULL)");
        values << companyId;
    }
    if (scope.domainsOnly)
        where += QStringLiteral(" AND d.id IN (%1)").arg(marks(scope.domainIds, values));
    if (query.filters.contains(QStringLiteral("domain"))) {
        where += QStringLiteral(" AND d.name = ?");
        values << query.filters.value(QStringLiteral("domain"));
    }
    if (query.filters.contains(QStringLiteral("store_id"))) {
        where += QStringLiteral(" AND t.store_id = ?");
        values << query.filters.value(QStringLiteral("store_id")).toLongLong();
    }
    if (query.filters.contains(QStringLiteral("status"))) {
        where += QStringLiteral(" AND t.status = ?");
        values << query.filters.value(QStringLiteral("status"));
    }
    if (!query.q.isEmpty()) {
        QVariantList qv;
        where += QStringLiteral(" AND ")
            + database().dialect().textMatch(QStringLiteral("t.address"), query.q, qv);
        values += qv;
    }
    Page page;
    page.offset = query.offset;
    page.limit = query.limit;
    const QString from = QStringLiteral(" FROM users t JOIN domains d ON d.id = t.domain_id WHERE ") + where;
    const Result<qint64> total = count(QStringLiteral("SELECT COUNT(*)") + from, values);
    if (!total.ok())
        return total.error();
    page.total = total.value();
    if (page.total == 0 || query.offset >= page.total)
        return page;
    const Table &users = UserRepository::spec();
    Statement q = database().prepare(
        QStringLiteral("SELECT %1%2 ORDER BY t.address %3 LIMIT ? OFFSET ?")
            .arg(users.selectList(), from, query.descending ? QStringLiteral("DESC") : QString()));
    for (const QVariant &v : values)
        q.bind(v);
    q.bind(query.limit).bind(query.offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next())
        page.items.append(toRecord(users.read(q)));
    return page;
}

Status IncidentRepository::storeImpact(qint64 incidentId, const QList<CompanyImpact> &impact) const
{
    if (Status s = run(QStringLiteral("DELETE FROM incident_impact WHERE incident_id = ?"), {incidentId});
        !s.ok())
        return s;
    for (const CompanyImpact &c : impact) {
        if (Status s
            = run(QStringLiteral("INSERT INTO incident_impact (incident_id, company_id, mailboxes, total) "
                                 "VALUES (?, ?, ?, ?)"),
                {incidentId, c.companyId, c.mailboxes, c.total});
            !s.ok())
            return s;
    }
    return Status::success();
}

Result<QList<CompanyImpact>> IncidentRepository::storedImpact(qint64 incidentId) const
{
    Statement q = database().prepare(QStringLiteral(
        "SELECT i.company_id, c.name, i.mailboxes, i.total FROM incident_impact i JOIN companies c ON "
        "c.id = i.company_id WHERE i.incident_id = ? ORDER BY c.name, i.company_id"));
    q.bind(incidentId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<CompanyImpact> out;
    while (q.next())
        out << CompanyImpact {q.toInt(0), q.toString(1), q.toInt(2), q.toInt(3)};
    return out;
}

Result<QList<Record>> IncidentRepository::due(qint64 now) const
{
    Statement q = database().prepare(
        QStringLiteral("SELECT %1 FROM incidents t WHERE t.status = 'scheduled' AND (t.starts_at <= ? OR "
                       "(t.reminded_at IS NULL AND t.remind_before_minutes > 0 AND t.starts_at - "
                       "t.remind_before_minutes * 60 <= ?)) ORDER BY t.id LIMIT 100")
            .arg(spec().selectList()));
    q.bind(now).bind(now);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<Record> out;
    while (q.next())
        out << toRecord(spec().read(q));
    return out;
}

Result<QList<Record>> IncidentRepository::recent(qint64 since, int limit) const
{
    Statement q = database().prepare(QStringLiteral(
        "SELECT %1 FROM incidents t WHERE t.status IN ('open', 'scheduled') OR t.resolved_at >= ? "
        "ORDER BY t.starts_at DESC, t.id DESC LIMIT ?")
                                         .arg(spec().selectList()));
    q.bind(since).bind(limit);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<Record> out;
    while (q.next())
        out << toRecord(spec().read(q));
    return out;
}

} // namespace mailadmin::store
