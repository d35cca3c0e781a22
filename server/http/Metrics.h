#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <mutex>
#include <vector>

namespace mailadmin::http {

// Request counts and latency histograms per route and status, kept in memory and written in Prometheus'
// text format. Routes are counted by their pattern ("/api/v1/users/{address}"), never by the concrete path,
// so no address or domain of a customer appears in the metrics.
class Metrics
{
public:
    static constexpr std::array<double, 12> bucketBounds {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

    // Called once per route when the routes are built; the answer is the route's slot.
    int addRoute(const QString &method, const QString &pattern);
    // Slot -1 counts requests that matched no route.
    void record(int route, int status, double seconds);

    // The request metrics (the caller adds the database gauges).
    QByteArray render() const;

private:
    struct Route
    {
        QString method;
        QString pattern;
        std::vector<std::pair<int, quint64>> statuses; // few per route: a short list beats a hash
        std::array<quint64, bucketBounds.size() + 1> buckets {};
        double seconds = 0;
        quint64 count = 0;
    };
    Route &slot(int route);

    mutable std::mutex m_mutex;
    QList<Route> m_routes;
    Route m_unmatched {QStringLiteral("*"), QStringLiteral("unmatched"), {}, {}, 0, 0};
};

// One Prometheus sample line: name{labels} value.
QByteArray metricLine(const char *name, const QList<QPair<const char *, QString>> &labels, double value);

} // namespace mailadmin::http
