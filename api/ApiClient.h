#pragma once

#include "ApiError.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mailadmin::api {

// The outcome of one request: the JSON body (or raw bytes), the object version from ETag, or an error.
struct ApiResult
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    int version = 0;
    ApiError error;

    bool ok() const { return error.isNone(); }
};

// The one owner of the network: base URL, bearer token, timeouts, retries of idempotent requests with
// backoff, and typed errors. Callbacks run only while their context object lives. When the session expires,
// the failed requests wait; after a new sign-in they are sent again, so the work on screen continues.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiResult &)>;

    // Takes ownership of `network`; creates its own when none is given.
    explicit ApiClient(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    // Delays before each retry of a GET that could not reach the server (empty: no retries).
    void setRetryDelays(const QList<int> &milliseconds) { m_retryDelays = milliseconds; }
    int pendingCount() const { return m_pending; }
    bool isOnline() const { return m_online; }
    // Accept this exact certificate chain's errors (after the user looked at them); empty: trust the system.
    void setIgnoreTlsErrors(bool ignore) { m_ignoreTls = ignore; }

    // Paths are below /api/v1, for example "/users/anna@example.com". `ifMatch` > 0 sends If-Match.
    void get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback);
    void post(
        const QString &path, const QJsonObject &body, QObject *context, Callback callback, int ifMatch = 0);
    void patch(
        const QString &path, const QJsonObject &body, int ifMatch, QObject *context, Callback callback);
    void remove(const QString &path, int ifMatch, QObject *context, Callback callback);

    // Sends the requests held back by an expired session again, with the new token.
    void resumeAfterSignIn(const QString &token);
    // Fails the held-back requests (the user gave up signing in).
    void abandonHeldRequests();
    // Probes /status; emits onlineChanged.
    void checkConnection();

signals:
    void sessionExpired();
    void onlineChanged(bool online);
    void busyChanged(int pending);

private:
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        int ifMatch = 0;
        QPointer<QObject> context;
        Callback callback;
        int attempt = 0;
        bool authenticated = true;
    };
    void send(Request request);
    void finish(QNetworkReply *reply, Request request, bool timedOut);
    static ApiResult interpret(QNetworkReply *reply, bool timedOut);
    void deliver(const Request &request, const ApiResult &result);
    void setOnline(bool online);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 15000;
    QList<int> m_retryDelays {500, 2000};
    int m_pending = 0;
    bool m_online = true;
    bool m_ignoreTls = false;
    bool m_expiredSignalled = false;
    QList<Request> m_held;
};

} // namespace mailadmin::api
