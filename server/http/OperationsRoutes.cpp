// Routes for those who run the server rather than the directory: Prometheus metrics and the OpenAPI
// description of the API.
#include "http/Api.h"

#include "auth/Clock.h"
#include "store/HealthRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace mailadmin::http {

namespace {

QJsonObject problemResponse(const QString &description)
{
    return QJsonObject {{QStringLiteral("description"), description},
        {QStringLiteral("content"),
            QJsonObject {{QStringLiteral("application/problem+json"),
                QJsonObject {{QStringLiteral("schema"),
                    QJsonObject {
                        {QStringLiteral("$ref"), QStringLiteral("#/components/schemas/Problem")}}}}}}}};
}

// "GET" + "/api/v1/users/{address}/suspend" → "getUsersAddressSuspend": stable names for generated clients.
QString operationId(const QString &method, const QString &pattern)
{
    QString id = method.toLower();
    const QStringList segments
        = QString(pattern)
              .remove(QStringLiteral("/api/v1"))
              .split(QRegularExpression(QStringLiteral("[/._{}-]")), Qt::SkipEmptyParts);
    for (const QString &segment : segments)
        id += segment.left(1).toUpper() + segment.mid(1);
    return id;
}

} // namespace

QJsonObject Api::openApi() const
{
    static const QRegularExpression parameter(QStringLiteral("\\{([a-z_]+)\\}"));
    QJsonObject paths;
    for (const RouteInfo &info : m_routeInfo) {
        QJsonArray parameters;
        for (auto it = parameter.globalMatch(info.pattern); it.hasNext();) {
            parameters.append(QJsonObject {{QStringLiteral("name"), it.next().captured(1)},
                {QStringLiteral("in"), QStringLiteral("path")}, {QStringLiteral("required"), true},
                {QStringLiteral("schema"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}});
        }
        if (info.flags & NeedsVersion) {
            parameters.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("If-Match")},
                {QStringLiteral("in"), QStringLiteral("header")}, {QStringLiteral("required"), true},
                {QStringLiteral("description"),
                    QStringLiteral("The ETag (version) last read of the object.")},
                {QStringLiteral("schema"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}});
        }
        QJsonObject responses {
            {QStringLiteral("default"), problemResponse(QStringLiteral("An RFC 9457 problem."))}};
        responses.insert(info.method == QLatin1String("POST") ? QStringLiteral("2XX") : QStringLiteral("200"),
            QJsonObject {
                {QStringLiteral("description"), QStringLiteral("Success; see docs/api.md for the body.")}});
        QJsonObject operation {{QStringLiteral("operationId"), operationId(info.method, info.pattern)},
            {QStringLiteral("responses"), responses}};
        if (!parameters.isEmpty())
            operation.insert(QStringLiteral("parameters"), parameters);
        operation.insert(QStringLiteral("security"),
            info.flags & Public ? QJsonArray {}
                                : QJsonArray {QJsonObject {{QStringLiteral("bearer"), QJsonArray {}}}});
        if ((info.method == QLatin1String("POST") || info.method == QLatin1String("PATCH"))
            && !(info.flags & RawBody))
            operation.insert(QStringLiteral("requestBody"),
                QJsonObject {{QStringLiteral("required"), false},
                    {QStringLiteral("content"),
                        QJsonObject {{QStringLiteral("application/json"),
                            QJsonObject {{QStringLiteral("schema"),
                                QJsonObject {{QStringLiteral("type"), QStringLiteral("object")}}}}}}}});
        QJsonObject path = paths.value(info.pattern).toObject();
        path.insert(info.method.toLower(), operation);
        paths.insert(info.pattern, path);
    }
    const auto typed = [](const char *type) {
        return QJsonObject {{QStringLiteral("type"), QLatin1String(type)}};
    };
    const QJsonObject fieldError {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("properties"),
            QJsonObject {{QStringLiteral("field"), typed("string")},
                {QStringLiteral("code"), typed("string")}, {QStringLiteral("message"), typed("string")}}}};
    const QJsonObject problemSchema {{QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("required"),
            QJsonArray {QStringLiteral("type"), QStringLiteral("title"), QStringLiteral("status")}},
        {QStringLiteral("properties"),
            QJsonObject {{QStringLiteral("type"), typed("string")},
                {QStringLiteral("title"), typed("string")}, {QStringLiteral("status"), typed("integer")},
                {QStringLiteral("detail"), typed("string")},
                {QStringLiteral("errors"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("array")},
                        {QStringLiteral("items"), fieldError}}}}}};
    return QJsonObject {{QStringLiteral("openapi"), QStringLiteral("3.1.0")},
        {QStringLiteral("info"),
            QJsonObject {{QStringLiteral("title"), QStringLiteral("MailAdmin REST API")},
                {QStringLiteral("version"), QStringLiteral(MAILADMIN_VERSION)}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
            QJsonObject {{QStringLiteral("securitySchemes"),
                             QJsonObject {{QStringLiteral("bearer"),
                                 QJsonObject {{QStringLiteral("type"), QStringLiteral("http")},
                                     {QStringLiteral("scheme"), QStringLiteral("bearer")}}}}},
                {QStringLiteral("schemas"), QJsonObject {{QStringLiteral("Problem"), problemSchema}}}}}};
}

