#pragma once

#include "Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mailadmin::api {

// What went wrong with one request, in terms a person can act on: the transport failure, or the server's
// problem document with its field errors.
struct ApiError
{
    enum class Kind
    {
        None,
        Unreachable, // connection refused, host not found, network down
        Timeout,
        Tls, // certificate problems
        Http, // the server answered with an error status
        BadReply, // the answer was not the JSON promised
        Cancelled,
    };

    Kind kind = Kind::None;
    int status = 0;
    QString type; // problem type URI
    QString title;
    QString detail;
    QString instance; // the request id the server logged
    QList<FieldError> fields;
    QJsonObject current; // 412: the object as stored now
    int retryAfterSeconds = 0;

    bool isNone() const { return kind == Kind::None; }
    // Worth showing as "the server cannot be reached" rather than as a refusal.
    bool isConnectivity() const { return kind == Kind::Unreachable || kind == Kind::Timeout; }
    QString fieldMessage(const QString &field) const;
    // One sentence for a message box or a status line.
    QString message() const;
};

} // namespace mailadmin::api
