#include "http/HttpServer.h"

#include "http/ConnectionTracker.h"
#include "http/HttpConnection.h"
#include "http/HttpLog.h"

#include <QFileInfo>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <openssl/ssl.h>

#include <sys/resource.h>

#include <atomic>
#include <optional>
#include <thread>
#include <mutex>
#include <vector>

namespace mailadmin::http {

namespace {

namespace net = boost::asio;
using boost::system::error_code;
using net::ip::tcp;

// Forward secrecy and authenticated encryption only: ECDHE key exchange with GCM or ChaCha20-Poly1305 for
// TLS 1.2 (no static RSA, no CBC), and the AEAD suites of TLS 1.3.
constexpr const char *kTls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                      "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
constexpr const char *kTls13Suites
    = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";

// Descriptors beyond the connections: database files per worker thread, logs, the listening socket.
constexpr rlim_t kSpareDescriptors = 512;

Result<std::unique_ptr<net::ssl::context>> makeTlsContext(const ServerOptions &options)
{
    for (const QString &file : {options.tlsCertificate, options.tlsKey}) {
        if (file.isEmpty() || !QFileInfo(file).isReadable())
            return Error::make(ErrorKind::Invalid,
                QStringLiteral("Cannot read the TLS file '%1'; give both --tls-cert and --tls-key.")
                    .arg(file));
    }
    auto context = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
    context->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_compression
        | net::ssl::context::no_sslv2 | net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1
        | net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
    SSL_CTX *native = context->native_handle();
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1
        || SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1
        || SSL_CTX_set_ciphersuites(native, kTls13Suites) != 1)
        return Error::make(
            ErrorKind::Unavailable, QStringLiteral("This OpenSSL cannot offer the TLS ciphers."));
    error_code ec;
    context->use_certificate_chain_file(options.tlsCertificate.toStdString(), ec);
    if (!ec)
        context->use_private_key_file(options.tlsKey.toStdString(), net::ssl::context::pem, ec);
    if (ec || SSL_CTX_check_private_key(native) != 1)
        return Error::make(ErrorKind::Invalid,
            QStringLiteral("The TLS certificate or key is not valid or they do not match."));
    return context;
}

} // namespace

struct HttpServer::Private
{
    Private(Api &api, ServerOptions serverOptions)
        : options(std::move(serverOptions))
        , environment {api, options, tracker}
        , io(std::max(1, options.threads))
        , acceptor(net::make_strand(io))
        , retry(acceptor.get_executor())
    { }

    void accept();

    ServerOptions options;
    // Declared before the event loop: connections it still holds when it goes remove themselves from the
    // tracker and use the TLS context.
    ConnectionTracker tracker;
    std::shared_ptr<net::ssl::context> tls;
    // Contexts replaced by a reload, kept while connections made with them may still use them.
    std::vector<std::shared_ptr<net::ssl::context>> retiredTls;
    std::mutex tlsMutex;
    ConnectionEnvironment environment;
    net::io_context io;
    tcp::acceptor acceptor;
    net::steady_timer retry;
    std::atomic<bool> stopped {false};
};

void HttpServer::Private::accept()
{
    acceptor.async_accept(net::make_strand(io), [this](const error_code &ec, tcp::socket socket) {
        if (ec == net::error::operation_aborted || !acceptor.is_open())
            return;
        if (ec) {
            // Out of descriptors, most likely: try again shortly instead of spinning.
            qCWarning(lcHttp) << "accepting a connection failed:" << ec.message().c_str();
            retry.expires_after(std::chrono::milliseconds(100));
            retry.async_wait([this](const error_code &waited) {
                if (!waited)
                    accept();
            });
            return;
        }
        // At the bound a waiting connection makes room; when every one is busy the new one is refused.
        if (tracker.count() >= size_t(options.maxConnections) && !tracker.evictLongestWaiting()) {
            error_code ignored;
            socket.close(ignored);
        } else {
            net::ssl::context *context = nullptr;
            {
                std::lock_guard lock(tlsMutex);
                context = tls.get();
            }
            serveConnection(std::move(socket), context, environment);
        }
        accept();
    });
}

