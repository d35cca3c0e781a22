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
    // Civil date from days since the epoch (proleptic Gregorian), without time-zone machinery: this runs
    // for every time field of every row the server sends.
    qint64 days = epochSeconds >= 0 ? epochSeconds / 86400 : (epochSeconds - 86399) / 86400;
    const qint64 secondOfDay = epochSeconds - days * 86400;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).toString(Qt::ISODate);
    char buffer[21];
    const int h = int(secondOfDay / 3600), m = int(secondOfDay / 60 % 60), s = int(secondOfDay % 60);
    const auto two = [&](int at, int v) {
        buffer[at] = char('0' + v / 10);
        buffer[at + 1] = char('0' + v % 10);
    };
    two(0, int(year / 100));
    two(2, int(year % 100));
    buffer[4] = '-';
    two(5, month);
    buffer[7] = '-';
    two(8, day);
    buffer[10] = 'T';
    two(11, h);
    buffer[13] = ':';
    two(14, m);
    buffer[16] = ':';
    two(17, s);
    buffer[19] = 'Z';
    buffer[20] = '\0';
    return QString::fromLatin1(buffer, 20);
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