void Api::addOperationsRoutes()
{
    // Counts only: no customer's name or address is in them, so they need no sign-in (keep the port off
    // the internet, or scrape through a proxy that asks for credentials).
    route(
        QStringLiteral("GET"), QStringLiteral("/metrics"),
        [this](Call &) {
            HttpResponse response;
            response.contentType = "text/plain; version=0.0.4; charset=utf-8";
            response.body = m_metrics.render();
            const Result<store::HealthRepository::Gauges> gauges
                = store::HealthRepository(m_db).gauges(auth::Clock::now());
            response.body += "# HELP mailadmind_database_up Whether the database answered this scrape.\n"
                             "# TYPE mailadmind_database_up gauge\n";
            response.body += metricLine("mailadmind_database_up", {}, gauges.ok() ? 1 : 0);
            if (gauges.ok()) {
                const auto &g = gauges.value();
                response.body += "# HELP mailadmind_ingest_events_total Raw stats events stored, by kind.\n"
                                 "# TYPE mailadmind_ingest_events_total counter\n";
                response.body += metricLine("mailadmind_ingest_events_total",
                    {{"kind", QStringLiteral("login")}}, double(g.loginEvents));
                response.body += metricLine("mailadmind_ingest_events_total",
                    {{"kind", QStringLiteral("message")}}, double(g.messageEvents));
                response.body
                    += "# HELP mailadmind_fold_lag_events Events stored but not yet in the rollups.\n"
                       "# TYPE mailadmind_fold_lag_events gauge\n";
                response.body += metricLine("mailadmind_fold_lag_events", {{"kind", QStringLiteral("login")}},
                    double(g.foldLagLogins));
                response.body += metricLine("mailadmind_fold_lag_events",
                    {{"kind", QStringLiteral("message")}}, double(g.foldLagMessages));
                response.body += "# HELP mailadmind_outbox_pending Mails queued and not yet sent.\n"
                                 "# TYPE mailadmind_outbox_pending gauge\n";
                response.body += metricLine("mailadmind_outbox_pending", {}, double(g.outboxPending));
                response.body += "# HELP mailadmind_outbox_retrying Queued mails that failed at least once.\n"
                                 "# TYPE mailadmind_outbox_retrying gauge\n";
                response.body += metricLine("mailadmind_outbox_retrying", {}, double(g.outboxFailed));
                response.body += "# HELP mailadmind_sessions Admin sessions not yet expired.\n"
                                 "# TYPE mailadmind_sessions gauge\n";
                response.body += metricLine("mailadmind_sessions", {}, double(g.sessions));
            }
            return response;
        },
        Public);

    route(
        QStringLiteral("GET"), QStringLiteral("/api/v1/openapi.json"),
        [this](Call &) {
            HttpResponse response;
            response.body = QJsonDocument(openApi()).toJson(QJsonDocument::Compact);
            return response;
        },
        Public);
}

} // namespace mailadmin::http
