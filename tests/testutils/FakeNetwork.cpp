#include "FakeNetwork.h"

#include <QTimer>

namespace mailadmin::testing {

namespace {

class FakeReply : public QNetworkReply
{
public:
    FakeReply(
        const QNetworkRequest &request, const QByteArray &method, const CannedReply &canned, QObject *parent)
        : QNetworkReply(parent), m_data(canned.body)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(QNetworkAccessManager::CustomOperation);
        setAttribute(QNetworkRequest::CustomVerbAttribute, method);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (canned.hang)
            return;
        QTimer::singleShot(canned.delayMs, this, [this, canned] {
            if (m_aborted)
                return;
            if (canned.error != QNetworkReply::NoError) {
                setError(canned.error, QStringLiteral("fake network error"));
                emit errorOccurred(canned.error);
            } else {
                setAttribute(QNetworkRequest::HttpStatusCodeAttribute, canned.status);
                if (!canned.contentType.isEmpty())
                    setHeader(QNetworkRequest::ContentTypeHeader, canned.contentType);
                for (const auto &[name, value] : canned.headers)
                    setRawHeader(name, value);
                if (canned.status >= 400)
                    setError(QNetworkReply::ProtocolInvalidOperationError,
                        QStringLiteral("HTTP %1").arg(canned.status));
                emit metaDataChanged();
                emit readyRead();
            }
            setFinished(true);
            emit finished();
        });
    }

    void abort() override
    {
        if (isFinished())
            return;
        m_aborted = true;
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("aborted"));
        setFinished(true);
        emit errorOccurred(QNetworkReply::OperationCanceledError);
        emit finished();
    }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_data.size()) - m_offset);
        if (n <= 0)
            return -1;
        memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
    bool m_aborted = false;
};

} // namespace

QByteArray FakeNetwork::Seen::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.toLower() == name.toLower())
            return value;
    }
    return {};
}

QNetworkReply *FakeNetwork::createRequest(
    Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    Seen seen;
    seen.method = op == CustomOperation
        ? request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
        : op == GetOperation    ? QByteArray("GET")
        : op == PostOperation   ? QByteArray("POST")
        : op == PutOperation    ? QByteArray("PUT")
        : op == DeleteOperation ? QByteArray("DELETE")
                                : QByteArray("HEAD");
    seen.url = request.url();
    if (outgoingData)
        seen.body = outgoingData->readAll();
    for (const QByteArray &name : request.rawHeaderList())
        seen.headers.append({name, request.rawHeader(name)});
    m_seen.append(seen);
    const CannedReply canned = m_queue.isEmpty() ? CannedReply::failure(QNetworkReply::ConnectionRefusedError)
                                                 : m_queue.takeFirst();
    return new FakeReply(request, seen.method, canned, this);
}

} // namespace mailadmin::testing
