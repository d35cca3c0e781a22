#include "http/Api.h"

#include "Json.h"
#include "auth/Clock.h"
#include "auth/SessionManager.h"
#include "http/Problem.h"

#include <exception>

namespace mailadmin::http {

namespace {

// Reads If-Match: "12", W/"12" or 12. Returns -1 when malformed.
int parseIfMatch(QByteArray value)
{
    value = value.trimmed();
    if (value.startsWith("W/"))
        value = value.mid(2);
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    bool ok = false;
    const int v = value.toInt(&ok);
    return ok && v > 0 ? v : -1;
}

} // namespace

bool Api::isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

Api::Api(store::Database &db, auth::SessionManager &sessions)
    : m_db(db)
    , m_sessions(sessions)
    , m_ctx {db, sessions}
    , m_companies(m_ctx)
    , m_contacts(m_ctx)
    , m_domains(m_ctx)
    , m_users(m_ctx)
    , m_brands(m_ctx)
    , m_admins(m_ctx)
    , m_audit(m_ctx)
    , m_ingest(m_ctx)
    , m_stats(m_ctx)
    , m_alerts(m_ctx)
    , m_reports(m_ctx)
    , m_outbound(m_ctx)
    , m_startedAt(auth::Clock::now())
{
    m_uptime.start();
    addAccessRoutes();
    addDirectoryRoutes();
    addUserRoutes();
    addBrandAndAdminRoutes();
    addStatsRoutes();
    addOperationsRoutes();
    addIncidentRoutes();
    addOutboundRoutes();
    addOutageRoutes();
    addBulletinRoutes();
}

void Api::route(const QString &method, const QString &pattern, Handler handler, int flags)
{
    m_routeInfo.append(RouteInfo {method, pattern, flags});
    m_metrics.addRoute(method, pattern);
    m_router.add(
        method, pattern, [this, flags, handler = std::move(handler)](HttpRequest &request) -> HttpResponse {
            Call call {request, {}, {}, std::nullopt};
            if (!(flags & Public)) {
                QByteArray authorization = request.header("authorization");
                QString token;
                if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
                    token = QString::fromLatin1(authorization.mid(7).trimmed());
                const Result<auth::Actor> actor = m_sessions.authenticate(token, request.remoteAddress);
                if (!actor.ok())
                    return problem(actor.error(), request.requestId);
                call.actor = actor.value();
            }
            // A body is JSON or nothing, unless the handler reads it itself.
            if (!request.body.isEmpty() && !(flags & RawBody)) {
                if (!isJsonType(request.header("content-type")))
                    return problem(Error::make(ErrorKind::UnsupportedMediaType,
                                       QStringLiteral("Send the body as application/json.")),
                        request.requestId);
                const Result<QJsonObject> body = json::parseObject(request.body);
                if (!body.ok())
                    return problem(body.error(), request.requestId);
                call.body = body.value();
            }
            const QByteArray ifMatch = request.header("if-match");
            if (!ifMatch.isEmpty()) {
                const int version = parseIfMatch(ifMatch);
                if (version < 0)
                    return problem(
                        Error::make(ErrorKind::Malformed,
                            QStringLiteral("If-Match must carry the object's ETag, such as \"3\".")),
                        request.requestId);
                call.expectedVersion = version;
            } else if (flags & NeedsVersion) {
                return problem(Error::make(ErrorKind::PreconditionRequired,
                                   QStringLiteral("Send If-Match with the version you last read, so no one "
                                                  "else's change is overwritten.")),
                    request.requestId);
            }
            return handler(call);
        });
}

HttpResponse Api::handle(HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    int route = -1;
    HttpResponse response = dispatch(request, route);
    m_metrics.record(route, response.status, double(timer.nsecsElapsed()) / 1e9);
    return response;
}

HttpResponse Api::dispatch(HttpRequest &request, int &route)
{
    try {
        const Router::Match match = m_router.match(request);
        route = match.index;
        switch (match.kind) {
        case Router::Match::Kind::NoPath:
            return problem(Error::notFound(QStringLiteral("There is no resource at %1.").arg(request.path)),
                request.requestId);
        case Router::Match::Kind::NoMethod: {
            HttpResponse r = problem(Error::make(ErrorKind::MethodNotAllowed,
                                         QStringLiteral("%1 is not allowed here; use %2.")
                                             .arg(request.method, match.allowed.join(QStringLiteral(", ")))),
                request.requestId);
            r.setHeader("Allow", match.allowed.join(QStringLiteral(", ")).toLatin1());
            return r;
        }
        case Router::Match::Kind::Found:
            return (*match.handler)(request);
        }
    } catch (const std::exception &e) {
        return problem(Error::internal(QString::fromUtf8(e.what())), request.requestId);
    } catch (...) {
        return problem(Error::internal(QStringLiteral("unknown exception")), request.requestId);
    }
    return problem(Error::internal(QStringLiteral("unreachable")), request.requestId);
}

} // namespace mailadmin::http
