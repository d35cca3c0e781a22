#pragma once

#include "Result.h"
#include "auth/Actor.h"
#include "http/HttpTypes.h"
#include "http/Problem.h"
#include "store/ListQuery.h"
#include "store/Table.h"

#include <QJsonObject>

#include <optional>
#include <type_traits>

namespace mailadmin::http {

// One routed request with its signed-in actor, and the helpers handlers use to read it and answer.
struct Call
{
    HttpRequest &request;
    auth::Actor actor;
    QJsonObject body; // parsed JSON body ({} when there was none)
    std::optional<int> expectedVersion; // from If-Match

    QString param(const QString &name) const { return request.params.value(name); }
    // A numeric path parameter; 0 when it is not a positive integer (which then matches nothing).
    qint64 id(const QString &name) const;
    // offset, limit, q and sort from the query string; other parameters become filters unless listed in
    // `skip`.
    Result<store::ListQuery> listQuery(const QStringList &skip = {}) const;
};

HttpResponse jsonResponse(const QJsonObject &object, int status = 200);
HttpResponse recordResponse(const store::Record &record, int status = 200);
HttpResponse pageResponse(const store::Page &page);
HttpResponse noContent();

// A service result as the answer: its problem, the record with its ETag, a page, or a JSON object.
template<typename T> HttpResponse answer(const Result<T> &result, const Call &call, int status = 200)
{
    if (!result.ok())
        return problem(result.error(), call.request.requestId);
    if constexpr (std::is_same_v<T, store::Record>)
        return recordResponse(result.value(), status);
    else if constexpr (std::is_same_v<T, store::Page>)
        return pageResponse(result.value());
    else
        return jsonResponse(result.value(), status);
}

// 204, or the problem of a failed operation.
inline HttpResponse answer(const Status &status, const Call &call)
{
    return status.ok() ? noContent() : problem(status.error(), call.request.requestId);
}

} // namespace mailadmin::http
