#include "stats/SpikeDetector.h"

#include "stats/StatsService.h"
#include "store/AlertRepository.h"
#include "store/StatsRepository.h"

#include <QHash>

#include <cmath>

namespace mailadmin::service {

Result<SpikeDetector::Limits> SpikeDetector::limits() const
{
    Limits l;
    const Result<qint64> first = store::StatsRepository(db()).firstDay();
    if (!first.ok())
        return first.error();
    l.firstDay = first.value();
    store::AlertRepository alerts(db());
    const auto hourly = alerts.smallestFloors(true);
    const auto daily = alerts.smallestFloors(false);
    if (!hourly.ok())
        return hourly.error();
    if (!daily.ok())
        return daily.error();
    l.hourly = hourly.value();
    l.daily = daily.value();
    return l;
}

Result<int> SpikeDetector::judgeDay(qint64 day) const
{
    const Result<Limits> l = limits();
    return l.ok() ? judge(false, day, l.value()) : Result<int>(l.error());
}

Result<int> SpikeDetector::judgeHour(qint64 hour) const
{
    const Result<Limits> l = limits();
    return l.ok() ? judge(true, hour, l.value()) : Result<int>(l.error());
}

Result<int> SpikeDetector::judgeRecent() const
{
    const Result<Limits> l = limits();
    if (!l.ok())
        return l.error();
    const qint64 now = auth::Clock::now();
    int found = 0;
    for (const auto &[hourly, bucket] : {std::pair {true, now / 3600}, std::pair {true, now / 3600 - 1},
             std::pair {false, now / 86400}, std::pair {false, now / 86400 - 1}}) {
        const Result<int> n = judge(hourly, bucket, l.value());
        if (!n.ok())
            return n;
        found += n.value();
    }
    return found;
}

Result<int> SpikeDetector::scan(qint64 fromDay, qint64 toDay, bool hours) const
{
    const Result<Limits> l = limits();
    if (!l.ok())
        return l.error();
    int found = 0;
    for (qint64 day = fromDay; day <= toDay; ++day) {
        const Result<int> n = judge(false, day, l.value());
        if (!n.ok())
            return n;
        found += n.value();
        for (qint64 hour = day * 24; hours && hour < (day + 1) * 24; ++hour) {
            const Result<int> h = judge(true, hour, l.value());
            if (!h.ok())
                return h;
            found += h.value();
        }
    }
    return found;
}

Result<int> SpikeDetector::judge(bool hourly, qint64 bucket, const Limits &limits) const
{
    store::StatsRepository stats(db());
    store::AlertRepository alerts(db());
    const auto table = hourly ? store::StatsRepository::Table::Hourly : store::StatsRepository::Table::Daily;
    const qint64 step = hourly ? 24 : 1;
    const qint64 unit = hourly ? 3600 : 86400;
    // Candidates: whoever sent at least the smallest floor any company uses.
    QHash<qint64, QJsonObject> thresholdCache;
    const auto thresholdsOf = [&](qint64 companyId) -> Result<QJsonObject> {
        auto it = thresholdCache.constFind(companyId);
        if (it != thresholdCache.constEnd())
            return *it;
        const Result<QJsonObject> t = alerts.thresholds(companyId);
        if (t.ok())
            thresholdCache.insert(companyId, t.value());
        return t;
    };
    // Until the server has a full baseline of history, every account would look new: judge nothing yet.
    const qint64 day = hourly ? bucket / 24 : bucket;
    if (limits.firstDay < 0 || day < limits.firstDay + StatsService::kBaselineDays)
        return 0;
    const auto [userFloor, domainFloor] = hourly ? limits.hourly : limits.daily;
    const Result<QList<store::SpikeCandidate>> candidates
        = stats.spikeCandidates(hourly, bucket, userFloor, domainFloor);
    if (!candidates.ok())
        return candidates.error();
    int found = 0;
    for (const store::SpikeCandidate &c : candidates.value()) {
        const Result<QJsonObject> t = thresholdsOf(c.companyId);
        if (!t.ok())
            return t.error();
        const QString floorKey = QString::fromLatin1(c.scope == 'u' ? "user_" : "domain_")
            + (hourly ? QStringLiteral("hourly_floor") : QStringLiteral("daily_floor"));
        const double floor = t->value(floorKey).toDouble();
        if (double(c.messages) < floor)
            continue;
        const Result<QList<store::StatsRow>> history
            = stats.series(table, c.scope, c.id, bucket - StatsService::kBaselineDays * step, bucket - 1);
        if (!history.ok())
            return history.error();
        QHash<qint64, qint64> byBucket;
        for (const store::StatsRow &row : history.value())
            byBucket.insert(row.bucket, row.messages);
        QList<double> values;
        for (int i = 1; i <= StatsService::kBaselineDays; ++i)
            values.append(double(byBucket.value(bucket - i * step)));
        const auto [median, mad] = StatsService::medianAndMad(values);
        const double k = t->value(QLatin1String("mad_multiplier")).toDouble();
        const double minimumFactor = t->value(QLatin1String("minimum_factor")).toDouble();
        const double band = median + k * mad;
        const double factor = double(c.messages) / std::max(median, 1.0);
        if (double(c.messages) < band || factor < minimumFactor)
            continue;
        const double threshold = std::max({floor, band, minimumFactor * std::max(median, 1.0)});
        const QString severity = factor >= 10 || double(c.messages) >= 2 * threshold
            ? QStringLiteral("critical")
            : QStringLiteral("warning");
        const QJsonObject alert {{QStringLiteral("company_id"), double(c.companyId)},
            {QStringLiteral("domain_id"), double(c.domainId)},
            {QStringLiteral("user_id"),
                c.scope == 'u' ? QJsonValue(double(c.id)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("scope"), c.scope == 'u' ? QStringLiteral("user") : QStringLiteral("domain")},
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("span"), hourly ? QStringLiteral("hour") : QStringLiteral("day")},
            {QStringLiteral("period_start_epoch"), double(bucket * unit)},
            {QStringLiteral("observed"), double(c.messages)}, {QStringLiteral("baseline_median"), median},
            {QStringLiteral("baseline_mad"), mad}, {QStringLiteral("threshold"), threshold},
            {QStringLiteral("factor"), factor}, {QStringLiteral("severity"), severity},
            {QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("note"), QString()}};
        const Result<qint64> id = alerts.insertIfNew(alert, auth::Clock::now());
        if (!id.ok())
            return id.error();
        if (id.value() > 0)
            ++found;
    }
    return found;
}

} // namespace mailadmin::service
