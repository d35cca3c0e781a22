#include "RawConnection.h"

#include <QDateTime>
#include <QJsonDocument>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mailadmin::testing {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

QByteArray RawConnection::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject RawConnection::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

RawConnection::RawConnection(int port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

RawConnection::~RawConnection()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RawConnection::send(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (m_fd >= 0 && sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return m_fd >= 0;
}

bool RawConnection::fill(qint64 deadlineMs)
{
    if (m_fd < 0 || m_closed)
        return false;
    for (;;) {
        const qint64 left = deadlineMs - nowMs();
        if (left <= 0)
            return false;
        pollfd p {m_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(left));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        char chunk[64 * 1024];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_closed = true;
            return false;
        }
        m_buffer.append(chunk, n);
        return true;
    }
}

std::optional<RawConnection::Response> RawConnection::read(int timeoutMs, bool toHead)
{
    const qint64 deadline = nowMs() + timeoutMs;
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!fill(deadline))
            return std::nullopt;
    }
    Response response;
    const QList<QByteArray> lines = m_buffer.first(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.append(
                {lines.at(i).first(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    m_buffer.remove(0, headerEnd + 4);
    if (toHead)
        return response;
    if (response.header("Transfer-Encoding").toLower() == "chunked") {
        for (;;) {
            qsizetype lineEnd = -1;
            while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                if (!fill(deadline))
                    return std::nullopt;
            }
            bool ok = false;
            const qsizetype size = m_buffer.first(lineEnd).trimmed().toLongLong(&ok, 16);
            if (!ok)
                return std::nullopt;
            while (m_buffer.size() < lineEnd + 2 + size + 2) {
                if (!fill(deadline))
                    return std::nullopt;
            }
            response.body += m_buffer.mid(lineEnd + 2, size);
            m_buffer.remove(0, lineEnd + 2 + size + 2);
            if (size == 0)
                return response;
        }
    }
    const qsizetype length = response.header("Content-Length").toLongLong();
    while (m_buffer.size() < length) {
        if (!fill(deadline))
            return std::nullopt;
    }
    response.body = m_buffer.first(length);
    m_buffer.remove(0, length);
    return response;
}

bool RawConnection::closedByServer(int timeoutMs)
{
    const qint64 deadline = nowMs() + timeoutMs;
    const qsizetype before = m_buffer.size();
    while (fill(deadline)) { }
    return m_closed && m_buffer.size() == before;
}

bool RawConnection::isOpenAndQuiet()
{
    if (m_fd < 0 || m_closed || !m_buffer.isEmpty())
        return false;
    pollfd p {m_fd, POLLIN, 0};
    return ::poll(&p, 1, 0) == 0;
}

} // namespace mailadmin::testing
