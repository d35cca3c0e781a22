#include "mail/PolicyServer.h"

#include "mail/OutboundPolicy.h"
#include "service/ServiceLog.h"

#include <QFile>

#include <boost/asio.hpp>

#include <thread>
#include <vector>

namespace mailadmin::mail {

namespace asio = boost::asio;

namespace {

// Splits one request ("name=value" lines) into its attributes. A line without '=' makes the request
// malformed; it is still answered (DUNNO), since Postfix waits for an answer to every request.
bool parseRequest(const QByteArray &text, OutboundPolicy::Attributes &out)
{
    bool wellFormed = true;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.isEmpty())
            continue;
        const qsizetype eq = l.indexOf('=');
        if (eq <= 0) {
            wellFormed = false;
            continue;
        }
        out.insert(l.first(eq), l.sliced(eq + 1));
    }
    return wellFormed;
}

template<typename Protocol> class Session : public std::enable_shared_from_this<Session<Protocol>>
{
public:
    Session(typename Protocol::socket socket, OutboundPolicy &policy, int idleSeconds)
        : m_socket(std::move(socket)), m_timer(m_socket.get_executor()), m_policy(policy), m_idle(idleSeconds)
    { }

    void start() { read(); }

private:
    void read()
    {
        m_timer.expires_after(std::chrono::seconds(m_idle));
        m_timer.async_wait([self = this->shared_from_this()](const boost::system::error_code &ec) {
            if (!ec)
                self->close();
        });
        m_socket.async_read_some(asio::buffer(m_chunk),
            [self = this->shared_from_this()](const boost::system::error_code &ec, std::size_t n) {
                self->m_timer.cancel();
                if (ec)
                    return self->close(); // end of the connection; a cut request gets no answer
                self->m_buffer.append(self->m_chunk.data(), qsizetype(n));
                self->answer();
            });
    }

    // Answers every complete request in the buffer, in order (Postfix sends one at a time, but a client may
    // pipeline). A counted message is answered once its count is committed: the rest waits for it.
    void answer()
    {
        for (;;) {
            qsizetype end = m_buffer.indexOf("\n\n");
            qsizetype skip = 2;
            if (const qsizetype crlf = m_buffer.indexOf("\r\n\r\n"); crlf >= 0 && (end < 0 || crlf < end)) {
                end = crlf;
                skip = 4;
            }
            // An empty line alone is an empty request, answered like any other.
            if (m_buffer.startsWith('\n') || m_buffer.startsWith("\r\n")) {
                end = 0;
                skip = m_buffer.startsWith('\n') ? 1 : 2;
            }
            if (end < 0)
                break;
            m_attributes.clear();
            const bool wellFormed = parseRequest(m_buffer.first(end), m_attributes);
            m_buffer.remove(0, end + skip);
            if (!wellFormed) {
                qCWarning(lcPolicy) << "malformed policy request answered DUNNO";
                append(QByteArrayLiteral("DUNNO"));
                continue;
            }
            std::optional<QByteArray> action
                = m_policy.decide(m_attributes, [self = this->shared_from_this()](QByteArray later) {
                      asio::post(self->m_socket.get_executor(), [self, later = std::move(later)] {
                          self->append(later);
                          self->answer();
                      });
                  });
            if (!action)
                return;
            append(*action);
        }
        QByteArray reply = std::exchange(m_pending, {});
        const bool tooLarge = m_buffer.size() > PolicyServer::kMaxRequest;
        if (tooLarge) {
            qCWarning(lcPolicy) << "policy request over" << PolicyServer::kMaxRequest << "bytes; closing";
            reply += QByteArrayLiteral("action=DEFER_IF_PERMIT 4.3.0 Policy request too large\n\n");
            m_buffer.clear();
        }
        if (reply.isEmpty())
            return read();
        m_reply = reply;
        asio::async_write(m_socket, asio::buffer(m_reply.constData(), size_t(m_reply.size())),
            [self = this->shared_from_this(), tooLarge](const boost::system::error_code &ec, std::size_t) {
                if (ec || tooLarge)
                    return self->close();
                self->read();
            });
    }

    void append(const QByteArray &action)
    {
        m_pending += QByteArrayLiteral("action=");
        m_pending += action;
        m_pending += QByteArrayLiteral("\n\n");
    }

    void close()
    {
        boost::system::error_code ignored;
        m_timer.cancel();
        m_socket.shutdown(asio::socket_base::shutdown_both, ignored);
        m_socket.close(ignored);
    }

    typename Protocol::socket m_socket;
    asio::steady_timer m_timer;
    OutboundPolicy &m_policy;
    int m_idle;
    std::array<char, 4096> m_chunk {};
    QByteArray m_buffer, m_reply, m_pending;
    OutboundPolicy::Attributes m_attributes;
};

