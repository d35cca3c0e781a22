#pragma once

#include "store/Database.h"
#include "store/Table.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <vector>

namespace mailadmin::store {

// A mail store ('s') or cluster ('c') whose logins are counted per minute.
struct LoginScope
{
    LoginScope() = default;
    LoginScope(char kind, qint64 id, qint64 clusterId = 0, const QString &name = QString())
        : kind(kind), id(id), clusterId(clusterId), name(name)
    { }
    char kind = 's';
    qint64 id = 0;
    qint64 clusterId = 0; // of a store; a cluster's own id
    QString name;
    bool operator==(const LoginScope &o) const { return kind == o.kind && id == o.id; }
};
size_t qHash(const LoginScope &s, size_t seed = 0);

// Successful and failed logins of every scope over a stretch of minutes, as running sums, so any window's
// total is two lookups. Minutes outside the ranges loaded count as no logins.
class LoginSeries
{
public:
    struct Counts
    {
        qint64 ok = 0, failed = 0;
    };
    void reset(qint64 firstMinute, qint64 lastMinute);
    void add(const LoginScope &scope, qint64 minute, qint64 ok, qint64 failed);
    // Call once after the adds, before sum().
    void finish();
    // Logins of minutes [from, to] (inclusive).
    Counts sum(const LoginScope &scope, qint64 from, qint64 to) const;
    qint64 firstMinute() const { return m_first; }
    qint64 lastMinute() const { return m_last; }

private:
    qint64 m_first = 0, m_last = -1;
    QHash<LoginScope, std::vector<Counts>> m_rows; // per minute, then running sums after finish()
};

// The detector's state of one ongoing suggestion.
struct OngoingSuggestion
{
    qint64 id = 0;
    qint64 lastAnomalyAt = 0;
    double level = 1;
};

// An outage the demo injected: the ground truth the detector is measured against.
struct OutageTruth
{
    qint64 storeId = 0;
    QString signal; // failed_rise or success_fall
    qint64 startedAt = 0, endedAt = 0;
    double depth = 0;
};

// Per-minute login counts of mail stores and clusters, the outage suggestions the detector opens, and the
// ground truth of injected outages.
class OutageRepository
{
public:
    explicit OutageRepository(Database &db) : m_db(db) { }

    // Every mail store and cluster.
    Result<QList<LoginScope>> scopes() const;
    // Loads the logins of minutes [from, to] of each range into `series` (reset to cover all of them).
    Status load(const QList<std::pair<qint64, qint64>> &ranges, LoginSeries &series) const;
    // Adds logins to one scope's minute (demo and bench data; ingestion adds them in the stats fold).
    Status addLogins(const LoginScope &scope, qint64 minute, qint64 ok, qint64 failed) const;

    Result<QHash<LoginScope, OngoingSuggestion>> ongoing() const;
    // Opens a suggestion; 0 when one is already ongoing for the scope.
    Result<qint64> open(const LoginScope &scope, const QJsonObject &fields) const;
    Status markAnomaly(qint64 id, qint64 at) const;
    // The series recovered: the suggestion is no longer ongoing; an undecided one becomes `recovered`.
    Status markRecovered(qint64 id, qint64 at) const;

    Result<Page> list(const QString &status, bool ongoingOnly, int offset, int limit) const;
    Result<QJsonObject> byId(qint64 id) const;
    // Moves a `suggested` suggestion to `status`; false when it was no longer `suggested`.
    Result<bool> decide(qint64 id, const QString &status, const QString &by, qint64 at, qint64 incidentId,
        const QString &note) const;

    Status addTruth(const OutageTruth &truth) const;
    Result<QList<OutageTruth>> truth() const;

private:
    Database &m_db;
};

} // namespace mailadmin::store
