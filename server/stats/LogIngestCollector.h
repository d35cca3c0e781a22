#pragma once

#include "stats/LogIngest.h"
#include "stats/LogIngestClient.h"

#include <QHash>

namespace mailadmin::stats {

// Sends events read from logs to a server's ingest API as a collector, and keeps the read positions in a
// state file on this side (a collector may only post events). Each batch's Idempotency-Key is made from the
// positions it starts and ends at, so a batch sent again after a crash between the server's answer and the
// state file's update is answered from the server's record instead of counted twice.
class CollectorTarget : public IngestTarget
{
public:
    // `stateFile` empty: positions are not kept, and every run reads the files from their start.
    // `fresh`: a key no earlier run used (for --reread, whose batches must count again).
    CollectorTarget(IngestClient &client, QString stateFile, bool fresh);

    // Reads the state file; a missing file is an empty state.
    Status load();

    Result<std::optional<store::ReadPosition>> position(const store::FileIdentity &file) override;
    Result<service::IngestReport> write(
        const QList<LogEvent> &events, const QList<store::ReadPosition> &positions) override;

private:
    Status save();

    IngestClient &m_client;
    QString m_stateFile;
    QByteArray m_salt;
    struct Kept
    {
        store::ReadPosition position;
        qint64 updatedAt = 0;
    };
    QHash<QString, Kept> m_positions; // by "host device inode"
};

} // namespace mailadmin::stats
