#pragma once

#include "Error.h"
#include "http/HttpTypes.h"

namespace mailadmin::http {

// The one place where internal errors become HTTP statuses and RFC 9457 problem documents.
int statusFor(ErrorKind kind);
HttpResponse problem(const Error &error, const QString &requestId);
// A problem for a status the HTTP library produced on its own (413 body too large, 400 unreadable request).
HttpResponse problemForStatus(int status, const QString &detail, const QString &requestId);

} // namespace mailadmin::http
