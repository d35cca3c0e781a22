#include "store/AlertRepository.h"

#include "Json.h"
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

Result<Page> AlertRepository::list(const Scope &scope, const ListQuery &query) const
{
    Where where;
    where.addScope(scope, QStringLiteral("t.domain_id"));
    for (const QString &filter : {QStringLiteral("status"), QStringLiteral("scope"), QStringLiteral("span"),
             QStringLiteral("subject")}) {
        if (query.filters.contains(filter))
            where.add(QStringLiteral("t.%1 = ?").arg(filter), {query.filters.value(filter)});
    }
    if (query.filters.contains(QStringLiteral("company_id")))
        where.add(QStringLiteral("t.company_id = ?"),
            {query.filters.value(QStringLiteral("company_id")).toLongLong()});
    if (query.filters.contains(QStringLiteral("domain")))
        where.add(QStringLiteral("t.domain_id IN (SELECT d.id FROM domains d WHERE d.name = ?)"),
            {query.filters.value(QStringLiteral("domain")).toLower()});
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
