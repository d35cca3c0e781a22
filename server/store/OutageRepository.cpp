#include "store/OutageRepository.h"

#include "Json.h"

#include <QJsonValue>

namespace mailadmin::store {

size_t qHash(const LoginScope &s, size_t seed)
{
    return qHashMulti(seed, s.kind, s.id);
}

void LoginSeries::reset(qint64 firstMinute, qint64 lastMinute)
{
    m_first = firstMinute;
    m_last = std::max(lastMinute, firstMinute - 1);
    m_rows.clear();
}

void LoginSeries::add(const LoginScope &scope, qint64 minute, qint64 ok, qint64 failed)
{
    if (minute < m_first || minute > m_last)
        return;
    std::vector<Counts> &rows = m_rows[scope];
    if (rows.empty())
        rows.resize(size_t(m_last - m_first + 2));
    Counts &c = rows[size_t(minute - m_first + 1)];
    c.ok += ok;
    c.failed += failed;
}

void LoginSeries::finish()
{
    for (std::vector<Counts> &rows : m_rows) {
        for (size_t i = 1; i < rows.size(); ++i) {
            rows[i].ok += rows[i - 1].ok;
            rows[i].failed += rows[i - 1].failed;
        }
    }
}

LoginSeries::Counts LoginSeries::sum(const LoginScope &scope, qint64 from, qint64 to) const
{
    from = std::max(from, m_first);
    to = std::min(to, m_last);
    const auto it = m_rows.constFind(scope);
    if (from > to || it == m_rows.constEnd())
        return {};
    const Counts &a = (*it)[size_t(from - m_first)];
    const Counts &b = (*it)[size_t(to - m_first + 1)];
    return {b.ok - a.ok, b.failed - a.failed};
}

Result<QList<LoginScope>> OutageRepository::scopes() const
{
    QList<LoginScope> all;
    Statement s = m_db.prepare(QStringLiteral("SELECT id, cluster_id, name FROM mail_stores ORDER BY id"));
    if (Status st = s.exec(); !st.ok())
        return st.error();
    while (s.next())
        all.append(LoginScope {'s', s.toInt(0), s.toInt(1), s.toString(2)});
    Statement c = m_db.prepare(QStringLiteral("SELECT id, name FROM clusters ORDER BY id"));
    if (Status st = c.exec(); !st.ok())
        return st.error();
    while (c.next())
        all.append(LoginScope {'c', c.toInt(0), c.toInt(0), c.toString(1)});
    return all;
}

Status OutageRepository::load(const QList<std::pair<qint64, qint64>> &ranges, LoginSeries &series) const
{
    if (ranges.isEmpty()) {
        series.reset(0, -1);
        series.finish();
        return Status::success();
    }
    qint64 first = ranges.first().first, last = ranges.first().second;
    for (const auto &[from, to] : ranges) {
        first = std::min(first, from);
        last = std::max(last, to);
    }
    series.reset(first, last);
    for (const auto &[from, to] : ranges) {
        Statement q = m_db.prepare(QStringLiteral("SELECT scope, scope_id, minute, ok, failed FROM "
                                                  "store_logins WHERE minute >= ? AND minute <= ?"));
        q.bind(from).bind(to);
        if (Status s = q.exec(); !s.ok())
            return s;
        while (q.next())
            series.add(LoginScope {q.toString(0) == QLatin1String("c") ? 'c' : 's', q.toInt(1)}, q.toInt(2),
                q.toInt(3), q.toInt(4));
    }
    series.finish();
    return Status::success();
}

Status OutageRepository::addLogins(const LoginScope &scope, qint64 minute, qint64 ok, qint64 failed) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO store_logins (scope, scope_id, minute, ok, failed) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (scope, scope_id, minute) DO UPDATE SET ok = store_logins.ok + excluded.ok, "
        "failed = store_logins.failed + excluded.failed"));
    q.bind(QString(QLatin1Char(scope.kind))).bind(scope.id).bind(minute).bind(ok).bind(failed);
    return q.exec();
}

