#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace mailadmin::testing {

// A canned answer for the fake network: status and body, a transport error, or no answer at all.
struct CannedReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError; // e.g. ConnectionRefusedError
    bool hang = false; // never finishes (for timeouts)
    int delayMs = 0;

    static CannedReply json(int status, const QByteArray &body)
    {
        return CannedReply {status, body, "application/json", {}, QNetworkReply::NoError, false, 0};
    }
    static CannedReply problem(int status, const QByteArray &body)
    {
        return CannedReply {status, body, "application/problem+json", {}, QNetworkReply::NoError, false, 0};
    }
    static CannedReply failure(QNetworkReply::NetworkError error)
    {
        return CannedReply {0, {}, {}, {}, error, false, 0};
    }
    static CannedReply silence() { return CannedReply {0, {}, {}, {}, QNetworkReply::NoError, true, 0}; }
};

// A QNetworkAccessManager that answers from a queue instead of the network, and records what was asked.
// The api layer is tested against it (the style of test where a real server would make failures hard to
// provoke: timeouts, broken JSON, dropped connections).
class FakeNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    struct Seen
    {
        QByteArray method;
        QUrl url;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    using QNetworkAccessManager::QNetworkAccessManager;
    void enqueue(const CannedReply &reply) { m_queue.append(reply); }
    const QList<Seen> &requests() const { return m_seen; }
    int pending() const { return int(m_queue.size()); }

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QList<CannedReply> m_queue;
    QList<Seen> m_seen;
};

} // namespace mailadmin::testing
