#include "stats/OutageDemo.h"

#include "store/FastStatement.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <vector>

namespace mailadmin::stats {

namespace {

// Share of logins by hour (UTC): mail clients poll all night, people add to it by day.
constexpr double kHourWeights[24] = {0.45, 0.4, 0.36, 0.35, 0.36, 0.42, 0.6, 0.85, 1.0, 1.05, 1.05, 1.0, 0.95,
    1.0, 1.05, 1.05, 1.0, 0.9, 0.8, 0.75, 0.72, 0.68, 0.6, 0.5};
constexpr double kWeekday[7] = {1.0, 1.0, 1.0, 0.98, 0.92, 0.55, 0.5}; // Monday .. Sunday

class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    qint64 below(qint64 n) { return n <= 1 ? 0 : qint64(next() % quint64(n)); }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    qint64 poisson(double lambda)
    {
        if (lambda <= 0)
            return 0;
        if (lambda > 30)
            return std::max<qint64>(0, std::llround(lambda + std::sqrt(lambda) * normal()));
        const double limit = std::exp(-lambda);
        double p = 1.0;
        qint64 k = 0;
        do {
            ++k;
            p *= uniform();
        } while (p > limit);
        return k - 1;
    }

private:
    quint64 m_state;
};

// The rhythm at a minute, interpolated between hour centres so that hours do not step.
double rhythm(qint64 minute)
{
    static const double mean = [] {
        double t = 0;
        for (double w : kHourWeights)
            t += w;
        return t / 24;
    }();
    const double hour = double(minute % 1440) / 60.0 - 0.5;
    const int h0 = int(std::floor(hour));
    const double f = hour - h0;
    const double w = kHourWeights[(h0 + 24) % 24] * (1 - f) + kHourWeights[(h0 + 25) % 24] * f;
    const qint64 day = minute / 1440;
    return w / mean * kWeekday[(day + 3) % 7]; // 1970-01-01 was a Thursday
}

struct Store
{
    qint64 id = 0, clusterId = 0;
    double perMinute = 0; // mean logins per minute of an average hour of a weekday
};

} // namespace

