#pragma once

#include "store/Database.h"
#include "store/ListQuery.h"
#include "store/Scope.h"
#include "store/Table.h"

#include <QHash>
#include <QJsonArray>
#include <QList>

namespace mailadmin::store {

class RollupChanges;

// The user an event belongs to, with the keys its rollups are filed under.
struct UserRef
{
    qint64 userId = 0;
    qint64 domainId = 0;
    qint64 companyId = 0;
    bool isNull() const { return userId == 0; }
};

struct LoginEvent
{
    qint64 at = 0;
    UserRef user;
    QString protocol; // imap, pop, webmail, smtp
    bool success = true;
    QString remoteAddress;
};

struct MessageEvent
{
    qint64 at = 0;
    UserRef user;
    int recipients = 1;
    qint64 bytes = 0;
};

struct QuotaSample
{
    qint64 at = 0;
    UserRef user;
    qint64 usedBytes = 0;
    qint64 messages = 0;
};

// One bucket of a rollup series.
struct StatsRow
{
    qint64 bucket = 0;
    qint64 imap = 0, pop = 0, webmail = 0, smtp = 0, failed = 0;
    qint64 messages = 0, recipients = 0, bytes = 0;
    qint64 usedBytes = -1; // daily rows only; -1 when no sample that day
};

// A user or domain whose outbound volume in one period is worth judging.
struct SpikeCandidate
{
    char scope = 'u'; // 'u' or 'd'
    qint64 id = 0;
    qint64 domainId = 0;
    qint64 companyId = 0;
    QString subject; // address or domain name
    qint64 messages = 0;
};

// Raw stats events and their hourly and daily rollups per user ('u'), domain ('d') and company ('c').
// Ingestion adds to the rollups in the same transaction as the raw rows, so answers are current at once.
class StatsRepository
{
public:
    explicit StatsRepository(Database &db) : m_db(db) { }

    // Finds a user by address or alias.
    Result<UserRef> resolve(const QString &address) const;
    // Stores events and updates storage figures; call inside a transaction. Logins and messages reach the
    // rollups with the next fold; with `changes`, their rollup changes are summed there too, for the fold.
    Status apply(const QList<LoginEvent> &logins, const QList<MessageEvent> &messages,
        const QList<QuotaSample> &quotas, RollupChanges *changes = nullptr) const;
    // Adds the raw login and message rows stored since the last fold to the hourly and daily rollups and to
    // the users' last logins, and moves the mark; returns how many rows it folded. Call inside a transaction.
    // `known`: the rollup changes of rows the caller wrote, used instead of reading them back when they are
    // exactly the rows waiting.
    Result<qint64> fold(const RollupChanges *known = nullptr) const;
    // How many raw rows wait to be folded.
    Result<qint64> unfolded() const;
    // Records every raw row as folded (after rollups were written directly, as the demo does).
    Status markFolded() const;

    enum class Table
    {
        Hourly,
        Daily
    };
    Result<QList<StatsRow>> series(
        Table table, char scope, qint64 id, qint64 fromBucket, qint64 toBucket) const;
    // The daily rows of many subjects of one scope (for baselines and reports), keyed by subject id.
    Result<QHash<qint64, QList<StatsRow>>> dailyOf(
        char scope, const QList<qint64> &ids, qint64 fromBucket, qint64 toBucket) const;

    // Users and domains that sent at least `minimum` messages in one hour or day.
    Result<QList<SpikeCandidate>> spikeCandidates(
        bool hourly, qint64 bucket, qint64 userMinimum, qint64 domainMinimum) const;
    // Users by tenth of quota used (-1: no quota, 0..9, 10: full or over), for the users matching `where`.
    // Storage used and allocated (quotas) over the mailboxes of `where`.
    Result<std::pair<qint64, qint64>> quotaTotals(const Where &where) const;
    Result<QList<std::pair<int, qint64>>> quotaBuckets(const Where &where) const;
    // The busiest senders of a company, domain or user over days [fromDay, toDay].
    Result<QJsonArray> topSenders(char scope, qint64 id, qint64 fromDay, qint64 toDay, int limit) const;
    // One user's raw logins, newest first.
    Result<Page> loginHistory(qint64 userId, const QString &protocol, const QString &result, qint64 from,
        qint64 to, int offset, int limit) const;

    // Deletes raw events older than `before` (epoch seconds); returns how many rows went.
    Result<qint64> purgeRawBefore(qint64 before) const;
    // The first day any stats were recorded (days since the epoch), or -1.
    Result<qint64> firstDay() const;

    // Idempotent ingest: the stored answer of an earlier batch with this key, or an empty string.
    Result<QString> batchResult(const QString &key, qint64 adminId) const;
    Status storeBatchResult(const QString &key, qint64 adminId, qint64 now, const QString &result) const;

private:
    Status readUnfolded(const qint64 marks[2], const qint64 tops[2], RollupChanges &into) const;

    Database &m_db;
};

} // namespace mailadmin::store
