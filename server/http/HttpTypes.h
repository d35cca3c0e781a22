#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace mailadmin::http {

// A request as the router and handlers see it, independent of the HTTP library.
struct HttpRequest
{
    QString method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QString remoteAddress;
    QString requestId;
    QHash<QString, QString> params; // from the route pattern, percent-decoded

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    // A body written piece by piece (long CSV exports): each call fills the next chunk and says whether more
    // follow. Runs on the worker thread after the handler returned.
    std::function<bool(QByteArray &chunk)> stream;

    void setHeader(const QByteArray &name, const QByteArray &value) { headers.append({name, value}); }
};

} // namespace mailadmin::http