Result<QHash<LoginScope, OngoingSuggestion>> OutageRepository::ongoing() const
{
    QHash<LoginScope, OngoingSuggestion> all;
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT scope, scope_id, id, last_anomaly_at, level FROM outage_suggestions WHERE ongoing = 1"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next())
        all.insert(LoginScope {q.toString(0) == QLatin1String("cluster") ? 'c' : 's', q.toInt(1)},
            OngoingSuggestion {q.toInt(2), q.toInt(3), q.value(4).toDouble()});
    return all;
}

Result<qint64> OutageRepository::open(const LoginScope &scope, const QJsonObject &f) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO outage_suggestions (scope, scope_id, signal, status, started_at, suggested_at, "
        "last_anomaly_at, ongoing, observed_ok, observed_failed, expected_ok, expected_failed, level) VALUES "
        "(?, ?, ?, 'suggested', ?, ?, ?, 1, ?, ?, ?, ?, ?) ON CONFLICT (scope, scope_id, ongoing) DO "
        "NOTHING"));
    q.bind(scope.kind == 'c' ? QStringLiteral("cluster") : QStringLiteral("store"))
        .bind(scope.id)
        .bind(f.value(QLatin1String("signal")).toString())
        .bind(qint64(f.value(QLatin1String("started_at")).toDouble()))
        .bind(qint64(f.value(QLatin1String("suggested_at")).toDouble()))
        .bind(qint64(f.value(QLatin1String("last_anomaly_at")).toDouble()))
        .bind(qint64(f.value(QLatin1String("observed_ok")).toDouble()))
        .bind(qint64(f.value(QLatin1String("observed_failed")).toDouble()))
        .bind(f.value(QLatin1String("expected_ok")).toDouble())
        .bind(f.value(QLatin1String("expected_failed")).toDouble())
        .bind(f.value(QLatin1String("level")).toDouble());
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (q.rowsAffected() == 0)
        return qint64(0);
    Statement id = m_db.prepare(
        QStringLiteral("SELECT id FROM outage_suggestions WHERE scope = ? AND scope_id = ? AND ongoing = 1"));
    id.bind(scope.kind == 'c' ? QStringLiteral("cluster") : QStringLiteral("store")).bind(scope.id);
    if (Status s = id.exec(); !s.ok())
        return s.error();
    return id.next() ? id.toInt(0) : qint64(0);
}

Status OutageRepository::markAnomaly(qint64 id, qint64 at) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE outage_suggestions SET last_anomaly_at = ? WHERE id = ? AND last_anomaly_at < ?"));
    q.bind(at).bind(id).bind(at);
    return q.exec();
}

Status OutageRepository::markRecovered(qint64 id, qint64 at) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE outage_suggestions SET ongoing = NULL, recovered_at = ?, status = CASE WHEN status = "
        "'suggested' THEN 'recovered' ELSE status END WHERE id = ? AND ongoing = 1"));
    q.bind(at).bind(id);
    return q.exec();
}

