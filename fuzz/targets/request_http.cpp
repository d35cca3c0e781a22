// A request as it comes off the socket: the header and body parsed by Boost.Beast with the server's limits,
// the server's own refusals (URI and header line limits, encodings, smuggling), then the request the router
// sees (percent-decoded path, re-encoded query, lower-case header names) and its JSON body.
#include "FuzzCheck.h"
#include "Json.h"
#include "http/WireFormat.h"

#include <boost/beast/http/parser.hpp>

#include <cstddef>
#include <cstdint>

using namespace mailadmin::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    namespace bhttp = boost::beast::http;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(std::uint32_t(wire::kMaxHeaderBytes));
    parser.body_limit(std::uint64_t(64 * 1024));
    parser.eager(true);
    boost::beast::error_code ec;
    const auto *p = reinterpret_cast<const char *>(data);
    size_t left = size;
    while (left > 0 && !parser.is_done()) {
        const size_t used = parser.put(boost::asio::const_buffer(p, left), ec);
        if (ec || used == 0)
            break;
        p += used;
        left -= used;
    }
    if (!parser.is_header_done())
        return 0;
    QString detail;
    if (const int status = wire::refusalFor(parser.get(), &detail)) {
        FUZZ_CHECK(!detail.isEmpty());
        HttpResponse refusal = wire::transportProblem(status, detail, QStringLiteral("fuzz"));
        FUZZ_CHECK(refusal.status == status);
        const wire::BeastResponse out
            = wire::toBeastResponse(std::move(refusal), QStringLiteral("fuzz"), false, false, 11);
        FUZZ_CHECK(out.result_int() == unsigned(status));
        return 0;
    }
    if (!parser.is_done())
        return 0;
    FUZZ_CHECK(
        wire::pathForLog(parser.get()).size() <= 203); // the log line holds at most 200 bytes and "..."
    const HttpRequest request
        = wire::toHttpRequest(parser.release(), QStringLiteral("192.0.2.1"), QStringLiteral("fuzz"));
    FUZZ_CHECK(!request.method.isEmpty());
    for (auto it = request.headers.begin(); it != request.headers.end(); ++it)
        FUZZ_CHECK(it.key() == it.key().toLower());
    // The query the handlers read decodes again to the pairs the client sent.
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    FUZZ_CHECK(items.size() <= request.query.query().count(QLatin1Char('=')));
    if (!request.body.isEmpty())
        (void)mailadmin::json::parseObject(request.body);
    return 0;
}
