#include "http/WireFormat.h"

#include "Json.h"
#include "http/Problem.h"

#include <QUrl>
#include <QUuid>

#include <zlib.h>

namespace mailadmin::http::wire {

namespace bhttp = boost::beast::http;

namespace {

QByteArray bytes(boost::beast::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

QByteArray normalized(boost::beast::string_view view)
{
    return bytes(view).trimmed().toLower();
}

// Query values decode '+' as a space, as HTML forms and most clients write them.
QByteArray decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

// gzip at a fast level: a small answer costs well under a millisecond, a page of users a few.
QByteArray gzip(const QByteArray &data)
{
    z_stream stream {};
    if (deflateInit2(&stream, 4, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    const qsizetype produced = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return {};
    out.resize(produced);
    return out;
}

struct TransportKind
{
    int status;
    const char *slug;
    const char *title;
};
// Statuses only the transport gives; the rest come from the one error table in Problem.
constexpr TransportKind kTransportKinds[] = {
    {414, "uri-too-long", "The request URI is too long"},
    {415, "unsupported-content-encoding", "Compressed request bodies are not accepted"},
    {431, "header-too-large", "The request header is too large"},
    {501, "not-implemented", "Not implemented"},
};

} // namespace

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(16);
}

HttpRequest toHttpRequest(BeastRequest &&from, const QString &remoteAddress, const QString &requestId)
{
    HttpRequest request;
    request.method = QString::fromLatin1(bytes(from.method_string()));
    const QByteArray target = bytes(from.target());
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.first(question);
    request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(path));
    if (question >= 0) {
        QString query;
        for (const QByteArray &pair : target.mid(question + 1).split('&')) {
            const qsizetype equals = pair.indexOf('=');
            const QByteArray key = decodeQueryPart(equals < 0 ? pair : pair.first(equals));
            if (key.isEmpty())
                continue;
            const QByteArray value = equals < 0 ? QByteArray() : decodeQueryPart(pair.mid(equals + 1));
            if (!query.isEmpty())
                query += QLatin1Char('&');
            query += QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(key))) + QLatin1Char('=')
                + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(value)));
        }
        request.query = QUrlQuery(query);
    }
    for (const auto &field : from)
        request.headers.insert(bytes(field.name_string()).toLower(), bytes(field.value()));
    std::string &body = from.body();
    request.body = QByteArray(body.data(), qsizetype(body.size()));
    request.remoteAddress = remoteAddress;
    request.requestId = requestId;
    return request;
}

int refusalFor(const BeastRequest &header, QString *detail)
{
    if (header.target().size() > kMaxTargetBytes) {
        *detail = QStringLiteral("The request URI is longer than %1 bytes.").arg(kMaxTargetBytes);
        return 414;
    }
    size_t count = 0;
    for (const auto &field : header) {
        if (++count > kMaxFieldCount) {
            *detail = QStringLiteral("The request has more than %1 header lines.").arg(kMaxFieldCount);
            return 431;
        }
        if (field.name_string().size() + 2 + field.value().size() > kMaxFieldLineBytes) {
            *detail = QStringLiteral("A header line is longer than %1 bytes.").arg(kMaxFieldLineBytes);
            return 431;
        }
    }
    // A compressed body would grow past the body limit only after it was accepted: never inflate one.
    const bool encoded = header.count(bhttp::field::content_encoding) > 0
        && normalized(header[bhttp::field::content_encoding]) != "identity";
    const bool transferEncoded = header.count(bhttp::field::transfer_encoding) > 0
        && normalized(header[bhttp::field::transfer_encoding]) != "chunked";
    if (encoded || transferEncoded) {
        *detail = QStringLiteral("Send the request body uncompressed, without Content-Encoding.");
        return 415;
    }
    // Both framings at once are how one request is smuggled inside another.
    if (header.count(bhttp::field::transfer_encoding) > 0 && header.count(bhttp::field::content_length) > 0) {
        *detail = QStringLiteral("A request carries either Content-Length or Transfer-Encoding, not both.");
        return 400;
    }
    return 0;
}

HttpResponse transportProblem(int status, const QString &detail, const QString &requestId)
{
    for (const TransportKind &k : kTransportKinds) {
        if (k.status != status)
            continue;
        const QJsonObject body {
            {QStringLiteral("type"),
                QString(QStringLiteral("urn:mailadmin:problem:") + QLatin1String(k.slug))},
            {QStringLiteral("title"), QString::fromLatin1(k.title)},
            {QStringLiteral("status"), k.status},
            {QStringLiteral("instance"), requestId},
            {QStringLiteral("detail"), detail},
        };
        HttpResponse response;
        response.status = status;
        response.contentType = "application/problem+json";
        response.body = json::compact(body);
        return response;
    }
    return problemForStatus(status, detail, requestId);
}

namespace {

// Status, request id, the handler's headers and the content type, alike for whole and streamed answers.
template<class Message> void setHeader(Message &to, const HttpResponse &from, const QString &requestId)
{
    to.result(unsigned(from.status));
    to.set("X-Request-Id", requestId.toStdString());
    for (const auto &[name, value] : from.headers)
        to.insert(name.toStdString(), value.toStdString());
    if (from.contentType.isEmpty())
        return;
    QByteArray type = from.contentType;
    if (type == "application/json")
        type += "; charset=utf-8";
    to.set(bhttp::field::content_type, type.toStdString());
}

} // namespace

BeastResponse toBeastResponse(
    HttpResponse &&from, const QString &requestId, bool acceptsGzip, bool headOnly, unsigned version)
{
    BeastResponse to;
    to.version(version);
    const bool mayHaveBody = from.status >= 200 && from.status != 204 && from.status != 304;
    if (!mayHaveBody) {
        from.contentType.clear();
        from.body.clear();
    }
    setHeader(to, from, requestId);
    if (!mayHaveBody)
        return to;
    QByteArray body = std::move(from.body);
    if (acceptsGzip && body.size() > 1024 && !from.contentType.isEmpty()) {
        QByteArray packed = gzip(body);
        if (!packed.isEmpty()) {
            to.set(bhttp::field::content_encoding, "gzip");
            to.set(bhttp::field::vary, "Accept-Encoding");
            body = std::move(packed);
        }
    }
    to.content_length(quint64(body.size()));
    if (!headOnly)
        to.body().assign(body.constData(), size_t(body.size()));
    return to;
}

BeastStreamHeader toStreamHeader(const HttpResponse &from, const QString &requestId, unsigned version)
{
    BeastStreamHeader to;
    to.version(version);
    setHeader(to, from, requestId);
    to.chunked(true);
    return to;
}

QString pathForLog(const BeastRequest &request)
{
    QByteArray target = bytes(request.target());
    if (const qsizetype question = target.indexOf('?'); question >= 0)
        target.truncate(question);
    if (target.size() > 200)
        target = target.left(200) + "...";
    return QString::fromUtf8(QByteArray::fromPercentEncoding(target));
}

} // namespace mailadmin::http::wire
