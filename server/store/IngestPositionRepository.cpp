#include "store/IngestPositionRepository.h"

namespace mailadmin::store {

Result<std::optional<ReadPosition>> IngestPositionRepository::find(const FileIdentity &file) const
{
    Statement q = m_db.prepare(
        QStringLiteral("SELECT path, fingerprint_length, fingerprint, read_offset, reader_state FROM "
                       "ingest_positions WHERE host = ? AND device = ? AND inode = ?"));
    q.bind(file.host).bind(file.device).bind(file.inode);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return std::optional<ReadPosition>();
    ReadPosition p;
    p.file = file;
    p.path = q.toString(0);
    p.fingerprintLength = q.toInt(1);
    p.fingerprint = q.toString(2).toLatin1();
    p.offset = q.toInt(3);
    p.readerState = q.value(4).toByteArray();
    return std::optional<ReadPosition>(std::move(p));
}

Status IngestPositionRepository::save(const ReadPosition &p, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO ingest_positions (host, device, inode, path, fingerprint_length, fingerprint, "
        "read_offset, reader_state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (host, "
        "device, "
        "inode) DO UPDATE SET path = excluded.path, fingerprint_length = excluded.fingerprint_length, "
        "fingerprint = excluded.fingerprint, read_offset = excluded.read_offset, reader_state = "
        "excluded.reader_state, updated_at = excluded.updated_at"));
    q.bind(p.file.host)
        .bind(p.file.device)
        .bind(p.file.inode)
        .bind(p.path)
        .bind(p.fingerprintLength)
        .bind(QString::fromLatin1(p.fingerprint))
        .bind(p.offset)
        .bind(p.readerState.isNull() ? QByteArray("") : p.readerState)
        .bind(now);
    return q.exec();
}

Result<qint64> IngestPositionRepository::purgeBefore(qint64 before) const
{
    Statement q = m_db.prepare(QStringLiteral("DELETE FROM ingest_positions WHERE updated_at < ?"));
    q.bind(before);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return qint64(q.rowsAffected());
}

} // namespace mailadmin::store
