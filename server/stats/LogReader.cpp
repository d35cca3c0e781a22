#include "stats/LogReader.h"

#include "Json.h"

#include <QDataStream>
#include <QIODevice>

#include <QDateTime>
#include <cstring>
#include <limits>

namespace mailadmin::stats {

namespace {

constexpr qint64 kMaxPending = 200000;
// doveadm gives storage in KiB; more than this does not fit in bytes (and is no real mailbox).
constexpr qint64 kMaxQuotaKib = std::numeric_limits<qint64>::max() / 1024;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
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

// Eight bytes at a time: this runs over every byte of every line.
bool isAscii(QByteArrayView line)
{
    const char *p = line.data();
    const char *end = p + line.size();
    quint64 high = 0;
    for (; end - p >= 8; p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        high |= word;
    }
    for (; p < end; ++p)
        high |= quint64(static_cast<unsigned char>(*p));
    return (high & 0x8080808080808080ULL) == 0;
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

// An IPv4 or IPv6 address as Dovecot writes it in `rip=`.
bool isAddress(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 45)
        return false;
    for (char c : text)
        if (!isDigit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F') && c != '.' && c != ':')
            return false;
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
    case Kind::Backend:
        o.insert(QStringLiteral("type"), QStringLiteral("backend"));
        o.insert(QStringLiteral("backend"), QString::fromUtf8(backend));
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

LogReader::LogReader(Options options)
    : m_options(std::move(options))
    , m_stamps(
          m_options.reference > 0 ? m_options.reference : QDateTime::currentSecsSinceEpoch(), m_options.zone)
{
    if (m_options.reference <= 0)
        m_options.reference = QDateTime::currentSecsSinceEpoch();
}

void LogReader::setReference(qint64 at)
{
    m_options.reference = at;
    m_stamps.setReference(at);
}

void LogReader::countSkipped(SkipReason reason)
{
    ++m_counts.read;
    ++m_counts.skipped[size_t(reason)];
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
    // A byte order mark (some editors and Windows tools write one) is not part of the first stamp.
    if (line.startsWith("\xEF\xBB\xBF"))
        line = line.sliced(3);
    if (line.size() > kMaxLine)
        return done(skip(SkipReason::TooLong));
    if (!isAscii(line) && !isValidUtf8(line))
        return done(skip(SkipReason::InvalidUtf8));

    const LogTimestamp::Stamp stamp = m_stamps.read(line);
    QByteArrayView rest;
    switch (stamp.form) {
    case LogTimestamp::Form::Syslog:
    case LogTimestamp::Form::Iso:
        if (!stamp.valid)
            return done(skip(SkipReason::Malformed));
        rest = line.sliced(stamp.length);
        break;
    case LogTimestamp::Form::Roundcube:
        // Roundcube's own log: "[29-Nov-2026 10:00:01 +0100]: <sessid> Successful login for ..."
        if (!wants(LogFormat::Roundcube))
            return done(skip(SkipReason::OtherProgram));
        if (!stamp.valid)
            return done(skip(SkipReason::Malformed));
        return done(readRoundcube(stamp.at, line.sliced(stamp.length), out));
    case LogTimestamp::Form::None:
        if (!wants(LogFormat::DoveadmQuota))
            return done(skip(SkipReason::OtherProgram));
        return done(readQuota(line, out));
    }
    const qint64 at = stamp.at;

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
    // A Dovecot proxy (or director) names the backend that holds the mailbox:
    // "proxy(user@example.com): started proxying to 192.0.2.10:143: user=<…>, …".
    if (service.endsWith("-login") && message.startsWith("proxy(")) {
        const qsizetype close = message.indexOf("): started proxying to ");
        if (close < 0)
            return skip(SkipReason::NotCounted); // the proxy's other lines (disconnects, failures)
        const QByteArrayView proxied = message.sliced(6, close - 6);
        QByteArrayView target = message.sliced(close + 23);
        const qsizetype end = target.indexOf(": ");
        if (end >= 0)
            target = target.first(end);
        // host:port, or [v6]:port
        if (target.startsWith('[')) {
            const qsizetype bracket = target.indexOf(']');
            target = bracket > 1 ? target.sliced(1, bracket - 1) : QByteArrayView();
        } else if (const qsizetype colon = target.lastIndexOf(':'); colon >= 0) {
            target = target.first(colon);
        }
        if (proxied.isEmpty() || target.isEmpty() || target.size() > 255 || target.contains(' '))
            return skip(SkipReason::Malformed);
        LogEvent e;
        e.kind = LogEvent::Kind::Backend;
        e.at = at;
        e.user = proxied.toByteArray();
        e.backend = target.toByteArray();
        out.append(std::move(e));
        return true;
    }
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
    // A line cut inside `rip=` names no address (or part of one followed by nothing a log writes there).
    if (!isAddress(remote))
        return skip(SkipReason::Malformed);
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
    if (kind + 1 >= fields.size() || !parseCount(fields.at(kind + 1), value) || value > kMaxQuotaKib)
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

namespace {
constexpr quint8 kStateVersion = 1;
// What is kept of the reader's memory with a read position: a log's pending queue ids are a few hundred at a
// time; a log that never says "removed" is bounded here as in memory.
constexpr qsizetype kMaxStateEntries = 50000;
} // namespace

QByteArray LogReader::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kStateVersion << qint32(m_stamps.year()) << qint32(m_stamps.lastMonth());
    out << qint32(std::min(m_submissions.size(), kMaxStateEntries));
    qsizetype n = 0;
    for (auto it = m_submissions.constBegin(); it != m_submissions.constEnd() && n < kMaxStateEntries;
         ++it, ++n)
        out << it.key() << it->user << it->remote << it->counted;
    out << qint32(std::min(m_smtpSessions.size(), kMaxStateEntries));
    n = 0;
    for (auto it = m_smtpSessions.constBegin(); it != m_smtpSessions.constEnd() && n < kMaxStateEntries;
         ++it, ++n)
        out << it.key() << it.value();
    out << m_quota.user << m_quota.storageKib << m_quota.messages;
    return state;
}

void LogReader::restoreState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    qint32 year = 0, lastMonth = 0, count = 0;
    in >> version;
    if (version != kStateVersion)
        return; // an older layout: start without it, as a first run would
    in >> year >> lastMonth;
    QHash<QByteArray, Submission> submissions;
    QHash<QByteArray, bool> sessions;
    PendingQuota quota;
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok && i < kMaxStateEntries; ++i) {
        QByteArray id;
        Submission s;
        in >> id >> s.user >> s.remote >> s.counted;
        submissions.insert(id, s);
    }
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok && i < kMaxStateEntries; ++i) {
        QByteArray process;
        bool counted = false;
        in >> process >> counted;
        sessions.insert(process, counted);
    }
    in >> quota.user >> quota.storageKib >> quota.messages;
    if (in.status() != QDataStream::Ok)
        return;
    // Values no run saves are damage too: the state is dropped whole rather than read into arithmetic that
    // overflows.
    const bool stampsOk = (year == 0 && lastMonth == 0)
        || (year >= 1970 && year <= 9999 && lastMonth >= 1 && lastMonth <= 12);
    if (!stampsOk || quota.storageKib < -1 || quota.storageKib > kMaxQuotaKib || quota.messages < -1)
        return;
    m_stamps.setYear(year, lastMonth);
    m_submissions = std::move(submissions);
    m_smtpSessions = std::move(sessions);
    m_quota = std::move(quota);
}

} // namespace mailadmin::stats
