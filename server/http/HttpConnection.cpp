#include "http/HttpConnection.h"

#include "http/Api.h"
#include "http/ConnectionTracker.h"
#include "http/HttpLog.h"
#include "http/HttpServer.h"
#include "http/WireFormat.h"

#include <QElapsedTimer>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <optional>

namespace mailadmin::http {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;
using std::chrono::seconds;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// After an answer that closes the connection, what the client still sends is read and dropped for a
// moment, so that closing does not reset the connection before the client has read the answer.
constexpr auto kLinger = seconds(2);
constexpr size_t kMaxLingerBytes = 64 * 1024 * 1024;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A malformed request, as opposed to a client that went away or a socket that failed.
bool isParseError(const error_code &ec)
{
    return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()
        && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

template<class Stream>
class Connection final : public TrackedConnection, public std::enable_shared_from_this<Connection<Stream>>
{
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

public:
    template<class... StreamArgs>
    Connection(const ConnectionEnvironment &env, QString remote, StreamArgs &&...streamArgs)
        : m_env(env), m_remote(std::move(remote)), m_stream(std::forward<StreamArgs>(streamArgs)...)
    { }

    ~Connection() override
    {
        if (m_handle)
            m_env.tracker.remove(*m_handle);
    }

    void start()
    {
        m_handle = m_env.tracker.add(this->shared_from_this());
        net::dispatch(tcp().get_executor(), [self = this->shared_from_this()] { self->begin(); });
    }

    void close() override
    {
        net::post(tcp().get_executor(), [self = this->shared_from_this()] {
            self->m_closing = true;
            self->tcp().close();
        });
    }

private:
    beast::tcp_stream &tcp() { return beast::get_lowest_layer(m_stream); }
    const ServerOptions &options() const { return m_env.options; }

    void begin()
    {
        if constexpr (kTls) {
            waitingSinceNs = nowNs();
            tcp().expires_after(seconds(options().readTimeoutSeconds));
            m_stream.async_handshake(
                net::ssl::stream_base::server, [self = this->shared_from_this()](const error_code &ec) {
                    if (ec)
                        return self->tcp().close();
                    self->readHeader(true);
                });
        } else {
            readHeader(true);
        }
    }

    // The whole header must arrive before its deadline, however slowly it trickles in.
    void readHeader(bool first)
    {
        if (m_closing)
            return;
        m_parser.emplace();
        m_parser->header_limit(std::uint32_t(wire::kMaxHeaderBytes));
        m_parser->body_limit(std::uint64_t(options().maxBodyBytes));
        m_method = QStringLiteral("-");
        m_path = QStringLiteral("-");
        waitingSinceNs = nowNs();
        tcp().expires_after(seconds(first ? options().readTimeoutSeconds : options().keepAliveSeconds));
        bhttp::async_read_header(m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](const error_code &ec, size_t) { self->onHeader(ec); });
    }

    void onHeader(const error_code &ec)
    {
        waitingSinceNs = 0;
        m_timer.start();
        m_requestId = wire::newRequestId();
        if (ec) {
            if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow)
                return refuse(requestLineTooLong() ? 414 : 431,
                    QStringLiteral("The request header is larger than %1 bytes.").arg(wire::kMaxHeaderBytes));
            // A Content-Length past the limit is refused before a byte of the body is read.
            if (ec == bhttp::error::body_limit)
                return refuse(413, QStringLiteral("The request body is larger than this server accepts."));
            if (isParseError(ec))
                return refuse(400,
                    QStringLiteral("The request could not be parsed: %1.")
                        .arg(QString::fromStdString(ec.message())));
            // Gone, idle past the deadline, or closed to make room: nothing to answer.
            return tcp().close();
        }
        const wire::BeastRequest &header = m_parser->get();
        m_method
            = QString::fromLatin1(header.method_string().data(), qsizetype(header.method_string().size()));
        m_path = wire::pathForLog(header);
        QString detail;
        if (const int status = wire::refusalFor(header, &detail))
            return refuse(status, detail);
        if (m_parser->is_done())
            return dispatch();
        const auto expect = header[bhttp::field::expect];
        if (expect.size() == 12 && beast::iequals(expect, "100-continue")) {
            static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
            tcp().expires_after(seconds(options().writeTimeoutSeconds));
            return net::async_write(m_stream, net::buffer(kContinue, sizeof kContinue - 1),
                [self = this->shared_from_this()](const error_code &ec, size_t) {
                    if (ec)
                        return self->tcp().close();
                    self->readBody();
                });
        }
        readBody();
    }

