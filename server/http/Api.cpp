#include "Api.h"

#include "Clock.h"
#include "Csv.h"
#include "HealthRepository.h"
#include "Json.h"
#include "Problem.h"
#include "SessionManager.h"

#include <QLoggingCategory>

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <exception>

namespace mailadmin::http {

namespace {

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

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

namespace {
#define LIST_OR_FAIL(var, ...)                                                                               \
    const Result<store::ListQuery> var##Result = call.listQuery(__VA_ARGS__);                                \
    if (!var##Result.ok())                                                                                   \
        return problem(var##Result.error(), call.request.requestId);                                         \
    const store::ListQuery &var = var##Result.value();
} // namespace

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

void Api::addDirectoryRoutes()
{
    const QString companies = QStringLiteral("/api/v1/companies");
    const QString company = companies + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), companies, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_companies.list(call.actor, query), call);
    });
    route(QStringLiteral("POST"), companies,
        [this](Call &call) { return answer(m_companies.create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), company, [this](Call &call) {
        return answer(m_companies.get(call.actor, call.id(QStringLiteral("id"))), call);
    });
    route(
        QStringLiteral("PATCH"), company,
        [this](Call &call) {
            return answer(m_companies.update(
                              call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);

    const QString contacts = company + QStringLiteral("/contacts");
    const QString contact = contacts + QStringLiteral("/{contact}");
    route(QStringLiteral("GET"), contacts, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_contacts.list(call.actor, call.id(QStringLiteral("id")), query), call);
    });
    route(QStringLiteral("POST"), contacts, [this](Call &call) {
        return answer(m_contacts.create(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });
    route(QStringLiteral("GET"), contact, [this](Call &call) {
        return answer(
            m_contacts.get(call.actor, call.id(QStringLiteral("id")), call.id(QStringLiteral("contact"))),
            call);
    });
    route(
        QStringLiteral("PATCH"), contact,
        [this](Call &call) {
            return answer(m_contacts.update(call.actor, call.id(QStringLiteral("id")),
                              call.id(QStringLiteral("contact")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), contact,
        [this](Call &call) {
            return answer(m_contacts.remove(call.actor, call.id(QStringLiteral("id")),
                              call.id(QStringLiteral("contact")), call.expectedVersion),
                call);
        },
        NeedsVersion);

    route(QStringLiteral("GET"), company + QStringLiteral("/domains"), [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_domains.listForCompany(call.actor, call.id(QStringLiteral("id")), query), call);
    });
    route(QStringLiteral("POST"), company + QStringLiteral("/domains"), [this](Call &call) {
        return answer(m_domains.create(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });

    const QString domains = QStringLiteral("/api/v1/domains");
    const QString domain = domains + QStringLiteral("/{name}");
    route(QStringLiteral("GET"), domains, [this](Call &call) {
        LIST_OR_FAIL(query, {QStringLiteral("deleted")});
        const QString deleted = call.request.query.queryItemValue(QStringLiteral("deleted"));
        if (!deleted.isEmpty() && deleted != QLatin1String("true") && deleted != QLatin1String("false"))
            return problem(Error::make(ErrorKind::Malformed, QStringLiteral("deleted is true or false.")),
                call.request.requestId);
        return answer(m_domains.list(call.actor, query, deleted == QLatin1String("true")), call);
    });
    route(QStringLiteral("GET"), domain, [this](Call &call) {
        return answer(m_domains.get(call.actor, call.param(QStringLiteral("name"))), call);
    });
    route(
        QStringLiteral("PATCH"), domain,
        [this](Call &call) {
            return answer(m_domains.update(call.actor, call.param(QStringLiteral("name")), call.body,
                              call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), domain,
        [this](Call &call) {
            return answer(
                m_domains.remove(call.actor, call.param(QStringLiteral("name")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), domain + QStringLiteral("/restore"), [this](Call &call) {
        return answer(
            m_domains.restore(call.actor, call.param(QStringLiteral("name")), call.expectedVersion), call);
    });
}

void Api::addUserRoutes()
{
    const QString domainUsers = QStringLiteral("/api/v1/domains/{name}/users");
    route(QStringLiteral("GET"), domainUsers, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_users.listInDomain(call.actor, call.param(QStringLiteral("name")), query), call);
    });
    route(QStringLiteral("POST"), domainUsers, [this](Call &call) {
        return answer(m_users.create(call.actor, call.param(QStringLiteral("name")), call.body), call, 201);
    });

    const QString users = QStringLiteral("/api/v1/users");
    const QString user = users + QStringLiteral("/{address}");
    route(QStringLiteral("GET"), users, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_users.search(call.actor, query), call);
    });
    route(QStringLiteral("GET"), user, [this](Call &call) {
        return answer(m_users.get(call.actor, call.param(QStringLiteral("address"))), call);
    });
    route(
        QStringLiteral("PATCH"), user,
        [this](Call &call) {
            return answer(m_users.update(call.actor, call.param(QStringLiteral("address")), call.body,
                              call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), user,
        [this](Call &call) {
            return answer(
                m_users.remove(call.actor, call.param(QStringLiteral("address")), call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), user + QStringLiteral("/restore"), [this](Call &call) {
        return answer(
            m_users.restore(call.actor, call.param(QStringLiteral("address")), call.expectedVersion), call);
    });
    route(QStringLiteral("POST"), user + QStringLiteral("/suspend"), [this](Call &call) {
        return answer(m_users.setSuspended(call.actor, call.param(QStringLiteral("address")), true,
                          call.expectedVersion, call.body),
            call);
    });
    route(QStringLiteral("POST"), user + QStringLiteral("/unsuspend"), [this](Call &call) {
        return answer(m_users.setSuspended(
                          call.actor, call.param(QStringLiteral("address")), false, call.expectedVersion),
            call);
    });
    route(QStringLiteral("POST"), user + QStringLiteral("/password"), [this](Call &call) {
        return answer(m_users.setPassword(
                          call.actor, call.param(QStringLiteral("address")), call.body, call.expectedVersion),
            call);
    });
}

void Api::addBrandAndAdminRoutes()
{
    const QString brands = QStringLiteral("/api/v1/brands");
    const QString brand = brands + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), brands, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_brands.list(call.actor, query), call);
    });
    route(QStringLiteral("POST"), brands,
        [this](Call &call) { return answer(m_brands.create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), brand,
        [this](Call &call) { return answer(m_brands.get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(
        QStringLiteral("PATCH"), brand,
        [this](Call &call) {
            return answer(
                m_brands.update(call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), brand,
        [this](Call &call) {
            return answer(
                m_brands.remove(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("GET"), brand + QStringLiteral("/logo"), [this](Call &call) {
        const Result<service::BrandService::Logo> logo
            = m_brands.logo(call.actor, call.id(QStringLiteral("id")));
        if (!logo.ok())
            return problem(logo.error(), call.request.requestId);
        HttpResponse r;
        r.body = logo->data;
        r.contentType = logo->type.toLatin1();
        r.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        // The stored type is the one the check decided; a browser must not guess another from the bytes.
        r.setHeader("X-Content-Type-Options", "nosniff");
        return r;
    });

    const QString admins = QStringLiteral("/api/v1/admins");
    const QString admin = admins + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), admins, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_admins.list(call.actor, query), call);
    });
    route(QStringLiteral("POST"), admins,
        [this](Call &call) { return answer(m_admins.create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), admin,
        [this](Call &call) { return answer(m_admins.get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(
        QStringLiteral("PATCH"), admin,
        [this](Call &call) {
            return answer(
                m_admins.update(call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), admin + QStringLiteral("/password"), [this](Call &call) {
        return answer(m_admins.resetPassword(call.actor, call.id(QStringLiteral("id")), call.body), call);
    });
}

namespace {

// Reads the stats parameters; anything else in the query string is refused.
Result<service::StatsQuery> statsQuery(const HttpRequest &request, bool &csv)
{
    service::StatsQuery q;
    QList<FieldError> errors;
    csv = false;
    const auto number = [&](const QString &key, const QString &value, int min, int max) {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < min || n > max) {
            errors << FieldError {key, QStringLiteral("out_of_range"),
                QStringLiteral("Use a whole number from %1 to %2.").arg(min).arg(max)};
            return 0;
        }
        return n;
    };
    const auto time = [&](const QString &key, const QString &value) -> qint64 {
        const qint64 t = json::parseIsoTime(value);
        if (t <= 0)
            errors << FieldError {key, QStringLiteral("invalid"),
                QStringLiteral("Use an ISO 8601 time such as 2026-11-01T00:00:00Z.")};
        return t;
    };
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("company"))
            q.company = value;
        else if (key == QLatin1String("domain"))
            q.domain = value;
        else if (key == QLatin1String("user"))
            q.user = value;
        else if (key == QLatin1String("from"))
            q.from = time(key, value);
        else if (key == QLatin1String("to"))
            q.to = time(key, value);
        else if (key == QLatin1String("granularity"))
            q.granularity = value;
        else if (key == QLatin1String("days"))
            q.days = number(key, value, 1, 3650);
        else if (key == QLatin1String("percent"))
            q.percent = number(key, value, 1, 1000);
        else if (key == QLatin1String("offset"))
            q.offset = number(key, value, 0, 100'000'000);
        else if (key == QLatin1String("limit"))
            q.limit = number(key, value, 1, 1000);
        else if (key == QLatin1String("protocol"))
            q.protocol = value;
        else if (key == QLatin1String("result"))
            q.result = value;
        else if (key == QLatin1String("min_age"))
            q.minAge = number(key, value, 0, 3650);
        else if (key == QLatin1String("sort")) {
            static const QStringList keys = {QStringLiteral("address"), QStringLiteral("status"),
                QStringLiteral("last_login_at"), QStringLiteral("used_bytes")};
            if (keys.contains(value.startsWith(QLatin1Char('-')) ? value.mid(1) : value))
                q.sort = value;
            else
                errors << FieldError {key, QStringLiteral("invalid_choice"),
                    QStringLiteral("Sort by address, status, last_login_at or used_bytes.")};
        } else if (key == QLatin1String("format")) {
            if (value == QLatin1String("csv"))
                csv = true;
            else if (value != QLatin1String("json"))
                errors << FieldError {
                    key, QStringLiteral("invalid_choice"), QStringLiteral("Use json or csv.")};
        } else
            errors << FieldError {key, QStringLiteral("unknown_parameter"),
                QStringLiteral("This question has no such parameter.")};
    }
    if (request.header("accept").contains("text/csv"))
        csv = true;
    if (!errors.isEmpty()) {
        Error e = Error::make(ErrorKind::Malformed, QStringLiteral("The stats parameters are not valid."));
        e.fields = errors;
        return e;
    }
    return q;
}

QString cell(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == std::floor(d) && std::fabs(d) < 9e15 ? QString::number(qint64(d))
                                                         : QString::number(d, 'f', 2);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return csv::neutralizeFormula(v.toString());
}

HttpResponse csvResponse(QByteArray body, const QString &name)
{
    HttpResponse r;
    r.body = std::move(body);
    r.contentType = "text/csv; charset=utf-8";
    r.setHeader("Content-Disposition", QByteArray("attachment; filename=\"") + name.toLatin1() + ".csv\"");
    return r;
}

// A series of flat objects as CSV, columns in the given order.
HttpResponse seriesCsv(const QJsonArray &rows, const QStringList &columns, const QString &name)
{
    QByteArray out = csv::record(columns);
    for (const QJsonValue &row : rows) {
        QStringList cells;
        for (const QString &c : columns)
            cells << cell(row.toObject().value(c));
        out += csv::record(cells);
    }
    return csvResponse(out, name);
}

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
    return {cell(u.value(QLatin1String("address"))), cell(u.value(QLatin1String("display_name"))),
        cell(u.value(QLatin1String("type"))), cell(u.value(QLatin1String("status"))),
        cell(u.value(QLatin1String("quota"))), cell(u.value(QLatin1String("used_bytes"))),
        cell(last.value(QLatin1String("imap"))), cell(last.value(QLatin1String("pop"))),
        cell(last.value(QLatin1String("webmail"))), cell(last.value(QLatin1String("smtp")))};
}

} // namespace

// Answers a paged list as JSON, or as CSV streamed page after page (the whole list, not just one page).
HttpResponse Api::pagedAnswer(const Call &call, bool csv, const QString &name, const QStringList &columns,
    std::function<QStringList(const QJsonObject &)> toRow,
    std::function<Result<store::Page>(int offset, int limit)> fetch)
{
    if (!csv) {
        const Result<store::Page> page = fetch(-1, -1);
        return answer(page, call);
    }
    const Result<store::Page> first = fetch(0, 1000);
    if (!first.ok())
        return problem(first.error(), call.request.requestId);
    HttpResponse r = csvResponse({}, name);
    auto state = std::make_shared<std::pair<int, bool>>(0, false); // next offset, header written
    r.stream = [state, columns, toRow, fetch](QByteArray &chunk) {
        if (!state->second) {
            chunk += csv::record(columns);
            state->second = true;
        }
        const Result<store::Page> page = fetch(state->first, 1000);
        if (!page.ok())
            return false;
        const auto rowOf = [&](const QJsonObject &o) { chunk += csv::record(toRow(o)); };
        for (const QByteArray &rendered : page->rendered)
            rowOf(QJsonDocument::fromJson(rendered).object());
        for (const store::Record &record : page->items)
            rowOf(record.data);
        const int got = int(page->rendered.size() + page->items.size());
        state->first += got;
        return got > 0 && state->first < page->total;
    };
    return r;
}

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
                  const Result<service::StatsQuery> q = statsQuery(call.request, csv);
                  if (!q.ok())
                      return problem(q.error(), call.request.requestId);
                  const Result<QJsonObject> result = ask(call.actor, q.value());
                  if (!result.ok())
                      return problem(result.error(), call.request.requestId);
                  if (csv)
                      return seriesCsv(result->value(arrayKey).toArray(), columns,
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
                  const Result<service::StatsQuery> q = statsQuery(call.request, csv);
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
        const Result<service::StatsQuery> q = statsQuery(call.request, csv);
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
                return QStringList {cell(o.value(QLatin1String("time"))),
                    cell(o.value(QLatin1String("protocol"))), cell(o.value(QLatin1String("success"))),
                    cell(o.value(QLatin1String("remote_address")))};
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
