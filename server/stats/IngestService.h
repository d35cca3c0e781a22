#pragma once

#include "service/ServiceBase.h"
#include "store/StatsRepository.h"

#include <QHash>
#include <QReadWriteLock>

namespace mailadmin::service {

// What a batch of stats events did.
struct IngestReport
{
    int accepted = 0;
    int unmatched = 0;
    QStringList unmatchedUsers; // the first few addresses no user has
    struct Rejection
    {
        int line = 0;
        QString reason;
    };
    QList<Rejection> rejected;
    bool replayed = false; // the answer of an earlier batch with the same Idempotency-Key

    QJsonObject toJson() const;
    static IngestReport fromJson(const QJsonObject &o);
};

// Takes stats events (logins, outbound messages, quota samples) from collectors and log readers, files them
// under their user, domain and company, and keeps the rollups current in the same transaction.
class IngestService : public ServiceBase
{
public:
    static constexpr int kMaxBatch = 10000;
    // Batches up to this many logins and messages are folded into the rollups in their own transaction.
    static constexpr int kInlineFold = 2000;

    explicit IngestService(Context context) : ServiceBase(context) { }

    // `body`: a JSON array of events or NDJSON (one event per line). `key`: Idempotency-Key, may be empty.
    Result<IngestReport> ingest(const Actor &actor, const QByteArray &body, const QString &key) const;
    // The same for events already parsed (log readers writing straight to the database). With a key, the
    // answer is stored in the same transaction as the events, so a batch counts once even when sent twice at
    // once.
    Result<IngestReport> ingestEvents(const QList<QJsonObject> &events, qint64 companyScope,
        const QString &storedKey = QString(), qint64 adminId = 0,
        const QList<IngestReport::Rejection> &unreadable = {}) const;

    // Folds raw rows stored but not yet in the rollups (the server does this every second); returns how many.
    Result<qint64> foldPending() const;

private:
    Result<store::UserRef> lookup(const QString &address) const;
};

} // namespace mailadmin::service
