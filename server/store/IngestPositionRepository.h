#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mailadmin::store {

// Which file a read position belongs to: the same file keeps its device and inode through a rename.
struct FileIdentity
{
    QString host;
    qint64 device = 0;
    qint64 inode = 0;

    bool operator==(const FileIdentity &other) const = default;
};

// How far a log file was read: every line before `offset` is counted, and `readerState` holds what the reader
// still remembered there (queue ids waiting for their message line, the year of syslog stamps).
struct ReadPosition
{
    FileIdentity file;
    QString path; // where it was last read, for people looking at the table
    qint64 fingerprintLength = 0; // bytes the fingerprint covers
    QByteArray fingerprint; // SHA-256 of those first bytes, hex
    qint64 offset = 0;
    QByteArray readerState;
};

// Read positions of `mailadmind ingest`, updated in the same transaction as the events the lines produced.
class IngestPositionRepository
{
public:
    explicit IngestPositionRepository(Database &db) : m_db(db) { }

    Result<std::optional<ReadPosition>> find(const FileIdentity &file) const;
    Status save(const ReadPosition &position, qint64 now) const;
    // Forgets positions not updated since `before` (files long gone); returns how many.
    Result<qint64> purgeBefore(qint64 before) const;

private:
    Database &m_db;
};

} // namespace mailadmin::store
