#include "stats/LogTimestamp.h"

#include <QDateTime>

#include <algorithm>

namespace mailadmin::stats {

namespace {

int yearOf(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC).date().year();
}

// "Jan" .. "Dec" -> 1 .. 12; 0 otherwise.
int monthOf(const char *p)
{
    switch (p[0]) {
    case 'J':
        return p[1] == 'a' && p[2] == 'n' ? 1 : p[1] == 'u' ? (p[2] == 'n' ? 6 : p[2] == 'l' ? 7 : 0) : 0;
    case 'F':
        return p[1] == 'e' && p[2] == 'b' ? 2 : 0;
    case 'M':
        return p[1] == 'a' ? (p[2] == 'r' ? 3 : p[2] == 'y' ? 5 : 0) : 0;
    case 'A':
        return p[1] == 'p' && p[2] == 'r' ? 4 : p[1] == 'u' && p[2] == 'g' ? 8 : 0;
    case 'S':
        return p[1] == 'e' && p[2] == 'p' ? 9 : 0;
    case 'O':
        return p[1] == 'c' && p[2] == 't' ? 10 : 0;
    case 'N':
        return p[1] == 'o' && p[2] == 'v' ? 11 : 0;
    case 'D':
        return p[1] == 'e' && p[2] == 'c' ? 12 : 0;
    default:
        return 0;
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// `n` digits at `p`; -1 if any is not a digit. A leading space counts as 0 (syslog pads the day).
int number(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] == ' ' && i == 0 && n > 1)
            continue;
        if (!isDigit(p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

// The longest a month can be (February in a leap year): a syslog stamp has no year to tell more.
int longestMonth(int month)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

bool timeOfDayValid(int hour, int minute, int second)
{
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

} // namespace

qint64 LogTimestamp::daysFromCivil(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

LogTimestamp::LogTimestamp(qint64 reference, QTimeZone zone)
    : m_reference(reference > 0 ? reference : QDateTime::currentSecsSinceEpoch())
    , m_zone(std::move(zone))
    , m_utc(m_zone == QTimeZone::utc())
{ }

void LogTimestamp::setReference(qint64 at)
{
    m_reference = at;
    m_year = 0;
    m_lastMonth = 0;
}

qint64 LogTimestamp::localToUtc(int year, int month, int day, int hour, int minute, int second)
{
    const qint64 days = daysFromCivil(year, month, day);
    const qint64 naive = days * 86400 + hour * 3600 + minute * 60 + second;
    if (m_utc)
        return naive;
    const qint64 key = days * 24 + hour;
    auto it = m_offsets.constFind(key);
    if (it == m_offsets.constEnd()) {
        const QDateTime local(QDate(year, month, day), QTime(hour, 0), m_zone);
        if (m_offsets.size() > 100000)
            m_offsets.clear();
        it = m_offsets.insert(key, local.isValid() ? local.offsetFromUtc() : 0);
    }
    return naive - it.value();
}

qint64 LogTimestamp::syslogTime(int month, int day, int hour, int minute, int second)
{
    if (m_year == 0) {
        m_year = yearOf(m_reference);
        if (localToUtc(m_year, month, day, hour, minute, second) > m_reference + 86400)
            --m_year;
    } else if (month < m_lastMonth && m_lastMonth - month >= 6) {
        ++m_year; // December -> January
    } else if (month > m_lastMonth && month - m_lastMonth >= 6) {
        --m_year; // a late line of the old year
    }
    // Months that swing back and forth by half a year move the year one way each time: it stays within the
    // years a stamp can name (and within the int it is kept in).
    m_year = std::clamp(m_year, 1970, 9999);
    m_lastMonth = month;
    return localToUtc(m_year, month, day, hour, minute, second);
}

LogTimestamp::Stamp LogTimestamp::read(QByteArrayView line)
{
    Stamp stamp;
    const char *p = line.data();
    const qsizetype n = line.size();
    if (n >= 16 && p[3] == ' ' && p[6] == ' ' && p[9] == ':' && p[12] == ':' && p[15] == ' '
        && monthOf(p) > 0) {
        // "Nov 29 10:00:01 "
        stamp.form = Form::Syslog;
        const int month = monthOf(p), day = number(p + 4, 2), hour = number(p + 7, 2),
                  minute = number(p + 10, 2), second = number(p + 13, 2);
        if (day < 1 || day > longestMonth(month) || !timeOfDayValid(hour, minute, second))
            return stamp;
        stamp.at = syslogTime(month, day, hour, minute, second);
        if (!QDate::isValid(m_year, month, day))
            return stamp; // 29 February of a year that has none
        stamp.length = 16;
        stamp.valid = true;
        return stamp;
    }
    if (n >= 20 && p[4] == '-' && p[7] == '-' && (p[10] == 'T' || p[10] == ' ') && p[13] == ':'
        && p[16] == ':') {
        // "2026-11-29T10:00:01.123456+01:00 "
        stamp.form = Form::Iso;
        const int year = number(p, 4), month = number(p + 5, 2), day = number(p + 8, 2),
                  hour = number(p + 11, 2), minute = number(p + 14, 2), second = number(p + 17, 2);
        if (year < 1970 || !QDate::isValid(year, month, day) || !timeOfDayValid(hour, minute, second))
            return stamp;
        qsizetype i = 19;
        if (i < n && (p[i] == '.' || p[i] == ',')) {
            ++i;
            while (i < n && isDigit(p[i]))
                ++i;
        }
        const qint64 naive = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
        if (i < n && p[i] == 'Z') {
            stamp.at = naive;
            ++i;
        } else if (i + 5 <= n && (p[i] == '+' || p[i] == '-')) {
            const int oh = number(p + i + 1, 2);
            const bool colon = p[i + 3] == ':';
            if (colon && i + 6 > n)
                return stamp;
            const int om = number(p + i + (colon ? 4 : 3), 2);
            if (oh < 0 || om < 0)
                return stamp;
            stamp.at = naive - (oh * 3600 + om * 60) * (p[i] == '-' ? -1 : 1);
            i += colon ? 6 : 5;
        } else {
            stamp.at = localToUtc(year, month, day, hour, minute, second);
        }
        if (i >= n || p[i] != ' ')
            return stamp;
        stamp.length = i + 1;
        stamp.valid = true;
        return stamp;
    }
    if (n > 0 && p[0] == '[') {
        // "[29-Nov-2026 10:00:01 +0100]: "
        stamp.form = Form::Roundcube;
        const qsizetype close = line.indexOf("]: ");
        if (close < 21 || p[3] != '-' || p[7] != '-' || p[12] != ' ' || p[15] != ':' || p[18] != ':')
            return stamp;
        const int day = number(p + 1, 2), month = monthOf(p + 4), year = number(p + 8, 4),
                  hour = number(p + 13, 2), minute = number(p + 16, 2), second = number(p + 19, 2);
        if (year < 1970 || !QDate::isValid(year, month, day) || !timeOfDayValid(hour, minute, second))
            return stamp;
        const QByteArrayView zone = line.sliced(21, close - 21).trimmed();
        const qsizetype sign = std::max(zone.indexOf('+'), zone.indexOf('-'));
        if (sign >= 0 && zone.size() - sign >= 5) {
            const int oh = number(zone.data() + sign + 1, 2),
                      om = number(zone.data() + sign + (zone.at(sign + 3) == ':' ? 4 : 3), 2);
            if (oh < 0 || om < 0)
                return stamp;
            const qint64 naive = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
            stamp.at = naive - (oh * 3600 + om * 60) * (zone.at(sign) == '-' ? -1 : 1);
        } else {
            stamp.at = localToUtc(year, month, day, hour, minute, second);
        }
        stamp.length = close + 3;
        stamp.valid = true;
        return stamp;
    }
    return stamp;
}

} // namespace mailadmin::stats
