// The query string of a list request (offset, limit, q, sort and filters) as the handlers read it.
#include "FuzzCheck.h"
#include "http/Call.h"
#include "http/Problem.h"

#include <cstddef>
#include <cstdint>

using namespace mailadmin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    http::HttpRequest request;
    request.method = QStringLiteral("GET");
    request.path = QStringLiteral("/api/v1/users");
    request.query.setQuery(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    http::Call call {request, {}, {}, {}};
    const Result<store::ListQuery> query = call.listQuery({QStringLiteral("fields")});
    if (!query.ok()) {
        FUZZ_CHECK(!query.error().fields.isEmpty());
        FUZZ_CHECK(http::problem(query.error(), QStringLiteral("fuzz")).status == 400);
        return 0;
    }
    const store::ListQuery &q = query.value();
    FUZZ_CHECK(q.limit >= 1 && q.limit <= 1000);
    FUZZ_CHECK(q.offset >= 0 && q.offset <= 100'000'000);
    FUZZ_CHECK(q.q.size() <= 200);
    FUZZ_CHECK(!q.filters.contains(QStringLiteral("fields")));
    return 0;
}
