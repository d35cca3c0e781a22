// Routes for signing in and out, who is signed in, the audit trail and the public status check.
#include "http/Api.h"

#include "Json.h"
#include "auth/SessionManager.h"
#include "http/QueryParameters.h"
#include "store/HealthRepository.h"

namespace mailadmin::http {

void Api::addAccessRoutes()
{
    route(
        QStringLiteral("GET"), QStringLiteral("/api/v1/status"),
        [this](Call &) {
            // A load balancer takes a server out of rotation when its database stops answering.
            const Status database = store::HealthRepository(m_db).ping();
            return jsonResponse(
                QJsonObject {
                    {QStringLiteral("service"), QStringLiteral("mailadmind")},
                    {QStringLiteral("version"), QStringLiteral(MAILADMIN_VERSION)},
                    {QStringLiteral("database"), m_db.dialect().name()},
                    {QStringLiteral("database_ok"), database.ok()},
                    {QStringLiteral("schema_version"), store::Database::latestSchemaVersion()},
                    {QStringLiteral("started_at"), json::isoTime(m_startedAt)},
                    {QStringLiteral("uptime_seconds"), double(m_uptime.elapsed() / 1000)},
                },
                database.ok() ? 200 : 503);
        },
        Public);

    route(
        QStringLiteral("POST"), QStringLiteral("/api/v1/sessions"),
        [this](Call &call) {
            QList<FieldError> errors;
            for (const QString &key : {QStringLiteral("login"), QStringLiteral("password")}) {
                if (!call.body.value(key).isString())
                    errors << FieldError {key,
                        call.body.contains(key) ? QStringLiteral("type") : QStringLiteral("required"),
                        QStringLiteral("Send %1 as a string.").arg(key)};
            }
            for (auto it = call.body.begin(); it != call.body.end(); ++it) {
                if (it.key() != QLatin1String("login") && it.key() != QLatin1String("password"))
                    errors << FieldError {it.key(), QStringLiteral("unknown_field"),
                        QStringLiteral("This field is not known here.")};
            }
            if (!errors.isEmpty())
                return problem(Error::invalid(errors), call.request.requestId);
            const Result<auth::SignIn> signIn
                = m_sessions.signIn(call.body.value(QLatin1String("login")).toString(),
                    call.body.value(QLatin1String("password")).toString(), call.request.remoteAddress);
            if (!signIn.ok())
                return problem(signIn.error(), call.request.requestId);
            return jsonResponse(
                QJsonObject {{QStringLiteral("token"), signIn->token},
                    {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                    {QStringLiteral("expires_at"), json::isoTime(signIn->expiresAt)},
                    {QStringLiteral("idle_timeout_seconds"), double(m_sessions.policy().idleSeconds)}},
                201);
        },
        Public);

    route(QStringLiteral("DELETE"), QStringLiteral("/api/v1/sessions/current"), [this](Call &call) {
        const QByteArray authorization = call.request.header("authorization");
        return answer(m_sessions.signOut(QString::fromLatin1(authorization.mid(7).trimmed())), call);
    });

    route(QStringLiteral("GET"), QStringLiteral("/api/v1/me"),
        [this](Call &call) { return answer(m_admins.me(call.actor), call); });

    route(QStringLiteral("GET"), QStringLiteral("/api/v1/audit"), [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_audit.list(call.actor, query), call);
    });
}

} // namespace mailadmin::http
