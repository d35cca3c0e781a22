#pragma once

// A generated Postfix log as a busy submission server writes it, for the benches that compare MailAdmin with
// pflogsumm: SASL submissions through the `submission` and `submissions` services (connect, client with
// sasl_username, cleanup, qmgr, delivery, removed, disconnect), inbound mail, messages deferred and retried,
// failed AUTH attempts; a tenth of the messages logged with RFC 3339 stamps by a second host.

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QList>
#include <QMap>
#include <QRandomGenerator>

#include <optional>

namespace mailadmin::bench {

struct PostfixLog
{
    qint64 lines = 0;
    qint64 isoLines = 0;
    QMap<QByteArray, qint64> messagesBySender; // authenticated sender -> messages submitted
};

inline QByteArray postfixStamp(qint64 second, bool iso)
{
    static const char *months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime t = QDateTime::fromSecsSinceEpoch(second, Qt::UTC);
    if (iso)
        return t.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss.zzz000+00:00")).toLatin1();
    return QByteArray(months[t.date().month() - 1]) + ' '
        + QByteArray::number(t.date().day()).rightJustified(2, ' ') + ' '
        + t.toString(QStringLiteral("hh:mm:ss")).toLatin1();
}

// Writes messages until the log holds at least `minLines` lines (or `messages` messages when `minLines` is
// 0), spread over three days from `start`; senders are drawn from `users`.
inline PostfixLog writePostfixLog(
    QFile &file, const QList<QByteArray> &users, qint64 start, qint64 messages, qint64 minLines = 0)
{
    PostfixLog log;
    QRandomGenerator rng(11);
    const qint64 expected = minLines > 0 ? minLines / 6 : messages; // about six lines a message
    for (qint64 m = 0; minLines > 0 ? log.lines < minLines : m < messages; ++m) {
        const qint64 t = start + std::min(m, expected) * 3 * 86400 / expected;
        const bool iso = m % 10 == 9; // another host logs RFC 3339 stamps
        const QByteArray s = postfixStamp(t, iso);
        const QByteArray id = QByteArray::number(0x4A000000 + m, 16).toUpper() + QByteArray::number(m % 97);
        const QByteArray host = iso ? " mx2 " : " mx1 ";
        QByteArray lines;
        const int kind = int(rng.bounded(100));
        if (kind < 60) {
            const QByteArray &user = users.at(int(rng.bounded(int(users.size()))));
            const QByteArray service = kind < 45 ? "postfix/submission/smtpd" : "postfix/submissions/smtpd";
            const QByteArray pid = QByteArray::number(10000 + m % 5000);
            const QByteArray client = "client.example.net[192.0.2." + QByteArray::number(m % 250) + ']';
            lines += s + host + service + '[' + pid + "]: connect from " + client + '\n';
            lines += s + host + service + '[' + pid + "]: " + id + ": client=" + client
                + ", sasl_method=PLAIN, sasl_username=" + user + '\n';
            lines += s + host + "postfix/cleanup[2001]: " + id + ": message-id=<" + QByteArray::number(m)
                + "@example.com>\n";
            const QByteArray from = s + host + "postfix/qmgr[900]: " + id + ": from=<" + user
                + ">, size=" + QByteArray::number(1000 + rng.bounded(90000))
                + ", nrcpt=" + QByteArray::number(1 + rng.bounded(5)) + " (queue active)\n";
            lines += from;
            if (kind < 5) { // deferred, retried later
                lines += s + host + "postfix/smtp[3001]: " + id
                    + ": to=<x@remote.example>, relay=none, delay=1, status=deferred (connect timed out)\n";
                lines += from;
            }
            lines += s + host + "postfix/smtp[3001]: " + id
                + ": to=<x@remote.example>, relay=mx.remote.example[203.0.113.5]:25, delay=1, "
                  "dsn=2.0.0, status=sent (250 2.0.0 Ok)\n";
            lines += s + host + "postfix/qmgr[900]: " + id + ": removed\n";
            lines += s + host + service + '[' + pid + "]: disconnect from " + client + '\n';
            ++log.messagesBySender[user];
        } else if (kind < 95) {
            lines += s + host + "postfix/smtpd[4001]: " + id + ": client=mail.remote.example[203.0.113.9]\n";
            lines += s + host + "postfix/qmgr[900]: " + id + ": from=<news@remote"
                + QByteArray::number(rng.bounded(50)) + ".example>, size=4000, nrcpt=1 (queue active)\n";
            lines += s + host + "postfix/lmtp[4002]: " + id + ": to=<" + users.first()
                + ">, relay=mail[private/dovecot-lmtp], status=sent (250 Ok)\n";
            lines += s + host + "postfix/qmgr[900]: " + id + ": removed\n";
        } else {
            lines += s + host
                + "postfix/submission/smtpd[5001]: warning: unknown[198.51.100.7]: SASL LOGIN authentication "
                  "failed: UGFzc3dvcmQ6\n";
        }
        const qint64 n = lines.count('\n');
        log.lines += n;
        if (iso)
            log.isoLines += n;
        file.write(lines);
    }
    return log;
}

} // namespace mailadmin::bench

#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

namespace mailadmin::bench {

// Runs pflogsumm (Debian package) on the log; returns its messages per sender, or nothing if it failed.
inline std::optional<QHash<QByteArray, qint64>> runPflogsumm(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pflogsumm"),
        {QStringLiteral("-u"), QStringLiteral("1000000"), QStringLiteral("-h"), QStringLiteral("0"), path});
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        QTextStream(stderr) << "pflogsumm failed (install the pflogsumm package): "
                            << p.readAllStandardError() << '\n';
        return std::nullopt;
    }
    const QList<QByteArray> report = p.readAllStandardOutput().split('\n');
    QHash<QByteArray, qint64> senders;
    // "top N Senders by message count", a rule, then "  count   address" rows up to an empty line.
    static const QRegularExpression row(QStringLiteral("^\\s+(\\d+)\\s+(\\S+)$"));
    qsizetype i = 0;
    while (i < report.size() && !report.at(i).contains("Senders by message count"))
        ++i;
    for (i += 2; i < report.size() && !report.at(i).trimmed().isEmpty(); ++i) {
        const auto m = row.match(QString::fromLatin1(report.at(i)));
        if (m.hasMatch())
            senders.insert(m.captured(2).toLatin1(), m.captured(1).toLongLong());
    }
    return senders;
}

} // namespace mailadmin::bench
