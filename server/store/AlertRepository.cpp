#include "store/AlertRepository.h"

#include "Json.h"

#include <QJsonArray>

#include <algorithm>

namespace mailadmin::store {

const Table &AlertRepository::spec()
{
    static const Table table(QStringLiteral("alerts"),
        {
            {QStringLiteral("id"), QStringLiteral("id"), ColumnKind::Integer, {}},
            {QStringLiteral("company_id"), QStringLiteral("company_id"), ColumnKind::Integer, {}},
            {QStringLiteral("domain_id"), QStringLiteral("domain_id"), ColumnKind::Integer, {}},
            {QStringLiteral("user_id"), QStringLiteral("user_id"), ColumnKind::Integer, {}},
            {QStringLiteral("scope"), QStringLiteral("scope"), ColumnKind::Text, {}},
            {QStringLiteral("subject"), QStringLiteral("subject"), ColumnKind::Text, {}},
            {QStringLiteral("span"), QStringLiteral("span"), ColumnKind::Text, {}},
            {QStringLiteral("period_start"), QStringLiteral("period_start"), ColumnKind::Time, {}},
            {QStringLiteral("observed"), QStringLiteral("observed"), ColumnKind::Integer, {}},
            {QStringLiteral("baseline_median"), QStringLiteral("baseline_median"), ColumnKind::Real, {}},
            {QStringLiteral("baseline_mad"), QStringLiteral("baseline_mad"), ColumnKind::Real, {}},
            {QStringLiteral("threshold"), QStringLiteral("threshold"), ColumnKind::Real, {}},
            {QStringLiteral("factor"), QStringLiteral("factor"), ColumnKind::Real, {}},
            {QStringLiteral("severity"), QStringLiteral("severity"), ColumnKind::Text, {}},
            {QStringLiteral("status"), QStringLiteral("status"), ColumnKind::Text, {}},
            {QStringLiteral("acknowledged_by"), QStringLiteral("acknowledged_by"), ColumnKind::Text, {}},
            {QStringLiteral("acknowledged_at"), QStringLiteral("acknowledged_at"), ColumnKind::Time, {}},
            {QStringLiteral("resolved_by"), QStringLiteral("resolved_by"), ColumnKind::Text, {}},
            {QStringLiteral("resolved_at"), QStringLiteral("resolved_at"), ColumnKind::Time, {}},
            {QStringLiteral("note"), QStringLiteral("note"), ColumnKind::Text, {}},
            {QStringLiteral("version"), QStringLiteral("version"), ColumnKind::Integer, {}},
            {QStringLiteral("created_at"), QStringLiteral("created_at"), ColumnKind::Time, {}},
            {QStringLiteral("updated_at"), QStringLiteral("updated_at"), ColumnKind::Time, {}},
            {QStringLiteral("domain"), {}, ColumnKind::Text,
                QStringLiteral("(SELECT d.name FROM domains d WHERE d.id = {t}.domain_id)")},
        });
    return table;
}

AlertRepository::AlertRepository(Database &db) : Repository(db, spec()) { }

Where AlertRepository::filtersOf(const Scope &scope, const ListQuery &query)
{
    Where where;
    where.addScope(scope, QStringLiteral("t.domain_id"));
    for (const QString &filter :
        {QStringLiteral("scope"), QStringLiteral("span"), QStringLiteral("subject")}) {
        if (query.filters.contains(filter))
            where.add(QStringLiteral("t.%1 = ?").arg(filter), {query.filters.value(filter)});
    }
    if (query.filters.contains(QStringLiteral("company_id")))
        where.add(QStringLiteral("t.company_id = ?"),
            {query.filters.value(QStringLiteral("company_id")).toLongLong()});
    if (query.filters.contains(QStringLiteral("domain")))
        where.add(QStringLiteral("t.domain_id IN (SELECT d.id FROM domains d WHERE d.name = ?)"),
            {query.filters.value(QStringLiteral("domain")).toLower()});
    return where;
}

Result<Page> AlertRepository::list(const Scope &scope, const ListQuery &query) const
{
    Where where = filtersOf(scope, query);
    if (query.filters.contains(QStringLiteral("status")))
        where.add(QStringLiteral("t.status = ?"), {query.filters.value(QStringLiteral("status"))});
    QString order;
    if (query.sort == QLatin1String("factor"))
        order = QStringLiteral("t.factor");
    else if (query.sort == QLatin1String("observed"))
        order = QStringLiteral("t.observed");
    else if (query.sort == QLatin1String("severity"))
        order = QStringLiteral("t.severity");
    else
        order = QStringLiteral("t.period_start");
    const bool descending = query.sort.isEmpty() || query.descending;
    order += descending ? QStringLiteral(" DESC, t.id DESC") : QStringLiteral(", t.id");
    return fetchPage(where, order, query.offset, query.limit);
}

Result<Page> AlertRepository::episodes(const Scope &scope, const ListQuery &query) const
{
    Where where = filtersOf(scope, query);
    const QString status = query.filters.value(QStringLiteral("status"));
    // An episode can only have a status when its subject has an alert in it: with a status asked for, only
    // those subjects' alerts are grouped (usually few are open among many resolved).
    if (!status.isEmpty())
        where.add(
            QStringLiteral("t.subject IN (SELECT s.subject FROM alerts s WHERE s.status = ?)"), {status});
    // Within one subject and span, period_start minus the row's rank times the period length is the same
    // for every alert of a run of consecutive periods and differs from one run to the next (the unique
    // index on scope, subject, span and period_start gives the order).
    const QString grouped = QStringLiteral(
        "WITH numbered AS (SELECT t.id, t.company_id, t.domain_id, t.user_id, t.scope, t.subject, t.span, "
        "t.period_start, t.observed, t.factor, t.severity, t.status, t.period_start - (CASE WHEN t.span = "
        "'day' THEN 86400 ELSE 3600 END) * ROW_NUMBER() OVER (PARTITION BY t.scope, t.subject, t.span "
        "ORDER BY t.period_start) AS run FROM alerts t%1), "
        "episodes AS (SELECT scope, subject, span, MAX(company_id) AS company_id, MAX(domain_id) AS "
        "domain_id, MAX(user_id) AS user_id, MIN(period_start) AS first_period_start, MAX(period_start) AS "
        "last_period_start, COUNT(*) AS period_count, MAX(observed) AS peak_observed, MAX(factor) AS "
        "max_factor, MAX(CASE WHEN severity = 'critical' THEN 2 ELSE 1 END) AS severity_rank, "
        "MAX(CASE WHEN status = 'open' THEN 3 WHEN status = 'acknowledged' THEN 2 ELSE 1 END) AS "
        "status_rank, %2 AS ids FROM numbered GROUP BY scope, subject, span, run) ")
                                .arg(where.sql(), database().dialect().joinedText(QStringLiteral("id")));
    QString having;
    QVariantList values = where.values;
    if (!status.isEmpty()) {
        having = QStringLiteral(" WHERE e.status_rank = ?");
        values << (status == QLatin1String("open") ? 3 : status == QLatin1String("acknowledged") ? 2 : 1);
    }

    Page page;
    page.offset = query.offset;
    page.limit = query.limit;
    QString order;
    if (query.sort == QLatin1String("first_period_start"))
        order = QStringLiteral("e.first_period_start");
    else if (query.sort == QLatin1String("period_count"))
        order = QStringLiteral("e.period_count");
    else if (query.sort == QLatin1String("peak_observed"))
        order = QStringLiteral("e.peak_observed");
    else if (query.sort == QLatin1String("max_factor"))
        order = QStringLiteral("e.max_factor");
    else if (query.sort == QLatin1String("severity"))
        order = QStringLiteral("e.severity_rank");
    else
        order = QStringLiteral("e.last_period_start");
    const bool descending = query.sort.isEmpty() || query.descending;
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    order += direction + QStringLiteral(", e.last_period_start") + direction
        + QStringLiteral(", e.subject, e.span");

    Statement q = database().prepare(grouped
        + QStringLiteral(
            "SELECT e.scope, e.subject, e.span, e.company_id, e.domain_id, e.user_id, "
            "(SELECT d.name FROM domains d WHERE d.id = e.domain_id), e.first_period_start, "
            "e.last_period_start, e.period_count, e.peak_observed, e.max_factor, e.severity_rank, "
            "e.status_rank, e.ids, COUNT(*) OVER () FROM episodes e")
        + having + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT ? OFFSET ?"));
    for (const QVariant &v : values)
        q.bind(v);
    q.bind(query.limit).bind(query.offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    static const QStringList statuses
        = {QString(), QStringLiteral("resolved"), QStringLiteral("acknowledged"), QStringLiteral("open")};
    QList<QList<qint64>> idsOfEpisode;
    QList<qint64> allIds;
    while (q.next()) {
        const QJsonValue userId = q.value(5).isNull() ? QJsonValue() : QJsonValue(double(q.toInt(5)));
        QJsonObject e {{QStringLiteral("scope"), q.toString(0)}, {QStringLiteral("subject"), q.toString(1)},
            {QStringLiteral("span"), q.toString(2)}, {QStringLiteral("company_id"), double(q.toInt(3))},
            {QStringLiteral("domain_id"), double(q.toInt(4))}, {QStringLiteral("user_id"), userId},
            {QStringLiteral("domain"), q.toString(6)},
            {QStringLiteral("first_period_start"), json::isoTime(q.toInt(7))},
            {QStringLiteral("last_period_start"), json::isoTime(q.toInt(8))},
            {QStringLiteral("period_count"), double(q.toInt(9))},
            {QStringLiteral("peak_observed"), double(q.toInt(10))},
            {QStringLiteral("max_factor"), q.value(11).toDouble()},
            {QStringLiteral("severity"),
                q.toInt(12) == 2 ? QStringLiteral("critical") : QStringLiteral("warning")},
            {QStringLiteral("status"), statuses.value(int(q.toInt(13)))}};
        QList<qint64> ids;
        for (const QString &id : q.toString(14).split(QLatin1Char(','), Qt::SkipEmptyParts))
            ids << id.toLongLong();
        allIds += ids;
        idsOfEpisode << ids;
        page.items << toRecord(e);
        page.total = q.toInt(15); // the total goes with every row, so the grouping runs once
    }
    if (page.items.isEmpty() && query.offset > 0) {
        // Past the end: the total still has to be counted.
        Statement count
            = database().prepare(grouped + QStringLiteral("SELECT COUNT(*) FROM episodes e") + having);
        for (const QVariant &v : values)
            count.bind(v);
        if (Status s = count.exec(); !s.ok())
            return s.error();
        page.total = count.next() ? count.toInt(0) : 0;
        return page;
    }

    // The page's alerts in one read (a few at most, in chunks), to list each episode's periods in order.
    QHash<qint64, QJsonObject> periods;
    for (qsizetype from = 0; from < allIds.size(); from += 500) {
        const QList<qint64> chunk = allIds.mid(from, 500);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        Statement p = database().prepare(
            QStringLiteral("SELECT id, period_start, observed, factor, severity, status FROM alerts WHERE id "
                           "IN (%1)")
                .arg(marks.join(QLatin1Char(','))));
        for (qint64 id : chunk)
            p.bind(id);
        if (Status s = p.exec(); !s.ok())
            return s.error();
        while (p.next()) {
            periods.insert(p.toInt(0),
                QJsonObject {{QStringLiteral("id"), double(p.toInt(0))},
                    {QStringLiteral("period_start_epoch"), double(p.toInt(1))},
                    {QStringLiteral("period_start"), json::isoTime(p.toInt(1))},
                    {QStringLiteral("observed"), double(p.toInt(2))},
                    {QStringLiteral("factor"), p.value(3).toDouble()},
                    {QStringLiteral("severity"), p.toString(4)}, {QStringLiteral("status"), p.toString(5)}});
        }
    }
    for (qsizetype i = 0; i < page.items.size(); ++i) {
        QList<QJsonObject> rows;
        for (qint64 id : idsOfEpisode.at(i))
            rows << periods.value(id);
        std::sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return a.value(QLatin1String("period_start_epoch")).toDouble()
                < b.value(QLatin1String("period_start_epoch")).toDouble();
        });
        QJsonArray alertIds, openIds, list;
        for (QJsonObject row : rows) {
            row.remove(QStringLiteral("period_start_epoch"));
            alertIds.append(row.value(QLatin1String("id")));
            if (row.value(QLatin1String("status")).toString() == QLatin1String("open"))
                openIds.append(row.value(QLatin1String("id")));
            list.append(row);
        }
        QJsonObject &e = page.items[i].data;
        e.insert(QStringLiteral("alert_ids"), alertIds);
        e.insert(QStringLiteral("open_alert_ids"), openIds);
        e.insert(QStringLiteral("alerts"), list);
    }
    return page;
}

Result<QList<Record>> AlertRepository::byIds(const QList<qint64> &ids) const
{
    QList<Record> out;
    for (qsizetype from = 0; from < ids.size(); from += 500) {
        const QList<qint64> chunk = ids.mid(from, 500);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        Statement q = database().prepare(QStringLiteral("SELECT %1 FROM alerts t WHERE t.id IN (%2)")
                                             .arg(table().selectList(), marks.join(QLatin1Char(','))));
        for (qint64 id : chunk)
            q.bind(id);
        if (Status s = q.exec(); !s.ok())
            return s.error();
        while (q.next())
            out << toRecord(table().read(q));
    }
    return out;
}

Result<qint64> AlertRepository::insertIfNew(const QJsonObject &alert, qint64 now) const
{
    const Result<qint64> existing = count(
        QStringLiteral(
            "SELECT COUNT(*) FROM alerts WHERE scope = ? AND subject = ? AND span = ? AND period_start = ?"),
        {alert.value(QLatin1String("scope")).toString(), alert.value(QLatin1String("subject")).toString(),
            alert.value(QLatin1String("span")).toString(),
            qint64(alert.value(QLatin1String("period_start_epoch")).toDouble())});
    if (!existing.ok())
        return existing.error();
    if (existing.value() > 0)
        return qint64(0);
    QJsonObject row = alert;
    row.insert(QStringLiteral("period_start"),
        json::isoTime(qint64(alert.value(QLatin1String("period_start_epoch")).toDouble())));
    return insert(row, now);
}

Result<QList<Record>> AlertRepository::unnotified() const
{
    Where where;
    where.add(QStringLiteral("t.notified = 0"));
    const Result<Page> page = fetchPage(where, QStringLiteral("t.id"), 0, 1000);
    if (!page.ok())
        return page.error();
    return page->items;
}

Status AlertRepository::markNotified(qint64 id) const
{
    return run(QStringLiteral("UPDATE alerts SET notified = 1 WHERE id = ?"), {id});
}

QJsonObject AlertRepository::defaultThresholds()
{
    return QJsonObject {{QStringLiteral("user_daily_floor"), 200}, {QStringLiteral("user_hourly_floor"), 60},
        {QStringLiteral("domain_daily_floor"), 2000}, {QStringLiteral("domain_hourly_floor"), 500},
        {QStringLiteral("mad_multiplier"), 8.0}, {QStringLiteral("minimum_factor"), 4.0},
        {QStringLiteral("spike_action"), QStringLiteral("notify")}};
}

Result<QJsonObject> AlertRepository::thresholds(qint64 companyId) const
{
    Statement q = database().prepare(QStringLiteral(
        "SELECT user_daily_floor, user_hourly_floor, domain_daily_floor, domain_hourly_floor, "
        "mad_multiplier, minimum_factor, version, spike_action FROM spike_thresholds WHERE company_id = ?"));
    q.bind(companyId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QJsonObject out = defaultThresholds();
    out.insert(
        QStringLiteral("version"), 1); // the defaults count as version 1; the first change stores version 2
    if (q.next()) {
        out = QJsonObject {{QStringLiteral("user_daily_floor"), double(q.toInt(0))},
            {QStringLiteral("user_hourly_floor"), double(q.toInt(1))},
            {QStringLiteral("domain_daily_floor"), double(q.toInt(2))},
            {QStringLiteral("domain_hourly_floor"), double(q.toInt(3))},
            {QStringLiteral("mad_multiplier"), q.value(4).toDouble()},
            {QStringLiteral("minimum_factor"), q.value(5).toDouble()},
            {QStringLiteral("version"), int(q.toInt(6))}, {QStringLiteral("spike_action"), q.toString(7)}};
    }
    out.insert(QStringLiteral("company_id"), double(companyId));
    return out;
}

Result<std::pair<qint64, qint64>> AlertRepository::smallestFloors(bool hourly) const
{
    const QString span = hourly ? QStringLiteral("hourly") : QStringLiteral("daily");
    Statement q = database().prepare(
        QStringLiteral("SELECT MIN(user_%1_floor), MIN(domain_%1_floor) FROM spike_thresholds").arg(span));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    const QJsonObject defaults = defaultThresholds();
    qint64 user = qint64(defaults.value(QStringLiteral("user_%1_floor").arg(span)).toDouble());
    qint64 domain = qint64(defaults.value(QStringLiteral("domain_%1_floor").arg(span)).toDouble());
    if (q.next() && !q.value(0).isNull()) {
        user = std::min(user, q.toInt(0));
        domain = std::min(domain, q.toInt(1));
    }
    return std::pair {user, domain};
}

Status AlertRepository::setThresholds(qint64 companyId, const QJsonObject &v, qint64 now) const
{
    const QVariantList values = {companyId, qint64(v.value(QLatin1String("user_daily_floor")).toDouble()),
        qint64(v.value(QLatin1String("user_hourly_floor")).toDouble()),
        qint64(v.value(QLatin1String("domain_daily_floor")).toDouble()),
        qint64(v.value(QLatin1String("domain_hourly_floor")).toDouble()),
        v.value(QLatin1String("mad_multiplier")).toDouble(),
        v.value(QLatin1String("minimum_factor")).toDouble(), now,
        v.value(QLatin1String("spike_action")).toString(QStringLiteral("notify"))};
    return run(QStringLiteral(
                   "INSERT INTO spike_thresholds (company_id, user_daily_floor, "
                   "user_hourly_floor, domain_daily_floor, "
                   "domain_hourly_floor, mad_multiplier, minimum_factor, version, updated_at, spike_action) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, 2, ?, ?) "
                   "ON CONFLICT (company_id) DO UPDATE SET user_daily_floor = "
                   "excluded.user_daily_floor, user_hourly_floor = "
                   "excluded.user_hourly_floor, domain_daily_floor = excluded.domain_daily_floor, "
                   "domain_hourly_floor = "
                   "excluded.domain_hourly_floor, mad_multiplier = excluded.mad_multiplier, "
                   "minimum_factor = excluded.minimum_factor, spike_action = excluded.spike_action, "
                   "version = spike_thresholds.version + 1, updated_at = excluded.updated_at"),
        values);
}

} // namespace mailadmin::store