namespace {

const QString kColumns = QStringLiteral(
    "o.id, o.scope, o.scope_id, COALESCE(s.name, c.name), COALESCE(s.cluster_id, c.id), o.signal, o.status, "
    "o.ongoing, o.started_at, o.suggested_at, o.last_anomaly_at, o.recovered_at, o.observed_ok, "
    "o.observed_failed, o.expected_ok, o.expected_failed, o.incident_id, o.decided_by, o.decided_at, o.note, "
    "cl.name");
const QString kFrom = QStringLiteral(
    " FROM outage_suggestions o LEFT JOIN mail_stores s ON o.scope = 'store' AND s.id = o.scope_id "
    "LEFT JOIN clusters c ON o.scope = 'cluster' AND c.id = o.scope_id "
    "LEFT JOIN clusters cl ON cl.id = COALESCE(s.cluster_id, c.id)");

QJsonValue timeOrNull(const QVariant &v)
{
    return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(json::isoTime(v.toLongLong()));
}

QJsonObject suggestionOf(const Statement &q)
{
    return QJsonObject {{QStringLiteral("id"), double(q.toInt(0))}, {QStringLiteral("scope"), q.toString(1)},
        {QStringLiteral("scope_id"), double(q.toInt(2))}, {QStringLiteral("scope_name"), q.toString(3)},
        {QStringLiteral("cluster_id"), double(q.toInt(4))}, {QStringLiteral("cluster"), q.toString(20)},
        {QStringLiteral("signal"), q.toString(5)}, {QStringLiteral("status"), q.toString(6)},
        {QStringLiteral("ongoing"), !q.value(7).isNull()},
        {QStringLiteral("started_at"), json::isoTime(q.toInt(8))},
        {QStringLiteral("suggested_at"), json::isoTime(q.toInt(9))},
        {QStringLiteral("last_anomaly_at"), json::isoTime(q.toInt(10))},
        {QStringLiteral("recovered_at"), timeOrNull(q.value(11))},
        {QStringLiteral("observed_ok"), double(q.toInt(12))},
        {QStringLiteral("observed_failed"), double(q.toInt(13))},
        {QStringLiteral("expected_ok"), std::round(q.value(14).toDouble() * 10) / 10},
        {QStringLiteral("expected_failed"), std::round(q.value(15).toDouble() * 10) / 10},
        {QStringLiteral("incident_id"),
            q.value(16).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(double(q.toInt(16)))},
        {QStringLiteral("decided_by"),
            q.value(17).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.toString(17))},
        {QStringLiteral("decided_at"), timeOrNull(q.value(18))}, {QStringLiteral("note"), q.toString(19)}};
}

} // namespace

Result<Page> OutageRepository::list(const QString &status, bool ongoingOnly, int offset, int limit) const
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList values;
    if (!status.isEmpty()) {
        where += QStringLiteral(" AND o.status = ?");
        values << status;
    }
    if (ongoingOnly)
        where += QStringLiteral(" AND o.ongoing = 1");
    Page page;
    page.offset = offset;
    page.limit = limit;
    Statement count = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM outage_suggestions o") + where);
    for (const QVariant &v : values)
        count.bind(v);
    if (Status s = count.exec(); !s.ok())
        return s.error();
    page.total = count.next() ? count.toInt(0) : 0;
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + kColumns + kFrom + where
        + QStringLiteral(" ORDER BY o.suggested_at DESC, o.id DESC LIMIT ? OFFSET ?"));
    for (const QVariant &v : values)
        q.bind(v);
    q.bind(limit).bind(offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next()) {
        Record r;
        r.id = q.toInt(0);
        r.data = suggestionOf(q);
        page.items.append(r);
    }
    return page;
}

Result<QJsonObject> OutageRepository::byId(qint64 id) const
{
    Statement q
        = m_db.prepare(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE o.id = ?"));
    q.bind(id);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("No outage suggestion %1.").arg(id));
    return suggestionOf(q);
}

Result<bool> OutageRepository::decide(qint64 id, const QString &status, const QString &by, qint64 at,
    qint64 incidentId, const QString &note) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE outage_suggestions SET status = ?, decided_by = ?, decided_at = ?, incident_id = "
        "?, note = ? WHERE id = ? AND status = 'suggested'"));
    q.bind(status)
        .bind(by)
        .bind(at)
        .bind(incidentId > 0 ? QVariant(incidentId) : QVariant())
        .bind(QVariant(note.isNull() ? QStringLiteral("") : note))
        .bind(id);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.rowsAffected() == 1;
}

Status OutageRepository::addTruth(const OutageTruth &t) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO outage_truth (store_id, signal, started_at, ended_at, depth) VALUES (?, ?, ?, ?, ?)"));
    q.bind(t.storeId).bind(t.signal).bind(t.startedAt).bind(t.endedAt).bind(t.depth);
    return q.exec();
}

Result<QList<OutageTruth>> OutageRepository::truth() const
{
    QList<OutageTruth> all;
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT store_id, signal, started_at, ended_at, depth FROM outage_truth ORDER BY started_at, id"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next())
        all.append(OutageTruth {q.toInt(0), q.toString(1), q.toInt(2), q.toInt(3), q.value(4).toDouble()});
    return all;
}

} // namespace mailadmin::store
