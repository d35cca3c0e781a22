#include "Json.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace mailadmin::json {

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::make(ErrorKind::Malformed,
            QStringLiteral("The body is not valid JSON (%1 at offset %2).")
                .arg(error.errorString())
                .arg(error.offset));
    if (!doc.isObject())
        return Error::make(ErrorKind::Malformed, QStringLiteral("The body must be a JSON object."));
    return doc.object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString isoTime(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).toString(Qt::ISODate);
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

qint64 parseIsoTime(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        // A plain date means its start, UTC.
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return -1;
        t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC);
    return t.toSecsSinceEpoch();
}

} // namespace mailadmin::json
