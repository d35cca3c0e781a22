#pragma once

#include "http/HttpTypes.h"

#include <QStringList>

#include <functional>

namespace mailadmin::http {

// Maps method + path pattern ("/api/v1/users/{address}") to a handler. A path that exists with other methods
// answers 405 with Allow; an unknown path 404.
class Router
{
public:
    using Handler = std::function<HttpResponse(HttpRequest &)>;

    void add(const QString &method, const QString &pattern, Handler handler);

    struct Match
    {
        enum class Kind
        {
            Found,
            NoPath,
            NoMethod
        } kind
            = Kind::NoPath;
        const Handler *handler = nullptr;
        int index = -1; // the route's place in the order routes were added, when Found
        QStringList allowed; // for NoMethod
    };
    // Fills request.params on a match.
    Match match(HttpRequest &request) const;
    // Every pattern with its methods, for documentation and tests.
    QList<QPair<QString, QString>> routes() const;

private:
    struct Route
    {
        QString method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static bool matches(const Route &route, const QStringList &segments, QHash<QString, QString> *params);

    QList<Route> m_routes;
};

} // namespace mailadmin::http