Result<QList<store::OutageTruth>> OutageDemo::write(const OutageDemoOptions &o)
{
    QList<Store> stores;
    {
        store::Statement q
            = m_db.prepare(QStringLiteral("SELECT s.id, s.cluster_id, (SELECT COUNT(*) FROM users u WHERE "
                                          "u.store_id = s.id) FROM mail_stores s "
                                          "ORDER BY s.id"));
        if (Status s = q.exec(); !s.ok())
            return s.error();
        while (q.next()) {
            const qint64 mailboxes = o.mailboxes.value(q.toInt(0), std::max(q.toInt(2), o.minimumMailboxes));
            stores.append(Store {q.toInt(0), q.toInt(1), double(mailboxes) * o.loginsPerMailboxDay / 1440.0});
        }
    }
    QList<store::OutageTruth> truth;
    const qint64 span = o.toMinute - o.fromMinute + 1;
    if (stores.isEmpty() || span <= 0)
        return truth;
    Random rng(o.seed * 104729 + 3);

    // Outages: spread over the stores, never two on one store within three hours.
    QHash<qint64, QList<std::pair<qint64, qint64>>> taken; // store -> [start, end) minutes
    const qint64 first = std::max(o.outagesFrom, o.fromMinute);
    for (int n = 0; n < o.outages; ++n) {
        const bool ongoing = o.lastOngoing && n == o.outages - 1;
        for (int attempt = 0; attempt < 200; ++attempt) {
            const Store &s = stores.at(int(rng.below(stores.size())));
            const qint64 length = 8 + rng.below(83);
            const qint64 start = ongoing
                ? o.toMinute - 14
                : first + rng.below(std::max<qint64>(1, o.toMinute - length - 30 - first));
            const qint64 end = ongoing ? o.toMinute + 61 : start + length;
            bool clear = true;
            for (const auto &[a, b] : taken.value(s.id))
                clear = clear && (end + 180 <= a || start >= b + 180);
            if (!clear)
                continue;
            taken[s.id].append({start, end});
            const bool failing = rng.uniform() < 0.5;
            truth.append(store::OutageTruth {s.id,
                failing ? QStringLiteral("failed_rise") : QStringLiteral("success_fall"), start * 60,
                end * 60, failing ? 0.5 + 0.5 * rng.uniform() : 0.6 + 0.4 * rng.uniform()});
            break;
        }
    }
    std::sort(truth.begin(), truth.end(),
        [](const store::OutageTruth &a, const store::OutageTruth &b) { return a.startedAt < b.startedAt; });

    store::FastStatement insert(m_db,
        QStringLiteral(
            "INSERT INTO store_logins (scope, scope_id, minute, ok, failed) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (scope, scope_id, minute) DO UPDATE SET ok = store_logins.ok + excluded.ok, "
            "failed = store_logins.failed + excluded.failed"));
    const auto put = [&](char scope, qint64 id, qint64 minute, qint64 ok, qint64 failed) {
        insert.bind(1, QString(QLatin1Char(scope)));
        insert.bind(2, id);
        insert.bind(3, minute);
        insert.bind(4, ok);
        insert.bind(5, failed);
        return insert.run();
    };
    QHash<qint64, std::vector<std::pair<qint64, qint64>>> clusters;
    for (const Store &s : std::as_const(stores)) {
        Random r(o.seed * 1000003 + quint64(s.id) * 7817);
        std::vector<std::pair<qint64, qint64>> &sum = clusters[s.clusterId];
        sum.resize(size_t(span));
        // Slow drifts from day to day and hour to hour, drawn at each midnight and each full hour and
        // followed smoothly in between: traffic does not jump at midnight.
        const auto drawDay = [&r] { return std::clamp(1 + 0.05 * r.normal(), 0.85, 1.15); };
        const auto drawHour = [&r] { return std::clamp(1 + 0.03 * r.normal(), 0.9, 1.1); };
        double dayFrom = drawDay(), dayTo = drawDay(), hourFrom = drawHour(), hourTo = drawHour();
        qint64 sprayUntil = -1, nextSpray = o.fromMinute + r.below(720);
        const double failShare = 0.01 + 0.02 * r.uniform();
        for (qint64 m = o.fromMinute; m <= o.toMinute; ++m) {
            if (m % 1440 == 0 && m != o.fromMinute) {
                dayFrom = dayTo;
                dayTo = drawDay();
            }
            if (m % 60 == 0 && m != o.fromMinute) {
                hourFrom = hourTo;
                hourTo = drawHour();
            }
            const double dayDrift = dayFrom + (dayTo - dayFrom) * double(m % 1440) / 1440.0;
            const double hourDrift = hourFrom + (hourTo - hourFrom) * double(m % 60) / 60.0;
            const double rate = s.perMinute * rhythm(m) * dayDrift * hourDrift;
            double okRate = rate * (1 - failShare), failedRate = rate * failShare;
            // Noise that is not an outage: a password spray, a one-minute dip.
            if (m == nextSpray) {
                sprayUntil = m + 20 + r.below(40);
                nextSpray = m + 300 + r.below(900);
            }
            if (m <= sprayUntil)
                failedRate += 2.0;
            if (r.uniform() < 1.0 / 600)
                okRate *= 0.5;
            for (const store::OutageTruth &t : std::as_const(truth)) {
                if (t.storeId != s.id || m * 60 < t.startedAt || m * 60 >= t.endedAt)
                    continue;
                if (t.signal == QLatin1String("failed_rise"))
                    failedRate += okRate * t.depth * 1.5; // clients retry
                okRate *= 1 - t.depth;
            }
            const qint64 ok = r.poisson(okRate), failed = r.poisson(failedRate);
            if (ok + failed == 0)
                continue;
            if (Status st = put('s', s.id, m, ok, failed); !st.ok())
                return st.error();
            sum[size_t(m - o.fromMinute)].first += ok;
            sum[size_t(m - o.fromMinute)].second += failed;
        }
    }
    for (auto it = clusters.constBegin(); it != clusters.constEnd(); ++it) {
        for (qint64 i = 0; i < span; ++i) {
            const auto &[ok, failed] = it.value()[size_t(i)];
            if (ok + failed == 0)
                continue;
            if (Status st = put('c', it.key(), o.fromMinute + i, ok, failed); !st.ok())
                return st.error();
        }
    }
    store::OutageRepository repo(m_db);
    for (const store::OutageTruth &t : std::as_const(truth)) {
        if (Status st = repo.addTruth(t); !st.ok())
            return st.error();
    }
    return truth;
}

} // namespace mailadmin::stats
