#include "http/Router.h"

#include <QUrl>

namespace mailadmin::http {

void Router::add(const QString &method, const QString &pattern, Handler handler)
{
    m_routes.append(
        Route {method, pattern, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler)});
}

bool Router::matches(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &p = route.segments.at(i);
        if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}'))) {
            if (params)
                params->insert(p.mid(1, p.size() - 2), QUrl::fromPercentEncoding(segments.at(i).toUtf8()));
        } else if (p != segments.at(i)) {
            return false;
        }
    }
    return true;
}

Router::Match Router::match(HttpRequest &request) const
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    const QString method = request.method == QLatin1String("HEAD") ? QStringLiteral("GET") : request.method;
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const Route &route = m_routes.at(i);
        if (!matches(route, segments, nullptr))
            continue;
        if (route.method == method) {
            QHash<QString, QString> params;
            matches(route, segments, &params);
            request.params = params;
            result.kind = Match::Kind::Found;
            result.handler = &route.handler;
            result.index = int(i);
            return result;
        }
        result.kind = Match::Kind::NoMethod;
        if (!result.allowed.contains(route.method))
            result.allowed << route.method;
    }
    if (result.kind == Match::Kind::NoMethod && result.allowed.contains(QStringLiteral("GET")))
        result.allowed << QStringLiteral("HEAD");
    return result;
}

QList<QPair<QString, QString>> Router::routes() const
{
    QList<QPair<QString, QString>> out;
    for (const Route &r : m_routes)
        out.append({r.method, r.pattern});
    return out;
}

} // namespace mailadmin::http
