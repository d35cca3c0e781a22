// Log parsing speed on one core: Dovecot lines (logins, failed logins, other service lines) as Dovecot writes
// them through syslog, read by the same LogReader `mailadmind ingest` uses. Prints lines per second, the
// median of several runs.
//   bench_log_parse [--lines N] [--runs N]

#include "stats/LogReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>

using namespace mailadmin;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption linesOption(QStringLiteral("lines"),
        QStringLiteral("Lines per run (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (default 5)."),
        QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({linesOption, runsOption});
    parser.process(app);
    const int lines = std::max(1000, parser.value(linesOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    // A log of realistic lines: 70 % logins, 10 % failed logins, 20 % other Dovecot lines.
    QRandomGenerator rng(42);
    QByteArray log;
    log.reserve(qsizetype(lines) * 170);
    static const char *services[] = {"imap-login", "pop3-login", "submission-login", "imap-login"};
    for (int i = 0; i < lines; ++i) {
        const int second = i / 20;
        const QByteArray stamp = "Nov " + QByteArray::number(1 + (second / 86400) % 28).rightJustified(2, ' ')
            + ' ' + QByteArray::number((second / 3600) % 24).rightJustified(2, '0') + ':'
            + QByteArray::number((second / 60) % 60).rightJustified(2, '0') + ':'
            + QByteArray::number(second % 60).rightJustified(2, '0');
        const QByteArray user = "user" + QByteArray::number(rng.bounded(100000)) + "@example"
            + QByteArray::number(rng.bounded(1000)) + ".com";
        const QByteArray rip = "192.0.2." + QByteArray::number(rng.bounded(255));
        const int kind = int(rng.bounded(10));
        const char *service = services[rng.bounded(4)];
        if (kind < 7)
            log += stamp + " mx1 dovecot: " + service + ": Login: user=<" + user + ">, method=PLAIN, rip="
                + rip + ", lip=198.51.100.1, mpid=" + QByteArray::number(rng.bounded(60000))
                + ", TLS, session=<Kx7pQm2" + QByteArray::number(i) + ">\n";
        else if (kind == 7)
            log += stamp + " mx1 dovecot: " + service
                + ": Disconnected (auth failed, 1 attempts in 2 secs): user=<" + user
                + ">, method=PLAIN, rip=" + rip + ", lip=198.51.100.1, TLS, session=<Zq"
                + QByteArray::number(i) + ">\n";
        else
            log += stamp + " mx1 dovecot: imap(" + user + ")<" + QByteArray::number(i)
                + "><Zq>: Logged out in=1234 out=56789 deleted=0 expunged=0\n";
    }

    QList<double> rates;
    qint64 events = 0;
    for (int run = 0; run < runs; ++run) {
        stats::LogReader::Options options;
        options.zone = QTimeZone::utc();
        options.reference = 1796083200; // 2026-12-01
        stats::LogReader reader(options);
        QList<stats::LogEvent> out;
        out.reserve(lines);
        QElapsedTimer timer;
        timer.start();
        const QByteArrayView all(log);
        qsizetype start = 0;
        while (start < all.size()) {
            qsizetype end = all.indexOf('\n', start);
            if (end < 0)
                end = all.size();
            reader.readLine(all.sliced(start, end - start), out);
            start = end + 1;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        rates.append(double(lines) / seconds);
        events = out.size();
    }
    std::sort(rates.begin(), rates.end());
    QTextStream(stdout) << "Dovecot log parsing, one core: " << lines << " lines ("
                        << log.size() / (1024 * 1024) << " MiB), " << events << " events per run\n"
                        << "  median " << qint64(rates.at(rates.size() / 2)) << " lines/s over " << runs
                        << " runs (min " << qint64(rates.first()) << ", max " << qint64(rates.last())
                        << ")\n";
    return 0;
}
