#pragma once

#include "IngestService.h"
#include "LogReader.h"
#include "Result.h"

#include <functional>
#include <memory>

namespace mailadmin::stats {

// Where read events go: the ingest API, or the database directly.
using EventSink = std::function<Result<service::IngestReport>(const QList<QJsonObject> &events)>;

// What one run of `mailadmind ingest` did.
struct IngestTotals
{
    LogCounts lines;
    int files = 0;
    qint64 sent = 0;
    qint64 accepted = 0;
    qint64 unmatched = 0;
    qint64 rejected = 0;
    QStringList unmatchedUsers; // the first few
    QStringList rejections; // the first few reasons

    void add(const service::IngestReport &report, qint64 sentNow);
    QString summary() const;
};

struct IngestRun
{
    QStringList files; // "-" reads standard input
    LogFormat format = LogFormat::Auto;
    QTimeZone zone = QTimeZone::systemTimeZone();
    bool follow = false;
    int batchSize = 5000;
    int pollMs = 250;
    std::function<bool()> stopRequested; // checked between reads when following
    std::function<void(const IngestTotals &)> progress; // called every few seconds; may be empty
    EventSink sink;
};

// Reads the files to their end (and with `follow`, keeps reading what is appended, through rotation by
// rename or truncation) and hands the events to the sink in batches.
Result<IngestTotals> runLogIngest(const IngestRun &run);

// Sends events to a server's ingest API as a collector: signs in, signs in again when the session ends,
// retries a batch after a network failure with the same Idempotency-Key so it counts once.
class IngestClient
{
public:
    struct Options
    {
        QString url; // http(s)://host:port
        QString login;
        QString password;
        QString caFile;
        bool insecure = false;
    };
    explicit IngestClient(Options options);
    ~IngestClient();

    Result<service::IngestReport> send(const QList<QJsonObject> &events);

private:
    Status signIn();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mailadmin::stats
