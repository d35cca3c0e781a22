#pragma once

#include "store/OutageRepository.h"

namespace mailadmin::service {

// Judges each mail store's and cluster's logins minute by minute against its own normal: the same minutes of
// the days before (median and spread), scaled by how busy the hour before is compared with those days, so the
// daily and weekly rhythm and slow drifts are not anomalies. A sharp rise of failed logins or fall of
// successful ones, twice in a row, opens one suggested incident for operators; it stays ongoing while the
// series is anomalous and is marked recovered after ten normal minutes. See docs/incidents.md.
class OutageDetector
{
public:
    static constexpr int kWindowMinutes = 3; // logins are judged over the last three minutes
    static constexpr int kBaselineDays = 14;
    static constexpr int kSmoothMinutes = 6; // earlier days are read over the window and six minutes each side
    static constexpr int kMinimumDays = 3; // days of history before a scope is judged
    static constexpr int kLevelMinutes = 60; // the hour before the window sets the day's level
    static constexpr int kRecoverMinutes = 10;
    static constexpr int kSettleSeconds = 10; // a minute is judged this long after it ends
    static constexpr double kFallRatio = 0.5;
    static constexpr double kRiseFactor = 3.0;
    static constexpr double kDeviations = 4.0;
    static constexpr double kFallDeviations = 4.0; // a fall must be this unlikely, in standard deviations
    static constexpr qint64 kMinimumExpected = 15; // successful logins a window must expect to judge a fall
    static constexpr qint64 kMinimumFailed = 25; // failed logins a window must hold to be a rise
    static constexpr double kFailedShare = 0.2; // ... and at least this share of the expected logins

    struct Judgement
    {
        bool judged = false; // enough history
        bool anomalous = false;
        QString signal; // failed_rise or success_fall
        qint64 observedOk = 0, observedFailed = 0;
        double expectedOk = 0, expectedFailed = 0;
        double spreadOk = 0, spreadFailed = 0; // one standard deviation
        double level = 1;
    };

    explicit OutageDetector(store::Database &db) : m_db(db) { }

    // Judges the latest complete minutes (the server does this every few seconds); returns new suggestions.
    Result<int> judgeRecent(qint64 now) const;
    // Judges every minute of [fromMinute, toMinute] in order, as the server would have as they ended.
    Result<int> scan(qint64 fromMinute, qint64 toMinute) const;
    // Observed logins per minute of one scope with the baseline band, for the evidence chart.
    Result<QJsonObject> evidence(const store::LoginScope &scope, qint64 fromMinute, qint64 toMinute) const;

    // The judgement of the window ending at `minute`; `level` > 0 replaces the level read from the hour
    // before.
    static Judgement judge(
        const store::LoginSeries &series, const store::LoginScope &scope, qint64 minute, double level = 0);

private:
    // Judges one minute of an already loaded series and records what it finds.
    Result<int> step(const store::LoginSeries &series, const QList<store::LoginScope> &scopes, qint64 minute,
        QHash<store::LoginScope, store::OngoingSuggestion> &ongoing) const;
    // The ranges of minutes judging [from, to] reads.
    static QList<std::pair<qint64, qint64>> rangesFor(qint64 from, qint64 to);

    store::Database &m_db;
};

} // namespace mailadmin::service
