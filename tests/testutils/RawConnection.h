#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <optional>

namespace mailadmin::testing {

// One TCP connection to a loopback server that sends exactly the bytes a test gives it, so that tests can
// speak malformed, pipelined, trickled or idle HTTP that no well-behaved client would.
class RawConnection
{
public:
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
        QJsonObject json() const;
    };

    explicit RawConnection(int port);
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool isConnected() const { return m_fd >= 0; }
    // Sends every byte; false when the server has closed or reset the connection.
    bool send(const QByteArray &bytes);
    // The next whole response (Content-Length or chunked body), or nothing on timeout or close. The answer
    // to a HEAD request has no body whatever its header says.
    std::optional<Response> read(int timeoutMs = 5000, bool toHead = false);
    // True when the server closes (or resets) the connection within the time without sending more.
    bool closedByServer(int timeoutMs = 5000);
    // True while the server has neither closed the connection nor sent anything.
    bool isOpenAndQuiet();

private:
    // Reads what arrives before the deadline into the buffer; false on timeout, close or error.
    bool fill(qint64 deadlineMs);

    int m_fd = -1;
    QByteArray m_buffer;
    bool m_closed = false;
};

} // namespace mailadmin::testing
