#include "ApiClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApi, "mailadmin.api")

namespace mailadmin::api {

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network ? network : new QNetworkAccessManager(this))
{
    m_network->setParent(this);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    m_baseUrl.setPath(path);
}

void ApiClient::get(const QString &path, const QUrlQuery &query, QObject *context, Callback callback)
{
    send(Request {"GET", path, query, {}, 0, context, std::move(callback), 0, true});
}

void ApiClient::post(
    const QString &path, const QJsonObject &body, QObject *context, Callback callback, int ifMatch)
{
    const bool signIn = path == QLatin1String("/sessions");
    send(Request {"POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), ifMatch, context,
        std::move(callback), 0, !signIn});
}

void ApiClient::patch(
    const QString &path, const QJsonObject &body, int ifMatch, QObject *context, Callback callback)
{
    send(Request {"PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), ifMatch, context,
        std::move(callback), 0, true});
}

void ApiClient::remove(const QString &path, int ifMatch, QObject *context, Callback callback)
{
    send(Request {"DELETE", path, {}, {}, ifMatch, context, std::move(callback), 0, true});
}

void ApiClient::send(Request request)
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QStringLiteral("/api/v1") + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    QNetworkRequest r(url);
    r.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty() && request.authenticated)
        r.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    if (request.ifMatch > 0)
        r.setRawHeader("If-Match", '"' + QByteArray::number(request.ifMatch) + '"');
    if (!request.body.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->sendCustomRequest(r, request.method, request.body);
    if (m_ignoreTls)
        connect(reply, &QNetworkReply::sslErrors, reply,
            [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    ++m_pending;
    emit busyChanged(m_pending);

    // Our own timer, so every kind of reply (and a stalled server) is bounded.
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_timeoutMs);
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, request = std::move(request), timedOut]() mutable {
            finish(reply, std::move(request), *timedOut);
        });
}

ApiResult ApiClient::interpret(QNetworkReply *reply, bool timedOut)
{
    ApiResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const QByteArray etag = reply->rawHeader("ETag");
    if (etag.size() >= 2)
        result.version
            = etag.mid(etag.startsWith("W/") ? 3 : 1, etag.size() - (etag.startsWith("W/") ? 4 : 2)).toInt();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const bool json = contentType.contains("json");

    if (result.status == 0) {
        ApiError &e = result.error;
        if (timedOut) {
            e.kind = ApiError::Kind::Timeout;
        } else {
            switch (reply->error()) {
            case QNetworkReply::OperationCanceledError:
                e.kind = ApiError::Kind::Cancelled;
                break;
            case QNetworkReply::SslHandshakeFailedError:
                e.kind = ApiError::Kind::Tls;
                e.detail = reply->errorString();
                break;
            case QNetworkReply::TimeoutError:
                e.kind = ApiError::Kind::Timeout;
                break;
            default:
                e.kind = ApiError::Kind::Unreachable;
                e.detail = reply->errorString();
            }
        }
        return result;
    }
    if (json && !result.body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(result.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            result.error.kind = ApiError::Kind::BadReply;
            result.error.status = result.status;
            result.error.detail = parseError.errorString();
            return result;
        }
        result.json = doc.object();
    }
    if (result.status >= 400) {
        ApiError &e = result.error;
        e.kind = ApiError::Kind::Http;
        e.status = result.status;
        e.type = result.json.value(QLatin1String("type")).toString();
        e.title = result.json.value(QLatin1String("title")).toString();
        e.detail = result.json.value(QLatin1String("detail")).toString();
        e.instance = result.json.value(QLatin1String("instance")).toString();
        e.current = result.json.value(QLatin1String("current")).toObject();
        e.retryAfterSeconds = reply->rawHeader("Retry-After").toInt();
        for (const QJsonValue &v : result.json.value(QLatin1String("errors")).toArray()) {
            const QJsonObject o = v.toObject();
            e.fields.append(FieldError {o.value(QLatin1String("field")).toString(),
                o.value(QLatin1String("code")).toString(), o.value(QLatin1String("message")).toString()});
        }
    } else if (result.status >= 200 && result.status < 300 && result.status != 204 && json
        && result.body.isEmpty()) {
        result.error.kind = ApiError::Kind::BadReply;
        result.error.status = result.status;
    }
    return result;
}

void ApiClient::finish(QNetworkReply *reply, Request request, bool timedOut)
{
    reply->deleteLater();
    --m_pending;
    emit busyChanged(m_pending);
    const ApiResult result = interpret(reply, timedOut);

    if (result.error.isConnectivity()) {
        setOnline(false);
        if (request.method == "GET" && request.attempt < m_retryDelays.size()) {
            const int delay = m_retryDelays.at(request.attempt);
            ++request.attempt;
            qCInfo(lcApi) << "retrying" << request.path << "in" << delay << "ms";
            QTimer::singleShot(
                delay, this, [this, request = std::move(request)]() mutable { send(std::move(request)); });
            return;
        }
    } else if (result.status > 0) {
        setOnline(true);
    }
    if (result.status == 401 && request.authenticated) {
        // Hold the request; it goes out again after the user signs in.
        m_held.append(std::move(request));
        if (!m_expiredSignalled) {
            m_expiredSignalled = true;
            emit sessionExpired();
        }
        return;
    }
    deliver(request, result);
}

void ApiClient::deliver(const Request &request, const ApiResult &result)
{
    if (request.context.isNull() || !request.callback)
        return;
    request.callback(result);
}

void ApiClient::resumeAfterSignIn(const QString &token)
{
    m_token = token;
    m_expiredSignalled = false;
    const QList<Request> held = std::exchange(m_held, {});
    for (Request r : held) {
        r.attempt = 0;
        send(std::move(r));
    }
}

void ApiClient::abandonHeldRequests()
{
    m_expiredSignalled = false;
    const QList<Request> held = std::exchange(m_held, {});
    ApiResult result;
    result.status = 401;
    result.error.kind = ApiError::Kind::Http;
    result.error.status = 401;
    for (const Request &r : held)
        deliver(r, result);
}

void ApiClient::checkConnection()
{
    send(Request {"GET", QStringLiteral("/status"), {}, {}, 0, this, [](const ApiResult &) {},
        int(m_retryDelays.size()), false});
}

void ApiClient::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace mailadmin::api