template<typename Protocol> class Listener : public std::enable_shared_from_this<Listener<Protocol>>
{
public:
    Listener(
        asio::io_context &io, typename Protocol::acceptor acceptor, OutboundPolicy &policy, int idle)
        : m_io(io), m_acceptor(std::move(acceptor)), m_policy(policy), m_idle(idle)
    { }
    void accept()
    {
        m_acceptor.async_accept(asio::make_strand(m_io),
            [self = this->shared_from_this()](
                const boost::system::error_code &ec, typename Protocol::socket s) {
                if (ec == asio::error::operation_aborted || !self->m_acceptor.is_open())
                    return;
                if (!ec)
                    std::make_shared<Session<Protocol>>(std::move(s), self->m_policy, self->m_idle)->start();
                self->accept();
            });
    }
    void close()
    {
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
    }

private:
    asio::io_context &m_io;
    typename Protocol::acceptor m_acceptor;
    OutboundPolicy &m_policy;
    int m_idle;
};

} // namespace

struct PolicyServer::Impl
{
    Impl(store::Database &db, Options o) : policy(db), options(std::move(o)) { }
    // The io_context outlives the policy, whose committing thread may still post answers while it stops.
    asio::io_context io;
    OutboundPolicy policy;
    Options options;
    std::shared_ptr<Listener<asio::ip::tcp>> tcp;
    std::shared_ptr<Listener<asio::local::stream_protocol>> local;
    std::vector<std::thread> threads;
    QString socketPath;
};

PolicyServer::PolicyServer(store::Database &db, Options options)
    : d(std::make_unique<Impl>(db, std::move(options)))
{ }

PolicyServer::~PolicyServer()
{
    stop();
}

Result<int> PolicyServer::start()
{
    boost::system::error_code ec;
    int port = 0;
    const QString listen = d->options.listen;
    if (listen.startsWith(QLatin1String("unix:"))) {
        d->socketPath = listen.mid(5);
        // A socket left by a server that did not stop cleanly is replaced.
        QFile::remove(d->socketPath);
        asio::local::stream_protocol::acceptor acceptor(d->io);
        const asio::local::stream_protocol::endpoint endpoint(d->socketPath.toStdString());
        if (!acceptor.open(endpoint.protocol(), ec) && !acceptor.bind(endpoint, ec)
            && !acceptor.listen(512, ec)) {
            // Postfix's smtpd connects as its own user; keep the socket in a folder only it can reach.
            QFile::setPermissions(d->socketPath,
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                    | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther);
            d->local = std::make_shared<Listener<asio::local::stream_protocol>>(
                d->io, std::move(acceptor), d->policy, d->options.idleSeconds);
        }
    } else {
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int wanted = listen.mid(colon + 1).toInt(&ok);
        const auto address = asio::ip::make_address(listen.left(colon).toStdString(), ec);
        if (colon <= 0 || !ok || wanted < 0 || wanted > 65535 || ec)
            return Error::make(ErrorKind::Invalid,
                QStringLiteral("The policy service listens on host:port or unix:PATH, not '%1'.")
                    .arg(listen));
        asio::ip::tcp::acceptor acceptor(d->io);
        const asio::ip::tcp::endpoint endpoint(address, static_cast<unsigned short>(wanted));
        // No SO_REUSEPORT: a port another process holds is an error, not a shared port.
        if (!acceptor.open(endpoint.protocol(), ec)
            && !acceptor.set_option(asio::socket_base::reuse_address(true), ec)
            && !acceptor.bind(endpoint, ec) && !acceptor.listen(512, ec)) {
            port = acceptor.local_endpoint().port();
            d->tcp = std::make_shared<Listener<asio::ip::tcp>>(
                d->io, std::move(acceptor), d->policy, d->options.idleSeconds);
        }
    }
    if (ec)
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("The policy service cannot listen on %1: %2")
                .arg(listen, QString::fromStdString(ec.message())));
    if (d->tcp)
        d->tcp->accept();
    if (d->local)
        d->local->accept();
    for (int i = 0; i < std::max(1, d->options.threads); ++i)
        d->threads.emplace_back([this] { d->io.run(); });
    return port;
}

void PolicyServer::stop()
{
    if (d->threads.empty())
        return;
    asio::post(d->io, [this] {
        if (d->tcp)
            d->tcp->close();
        if (d->local)
            d->local->close();
    });
    d->io.stop();
    for (std::thread &t : d->threads)
        t.join();
    d->threads.clear();
    if (!d->socketPath.isEmpty())
        QFile::remove(d->socketPath);
}

} // namespace mailadmin::mail
