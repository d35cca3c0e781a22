#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Judges outbound volume against each user's and domain's own recent normal: the median and MAD of the
// same period over the 14 days before (by day; by hour, the same hour of those days). An alert needs the
// volume to pass an absolute floor, the robust band (median + k·MAD) and a minimum factor over the median,
// all set per company.
class SpikeDetector : public ServiceBase
{
public:
    explicit SpikeDetector(Context context) : ServiceBase(context) { }

    // Judges one day (days since the epoch, UTC) or one hour (hours since the epoch); returns new alerts.
    Result<int> judgeDay(qint64 day) const;
    Result<int> judgeHour(qint64 hour) const;
    // Judges every day and hour of a stretch of history (after a bulk load); returns new alerts.
    Result<int> scan(qint64 fromDay, qint64 toDay, bool hours) const;
    // Judges the current and previous hour and day (the server does this every minute).
    Result<int> judgeRecent() const;

private:
    // What a run of judgements needs once: when history starts, and the smallest floors.
    struct Limits
    {
        qint64 firstDay = -1;
        std::pair<qint64, qint64> hourly; // user, domain
        std::pair<qint64, qint64> daily;
    };
    Result<Limits> limits() const;
    Result<int> judge(bool hourly, qint64 bucket, const Limits &limits) const;
};

} // namespace mailadmin::service
