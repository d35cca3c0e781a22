#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QTimeZone>

namespace mailadmin::stats {

// Reads the time stamp at the start of a log line, in the three forms mail servers write: traditional syslog
// ("Nov 29 10:00:01 ", no year, no zone), RFC 3339 / ISO 8601 ("2026-11-29T10:00:01.123456+01:00 ") and
// Roundcube's own ("[29-Nov-2026 10:00:01 +0100]: "). Syslog stamps take their year from a reference time and
// the order of the lines, so one parser reads one file.
class LogTimestamp
{
public:
    enum class Form
    {
        None, // the line does not start with a stamp
        Syslog,
        Iso,
        Roundcube
    };
    struct Stamp
    {
        Form form = Form::None;
        bool valid = false; // false: the shape of a stamp with an impossible field
        qint64 at = 0; // seconds since the epoch, UTC
        qsizetype length = 0; // bytes up to the text after it (its trailing space, or "]: ")
    };

    // `reference`: when the log was last written (syslog stamps take its year); `zone`: of stamps without
    // an offset.
    LogTimestamp(qint64 reference, QTimeZone zone);

    Stamp read(QByteArrayView line);

    void setReference(qint64 at);
    // The year syslog stamps are in now, and the month of the last one; kept with a read position so a
    // restart dates the next lines as the previous run would have.
    int year() const { return m_year; }
    int lastMonth() const { return m_lastMonth; }
    void setYear(int year, int lastMonth)
    {
        m_year = year;
        m_lastMonth = lastMonth;
    }

    // Days from 1970-01-01 to a civil date (proleptic Gregorian).
    static qint64 daysFromCivil(int year, int month, int day);

private:
    qint64 syslogTime(int month, int day, int hour, int minute, int second);
    qint64 localToUtc(int year, int month, int day, int hour, int minute, int second);

    qint64 m_reference = 0;
    QTimeZone m_zone;
    bool m_utc = false;
    int m_year = 0;
    int m_lastMonth = 0;
    QHash<qint64, int> m_offsets; // local hour -> offset from UTC in seconds
};

} // namespace mailadmin::stats
