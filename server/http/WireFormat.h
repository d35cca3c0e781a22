#pragma once

#include "http/HttpTypes.h"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

namespace mailadmin::http::wire {

// Limits on what a request header may hold, beyond the total the parser enforces.
inline constexpr size_t kMaxHeaderBytes = 32 * 1024;
inline constexpr size_t kMaxTargetBytes = 8 * 1024;
inline constexpr size_t kMaxFieldLineBytes = 8 * 1024;
inline constexpr size_t kMaxFieldCount = 100;

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;
using BeastStreamHeader = boost::beast::http::response<boost::beast::http::empty_body>;

QString newRequestId();

// The request as the Api sees it: path percent-decoded, query re-encoded, header names lower-case.
HttpRequest toHttpRequest(BeastRequest &&from, const QString &remoteAddress, const QString &requestId);

// Checks on a parsed header that the parser does not make; answers the status to refuse it with, or 0.
int refusalFor(const BeastRequest &header, QString *detail);

// A problem document for a status the transport decides on its own (400, 413, 414, 415, 431, 501, 503).
HttpResponse transportProblem(int status, const QString &detail, const QString &requestId);

// The answer as it goes on the wire (without a streamed body): content type, compression, request id.
BeastResponse toBeastResponse(
    HttpResponse &&from, const QString &requestId, bool acceptsGzip, bool headOnly, unsigned version);

// The header of an answer whose body is streamed in chunks.
BeastStreamHeader toStreamHeader(const HttpResponse &from, const QString &requestId, unsigned version);

// The path without its query, cut short, for a log line.
QString pathForLog(const BeastRequest &request);

} // namespace mailadmin::http::wire