HttpServer::HttpServer(Api &api, ServerOptions options)
    : d(std::make_unique<Private>(api, std::move(options)))
{ }

HttpServer::~HttpServer()
{
    stop();
}

Status HttpServer::reloadTls(const QString &certificate, const QString &key)
{
    {
        std::lock_guard lock(d->tlsMutex);
        if (!d->tls)
            return Error::make(ErrorKind::Invalid, QStringLiteral("This server does not serve HTTPS."));
    }
    ServerOptions files = d->options;
    files.tlsCertificate = certificate;
    files.tlsKey = key;
    Result<std::unique_ptr<net::ssl::context>> fresh = makeTlsContext(files);
    if (!fresh.ok())
        return fresh.error();
    std::lock_guard lock(d->tlsMutex);
    d->retiredTls.push_back(std::move(d->tls));
    d->tls = std::move(fresh.value());
    return Status::success();
}

Result<int> HttpServer::bind()
{
    ServerOptions &options = d->options;
    if (!options.tlsCertificate.isEmpty() || !options.tlsKey.isEmpty()) {
        Result<std::unique_ptr<net::ssl::context>> tls = makeTlsContext(options);
        if (!tls.ok())
            return tls.error();
        d->tls = std::move(tls.value());
    }

    // Each connection is a descriptor: make room for the bound, or lower the bound to what there is.
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        const rlim_t wanted = rlim_t(options.maxConnections) + kSpareDescriptors;
        if (limit.rlim_cur < wanted) {
            limit.rlim_cur = std::min(wanted, limit.rlim_max);
            setrlimit(RLIMIT_NOFILE, &limit);
            getrlimit(RLIMIT_NOFILE, &limit);
        }
        if (limit.rlim_cur < wanted) {
            options.maxConnections
                = int(std::max<rlim_t>(16, limit.rlim_cur - std::min(limit.rlim_cur, kSpareDescriptors)));
            qCWarning(lcHttp) << "serving at most" << options.maxConnections
                              << "connections: the limit of open files is" << limit.rlim_cur;
        }
    }

    const QString where = QStringLiteral("%1:%2").arg(options.host).arg(options.port);
    error_code ec;
    tcp::resolver resolver(d->io);
    const auto endpoints = resolver.resolve(options.host.toStdString(), std::to_string(options.port),
        tcp::resolver::numeric_service | tcp::resolver::passive, ec);
    if (ec || endpoints.empty())
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("Cannot listen on %1: %2 is not an address of this machine.")
                .arg(where, options.host));
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    tcp::acceptor &acceptor = d->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    // SO_REUSEADDR lets a restarted server bind past connections in TIME_WAIT; unlike SO_REUSEPORT it never
    // lets a second server share a port that one is listening on.
    if (!ec)
        acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (ec == net::error::address_in_use)
        return Error::make(
            ErrorKind::Unavailable, QStringLiteral("Cannot listen on %1: port in use.").arg(where));
    if (ec == boost::system::errc::address_not_available)
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("Cannot listen on %1: %2 is not an address of this machine.")
                .arg(where, options.host));
    if (!ec)
        acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("Cannot listen on %1: %2.").arg(where, QString::fromStdString(ec.message())));
    m_port = acceptor.local_endpoint().port();
    return m_port;
}

void HttpServer::run()
{
    if (!d->acceptor.is_open() || d->stopped)
        return;
    net::post(d->acceptor.get_executor(), [this] { d->accept(); });
    std::vector<std::thread> workers;
    for (int i = 1; i < d->options.threads; ++i)
        workers.emplace_back([this] { d->io.run(); });
    d->io.run();
    for (std::thread &worker : workers)
        worker.join();
}

void HttpServer::stop()
{
    if (d->stopped.exchange(true))
        return;
    d->tracker.closeAll();
    d->io.stop();
}

} // namespace mailadmin::http
