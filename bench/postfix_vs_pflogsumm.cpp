// Reads one Postfix log two ways, MailAdmin's LogReader and pflogsumm (Debian package), and compares the
// messages each counts per authenticated sender; prints both tools' times side by side.
//   bench_postfix_vs_pflogsumm [--messages N] [--runs N] [--keep FILE]
// The generated log mixes SASL submissions (submission and smtps services, syslog and RFC 3339 stamps),
// inbound mail, messages deferred and retried, failed AUTH attempts and delivery lines.

#include "stats/LogReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace mailadmin;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QByteArray stampOf(qint64 second, bool iso)
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

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
        QStringLiteral("Messages in the log (default 200000)."), QStringLiteral("n"),
        QStringLiteral("200000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Runs of each tool (default 3)."), QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep"), QStringLiteral("Also write the log to this file."), QStringLiteral("file"));
    parser.addOptions({messagesOption, runsOption, keepOption});
    parser.process(app);
    const int messages = std::max(100, parser.value(messagesOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    const QString path
        = parser.isSet(keepOption) ? parser.value(keepOption) : dir.filePath(QStringLiteral("mail.log"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << "cannot write " << path << '\n';
        return 1;
    }
    // Generate.
    QRandomGenerator rng(11);
    const qint64 start = 1795478400; // 2026-11-24 00:00 UTC
    QMap<QByteArray, qint64> truth; // authenticated sender -> messages
    qint64 isoLines = 0;
    for (int m = 0; m < messages; ++m) {
        const qint64 t = start + qint64(m) * 3 * 86400 / messages;
        const bool iso = m % 10 == 9; // some hosts log RFC 3339 stamps
        const QByteArray s = stampOf(t, iso);
        QByteArray id = QByteArray::number(0x4A000000 + m, 16).toUpper() + QByteArray::number(m % 97);
        const QByteArray host = " mx1 ";
        QByteArray lines;
        const int kind = int(rng.bounded(100));
        if (kind < 60) {
            const QByteArray user = "user" + QByteArray::number(rng.bounded(800)) + "@example"
                + QByteArray::number(rng.bounded(5)) + ".com";
            const QByteArray service = kind < 45 ? "postfix/submission/smtpd" : "postfix/smtps/smtpd";
            const QByteArray pid = QByteArray::number(10000 + m % 5000);
            lines += s + host + service + '[' + pid + "]: connect from client.example.net[192.0.2."
                + QByteArray::number(m % 250) + "]\n";
            lines += s + host + service + '[' + pid + "]: " + id + ": client=client.example.net[192.0.2."
                + QByteArray::number(m % 250) + "], sasl_method=PLAIN, sasl_username=" + user + '\n';
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
            lines += s + host + service + '[' + pid + "]: disconnect from client.example.net[192.0.2."
                + QByteArray::number(m % 250) + "]\n";
            ++truth[user];
        } else if (kind < 95) {
            lines += s + host + "postfix/smtpd[4001]: " + id + ": client=mail.remote.example[203.0.113.9]\n";
            lines += s + host + "postfix/qmgr[900]: " + id + ": from=<news@remote"
                + QByteArray::number(rng.bounded(50)) + ".example>, size=4000, nrcpt=1 (queue active)\n";
            lines += s + host + "postfix/lmtp[4002]: " + id
                + ": to=<user1@example1.com>, relay=mail[private/dovecot-lmtp], status=sent (250 Ok)\n";
            lines += s + host + "postfix/qmgr[900]: " + id + ": removed\n";
        } else {
            lines += s + host
                + "postfix/submission/smtpd[5001]: warning: unknown[198.51.100.7]: SASL LOGIN authentication "
                  "failed: UGFzc3dvcmQ6\n";
        }
        if (iso)
            isoLines += lines.count('\n');
        file.write(lines);
    }
    file.close();
    const qint64 size = QFileInfo(path).size();

    // MailAdmin.
    QList<double> oursTimes;
    QHash<QByteArray, qint64> ours;
    stats::LogCounts counts;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return 1;
        stats::LogReader::Options options;
        options.zone = QTimeZone::utc();
        options.reference = start + 4 * 86400;
        options.format = stats::LogFormat::Postfix;
        stats::LogReader reader(options);
        QList<stats::LogEvent> events;
        ours.clear();
        while (!in.atEnd()) {
            QByteArray line = in.readLine();
            if (line.endsWith('\n'))
                line.chop(1);
            reader.readLine(line, events);
            if (events.size() > 10000) {
                for (const stats::LogEvent &e : std::as_const(events))
                    if (e.kind == stats::LogEvent::Kind::Message)
                        ++ours[e.user];
                events.clear();
            }
        }
        for (const stats::LogEvent &e : std::as_const(events))
            if (e.kind == stats::LogEvent::Kind::Message)
                ++ours[e.user];
        counts = reader.counts();
        oursTimes.append(double(timer.nsecsElapsed()) / 1e6);
    }

    // pflogsumm.
    QList<double> theirTimes;
    QHash<QByteArray, qint64> theirs;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QProcess p;
        p.start(QStringLiteral("pflogsumm"),
            {QStringLiteral("-u"), QStringLiteral("1000000"), QStringLiteral("-h"), QStringLiteral("0"),
                path});
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            QTextStream(stderr) << "pflogsumm failed (install the pflogsumm package): "
                                << p.readAllStandardError() << '\n';
            return 1;
        }
        theirTimes.append(double(timer.nsecsElapsed()) / 1e6);
        const QList<QByteArray> report = p.readAllStandardOutput().split('\n');
        theirs.clear();
        // "top N Senders by message count", a rule, then "  count   address" rows up to an empty line.
        static const QRegularExpression row(QStringLiteral("^\\s+(\\d+)\\s+(\\S+)$"));
        qsizetype i = 0;
        while (i < report.size() && !report.at(i).contains("Senders by message count"))
            ++i;
        for (i += 2; i < report.size() && !report.at(i).trimmed().isEmpty(); ++i) {
            const auto m = row.match(QString::fromLatin1(report.at(i)));
            if (m.hasMatch())
                theirs.insert(m.captured(2).toLatin1(), m.captured(1).toLongLong());
        }
    }

    // Compare, sender by authenticated sender.
    int agree = 0, differ = 0;
    QStringList differences;
    for (auto it = truth.constBegin(); it != truth.constEnd(); ++it) {
        const qint64 a = ours.value(it.key()), b = theirs.value(it.key());
        if (a == b)
            ++agree;
        else {
            ++differ;
            if (differences.size() < 10)
                differences << QStringLiteral("%1: MailAdmin %2, pflogsumm %3 (generated %4)")
                                   .arg(QString::fromLatin1(it.key()))
                                   .arg(a)
                                   .arg(b)
                                   .arg(it.value());
        }
    }
    qint64 oursTotal = 0, truthTotal = 0;
    for (qint64 n : std::as_const(ours))
        oursTotal += n;
    for (qint64 n : std::as_const(truth))
        truthTotal += n;

    out() << "Postfix log: " << messages << " messages, " << counts.read << " lines (" << size / (1024 * 1024)
          << " MiB), " << isoLines << " lines with RFC 3339 stamps\n";
    out() << "Authenticated senders: " << truth.size() << "; per-sender counts agree for " << agree
          << ", differ for " << differ << '\n';
    for (const QString &d : differences)
        out() << "  " << d << '\n';
    out() << "MailAdmin counted " << oursTotal << " authenticated messages (generated " << truthTotal
          << ")\n";
    out() << "Time, median of " << runs << " runs:  MailAdmin LogReader " << qint64(median(oursTimes))
          << " ms   pflogsumm " << qint64(median(theirTimes)) << " ms\n";
    out() << "MailAdmin line counts: " << counts.used << " used";
    for (int i = 0; i < int(stats::SkipReason::Count); ++i)
        if (counts.skipped[size_t(i)] > 0)
            out() << ", " << counts.skipped[size_t(i)] << ' ' << stats::skipReasonText(stats::SkipReason(i));
    out() << '\n';
    return differ == 0 ? 0 : 1;
}
