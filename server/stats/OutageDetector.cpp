#include "stats/OutageDetector.h"

#include "Json.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace mailadmin::service {

using store::LoginScope;
using store::LoginSeries;

namespace {

double medianOf(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The median and the median absolute deviation.
std::pair<double, double> medianAndMad(const std::vector<double> &v)
{
    const double m = medianOf(v);
    std::vector<double> d;
    d.reserve(v.size());
    for (double x : v)
        d.push_back(std::abs(x - m));
    return {m, medianOf(d)};
}

constexpr qint64 kDay = 1440;

} // namespace

OutageDetector::Judgement OutageDetector::judge(
    const LoginSeries &series, const LoginScope &scope, qint64 minute, double level)
{
    Judgement j;
    const auto window = [&](qint64 end) { return series.sum(scope, end - kWindowMinutes + 1, end); };
    // The hour before the window, in blocks of ten minutes.
    constexpr int kBlocks = kLevelMinutes / 10;
    const auto block = [&](qint64 end, int b) {
        const qint64 last = end - kWindowMinutes - b * 10;
        return series.sum(scope, last - 9, last).ok;
    };
    const auto weekend = [](qint64 m) { return (m / kDay + 3) % 7 >= 5; }; // 1970-01-01 was a Thursday
    // The days before, those of the same kind (working day or weekend) when there are enough of them.
    QList<qint64> days, sameKind;
    for (int d = 1; d <= kBaselineDays; ++d) {
        const qint64 end = minute - d * kDay;
        const LoginSeries::Counts w = window(end);
        if (w.ok + w.failed + series.sum(scope, end - kWindowMinutes - kLevelMinutes + 1, end).ok == 0)
            continue; // no data that day: the scope is younger, or the collector was down
        days.append(end);
        if (weekend(end) == weekend(minute))
            sameKind.append(end);
    }
    if (sameKind.size() >= kMinimumDays)
        days = sameKind;
    const LoginSeries::Counts now = window(minute);
    j.observedOk = now.ok;
    j.observedFailed = now.failed;
    if (days.size() < kMinimumDays)
        return j;
    j.judged = true;
    // Each earlier day's count is read from the quarter hour around the window, scaled to the window: the
    // rhythm of a day hardly moves in it, and the median of a handful of three-minute counts (a weekend has
    // only four days in two weeks) is itself so noisy that a quiet night would look like a fall.
    std::vector<double> ok, failed;
    constexpr double kShare = double(kWindowMinutes) / double(kWindowMinutes + 2 * kSmoothMinutes);
    for (qint64 end : std::as_const(days)) {
        const LoginSeries::Counts w
            = series.sum(scope, end - kWindowMinutes + 1 - kSmoothMinutes, end + kSmoothMinutes);
        ok.push_back(double(w.ok) * kShare);
        failed.push_back(double(w.failed) * kShare);
    }
    const auto [okMedian, okMad] = medianAndMad(ok);
    const auto [failedMedian, failedMad] = medianAndMad(failed);
    if (level > 0) {
        j.level = level;
    } else {
        // Each block against the same block of those days; the median of the ratios, so that a short dip
        // (or the end of an earlier outage) in the hour before does not move the level.
        // A block of another kind of day than the window's (the Friday evening before a Saturday's first
        // hour, the Sunday evening before a Monday's) says nothing of the window's level and is left out;
        // so are the baseline days' blocks of another kind than ours.
        const auto blockKind = [&](qint64 end, int b) {
            const qint64 last = end - kWindowMinutes - b * 10;
            const bool kind = weekend(last);
            return weekend(last - 9) == kind ? int(kind) : -1; // -1: the block straddles the change
        };
        std::vector<double> ratios;
        for (int b = 0; b < kBlocks; ++b) {
            if (blockKind(minute, b) != int(weekend(minute)))
                continue;
            std::vector<double> earlier;
            for (qint64 end : std::as_const(days)) {
                if (blockKind(end, b) == int(weekend(minute)))
                    earlier.push_back(double(block(end, b)));
            }
            if (earlier.empty())
                continue;
            const double m = medianOf(earlier);
            if (m > 0)
                ratios.push_back(double(block(minute, b)) / m);
        }
        // Half the hour at least, or the days' own level.
        j.level = ratios.size() < size_t(kBlocks / 2) ? 1.0 : std::clamp(medianOf(ratios), 0.2, 5.0);
    }
    // Counts of independent logins vary like a Poisson variable; the days' spread adds what they disagree.
    j.expectedOk = j.level * okMedian;
    j.spreadOk = std::sqrt(j.expectedOk + std::pow(j.level * 1.4826 * okMad, 2));
    // Failed logins are never expected below their usual number: a quiet hour does not make a few more
    // failures an outage.
    const double failedLevel = std::max(j.level, 1.0);
    j.expectedFailed = failedLevel * failedMedian;
    j.spreadFailed = std::sqrt(j.expectedFailed + std::pow(failedLevel * 1.4826 * failedMad, 2) + 1);
    // A rise must also be a real share of the store's logins: a password spray at a few accounts is not.
    const bool rise = now.failed >= kMinimumFailed
        && double(now.failed) >= kFailedShare * std::max(j.expectedOk, double(now.ok))
        && double(now.failed) > kRiseFactor * std::max(j.expectedFailed, 1.0)
        && double(now.failed) - j.expectedFailed > kDeviations * j.spreadFailed;
    // A fall is judged by how likely so few logins are if the usual number were due: the Poisson
    // log-likelihood ratio of the observed count against the expected one, read as standard deviations.
    // It lies between a spread taken from the expected count (which waits at night, when four spreads of a
    // small count are most of it) and one taken from the observed count (which, over thousands of windows a
    // day, mistakes the tail of plain noise for an outage). The days' disagreement is left out: with the
    // hour before setting the level, what is left of it at one minute is mostly the baseline days' own
    // noise, and half of the expected logins gone is already far outside how days differ once scaled.
    const double observedOk = double(now.ok);
    const double likelihood = j.expectedOk - observedOk
        + (observedOk > 0 ? observedOk * std::log(observedOk / j.expectedOk) : 0.0);
    const bool fall = j.expectedOk >= double(kMinimumExpected) && observedOk < kFallRatio * j.expectedOk
        && 2.0 * likelihood > kFallDeviations * kFallDeviations;
    j.anomalous = rise || fall;
    if (j.anomalous)
        j.signal = rise ? QStringLiteral("failed_rise") : QStringLiteral("success_fall");
    return j;
}

QList<std::pair<qint64, qint64>> OutageDetector::rangesFor(qint64 from, qint64 to)
{
    QList<std::pair<qint64, qint64>> ranges;
    for (int d = kBaselineDays; d >= 0; --d)
        ranges.append({from - 1 - d * kDay - kWindowMinutes - kLevelMinutes + 1,
            to - d * kDay + (d > 0 ? kSmoothMinutes : 0)});
    // Merged, so that no minute is read twice.
    QList<std::pair<qint64, qint64>> merged;
    for (const auto &r : std::as_const(ranges)) {
        if (!merged.isEmpty() && r.first <= merged.last().second + 1)
            merged.last().second = std::max(merged.last().second, r.second);
        else
            merged.append(r);
    }
    return merged;
}

Result<int> OutageDetector::step(const LoginSeries &series, const QList<LoginScope> &scopes, qint64 minute,
    QHash<LoginScope, store::OngoingSuggestion> &ongoing) const
{
    store::OutageRepository repo(m_db);
    // No login anywhere is the collector or the ingest stopping, not every store failing at once: nothing
    // is judged (and nothing recovers) until logins arrive again.
    qint64 anywhere = 0;
    for (const LoginScope &s : scopes) {
        if (s.kind == 's') {
            const LoginSeries::Counts c = series.sum(s, minute - kWindowMinutes + 1, minute);
            anywhere += c.ok + c.failed;
        }
    }
    if (anywhere == 0)
        return 0;
    QHash<LoginScope, Judgement> now, previous;
    QHash<qint64, int> anomalousStores; // cluster -> stores anomalous now
    for (const LoginScope &s : scopes) {
        const auto it = ongoing.constFind(s);
        const Judgement j = judge(series, s, minute, it != ongoing.constEnd() ? it->level : 0);
        now.insert(s, j);
        // The minute before matters only for a new anomaly.
        if (it == ongoing.constEnd() && j.anomalous)
            previous.insert(s, judge(series, s, minute - 1));
        if (s.kind == 's' && j.anomalous)
            ++anomalousStores[s.clusterId];
    }
    // Ongoing suggestions: still anomalous, or recovered after enough normal minutes.
    for (auto it = ongoing.begin(); it != ongoing.end();) {
        const Judgement j = now.value(it.key());
        if (j.anomalous) {
            if (minute * 60 > it->lastAnomalyAt) {
                if (Status s = repo.markAnomaly(it->id, minute * 60); !s.ok())
                    return s.error();
                it->lastAnomalyAt = minute * 60;
            }
        } else if (minute * 60 - it->lastAnomalyAt >= kRecoverMinutes * 60) {
            if (Status s = repo.markRecovered(it->id, it->lastAnomalyAt + 60); !s.ok())
                return s.error();
            it = ongoing.erase(it);
            continue;
        }
        ++it;
    }
    QSet<qint64> busyClusters; // clusters with an ongoing suggestion of their own or of one of their stores
    for (auto it = ongoing.constBegin(); it != ongoing.constEnd(); ++it) {
        for (const LoginScope &s : scopes)
            if (s == it.key())
                busyClusters.insert(s.clusterId);
    }
    int opened = 0;
    const auto open = [&](const LoginScope &s) -> Status {
        const Judgement j = now.value(s);
        const QJsonObject fields {{QStringLiteral("signal"), j.signal},
            {QStringLiteral("started_at"), double((minute - kWindowMinutes + 1) * 60)},
            {QStringLiteral("suggested_at"), double((minute + 1) * 60 + kSettleSeconds)},
            {QStringLiteral("last_anomaly_at"), double(minute * 60)},
            {QStringLiteral("observed_ok"), double(j.observedOk)},
            {QStringLiteral("observed_failed"), double(j.observedFailed)},
            {QStringLiteral("expected_ok"), j.expectedOk},
            {QStringLiteral("expected_failed"), j.expectedFailed}, {QStringLiteral("level"), j.level}};
        const Result<qint64> id = repo.open(s, fields);
        if (!id.ok())
            return id.error();
        if (id.value() > 0) {
            ongoing.insert(s, store::OngoingSuggestion {id.value(), minute * 60, j.level});
            busyClusters.insert(s.clusterId);
            ++opened;
        }
        return Status::success();
    };
    const auto twice = [&](const LoginScope &s) {
        return !ongoing.contains(s) && now.value(s).anomalous && previous.value(s).anomalous;
    };
    // A cluster whose stores fail together (or none alone) is one suggestion, not one per store.
    for (const LoginScope &s : scopes) {
        if (s.kind == 'c' && twice(s) && anomalousStores.value(s.id) != 1 && !busyClusters.contains(s.id)) {
            if (Status st = open(s); !st.ok())
                return st.error();
        }
    }
    for (const LoginScope &s : scopes) {
        if (s.kind != 's' || !twice(s))
            continue;
        bool clusterOngoing = false;
        for (auto it = ongoing.constBegin(); it != ongoing.constEnd(); ++it)
            clusterOngoing = clusterOngoing || (it.key().kind == 'c' && it.key().id == s.clusterId);
        if (clusterOngoing)
            continue;
        if (Status st = open(s); !st.ok())
            return st.error();
    }
    return opened;
}

Result<int> OutageDetector::judgeRecent(qint64 now) const
{
    const qint64 last = (now - kSettleSeconds) / 60 - 1;
    // The last three minutes again: logins that arrived late count on a second look.
    return scan(last - 2, last);
}

Result<int> OutageDetector::scan(qint64 fromMinute, qint64 toMinute) const
{
    store::OutageRepository repo(m_db);
    const Result<QList<LoginScope>> scopes = repo.scopes();
    if (!scopes.ok())
        return scopes.error();
    LoginSeries series;
    if (Status s = repo.load(rangesFor(fromMinute, toMinute), series); !s.ok())
        return s.error();
    store::Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status().error();
    Result<QHash<LoginScope, store::OngoingSuggestion>> ongoing = repo.ongoing();
    if (!ongoing.ok())
        return ongoing.error();
    int opened = 0;
    for (qint64 minute = fromMinute; minute <= toMinute; ++minute) {
        const Result<int> n = step(series, scopes.value(), minute, ongoing.value());
        if (!n.ok())
            return n;
        opened += n.value();
    }
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    return opened;
}

Result<QJsonObject> OutageDetector::evidence(
    const LoginScope &scope, qint64 fromMinute, qint64 toMinute) const
{
    store::OutageRepository repo(m_db);
    LoginSeries series;
    if (Status s = repo.load(rangesFor(fromMinute, toMinute), series); !s.ok())
        return s.error();
    QJsonArray points;
    for (qint64 minute = fromMinute; minute <= toMinute; ++minute) {
        const Judgement j = judge(series, scope, minute);
        const double okFloor
            = std::max(0.0, std::min(kFallRatio * j.expectedOk, j.expectedOk - kDeviations * j.spreadOk));
        const double failedCeiling = std::max({double(kMinimumFailed),
            kRiseFactor * std::max(j.expectedFailed, 1.0), j.expectedFailed + kDeviations * j.spreadFailed});
        const auto round1 = [](double v) { return std::round(v * 10) / 10; };
        points.append(QJsonObject {{QStringLiteral("at"), json::isoTime(minute * 60)},
            {QStringLiteral("ok"), double(j.observedOk)},
            {QStringLiteral("failed"), double(j.observedFailed)},
            {QStringLiteral("expected_ok"), j.judged ? QJsonValue(round1(j.expectedOk)) : QJsonValue()},
            {QStringLiteral("ok_floor"), j.judged ? QJsonValue(round1(okFloor)) : QJsonValue()},
            {QStringLiteral("expected_failed"),
                j.judged ? QJsonValue(round1(j.expectedFailed)) : QJsonValue()},
            {QStringLiteral("failed_ceiling"), j.judged ? QJsonValue(round1(failedCeiling)) : QJsonValue()},
            {QStringLiteral("anomalous"), j.anomalous}});
    }
    return QJsonObject {
        {QStringLiteral("scope"), scope.kind == 'c' ? QStringLiteral("cluster") : QStringLiteral("store")},
        {QStringLiteral("scope_id"), double(scope.id)}, {QStringLiteral("window_minutes"), kWindowMinutes},
        {QStringLiteral("from"), json::isoTime(fromMinute * 60)},
        {QStringLiteral("to"), json::isoTime(toMinute * 60)}, {QStringLiteral("points"), points}};
}

} // namespace mailadmin::service
