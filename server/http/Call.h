#pragma once

#include "Actor.h"
#include "HttpTypes.h"
#include "ListQuery.h"
#include "Result.h"
#include "Table.h"

#include <QJsonObject>

#include <optional>

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

} // namespace mailadmin::http
