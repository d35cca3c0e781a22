#include "http/Problem.h"

#include "Json.h"
#include "http/HttpLog.h"

#include <QJsonArray>

namespace mailadmin::http {

namespace {
struct Kind
{
    ErrorKind kind;
    int status;
    const char *slug;
    const char *title;
};
constexpr Kind kKinds[] = {
    {ErrorKind::Malformed, 400, "malformed-request", "The request could not be read"},
    {ErrorKind::Unauthenticated, 401, "unauthenticated", "Sign-in required"},
    {ErrorKind::Forbidden, 403, "forbidden", "Not allowed"},
    {ErrorKind::NotFound, 404, "not-found", "Not found"},
    {ErrorKind::MethodNotAllowed, 405, "method-not-allowed", "Method not allowed"},
    {ErrorKind::Conflict, 409, "conflict", "Conflict"},
    {ErrorKind::PreconditionFailed, 412, "stale-version", "The object has changed"},
    {ErrorKind::PayloadTooLarge, 413, "payload-too-large", "The request body is too large"},
    {ErrorKind::UnsupportedMediaType, 415, "unsupported-media-type", "JSON expected"},
    {ErrorKind::Invalid, 422, "validation", "Some fields are not valid"},
    {ErrorKind::PreconditionRequired, 428, "version-required", "If-Match required"},
    {ErrorKind::Throttled, 429, "throttled", "Too many requests"},
    {ErrorKind::Unavailable, 503, "unavailable", "Service unavailable"},
    {ErrorKind::Internal, 500, "internal", "Internal server error"},
};

const Kind &describe(ErrorKind kind)
{
    for (const Kind &k : kKinds) {
        if (k.kind == kind)
            return k;
    }
    return kKinds[std::size(kKinds) - 1];
}
} // namespace

int statusFor(ErrorKind kind)
{
    return describe(kind).status;
}

HttpResponse problem(const Error &error, const QString &requestId)
{
    const Kind &k = describe(error.kind);
    QJsonObject body {
        {QStringLiteral("type"), QString(QStringLiteral("urn:mailadmin:problem:") + QLatin1String(k.slug))},
        {QStringLiteral("title"), QString::fromLatin1(k.title)},
        {QStringLiteral("status"), k.status},
        {QStringLiteral("instance"), requestId},
    };
    if (error.kind == ErrorKind::Internal) {
        // The real cause is logged under the request id; the client gets only the id.
        qCCritical(lcHttp).noquote() << "request" << requestId << "failed:" << error.detail;
        body.insert(QStringLiteral("detail"),
            QStringLiteral("Something went wrong on the server. Quote reference %1 to its operator.")
                .arg(requestId));
    } else if (!error.detail.isEmpty()) {
        body.insert(QStringLiteral("detail"), error.detail);
    }
    if (!error.fields.isEmpty()) {
        QJsonArray errors;
        for (const FieldError &f : error.fields)
            errors.append(QJsonObject {{QStringLiteral("field"), f.field}, {QStringLiteral("code"), f.code},
                {QStringLiteral("message"), f.message}});
        body.insert(QStringLiteral("errors"), errors);
    }
    if (error.kind == ErrorKind::PreconditionFailed && !error.current.isEmpty())
        body.insert(QStringLiteral("current"), error.current);
    HttpResponse response;
    response.status = k.status;
    response.contentType = "application/problem+json";
    response.body = json::compact(body);
    if (error.kind == ErrorKind::Throttled)
        response.setHeader("Retry-After", QByteArray::number(qMax(1, error.retryAfterSeconds)));
    if (error.kind == ErrorKind::Unauthenticated)
        response.setHeader("WWW-Authenticate", "Bearer realm=\"mailadmin\"");
    if (error.kind == ErrorKind::PreconditionFailed && !error.current.isEmpty())
        response.setHeader(
            "ETag", '"' + QByteArray::number(error.current.value(QLatin1String("version")).toInt()) + '"');
    return response;
}

HttpResponse problemForStatus(int status, const QString &detail, const QString &requestId)
{
    ErrorKind kind = ErrorKind::Internal;
    for (const Kind &k : kKinds) {
        if (k.status == status)
            kind = k.kind;
    }
    if (status == 404)
        kind = ErrorKind::NotFound;
    return problem(Error::make(kind, detail), requestId);
}

} // namespace mailadmin::http
