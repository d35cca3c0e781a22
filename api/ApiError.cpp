#include "ApiError.h"

#include <QCoreApplication>

namespace mailadmin::api {

QString ApiError::fieldMessage(const QString &field) const
{
    QStringList messages;
    for (const FieldError &f : fields) {
        if (f.field == field || f.field.startsWith(field + QLatin1Char('['))
            || f.field.startsWith(field + QLatin1Char('.')))
            messages << f.message;
    }
    return messages.join(QLatin1Char(' '));
}

QString ApiError::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unreachable:
        return QCoreApplication::translate(
            "ApiError", "The server cannot be reached. Check the address and your connection.");
    case Kind::Timeout:
        return QCoreApplication::translate("ApiError", "The server did not answer in time.");
    case Kind::Tls:
        return QCoreApplication::translate("ApiError", "The server's certificate is not trusted: %1")
            .arg(detail);
    case Kind::BadReply:
        return QCoreApplication::translate("ApiError", "The server sent an answer that could not be read.");
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "The request was cancelled.");
    case Kind::Http:
        break;
    }
    switch (status) {
    case 401:
        return QCoreApplication::translate("ApiError", "Your session has ended. Sign in again.");
    case 403:
        return QCoreApplication::translate("ApiError", "Your role does not allow this.");
    case 404:
        return QCoreApplication::translate(
            "ApiError", "It no longer exists, or it is outside what you may see.");
    case 429:
        return QCoreApplication::translate(
            "ApiError", "Too many attempts. Try again in %n second(s).", nullptr, retryAfterSeconds);
    case 500:
        return QCoreApplication::translate(
            "ApiError", "The server failed. Quote reference %1 to its operator.")
            .arg(instance);
    default:
        break;
    }
    if (!detail.isEmpty())
        return detail;
    if (!title.isEmpty())
        return title;
    return QCoreApplication::translate("ApiError", "The server refused the request (HTTP %1).").arg(status);
}

} // namespace mailadmin::api
