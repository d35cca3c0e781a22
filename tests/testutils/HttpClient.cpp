#include "HttpClient.h"

#include <QJsonDocument>

#include <httplib.h>

namespace mailadmin::testing {

QJsonObject HttpClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.toLower() == name.toLower())
            return value;
    }
    return {};
}

int HttpClient::Reply::etag() const
{
    QByteArray value = header("ETag");
    if (value.size() < 2)
        return -1;
    return value.mid(1, value.size() - 2).toInt();
}

QString HttpClient::Reply::fieldCode(const QString &field) const
{
    const QJsonArray errors = json().value(QLatin1String("errors")).toArray();
    for (const QJsonValue &e : errors) {
        if (e.toObject().value(QLatin1String("field")).toString() == field)
            return e.toObject().value(QLatin1String("code")).toString();
    }
    return {};
}

HttpClient::HttpClient(const QString &host, int port)
    : m_client(std::make_unique<httplib::Client>(host.toStdString(), port))
{
    m_client->set_read_timeout(30, 0);
    m_client->set_keep_alive(true);
    m_client->set_tcp_nodelay(true);
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient &&other) noexcept = default;
HttpClient &HttpClient::operator=(HttpClient &&other) noexcept = default;

HttpClient::Reply HttpClient::raw(const QString &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &extra) const
{
    httplib::Headers headers;
    if (!m_token.isEmpty())
        headers.emplace("Authorization", "Bearer " + m_token.toStdString());
    for (const auto &[name, value] : extra)
        headers.emplace(name.toStdString(), value.toStdString());
    httplib::Request request;
    request.method = method.toStdString();
    request.path = QUrl(path).toEncoded(QUrl::FullyEncoded).toStdString();
    if (request.path.empty())
        request.path = path.toStdString();
    request.headers = headers;
    request.body = body.toStdString();
    if (!contentType.isEmpty())
        request.set_header("Content-Type", contentType.toStdString());
    if (method == QLatin1String("POST") || method == QLatin1String("PATCH") || method == QLatin1String("PUT"))
        request.set_header("Content-Length", std::to_string(body.size()));
    Reply reply;
    httplib::Result result = m_client->send(request);
    if (!result)
        return reply;
    reply.status = result->status;
    reply.body = QByteArray::fromStdString(result->body);
    for (const auto &[name, value] : result->headers)
        reply.headers.append({QByteArray::fromStdString(name), QByteArray::fromStdString(value)});
    return reply;
}

HttpClient::Reply HttpClient::get(const QString &path) const
{
    return raw(QStringLiteral("GET"), path, {}, {});
}

HttpClient::Reply HttpClient::post(const QString &path, const QJsonObject &body, int ifMatch) const
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (ifMatch > 0)
        headers.append({"If-Match", '"' + QByteArray::number(ifMatch) + '"'});
    return raw(QStringLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact),
        "application/json", headers);
}

HttpClient::Reply HttpClient::patch(const QString &path, const QJsonObject &body, int ifMatch) const
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (ifMatch > 0)
        headers.append({"If-Match", '"' + QByteArray::number(ifMatch) + '"'});
    return raw(QStringLiteral("PATCH"), path, QJsonDocument(body).toJson(QJsonDocument::Compact),
        "application/json", headers);
}

HttpClient::Reply HttpClient::del(const QString &path, int ifMatch) const
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (ifMatch > 0)
        headers.append({"If-Match", '"' + QByteArray::number(ifMatch) + '"'});
    return raw(QStringLiteral("DELETE"), path, {}, {}, headers);
}

int HttpClient::signIn(const QString &login, const QString &password)
{
    m_token.clear();
    const Reply reply = post(QStringLiteral("/api/v1/sessions"),
        QJsonObject {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    if (reply.status == 201)
        m_token = reply.json().value(QLatin1String("token")).toString();
    return reply.status;
}

} // namespace mailadmin::testing
