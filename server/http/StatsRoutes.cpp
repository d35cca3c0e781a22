// Routes for usage statistics (JSON or CSV), event ingest, alerts, spike thresholds and report
// schedules.
#include "http/Api.h"

#include "http/CsvWriter.h"
#include "http/QueryParameters.h"

#include <QJsonArray>

namespace mailadmin::http {

namespace {

const QStringList &userCsvColumns()
{
    static const QStringList columns = {QStringLiteral("address"), QStringLiteral("display_name"),
        QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("quota"),
        QStringLiteral("used_bytes"), QStringLiteral("last_login_imap"), QStringLiteral("last_login_pop"),
        QStringLiteral("last_login_webmail"), QStringLiteral("last_login_smtp")};
    return columns;
}

QStringList userCsvRow(const QJsonObject &u)
{
    const QJsonObject last = u.value(QLatin1String("last_login")).toObject();
    return {csvCell(u.value(QLatin1String("address"))), csvCell(u.value(QLatin1String("display_name"))),
        csvCell(u.value(QLatin1String("type"))), csvCell(u.value(QLatin1String("status"))),
        csvCell(u.value(QLatin1String("quota"))), csvCell(u.value(QLatin1String("used_bytes"))),
        csvCell(last.value(QLatin1String("imap"))), csvCell(last.value(QLatin1String("pop"))),
        csvCell(last.value(QLatin1String("webmail"))), csvCell(last.value(QLatin1String("smtp")))};
}

} // namespace

void Api::addStatsRoutes()
{
    route(
        QStringLiteral("POST"), QStringLiteral("/api/v1/ingest/events"),
        [this](Call &call) {
            const QByteArray type
                = call.request.header("content-type").split(';').first().trimmed().toLower();
            if (!isJsonType(type) && type != "application/x-ndjson")
                return problem(
                    Error::make(ErrorKind::UnsupportedMediaType,
                        QStringLiteral(
                            "Send events as application/json (an array) or application/x-ndjson.")),
                    call.request.requestId);
            const Result<service::IngestReport> report = m_ingest.ingest(
                call.actor, call.request.body, QString::fromLatin1(call.request.header("idempotency-key")));
            if (!report.ok())
                return problem(report.error(), call.request.requestId);
            HttpResponse r = jsonResponse(report->toJson());
            if (report->replayed)
                r.setHeader("Idempotent-Replay", "true");
            return r;
        },
        RawBody);

    const auto series
        = [this](const QString &path, const QStringList &columns,
              std::function<Result<QJsonObject>(const auth::Actor &, const service::StatsQuery &)> ask,
              const QString &arrayKey) {
              route(QStringLiteral("GET"), path, [columns, ask, arrayKey, path](Call &call) {
                  bool csv = false;
                  const Result<service::StatsQuery> q = readStatsQuery(call.request, csv);
                  if (!q.ok())
                      return problem(q.error(), call.request.requestId);
                  const Result<QJsonObject> result = ask(call.actor, q.value());
                  if (!result.ok())
                      return problem(result.error(), call.request.requestId);
                  if (csv)
                      return csvResponse(csvTable(result->value(arrayKey).toArray(), columns),
                          path.section(QLatin1Char('/'), 3).replace(QLatin1Char('/'), QLatin1Char('-')));
                  return jsonResponse(result.value());
              });
          };
    const QString stats = QStringLiteral("/api/v1/stats");
    series(
        stats + QStringLiteral("/logins"),
        {QStringLiteral("period"), QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"),
            QStringLiteral("smtp"), QStringLiteral("failed")},
        [this](const auth::Actor &a, const service::StatsQuery &q) { return m_stats.logins(a, q); },
        QStringLiteral("series"));
    series(
        stats + QStringLiteral("/quota/distribution"),
        {QStringLiteral("from_percent"), QStringLiteral("to_percent"), QStringLiteral("users")},
        [this](
            const auth::Actor &a, const service::StatsQuery &q) { return m_stats.quotaDistribution(a, q); },
        QStringLiteral("buckets"));
    series(
        stats + QStringLiteral("/quota/trend"), {QStringLiteral("period"), QStringLiteral("used_bytes")},
        [this](const auth::Actor &a, const service::StatsQuery &q) { return m_stats.quotaTrend(a, q); },
        QStringLiteral("series"));
    series(
        stats + QStringLiteral("/outbound"),
        {QStringLiteral("period"), QStringLiteral("messages"), QStringLiteral("recipients"),
            QStringLiteral("bytes"), QStringLiteral("baseline_median"), QStringLiteral("baseline_high")},
        [this](const auth::Actor &a, const service::StatsQuery &q) { return m_stats.outbound(a, q); },
        QStringLiteral("series"));
    series(
        stats + QStringLiteral("/senders"),
        {QStringLiteral("address"), QStringLiteral("messages"), QStringLiteral("recipients"),
            QStringLiteral("bytes")},
        [this](const auth::Actor &a, const service::StatsQuery &q) { return m_stats.topSenders(a, q); },
        QStringLiteral("senders"));
    series(
        stats + QStringLiteral("/active"),
        {QStringLiteral("days"), QStringLiteral("active"), QStringLiteral("users")},
        [this](const auth::Actor &a, const service::StatsQuery &q) -> Result<QJsonObject> {
            Result<QJsonObject> r = m_stats.active(a, q);
            if (r.ok())
                r->insert(QStringLiteral("rows"), QJsonArray {r.value()});
            return r;
        },
        QStringLiteral("rows"));

    const auto userList
        = [this](const QString &path,
              std::function<Result<store::Page>(const auth::Actor &, const service::StatsQuery &)> ask) {
              route(QStringLiteral("GET"), path, [this, ask, path](Call &call) {
                  bool csv = false;
                  const Result<service::StatsQuery> q = readStatsQuery(call.request, csv);
                  if (!q.ok())
                      return problem(q.error(), call.request.requestId);
                  const auth::Actor actor = call.actor;
                  const service::StatsQuery base = q.value();
                  return pagedAnswer(call, csv,
                      path.section(QLatin1Char('/'), 3).replace(QLatin1Char('/'), QLatin1Char('-')),
                      userCsvColumns(), userCsvRow, [ask, actor, base](int offset, int limit) {
                          service::StatsQuery page = base;
                          if (offset >= 0) {
                              page.offset = offset;
                              page.limit = limit;
                          }
                          return ask(actor, page);
                      });
              });
          };
    userList(stats + QStringLiteral("/inactive"),
        [this](const auth::Actor &a, const service::StatsQuery &q) { return m_stats.inactive(a, q); });
    userList(stats + QStringLiteral("/quota/top"),
        [this](const auth::Actor &a, const service::StatsQuery &q) { return m_stats.quotaTop(a, q); });

    route(QStringLiteral("GET"), QStringLiteral("/api/v1/users/{address}/activity"), [this](Call &call) {
        bool csv = false;
        const Result<service::StatsQuery> q = readStatsQuery(call.request, csv);
        if (!q.ok())
            return problem(q.error(), call.request.requestId);
        const auth::Actor actor = call.actor;
        const QString address = call.param(QStringLiteral("address"));
        const service::StatsQuery base = q.value();
        return pagedAnswer(
            call, csv, QStringLiteral("activity"),
            {QStringLiteral("time"), QStringLiteral("protocol"), QStringLiteral("success"),
                QStringLiteral("remote_address")},
            [](const QJsonObject &o) {
                return QStringList {csvCell(o.value(QLatin1String("time"))),
                    csvCell(o.value(QLatin1String("protocol"))), csvCell(o.value(QLatin1String("success"))),
                    csvCell(o.value(QLatin1String("remote_address")))};
            },
            [this, actor, address, base](int offset, int limit) {
                service::StatsQuery page = base;
                if (offset >= 0) {
                    page.offset = offset;
                    page.limit = limit;
                }
                return m_stats.activity(actor, address, page);
            });
    });

    const QString alerts = QStringLiteral("/api/v1/alerts");
    route(QStringLiteral("GET"), alerts, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_alerts.list(call.actor, query), call);
    });
    // Before "/alerts/{id}", which would take these words for an id.
    route(QStringLiteral("GET"), alerts + QStringLiteral("/episodes"), [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_alerts.episodes(call.actor, query), call);
    });
    route(QStringLiteral("POST"), alerts + QStringLiteral("/acknowledge"), [this](Call &call) {
        return answer(m_alerts.transitionMany(call.actor, QStringLiteral("acknowledged"), call.body), call);
    });
    route(QStringLiteral("POST"), alerts + QStringLiteral("/resolve"), [this](Call &call) {
        return answer(m_alerts.transitionMany(call.actor, QStringLiteral("resolved"), call.body), call);
    });
    route(QStringLiteral("GET"), alerts + QStringLiteral("/{id}"),
        [this](Call &call) { return answer(m_alerts.get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(QStringLiteral("POST"), alerts + QStringLiteral("/{id}/acknowledge"), [this](Call &call) {
        return answer(m_alerts.transition(call.actor, call.id(QStringLiteral("id")),
                          QStringLiteral("acknowledged"), call.body, call.expectedVersion),
            call);
    });
    route(QStringLiteral("POST"), alerts + QStringLiteral("/{id}/resolve"), [this](Call &call) {
        return answer(m_alerts.transition(call.actor, call.id(QStringLiteral("id")),
                          QStringLiteral("resolved"), call.body, call.expectedVersion),
            call);
    });
    const QString thresholds = QStringLiteral("/api/v1/companies/{id}/spike-thresholds");
    route(QStringLiteral("GET"), thresholds, [this](Call &call) {
        const Result<QJsonObject> t = m_alerts.thresholds(call.actor, call.id(QStringLiteral("id")));
        if (!t.ok())
            return problem(t.error(), call.request.requestId);
        HttpResponse r = jsonResponse(t.value());
        r.setHeader("ETag", '"' + QByteArray::number(t->value(QLatin1String("version")).toInt()) + '"');
        return r;
    });
    const QString schedule = QStringLiteral("/api/v1/companies/{id}/report-schedule");
    const auto withVersion = [](const Result<QJsonObject> &r, const Call &call) {
        if (!r.ok())
            return problem(r.error(), call.request.requestId);
        HttpResponse response = jsonResponse(r.value());
        response.setHeader(
            "ETag", '"' + QByteArray::number(r->value(QLatin1String("version")).toInt()) + '"');
        return response;
    };
    route(QStringLiteral("GET"), schedule, [this, withVersion](Call &call) {
        return withVersion(m_reports.schedule(call.actor, call.id(QStringLiteral("id"))), call);
    });
    route(
        QStringLiteral("PATCH"), schedule,
        [this, withVersion](Call &call) {
            return withVersion(m_reports.setSchedule(call.actor, call.id(QStringLiteral("id")), call.body,
                                   call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), schedule + QStringLiteral("/send"), [this](Call &call) {
        return answer(m_reports.sendNow(call.actor, call.id(QStringLiteral("id"))), call, 202);
    });
    route(
        QStringLiteral("PATCH"), thresholds,
        [this](Call &call) {
            const Result<QJsonObject> t = m_alerts.setThresholds(
                call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion);
            if (!t.ok())
                return problem(t.error(), call.request.requestId);
            HttpResponse r = jsonResponse(t.value());
            r.setHeader("ETag", '"' + QByteArray::number(t->value(QLatin1String("version")).toInt()) + '"');
            return r;
        },
        NeedsVersion);
}

} // namespace mailadmin::http
