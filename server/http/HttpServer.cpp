#include "HttpServer.h"

#include "Api.h"
#include "Problem.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QUuid>

#include <httplib.h>
#include <zlib.h>

Q_LOGGING_CATEGORY(lcHttp, "mailadmind.http")

namespace mailadmin::http {

namespace {

// Per-request state between the pre-routing hook and the logger, which run on the same worker thread.
struct RequestState
{
    QElapsedTimer timer;
    QString id;
};
thread_local RequestState t_request;

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(16);
}

// gzip at a fast level. The library's own compression would pick brotli at its slowest setting for any
// client that offers it (Qt's does): 70 ms for a small answer, 160 ms for a page of users.
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

void applyResponse(const HttpResponse &from, httplib::Response &to, bool acceptsGzip)
{
    to.status = from.status;
    for (const auto &[name, value] : from.headers)
        to.set_header(name.toStdString(), value.toStdString());
    if (from.contentType.isEmpty())
        return;
    if (from.stream) {
        auto stream = from.stream;
        to.set_chunked_content_provider(
            from.contentType.toStdString(), [stream](size_t, httplib::DataSink &sink) {
                QByteArray chunk;
                const bool more = stream(chunk);
                if (!chunk.isEmpty() && !sink.write(chunk.constData(), size_t(chunk.size())))
                    return false;
                if (!more)
                    sink.done();
                return true;
            });
        return;
    }
    // The charset parameter also keeps the library from compressing on its own (it matches bare types only).
    QByteArray type = from.contentType;
    if (type == "application/json")
        type += "; charset=utf-8";
    if (acceptsGzip && from.body.size() > 1024) {
        const QByteArray packed = gzip(from.body);
        if (!packed.isEmpty()) {
            to.set_header("Content-Encoding", "gzip");
            to.set_header("Vary", "Accept-Encoding");
            to.set_content(packed.constData(), size_t(packed.size()), type.constData());
            return;
        }
    }
    to.set_content(from.body.constData(), size_t(from.body.size()), type.constData());
}

bool acceptsGzip(const httplib::Request &req)
{
    return req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
}

} // namespace

HttpServer::HttpServer(Api &api, ServerOptions options) : m_api(api), m_options(std::move(options)) { }

HttpServer::~HttpServer()
{
    stop();
}

Result<int> HttpServer::bind()
{
    if (!m_options.tlsCertificate.isEmpty() || !m_options.tlsKey.isEmpty()) {
        for (const QString &file : {m_options.tlsCertificate, m_options.tlsKey}) {
            if (file.isEmpty() || !QFileInfo(file).isReadable())
                return Error::make(ErrorKind::Invalid,
                    QStringLiteral("Cannot read the TLS file '%1'; give both --tls-cert and --tls-key.")
                        .arg(file));
        }
        auto tls = std::make_unique<httplib::SSLServer>(
            m_options.tlsCertificate.toLocal8Bit().constData(), m_options.tlsKey.toLocal8Bit().constData());
        if (!tls->is_valid())
            return Error::make(ErrorKind::Invalid,
                QStringLiteral("The TLS certificate or key is not valid or they do not match."));
        m_server = std::move(tls);
    } else {
        m_server = std::make_unique<httplib::Server>();
    }
    httplib::Server &server = *m_server;
    const int threads = m_options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    server.set_payload_max_length(m_options.maxBodyBytes);
    server.set_read_timeout(m_options.readTimeoutSeconds, 0);
    server.set_write_timeout(m_options.writeTimeoutSeconds, 0);
    server.set_keep_alive_max_count(size_t(m_options.keepAliveRequests));
    server.set_keep_alive_timeout(5);
    server.set_tcp_nodelay(true);

    server.set_pre_routing_handler([](const httplib::Request &, httplib::Response &res) {
        t_request.timer.start();
        t_request.id = newRequestId();
        res.set_header("X-Request-Id", t_request.id.toStdString());
        return httplib::Server::HandlerResponse::Unhandled;
    });

    const auto dispatch = [this](const httplib::Request &req, httplib::Response &res) {
        HttpRequest request;
        request.method = QString::fromStdString(req.method);
        request.path = QString::fromStdString(req.path);
        QString query;
        for (const auto &[key, value] : req.params) {
            if (!query.isEmpty())
                query += QLatin1Char('&');
            query += QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(key)))
                + QLatin1Char('=')
                + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(value)));
        }
        request.query = QUrlQuery(query);
        for (const auto &[name, value] : req.headers)
            request.headers.insert(
                QByteArray::fromStdString(name).toLower(), QByteArray::fromStdString(value));
        request.body = QByteArray::fromStdString(req.body);
        request.remoteAddress = QString::fromStdString(req.remote_addr);
        request.requestId = t_request.id;
        applyResponse(m_api.handle(request), res, acceptsGzip(req));
    };
    const char *everything = R"(/.*)";
    server.Get(everything, dispatch);
    server.Post(everything, dispatch);
    server.Put(everything, dispatch);
    server.Patch(everything, dispatch);
    server.Delete(everything, dispatch);
    server.Options(everything, dispatch);

    // Errors the library raises itself (413, 400 for unreadable requests) still answer as problem documents.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request &, httplib::Response &res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            QString detail;
            if (res.status == 413)
                detail = QStringLiteral("The request body is larger than this server accepts.");
            else if (res.status == 400)
                detail = QStringLiteral("The request could not be parsed.");
            const HttpResponse p = problemForStatus(res.status, detail, t_request.id);
            applyResponse(p, res, false);
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        applyResponse(
            problem(Error::internal(QStringLiteral("exception in transport")), t_request.id), res, false);
    });
    server.set_logger([](const httplib::Request &req, const httplib::Response &res) {
        // Never the query string, headers or body: they may carry passwords or tokens.
        qCInfo(lcHttp).noquote() << t_request.id << QString::fromStdString(req.method)
                                 << QString::fromStdString(req.path) << res.status
                                 << QStringLiteral("%1ms").arg(
                                        double(t_request.timer.nsecsElapsed()) / 1e6, 0, 'f', 1);
    });

    const QByteArray host = m_options.host.toLatin1();
    if (m_options.port == 0) {
        m_port = server.bind_to_any_port(host.constData());
        if (m_port <= 0)
            return Error::make(
                ErrorKind::Unavailable, QStringLiteral("Cannot listen on %1.").arg(m_options.host));
    } else {
        if (!server.bind_to_port(host.constData(), m_options.port))
            return Error::make(ErrorKind::Unavailable,
                QStringLiteral("Cannot listen on %1:%2 — is the port in use or the address not local?")
                    .arg(m_options.host)
                    .arg(m_options.port));
        m_port = m_options.port;
    }
    return m_port;
}

void HttpServer::run()
{
    if (m_server)
        m_server->listen_after_bind();
}

void HttpServer::stop()
{
    if (m_server && m_server->is_running())
        m_server->stop();
}

} // namespace mailadmin::http
