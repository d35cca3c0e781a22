#include "http/Call.h"

#include "Json.h"
#include "http/QueryParameters.h"

#include <QJsonArray>

namespace mailadmin::http {

qint64 Call::id(const QString &name) const
{
    bool ok = false;
    const qint64 n = param(name).toLongLong(&ok);
    return ok && n > 0 ? n : 0;
}

Result<store::ListQuery> Call::listQuery(const QStringList &skip) const
{
    return readListQuery(request.query, skip);
}

HttpResponse jsonResponse(const QJsonObject &object, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = json::compact(object);
    return r;
}

HttpResponse recordResponse(const store::Record &record, int status)
{
    HttpResponse r = jsonResponse(record.data, status);
    if (record.version > 0)
        r.setHeader("ETag", '"' + QByteArray::number(record.version) + '"');
    return r;
}

HttpResponse pageResponse(const store::Page &page)
{
    if (!page.rendered.isEmpty()) {
        HttpResponse r;
        qsizetype size = 64;
        for (const QByteArray &row : page.rendered)
            size += row.size() + 1;
        r.body.reserve(size);
        r.body += "{\"items\":[";
        for (qsizetype i = 0; i < page.rendered.size(); ++i) {
            if (i > 0)
                r.body += ',';
            r.body += page.rendered.at(i);
        }
        r.body += "],\"total\":" + QByteArray::number(page.total) + ",\"offset\":"
            + QByteArray::number(page.offset) + ",\"limit\":" + QByteArray::number(page.limit) + '}';
        return r;
    }
    QJsonArray items;
    for (const store::Record &r : page.items)
        items.append(r.data);
    return jsonResponse(
        QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), double(page.total)},
            {QStringLiteral("offset"), page.offset}, {QStringLiteral("limit"), page.limit}});
}

HttpResponse noContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

} // namespace mailadmin::http