    void readBody()
    {
        tcp().expires_after(seconds(options().bodyTimeoutSeconds));
        bhttp::async_read(m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](const error_code &ec, size_t) { self->onBody(ec); });
    }

    void onBody(const error_code &ec)
    {
        if (ec == bhttp::error::body_limit)
            return refuse(413, QStringLiteral("The request body is larger than this server accepts."));
        if (ec && isParseError(ec))
            return refuse(400,
                QStringLiteral("The request body could not be read: %1.")
                    .arg(QString::fromStdString(ec.message())));
        if (ec)
            return tcp().close();
        dispatch();
    }

    // Hands the request to the Api on this thread and writes its answer; the next request waits for it.
    void dispatch()
    {
        tcp().expires_never();
        wire::BeastRequest request = m_parser->release();
        const bool keepAlive = request.keep_alive() && ++m_served < options().keepAliveRequests && !m_closing;
        const bool head = request.method() == bhttp::verb::head;
        const bool acceptsGzip
            = request[bhttp::field::accept_encoding].find("gzip") != beast::string_view::npos;
        const unsigned version = request.version();
        HttpRequest incoming = wire::toHttpRequest(std::move(request), m_remote, m_requestId);
        HttpResponse answer = m_env.api.handle(incoming);
        if (answer.stream)
            return writeStreamed(std::move(answer), keepAlive, head, version);
        write(wire::toBeastResponse(std::move(answer), m_requestId, acceptsGzip, head, version), keepAlive);
    }

    void write(wire::BeastResponse &&response, bool keepAlive)
    {
        response.keep_alive(keepAlive);
        m_status = response.result_int();
        m_response.emplace(std::move(response));
        tcp().expires_after(seconds(options().writeTimeoutSeconds));
        bhttp::async_write(m_stream, *m_response,
            [self = this->shared_from_this(), keepAlive](
                const error_code &ec, size_t) { self->onWritten(ec, keepAlive); });
    }

    void writeStreamed(HttpResponse &&answer, bool keepAlive, bool head, unsigned version)
    {
        m_chunks = std::move(answer.stream);
        m_streamHeader.emplace(wire::toStreamHeader(answer, m_requestId, version));
        m_streamHeader->keep_alive(keepAlive);
        m_status = m_streamHeader->result_int();
        m_serializer.emplace(*m_streamHeader);
        tcp().expires_after(seconds(options().writeTimeoutSeconds));
        bhttp::async_write_header(m_stream, *m_serializer,
            [self = this->shared_from_this(), keepAlive, head](const error_code &ec, size_t) {
                if (ec || head)
                    return self->onWritten(ec, keepAlive);
                self->writeChunk(keepAlive);
            });
    }

    // Each chunk is made on this connection's turn and written before the next is made.
    void writeChunk(bool keepAlive)
    {
        QByteArray chunk;
        bool more = false;
        try {
            more = m_chunks(chunk);
        } catch (...) {
            qCCritical(lcHttp).noquote() << "request" << m_requestId << "failed while streaming its answer";
            more = false;
        }
        m_chunk.clear();
        if (!chunk.isEmpty())
            m_chunk = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        if (!more)
            m_chunk += "0\r\n\r\n";
        tcp().expires_after(seconds(options().writeTimeoutSeconds));
        net::async_write(m_stream, net::buffer(m_chunk.constData(), size_t(m_chunk.size())),
            [self = this->shared_from_this(), keepAlive, more](const error_code &ec, size_t) {
                if (ec || !more)
                    return self->onWritten(ec, keepAlive);
                self->writeChunk(keepAlive);
            });
    }

    void onWritten(const error_code &ec, bool keepAlive)
    {
        logRequest();
        m_response.reset();
        m_serializer.reset();
        m_streamHeader.reset();
        m_chunks = {};
        if (ec)
            return tcp().close();
        if (!keepAlive || m_closing)
            return closeGracefully();
        readHeader(false);
    }

    // A request the transport refuses: answer, then close, since what follows cannot be trusted to be
    // the start of the next request.
    void refuse(int status, const QString &detail)
    {
        wire::BeastResponse response = wire::toBeastResponse(
            wire::transportProblem(status, detail, m_requestId), m_requestId, false, false, 11);
        write(std::move(response), false);
    }

    // A header cut off by its limit before its first line ended was a URI too long, not too many fields.
    bool requestLineTooLong() const
    {
        const auto data = m_buffer.cdata();
        const beast::string_view text(static_cast<const char *>(data.data()), data.size());
        const size_t lineEnd = text.find("\r\n");
        return lineEnd == beast::string_view::npos ? text.size() > wire::kMaxTargetBytes
                                                   : lineEnd > wire::kMaxTargetBytes;
    }

    void closeGracefully()
    {
        tcp().expires_after(kLinger);
        if constexpr (kTls) {
            m_stream.async_shutdown(
                [self = this->shared_from_this()](const error_code &) { self->tcp().close(); });
        } else {
            error_code ignored;
            tcp().socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
            // Lingering connections are the first to make room at the connection bound.
            waitingSinceNs = 1;
            m_drain = std::make_unique<std::array<char, 16 * 1024>>();
            linger();
        }
    }

    void linger()
    {
        m_stream.async_read_some(
            net::buffer(*m_drain), [self = this->shared_from_this()](const error_code &ec, size_t n) {
                self->m_lingered += n;
                if (ec || self->m_lingered > kMaxLingerBytes)
                    return self->tcp().close();
                self->linger();
            });
    }

    void logRequest()
    {
        // Never the query string, headers or body: they may carry passwords or tokens.
        qCInfo(lcHttp).noquote() << m_requestId << m_method << m_path << m_status
                                 << QStringLiteral("%1ms").arg(
                                        double(m_timer.nsecsElapsed()) / 1e6, 0, 'f', 1);
    }

    ConnectionEnvironment m_env;
    QString m_remote;
    Stream m_stream;
    std::optional<ConnectionTracker::Handle> m_handle;
    // Room for a whole header and one read: the body moves out of it as it arrives, and a chunk line that
    // never ends is refused at this size instead of growing without bound.
    beast::flat_buffer m_buffer {wire::kMaxHeaderBytes + 64 * 1024};
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    std::optional<wire::BeastResponse> m_response;
    std::optional<wire::BeastStreamHeader> m_streamHeader;
    std::optional<bhttp::response_serializer<bhttp::empty_body>> m_serializer;
    std::function<bool(QByteArray &)> m_chunks;
    QByteArray m_chunk;
    std::unique_ptr<std::array<char, 16 * 1024>> m_drain;
    size_t m_lingered = 0;
    QElapsedTimer m_timer;
    QString m_requestId;
    QString m_method;
    QString m_path;
    unsigned m_status = 0;
    int m_served = 0;
    bool m_closing = false;
};

} // namespace

void serveConnection(net::ip::tcp::socket socket, net::ssl::context *tls, const ConnectionEnvironment &env)
{
    error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    const QString remote = ec ? QString() : QString::fromStdString(endpoint.address().to_string());
    socket.set_option(net::ip::tcp::no_delay(true), ec);
    if (tls) {
        std::make_shared<Connection<TlsStream>>(env, remote, std::move(socket), *tls)->start();
    } else {
        std::make_shared<Connection<PlainStream>>(env, remote, std::move(socket))->start();
    }
}

} // namespace mailadmin::http
