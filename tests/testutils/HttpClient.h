#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace httplib {
class Client;
}

namespace mailadmin::testing {

// A small synchronous HTTP client for integration tests, speaking to a real server on loopback.
class HttpClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QJsonObject json() const;
        QJsonArray items() const { return json().value(QLatin1String("items")).toArray(); }
        QByteArray header(const QByteArray &name) const;
        // The ETag as a version number, or -1.
        int etag() const;
        // The `code` of the error for `field`, or an empty string.
        QString fieldCode(const QString &field) const;
    };

    HttpClient(const QString &host, int port);
    HttpClient(HttpClient &&other) noexcept;
    HttpClient &operator=(HttpClient &&other) noexcept;
    ~HttpClient();

    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }

    Reply get(const QString &path) const;
    Reply post(const QString &path, const QJsonObject &body = {}, int ifMatch = 0) const;
    Reply patch(const QString &path, const QJsonObject &body, int ifMatch) const;
    Reply del(const QString &path, int ifMatch) const;
    // Anything at all: method, raw body, content type and extra headers.
    Reply raw(const QString &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;

    // Signs in and keeps the token; returns the HTTP status.
    int signIn(const QString &login, const QString &password);

private:
    std::unique_ptr<httplib::Client> m_client;
    QString m_token;
};

} // namespace mailadmin::testing
