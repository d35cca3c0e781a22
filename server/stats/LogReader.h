#pragma once

#include "stats/LogTimestamp.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

#include <array>
#include <optional>

namespace mailadmin::stats {

// Which program wrote the lines; Auto recognises each line by itself.
enum class LogFormat
{
    Auto,
    Dovecot,
    Postfix,
    Roundcube,
    DoveadmQuota
};
std::optional<LogFormat> logFormatFromName(QStringView name);

// One stats event read from a log, ready for the ingest API.
struct LogEvent
{
    enum class Kind : quint8
    {
        Login,
        Message,
        Quota,
        Backend // a proxy handed the user's session to the backend host that holds the mailbox
    };
    Kind kind = Kind::Login;
    qint64 at = 0; // seconds since the epoch, UTC
    QByteArray user;
    QByteArray protocol; // logins: imap, pop, webmail, smtp
    bool success = true;
    QByteArray remote;
    bool tls = false;
    int recipients = 0;
    qint64 bytes = 0; // message size, or storage used for a quota sample
    qint64 messages = -1; // quota samples: messages stored, -1 when not reported
    QByteArray backend; // Backend: the host the session went to

    QJsonObject toJson() const;
};

// Why a line gave nothing.
enum class SkipReason
{
    OtherProgram, // not a line of a program we read (or not of the one asked for)
    NotCounted, // a line of a known program that says nothing we count (deliveries, cleanup, ...)
    Unauthenticated, // mail not sent by a SASL-authenticated user (inbound, local)
    NoUser, // an authentication failure that names no user
    Malformed, // cut short or not in the program's format
    InvalidUtf8,
    TooLong,
    Count
};
QString skipReasonText(SkipReason reason);

struct LogCounts
{
    qint64 read = 0;
    qint64 used = 0;
    std::array<qint64, int(SkipReason::Count)> skipped {};

    qint64 skippedTotal() const;
    LogCounts &operator+=(const LogCounts &other);
};

// Turns log lines of Dovecot (logins, authentication failures), Postfix (mail submitted by SASL users: the
// smtpd line with sasl_username joined to the qmgr line with from, size and nrcpt by queue id), Roundcube
// (successful and failed webmail logins) and `doveadm quota get -A` into stats events. Never throws and
// never gives up on a bad line: it is counted and skipped.
class LogReader
{
public:
    struct Options
    {
        LogFormat format = LogFormat::Auto;
        // Syslog stamps have no year: it is the year of `reference` (when the log was last written), one
        // earlier if that puts the first line after it; a month going back (December to January) adds one.
        qint64 reference = 0;
        // Zone of stamps without an offset.
        QTimeZone zone = QTimeZone::systemTimeZone();
        // Time given to quota samples (doveadm output carries none).
        qint64 quotaTime = 0;
    };

    explicit LogReader(Options options);

    // Reads one line (without its line break) and appends the events it completes.
    void readLine(QByteArrayView line, QList<LogEvent> &out);
    // Writes what still waits for more lines (a quota row's other half).
    void flush(QList<LogEvent> &out);

    // Counts a line not handed to readLine (one too long to keep, skipped by the file reader).
    void countSkipped(SkipReason reason);

    // What the reader remembers between lines (queue ids waiting for their message line, SMTP sessions, a
    // quota row's first half, the year of syslog stamps), so a later run resumes in the same state.
    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

    const LogCounts &counts() const { return m_counts; }
    void setQuotaTime(qint64 at) { m_options.quotaTime = at; }
    void setReference(qint64 at);

    static constexpr qsizetype kMaxLine = 16 * 1024;

private:
    // Each returns whether the line was used; on false `m_skip` says why.
    bool readDovecot(qint64 at, QByteArrayView program, QByteArrayView message, QList<LogEvent> &out);
    bool readPostfix(qint64 at, QByteArrayView program, QByteArrayView message, QList<LogEvent> &out);
    bool readRoundcube(qint64 at, QByteArrayView message, QList<LogEvent> &out);
    bool readQuota(QByteArrayView line, QList<LogEvent> &out);
    bool wants(LogFormat format) const
    {
        return m_options.format == LogFormat::Auto || m_options.format == format;
    }

    bool skip(SkipReason reason)
    {
        m_skip = reason;
        return false;
    }

    Options m_options;
    LogCounts m_counts;
    SkipReason m_skip = SkipReason::Malformed;
    LogTimestamp m_stamps;

    struct Submission
    {
        QByteArray user;
        QByteArray remote;
        bool counted = false;
    };
    QHash<QByteArray, Submission> m_submissions; // Postfix queue id -> SASL user
    QHash<QByteArray, bool> m_smtpSessions; // smtpd process -> login already counted
    struct PendingQuota
    {
        QByteArray user;
        qint64 storageKib = -1;
        qint64 messages = -1;
    };
    PendingQuota m_quota;
};

} // namespace mailadmin::stats
