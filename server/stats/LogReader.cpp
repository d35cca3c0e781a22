#include "LogReader.h"

#include "Json.h"

#include <QDateTime>

namespace mailadmin::stats {

namespace {

constexpr qint64 kMaxPending = 200000;

// Days from 1970-01-01 to a civil date (proleptic Gregorian).
qint64 daysFromCivil(int year, int month, int day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

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

bool parseCount(QByteArrayView text, qint64 &value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : text) {
        if (!isDigit(c))
            return false;
        v = v * 10 + (c - '0');
    }
    value = v;
    return true;
}

bool isAscii(QByteArrayView line)
{
    for (char c : line)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

bool isValidUtf8(QByteArrayView line)
{
    const auto *p = reinterpret_cast<const unsigned char *>(line.data());
    const auto *end = p + line.size();
    while (p < end) {
        const unsigned char c = *p;
        int follow = 0;
        unsigned int min = 0, code = 0;
        if (c < 0x80) {
            ++p;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            follow = 1, min = 0x80, code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            follow = 2, min = 0x800, code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            follow = 3, min = 0x10000, code = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= follow)
            return false;
        for (int i = 1; i <= follow; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[i] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        p += follow + 1;
    }
    return true;
}

// The text after `key` up to the first of `stops` (or the end).
QByteArrayView valueAfter(QByteArrayView text, QByteArrayView key, char stop = ',')
{
    const qsizetype at = text.indexOf(key);
    if (at < 0)
        return {};
    const QByteArrayView rest = text.sliced(at + key.size());
    const qsizetype end = rest.indexOf(stop);
    return end < 0 ? rest : rest.first(end);
}

// "host[192.0.2.1]" -> "192.0.2.1".
QByteArrayView addressInBrackets(QByteArrayView text)
{
    const qsizetype open = text.indexOf('[');
    const qsizetype close = open < 0 ? -1 : text.indexOf(']', open);
    return close < 0 ? QByteArrayView() : text.sliced(open + 1, close - open - 1);
}

// A Postfix queue id ("4BXyZ61jQ2z5" or "1A2B3C4D5E") followed by ": ".
QByteArrayView queueId(QByteArrayView message)
{
    const qsizetype colon = message.indexOf(": ");
    if (colon < 5 || colon > 20)
        return {};
    for (char c : message.first(colon))
        if (!isDigit(c) && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z'))
            return {};
    return message.first(colon);
}

} // namespace

std::optional<LogFormat> logFormatFromName(QStringView name)
{
    if (name == u"auto")
        return LogFormat::Auto;
    if (name == u"dovecot")
        return LogFormat::Dovecot;
    if (name == u"postfix")
        return LogFormat::Postfix;
    if (name == u"roundcube")
        return LogFormat::Roundcube;
    if (name == u"doveadm-quota")
        return LogFormat::DoveadmQuota;
    return std::nullopt;
}

QJsonObject LogEvent::toJson() const
{
    QJsonObject o {
        {QStringLiteral("time"), json::isoTime(at)}, {QStringLiteral("user"), QString::fromUtf8(user)}};
    switch (kind) {
    case Kind::Login:
        o.insert(QStringLiteral("type"), QStringLiteral("login"));
        o.insert(QStringLiteral("protocol"), QString::fromLatin1(protocol));
        o.insert(QStringLiteral("success"), success);
        if (!remote.isEmpty())
            o.insert(QStringLiteral("remote"), QString::fromUtf8(remote));
        o.insert(QStringLiteral("tls"), tls);
        break;
    case Kind::Message:
        o.insert(QStringLiteral("type"), QStringLiteral("message"));
        o.insert(QStringLiteral("recipients"), recipients);
        o.insert(QStringLiteral("bytes"), double(bytes));
        break;
    case Kind::Quota:
        o.insert(QStringLiteral("type"), QStringLiteral("quota"));
        o.insert(QStringLiteral("used_bytes"), double(bytes));
        if (messages >= 0)
            o.insert(QStringLiteral("messages"), double(messages));
        break;
    }
    return o;
}

QString skipReasonText(SkipReason reason)
{
    switch (reason) {
    case SkipReason::OtherProgram:
        return QStringLiteral("not from a program read here");
    case SkipReason::NotCounted:
        return QStringLiteral("nothing to count");
    case SkipReason::Unauthenticated:
        return QStringLiteral("mail without SASL login");
    case SkipReason::NoUser:
        return QStringLiteral("failed login without a user");
    case SkipReason::Malformed:
        return QStringLiteral("malformed or cut short");
    case SkipReason::InvalidUtf8:
        return QStringLiteral("not UTF-8");
    case SkipReason::TooLong:
        return QStringLiteral("too long");
    case SkipReason::Count:
        break;
    }
    return QString();
}

qint64 LogCounts::skippedTotal() const
{
    qint64 total = 0;
    for (qint64 n : skipped)
        total += n;
    return total;
}

LogCounts &LogCounts::operator+=(const LogCounts &other)
{
    read += other.read;
    used += other.used;
    for (size_t i = 0; i < skipped.size(); ++i)
        skipped[i] += other.skipped[i];
    return *this;
}

LogReader::LogReader(Options options) : m_options(std::move(options))
{
    if (m_options.reference <= 0)
        m_options.reference = QDateTime::currentSecsSinceEpoch();
}

void LogReader::setReference(qint64 at)
{
    m_options.reference = at;
    m_year = 0;
    m_lastMonth = 0;
}

qint64 LogReader::localToUtc(int year, int month, int day, int hour, int minute, int second)
{
    const qint64 days = daysFromCivil(year, month, day);
    const qint64 naive = days * 86400 + hour * 3600 + minute * 60 + second;
    if (m_options.zone == QTimeZone::utc())
        return naive;
    const qint64 key = days * 24 + hour;
    auto it = m_offsets.constFind(key);
    if (it == m_offsets.constEnd()) {
        const QDateTime local(QDate(year, month, day), QTime(hour, 0), m_options.zone);
        if (m_offsets.size() > 100000)
            m_offsets.clear();
        it = m_offsets.insert(key, local.isValid() ? local.offsetFromUtc() : 0);
    }
    return naive - it.value();
}

qint64 LogReader::syslogTime(int month, int day, int hour, int minute, int second)
{
    if (m_year == 0) {
        m_year = yearOf(m_options.reference);
        if (localToUtc(m_year, month, day, hour, minute, second) > m_options.reference + 86400)
            --m_year;
    } else if (month < m_lastMonth && m_lastMonth - month >= 6) {
        ++m_year; // December -> January
    } else if (month > m_lastMonth && month - m_lastMonth >= 6) {
        --m_year; // a late line of the old year
    }
    m_lastMonth = month;
    return localToUtc(m_year, month, day, hour, minute, second);
}

void LogReader::readLine(QByteArrayView line, QList<LogEvent> &out)
{
    ++m_counts.read;
    const auto done = [this](bool used) {
        if (used)
            ++m_counts.used;
        else
            ++m_counts.skipped[size_t(m_skip)];
    };
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > kMaxLine)
        return done(skip(SkipReason::TooLong));
    if (!isAscii(line) && !isValidUtf8(line))
        return done(skip(SkipReason::InvalidUtf8));

    const char *p = line.data();
    const qsizetype n = line.size();
    qint64 at = 0;
    QByteArrayView rest;
    if (n >= 16 && p[3] == ' ' && p[6] == ' ' && p[9] == ':' && p[12] == ':' && p[15] == ' '
        && monthOf(p) > 0) {
        // "Nov 29 10:00:01 "
        const int month = monthOf(p), day = number(p + 4, 2), hour = number(p + 7, 2),
                  minute = number(p + 10, 2), second = number(p + 13, 2);
        if (day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
            || second > 60)
            return done(skip(SkipReason::Malformed));
        at = syslogTime(month, day, hour, minute, second);
        rest = line.sliced(16);
    } else if (n >= 20 && p[4] == '-' && p[7] == '-' && (p[10] == 'T' || p[10] == ' ') && p[13] == ':'
        && p[16] == ':') {
        // "2026-11-29T10:00:01.123456+01:00 "
        const int year = number(p, 4), month = number(p + 5, 2), day = number(p + 8, 2),
                  hour = number(p + 11, 2), minute = number(p + 14, 2), second = number(p + 17, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
            || minute < 0 || minute > 59 || second < 0 || second > 60)
            return done(skip(SkipReason::Malformed));
        qsizetype i = 19;
        if (i < n && (p[i] == '.' || p[i] == ',')) {
            ++i;
            while (i < n && isDigit(p[i]))
                ++i;
        }
        const qint64 naive = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
        if (i < n && p[i] == 'Z') {
            at = naive;
            ++i;
        } else if (i + 5 <= n && (p[i] == '+' || p[i] == '-')) {
            const int oh = number(p + i + 1, 2);
            const bool colon = p[i + 3] == ':';
            const int om = number(p + i + (colon ? 4 : 3), 2);
            if (oh < 0 || om < 0 || (colon && i + 6 > n))
                return done(skip(SkipReason::Malformed));
            const int offset = (oh * 3600 + om * 60) * (p[i] == '-' ? -1 : 1);
            at = naive - offset;
            i += colon ? 6 : 5;
        } else {
            at = localToUtc(year, month, day, hour, minute, second);
        }
        if (i >= n || p[i] != ' ')
            return done(skip(SkipReason::Malformed));
        rest = line.sliced(i + 1);
    } else if (n > 0 && p[0] == '[') {
        // Roundcube's own log: "[29-Nov-2026 10:00:01 +0100]: <sessid> Successful login for ..."
        if (!wants(LogFormat::Roundcube))
            return done(skip(SkipReason::OtherProgram));
        const qsizetype close = line.indexOf("]: ");
        if (close < 21 || p[3] != '-' || p[7] != '-' || p[12] != ' ' || p[15] != ':' || p[18] != ':')
            return done(skip(SkipReason::Malformed));
        const int day = number(p + 1, 2), month = monthOf(p + 4), year = number(p + 8, 4),
                  hour = number(p + 13, 2), minute = number(p + 16, 2), second = number(p + 19, 2);
        if (day < 1 || day > 31 || month == 0 || year < 1970 || hour < 0 || hour > 23 || minute < 0
            || second < 0)
            return done(skip(SkipReason::Malformed));
        const QByteArrayView zone = line.sliced(21, close - 21).trimmed();
        const qsizetype sign = std::max(zone.indexOf('+'), zone.indexOf('-'));
        if (sign >= 0 && zone.size() - sign >= 5) {
            const int oh = number(zone.data() + sign + 1, 2),
                      om = number(zone.data() + sign + (zone.at(sign + 3) == ':' ? 4 : 3), 2);
            if (oh < 0 || om < 0)
                return done(skip(SkipReason::Malformed));
            const qint64 naive = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
            at = naive - (oh * 3600 + om * 60) * (zone.at(sign) == '-' ? -1 : 1);
        } else {
            at = localToUtc(year, month, day, hour, minute, second);
        }
        return done(readRoundcube(at, line.sliced(close + 3), out));
    } else {
        if (!wants(LogFormat::DoveadmQuota))
            return done(skip(SkipReason::OtherProgram));
        return done(readQuota(line, out));
    }

    // "host program[pid]: message", or "program: message" (Dovecot's own log file).
    qsizetype space = rest.indexOf(' ');
    if (space <= 0)
        return done(skip(SkipReason::Malformed));
    QByteArrayView program = rest.first(space);
    if (!program.endsWith(':')) {
        rest = rest.sliced(space + 1);
        space = rest.indexOf(' ');
        if (space <= 0)
            return done(skip(rest.endsWith(':') ? SkipReason::NotCounted : SkipReason::Malformed));
        program = rest.first(space);
        if (!program.endsWith(':'))
            return done(skip(SkipReason::OtherProgram));
    }
    program.chop(1);
    const QByteArrayView message = rest.sliced(space + 1);
    const qsizetype bracket = program.indexOf('[');
    const QByteArrayView base = bracket < 0 ? program : program.first(bracket);
    if (base == "dovecot" || base.endsWith("-login")) {
        if (!wants(LogFormat::Dovecot))
            return done(skip(SkipReason::OtherProgram));
        return done(readDovecot(at, base, message, out));
    }
    if (base.startsWith("postfix")) {
        if (!wants(LogFormat::Postfix))
            return done(skip(SkipReason::OtherProgram));
        return done(readPostfix(at, program, message, out));
    }
    if (base == "roundcube") {
        if (!wants(LogFormat::Roundcube))
            return done(skip(SkipReason::OtherProgram));
        return done(readRoundcube(at, message, out));
    }
    return done(skip(SkipReason::OtherProgram));
}

bool LogReader::readDovecot(qint64 at, QByteArrayView program, QByteArrayView message, QList<LogEvent> &out)
{
    QByteArrayView service = program;
    if (program == "dovecot") {
        // syslog: "dovecot: imap-login: Login: ..."
        const qsizetype colon = message.indexOf(": ");
        if (colon <= 0)
            return skip(SkipReason::Malformed);
        service = message.first(colon);
        message = message.sliced(colon + 2);
    }
    if (message.startsWith("Info: "))
        message = message.sliced(6);
    QByteArray protocol;
    if (service == "imap-login")
        protocol = QByteArrayLiteral("imap");
    else if (service == "pop3-login")
        protocol = QByteArrayLiteral("pop");
    else if (service == "submission-login")
        protocol = QByteArrayLiteral("smtp");
    else
        return skip(SkipReason::NotCounted);

    const bool success = message.startsWith("Login: ");
    if (!success && !message.contains("auth failed"))
        return skip(SkipReason::NotCounted);
    const qsizetype userAt = message.indexOf("user=<");
    if (userAt < 0)
        return skip(success ? SkipReason::Malformed : SkipReason::NoUser);
    const qsizetype userEnd = message.indexOf('>', userAt + 6);
    if (userEnd < 0)
        return skip(SkipReason::Malformed);
    const QByteArrayView user = message.sliced(userAt + 6, userEnd - userAt - 6);
    if (user.isEmpty())
        return skip(success ? SkipReason::Malformed : SkipReason::NoUser);
    const QByteArrayView fields = message.sliced(userEnd + 1);
    // A login line names the remote address; a line cut short in the session id is not trusted either.
    const qsizetype rip = fields.indexOf("rip=");
    if (rip < 0)
        return skip(SkipReason::Malformed);
    const qsizetype session = fields.indexOf("session=<");
    if (session >= 0 && fields.indexOf('>', session) < 0)
        return skip(SkipReason::Malformed);
    LogEvent e;
    e.kind = LogEvent::Kind::Login;
    e.at = at;
    e.user = user.toByteArray();
    e.protocol = protocol;
    e.success = success;
    QByteArrayView remote = fields.sliced(rip + 4);
    const qsizetype comma = remote.indexOf(',');
    if (comma >= 0)
        remote = remote.first(comma);
    e.remote = remote.toByteArray();
    e.tls = fields.contains(", TLS");
    out.append(std::move(e));
    return true;
}

bool LogReader::readPostfix(qint64 at, QByteArrayView program, QByteArrayView message, QList<LogEvent> &out)
{
    const qsizetype bracket = program.indexOf('[');
    const QByteArrayView name = bracket < 0 ? program : program.first(bracket);
    const QByteArrayView daemon = name.sliced(name.lastIndexOf('/') + 1);
    if (daemon == "smtpd") {
        if (message.startsWith("connect from ")) {
            if (m_smtpSessions.size() > kMaxPending)
                m_smtpSessions.clear();
            m_smtpSessions.insert(program.toByteArray(), false);
            return skip(SkipReason::NotCounted);
        }
        if (message.startsWith("disconnect from ")) {
            m_smtpSessions.remove(program.toByteArray());
            return skip(SkipReason::NotCounted);
        }
        if (message.startsWith("warning: ") && message.contains("authentication failed")) {
            const QByteArrayView user = valueAfter(message, "sasl_username=");
            if (user.isEmpty())
                return skip(SkipReason::NoUser);
            LogEvent e;
            e.at = at;
            e.user = user.trimmed().toByteArray();
            e.protocol = QByteArrayLiteral("smtp");
            e.success = false;
            e.remote = addressInBrackets(message.sliced(9)).toByteArray();
            out.append(std::move(e));
            return true;
        }
        const QByteArrayView id = queueId(message);
        if (id.isEmpty())
            return skip(SkipReason::NotCounted);
        const QByteArrayView rest = message.sliced(id.size() + 2);
        if (!rest.startsWith("client="))
            return skip(SkipReason::NotCounted);
        const QByteArrayView user = valueAfter(rest, "sasl_username=");
        if (user.isEmpty())
            return skip(rest.contains("sasl_username=") || !rest.contains(']') ? SkipReason::Malformed
                                                                               : SkipReason::Unauthenticated);
        const QByteArrayView remote = addressInBrackets(valueAfter(rest, "client="));
        if (m_submissions.size() > kMaxPending)
            m_submissions.clear();
        m_submissions.insert(id.toByteArray(), Submission {user.toByteArray(), remote.toByteArray(), false});
        // One SMTP login per smtpd session (connect .. disconnect), however many messages it sends.
        auto session = m_smtpSessions.find(program.toByteArray());
        if (session == m_smtpSessions.end() || !session.value()) {
            if (session != m_smtpSessions.end())
                session.value() = true;
            LogEvent e;
            e.at = at;
            e.user = user.toByteArray();
            e.protocol = QByteArrayLiteral("smtp");
            e.remote = remote.toByteArray();
            out.append(std::move(e));
        }
        return true;
    }
    if (daemon == "qmgr") {
        const QByteArrayView id = queueId(message);
        if (id.isEmpty())
            return skip(SkipReason::NotCounted);
        const QByteArrayView rest = message.sliced(id.size() + 2);
        if (rest == "removed") {
            m_submissions.remove(id.toByteArray());
            return skip(SkipReason::NotCounted);
        }
        if (!rest.startsWith("from=<"))
            return skip(SkipReason::NotCounted);
        qint64 size = 0, recipients = 0;
        if (!parseCount(valueAfter(rest, ", size="), size)
            || !parseCount(valueAfter(rest, ", nrcpt=", ' '), recipients))
            return skip(SkipReason::Malformed);
        const auto submission = m_submissions.find(id.toByteArray());
        if (submission == m_submissions.end())
            return skip(SkipReason::Unauthenticated);
        // A deferred message comes back to the active queue later: it is counted once.
        if (submission->counted)
            return skip(SkipReason::NotCounted);
        submission->counted = true;
        LogEvent e;
        e.kind = LogEvent::Kind::Message;
        e.at = at;
        e.user = submission->user;
        e.recipients = int(std::max<qint64>(1, recipients));
        e.bytes = size;
        out.append(std::move(e));
        return true;
    }
    return skip(SkipReason::NotCounted);
}

bool LogReader::readRoundcube(qint64 at, QByteArrayView message, QList<LogEvent> &out)
{
    if (message.startsWith('<')) {
        const qsizetype close = message.indexOf("> ");
        if (close < 0)
            return skip(SkipReason::Malformed);
        message = message.sliced(close + 2);
    }
    LogEvent e;
    e.at = at;
    e.protocol = QByteArrayLiteral("webmail");
    if (message.startsWith("Successful login for ")) {
        const QByteArrayView rest = message.sliced(21);
        const qsizetype id = rest.indexOf(" (ID: ");
        const qsizetype from = rest.indexOf(") from ");
        if (id <= 0 || from < id)
            return skip(SkipReason::Malformed);
        QByteArrayView remote = rest.sliced(from + 7);
        const qsizetype in = remote.indexOf(" in session ");
        if (in < 0)
            return skip(SkipReason::Malformed);
        e.user = rest.first(id).toByteArray();
        e.remote = remote.first(in).toByteArray();
    } else if (message.startsWith("Failed login for ")) {
        const QByteArrayView rest = message.sliced(17);
        const qsizetype in = rest.lastIndexOf(" in session ");
        const qsizetype from = in < 0 ? -1 : rest.first(in).lastIndexOf(" from ");
        if (from < 0)
            return skip(SkipReason::Malformed);
        if (from == 0)
            return skip(SkipReason::NoUser);
        e.user = rest.first(from).toByteArray();
        e.remote = rest.sliced(from + 6, in - from - 6).toByteArray();
        e.success = false;
    } else {
        return skip(SkipReason::NotCounted);
    }
    if (e.user.trimmed().isEmpty())
        return skip(SkipReason::NoUser);
    e.tls = true; // webmail is served over HTTPS
    out.append(std::move(e));
    return true;
}

bool LogReader::readQuota(QByteArrayView line, QList<LogEvent> &out)
{
    // "ann@example.com  User quota STORAGE  1024 10240  10" (values of STORAGE in KiB)
    QList<QByteArrayView> fields;
    qsizetype i = 0;
    while (i < line.size() && fields.size() < 16) {
        while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && line.at(i) != ' ' && line.at(i) != '\t')
            ++i;
        if (i > start)
            fields.append(line.sliced(start, i - start));
    }
    if (fields.isEmpty())
        return skip(SkipReason::NotCounted);
    if (fields.first() == "Username")
        return skip(SkipReason::NotCounted);
    qsizetype kind = -1;
    for (qsizetype k = 1; k < fields.size(); ++k) {
        if (fields.at(k) == "STORAGE" || fields.at(k) == "MESSAGE") {
            kind = k;
            break;
        }
    }
    if (kind < 0)
        return skip(
            m_options.format == LogFormat::DoveadmQuota ? SkipReason::Malformed : SkipReason::OtherProgram);
    qint64 value = 0;
    if (kind + 1 >= fields.size() || !parseCount(fields.at(kind + 1), value))
        return skip(SkipReason::Malformed);
    const QByteArrayView user = fields.first();
    if (m_quota.user != user) {
        flush(out);
        m_quota.user = user.toByteArray();
    }
    if (fields.at(kind) == "STORAGE")
        m_quota.storageKib = value;
    else
        m_quota.messages = value;
    return true;
}

void LogReader::flush(QList<LogEvent> &out)
{
    if (!m_quota.user.isEmpty() && m_quota.storageKib >= 0) {
        LogEvent e;
        e.kind = LogEvent::Kind::Quota;
        e.at = m_options.quotaTime > 0 ? m_options.quotaTime : m_options.reference;
        e.user = m_quota.user;
        e.bytes = m_quota.storageKib * 1024;
        e.messages = m_quota.messages;
        out.append(std::move(e));
    }
    m_quota = PendingQuota();
}

} // namespace mailadmin::stats
