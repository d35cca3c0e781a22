#include "stats/LogIngestCollector.h"

#include "Json.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>

namespace mailadmin::stats {

namespace {

constexpr qint64 kKeepPositions = 90 * 86400;

QString keyOf(const store::FileIdentity &file)
{
    return QStringLiteral("%1 %2 %3").arg(file.host).arg(file.device).arg(file.inode);
}

} // namespace

CollectorTarget::CollectorTarget(IngestClient &client, QString stateFile, bool fresh)
    : m_client(client), m_stateFile(std::move(stateFile))
{
    if (fresh)
        m_salt = QByteArray::number(QRandomGenerator::system()->generate64(), 16);
}

Status CollectorTarget::load()
{
    if (m_stateFile.isEmpty())
        return Status::success();
    QFile file(m_stateFile);
    if (!file.exists())
        return Status::success();
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            ErrorKind::Unavailable, QStringLiteral("Cannot read the state file %1.").arg(m_stateFile));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(ErrorKind::Malformed,
            QStringLiteral("The state file %1 is not one this program wrote (%2); move it away to read the "
                           "files from their start.")
                .arg(m_stateFile, error.errorString()));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const QJsonValue &v : doc.object().value(QLatin1String("positions")).toArray()) {
        const QJsonObject o = v.toObject();
        Kept kept;
        store::ReadPosition &p = kept.position;
        p.file.host = o.value(QLatin1String("host")).toString();
        p.file.device = qint64(o.value(QLatin1String("device")).toDouble());
        p.file.inode = qint64(o.value(QLatin1String("inode")).toDouble());
        p.path = o.value(QLatin1String("path")).toString();
        p.fingerprintLength = qint64(o.value(QLatin1String("fingerprint_length")).toDouble());
        p.fingerprint = o.value(QLatin1String("fingerprint")).toString().toLatin1();
        p.offset = qint64(o.value(QLatin1String("offset")).toDouble());
        p.readerState = QByteArray::fromBase64(o.value(QLatin1String("reader_state")).toString().toLatin1());
        kept.updatedAt = qint64(o.value(QLatin1String("updated_at")).toDouble());
        if (kept.updatedAt >= now - kKeepPositions)
            m_positions.insert(keyOf(p.file), kept);
    }
    return Status::success();
}

Status CollectorTarget::save()
{
    QJsonArray list;
    for (const Kept &kept : std::as_const(m_positions)) {
        const store::ReadPosition &p = kept.position;
        list.append(QJsonObject {{QStringLiteral("host"), p.file.host},
            {QStringLiteral("device"), double(p.file.device)},
            {QStringLiteral("inode"), double(p.file.inode)}, {QStringLiteral("path"), p.path},
            {QStringLiteral("fingerprint_length"), double(p.fingerprintLength)},
            {QStringLiteral("fingerprint"), QString::fromLatin1(p.fingerprint)},
            {QStringLiteral("offset"), double(p.offset)},
            {QStringLiteral("reader_state"), QString::fromLatin1(p.readerState.toBase64())},
            {QStringLiteral("updated_at"), double(kept.updatedAt)}});
    }
    QSaveFile file(m_stateFile);
    if (!file.open(QIODevice::WriteOnly))
        return Error::make(
            ErrorKind::Unavailable, QStringLiteral("Cannot write the state file %1.").arg(m_stateFile));
    file.write(
        QJsonDocument(QJsonObject {{QStringLiteral("positions"), list}}).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Error::make(
            ErrorKind::Unavailable, QStringLiteral("Cannot write the state file %1.").arg(m_stateFile));
    return Status::success();
}

Result<std::optional<store::ReadPosition>> CollectorTarget::position(const store::FileIdentity &file)
{
    const auto it = m_positions.constFind(keyOf(file));
    if (it == m_positions.constEnd())
        return std::optional<store::ReadPosition>();
    return std::optional<store::ReadPosition>(it->position);
}

Result<service::IngestReport> CollectorTarget::write(
    const QList<LogEvent> &events, const QList<store::ReadPosition> &positions)
{
    service::IngestReport report;
    if (!events.isEmpty()) {
        // The same lines read from the same place make the same key.
        QCryptographicHash key(QCryptographicHash::Sha256);
        key.addData(m_salt);
        for (const store::ReadPosition &p : positions) {
            const auto before = m_positions.constFind(keyOf(p.file));
            key.addData(keyOf(p.file).toUtf8());
            key.addData(p.fingerprint);
            key.addData(QByteArray::number(before == m_positions.constEnd() ? 0 : before->position.offset));
            key.addData(QByteArray::number(p.offset));
        }
        key.addData(QByteArray::number(events.size()));
        QList<QJsonObject> batch;
        batch.reserve(events.size());
        for (const LogEvent &e : events)
            batch.append(e.toJson());
        const Result<service::IngestReport> sent = m_client.send(batch, key.result().toHex());
        if (!sent.ok())
            return sent.error();
        report = sent.value();
    }
    if (m_stateFile.isEmpty() || positions.isEmpty())
        return report;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const store::ReadPosition &p : positions)
        m_positions.insert(keyOf(p.file), Kept {p, now});
    if (Status s = save(); !s.ok())
        return s.error();
    return report;
}

} // namespace mailadmin::stats
