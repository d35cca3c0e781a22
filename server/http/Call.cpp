#include "Call.h"

#include "Json.h"
#include "Validation.h"

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
    store::ListQuery query;
    QList<FieldError> errors;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    QSet<QString> seen;
    for (const auto &[key, value] : items) {
        if (seen.contains(key)) {
            errors << FieldError {
                key, QStringLiteral("duplicate"), QStringLiteral("Give this parameter once.")};
            continue;
        }
        seen.insert(key);
        if (skip.contains(key))
            continue;
        if (key == QLatin1String("offset") || key == QLatin1String("limit")) {
            bool ok = false;
            const int n = value.toInt(&ok);
            const int max = key == QLatin1String("limit") ? 1000 : 100'000'000;
            const int min = key == QLatin1String("limit") ? 1 : 0;
            if (!ok || n < min || n > max)
                errors << FieldError {key, QStringLiteral("out_of_range"),
                    QStringLiteral("Use a whole number from %1 to %2.").arg(min).arg(max)};
            else if (key == QLatin1String("limit"))
                query.limit = n;
            else
                query.offset = n;
        } else if (key == QLatin1String("q")) {
            const QString q = value.trimmed().toLower();
            if (q.size() > 200 || validation::hasControlCharacters(q))
                errors << FieldError {key, QStringLiteral("invalid"),
                    QStringLiteral("Search for at most 200 printable characters.")};
            else
                query.q = q;
        } else if (key == QLatin1String("sort")) {
            query.descending = value.startsWith(QLatin1Char('-'));
            query.sort = query.descending ? value.mid(1) : value;
        } else {
            if (value.size() > 300 || validation::hasControlCharacters(value))
                errors << FieldError {
                    key, QStringLiteral("invalid"), QStringLiteral("This value is not valid.")};
            else
                query.filters.insert(key, value);
        }
    }
    if (!errors.isEmpty()) {
        Error e = Error::make(ErrorKind::Malformed, QStringLiteral("The list parameters are not valid."));
        e.fields = errors;
        return e;
    }
    return query;
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
