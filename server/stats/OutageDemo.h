#pragma once

#include "store/OutageRepository.h"

#include <QHash>

namespace mailadmin::stats {

struct OutageDemoOptions
{
    quint64 seed = 1;
    qint64 fromMinute = 0; // the series covers [fromMinute, toMinute]
    qint64 toMinute = 0;
    qint64 outagesFrom = 0; // outages start at or after this minute
    int outages = 4;
    bool lastOngoing = true; // the last outage is still going at toMinute
    double loginsPerMailboxDay = 60; // mail clients and phones log in every half hour or so
    qint64 minimumMailboxes = 200; // a store counts at least this many, so that small demos have a rhythm
    QHash<qint64, qint64> mailboxes; // store id -> mailboxes, instead of counting the store's users
};

// Writes believable logins per minute for every mail store (and their sums per cluster): a daily and weekly
// rhythm, day-to-day and hour-to-hour drift, Poisson noise, password sprays (a few extra failed logins for
// half an hour) and one-minute dips, none of which is an outage; and injected outages — failed logins rising
// as successful ones fall, or successful logins falling alone — recorded in outage_truth.
class OutageDemo
{
public:
    explicit OutageDemo(store::Database &db) : m_db(db) { }

    Result<QList<store::OutageTruth>> write(const OutageDemoOptions &options);

private:
    store::Database &m_db;
};

} // namespace mailadmin::stats
