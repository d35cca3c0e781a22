#pragma once

#include "Result.h"
#include "stats/IngestService.h"
#include "stats/LogReader.h"
#include "store/IngestPositionRepository.h"

#include <functional>
#include <memory>
#include <optional>

namespace mailadmin::stats {

// Where read events go, and where it is kept how far each file was read: the database (both in one
// transaction), or a server's ingest API (positions in a state file on this side).
class IngestTarget
{
public:
    virtual ~IngestTarget() = default;
    // How far an earlier run read this file, if it did.
    virtual Result<std::optional<store::ReadPosition>> position(const store::FileIdentity &file) = 0;
    // Stores the events and, with them, how far the files they came from have been read.
    virtual Result<service::IngestReport> write(
        const QList<LogEvent> &events, const QList<store::ReadPosition> &positions)
        = 0;
    // Makes everything written visible (rollups folded); called every second or so and at the end.
    virtual Status settle() { return Status::success(); }
    // Makes everything written so far durable, folded or not (a target may keep a transaction open across
    // several writes). Positions read after it are current.
    virtual Status flush() { return Status::success(); }
};

// What one run of `mailadmind ingest` did.
struct IngestTotals
{
    LogCounts lines;
    int files = 0;
    int resumed = 0; // files read on from where an earlier run stopped
    int rotated = 0; // rotated copies (NAME.1) finished
    int restarted = 0; // files found truncated or replaced and read from their start
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
    bool reread = false; // read from the start, ignoring how far earlier runs read
    int batchSize = 5000;
    int pollMs = 250;
    std::function<bool()> stopRequested; // checked between reads when following
    std::function<void(const IngestTotals &)> progress; // called every few seconds; may be empty
    IngestTarget *target = nullptr;
};

// Reads the files on from where earlier runs stopped (finishing a rotated copy first) to their last whole
// line, and with `follow` keeps reading what is appended, through rotation by rename or truncation. Events go
// to the target in batches of at most `batchSize`, each with the read positions it completes; memory stays
// bounded whatever the size of the files.
Result<IngestTotals> runLogIngest(const IngestRun &run);

// This machine's name, which read positions are kept under (device and inode numbers are per machine).
QString ingestHostName();

} // namespace mailadmin::stats
