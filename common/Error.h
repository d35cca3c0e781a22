#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mailadmin {

// What went wrong, independent of any transport; the server maps it to an HTTP status in one place.
enum class ErrorKind
{
    None,
    Malformed, // the request could not be read (bad JSON, bad query)
    Unauthenticated, // no, bad or expired credentials
    Forbidden, // authenticated but not allowed
    NotFound, // missing, or outside the caller's scope
    MethodNotAllowed,
    Conflict, // already exists, or still in use
    PreconditionFailed, // stale version
    PayloadTooLarge,
    UnsupportedMediaType,
    Invalid, // well-formed but fails field rules
    PreconditionRequired, // If-Match missing
    Throttled,
    Unavailable,
    Internal,
};

struct FieldError
{
    QString field;
    QString code;
    QString message;

    bool operator==(const FieldError &) const = default;
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString detail;
    QList<FieldError> fields;
    QJsonObject current; // for PreconditionFailed: the object as stored now
    int retryAfterSeconds = 0;

    static Error make(ErrorKind kind, const QString &detail) { return Error {kind, detail, {}, {}, 0}; }
    static Error invalid(QList<FieldError> fields, const QString &detail = QString())
    {
        return Error {ErrorKind::Invalid, detail, std::move(fields), {}, 0};
    }
    static Error invalidField(const QString &field, const QString &code, const QString &message)
    {
        return invalid({FieldError {field, code, message}});
    }
    static Error notFound(const QString &what) { return make(ErrorKind::NotFound, what); }
    static Error forbidden(const QString &detail) { return make(ErrorKind::Forbidden, detail); }
    static Error conflict(const QString &detail) { return make(ErrorKind::Conflict, detail); }
    static Error internal(const QString &detail) { return make(ErrorKind::Internal, detail); }
};

} // namespace mailadmin
