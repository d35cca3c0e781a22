#include "http/Metrics.h"

#include <cmath>

namespace mailadmin::http {

namespace {

// Label values escape backslash, double quote and newline, as the text format asks.
QString escapeLabel(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    return out;
}

QByteArray number(double value)
{
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 10);
}

} // namespace

QByteArray metricLine(const char *name, const QList<QPair<const char *, QString>> &labels, double value)
{
    QByteArray line(name);
    if (!labels.isEmpty()) {
        line += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                line += ',';
            line += labels.at(i).first;
            line += "=\"";
            line += escapeLabel(labels.at(i).second).toUtf8();
            line += '"';
        }
        line += '}';
    }
    line += ' ';
    line += number(value);
    line += '\n';
    return line;
}

int Metrics::addRoute(const QString &method, const QString &pattern)
{
    std::lock_guard lock(m_mutex);
    m_routes.append(Route {method, pattern, {}, {}, 0, 0});
    return int(m_routes.size() - 1);
}

Metrics::Route &Metrics::slot(int route)
{
    return route >= 0 && route < m_routes.size() ? m_routes[route] : m_unmatched;
}

void Metrics::record(int route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    Route &r = slot(route);
    bool found = false;
    for (auto &[code, count] : r.statuses) {
        if (code == status) {
            ++count;
            found = true;
            break;
        }
    }
    if (!found)
        r.statuses.emplace_back(status, 1);
    size_t bucket = 0;
    while (bucket < bucketBounds.size() && seconds > bucketBounds[bucket])
        ++bucket;
    ++r.buckets[bucket];
    r.seconds += seconds;
    ++r.count;
}

QByteArray Metrics::render() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP mailadmind_http_requests_total Requests answered, by route pattern, method and status.\n"
           "# TYPE mailadmind_http_requests_total counter\n";
    QList<const Route *> all;
    for (const Route &r : m_routes)
        all.append(&r);
    all.append(&m_unmatched);
    for (const Route *r : all) {
        for (const auto &[code, count] : r->statuses)
            out += metricLine("mailadmind_http_requests_total",
                {{"method", r->method}, {"route", r->pattern}, {"status", QString::number(code)}},
                double(count));
    }
    out += "# HELP mailadmind_http_request_duration_seconds Time from a parsed request to its answer, by "
           "route.\n"
           "# TYPE mailadmind_http_request_duration_seconds histogram\n";
    for (const Route *r : all) {
        if (r->count == 0)
            continue;
        quint64 cumulative = 0;
        for (size_t i = 0; i <= bucketBounds.size(); ++i) {
            cumulative += r->buckets[i];
            const QString bound = i < bucketBounds.size() ? QString::fromLatin1(number(bucketBounds[i]))
                                                          : QStringLiteral("+Inf");
            out += metricLine("mailadmind_http_request_duration_seconds_bucket",
                {{"method", r->method}, {"route", r->pattern}, {"le", bound}}, double(cumulative));
        }
        out += metricLine("mailadmind_http_request_duration_seconds_sum",
            {{"method", r->method}, {"route", r->pattern}}, r->seconds);
        out += metricLine("mailadmind_http_request_duration_seconds_count",
            {{"method", r->method}, {"route", r->pattern}}, double(r->count));
    }
    return out;
}

} // namespace mailadmin::http
