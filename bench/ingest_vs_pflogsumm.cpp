// End to end against pflogsumm: `mailadmind ingest --db` reads a generated Postfix log into a database of
// real users (raw events, rollups, last logins: what the charts read), and pflogsumm (Debian package)
// summarises the same log. Both run side by side as separate processes, several times each; prints both
// medians and the ratio, and checks that the rollups hold every authenticated message and agree with
// pflogsumm sender by sender.
//   bench_ingest_vs_pflogsumm [--lines N] [--runs N] [--users N] [--keep DIR]

#include "PostfixLog.h"

#include "service/DemoSeeder.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

#include <sys/resource.h>

using namespace mailadmin;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QString ms(double v)
{
    return QLocale::c().toString(qint64(v));
}

// Processor time (user and system) of the children waited for so far, in milliseconds: on a shared machine
// it varies far less than the time on the clock.
double childCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// The load average over the last minute, as the kernel reports it; 0 where it cannot be read.
double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine().split(' ').value(0).toDouble();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("mailadmind.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption linesOption(QStringLiteral("lines"),
        QStringLiteral("Lines in the log (default 1000000)."), QStringLiteral("n"),
        QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs of each (default 5)."),
        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
        QStringLiteral("Mailboxes in the directory (default 20000; senders are 4,000 of them)."),
        QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
        QStringLiteral("Keep the log and databases in this folder."), QStringLiteral("dir"));
    parser.addOptions({linesOption, runsOption, usersOption, keepOption});
    parser.process(app);
    const qint64 lines = std::max<qint64>(1000, parser.value(linesOption).toLongLong());
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QString binary = QCoreApplication::applicationDirPath() + QStringLiteral("/mailadmind");
    if (!QFileInfo(binary).isExecutable()) {
        QTextStream(stderr) << binary << " is not built\n";
        return 1;
    }

    QTemporaryDir temporary;
    const QString dir = parser.isSet(keepOption) ? parser.value(keepOption) : temporary.path();
    QDir().mkpath(dir);
    const QString seeded = dir + QStringLiteral("/seeded.db");
    const QString logPath = dir + QStringLiteral("/mail.log");
    QFile::remove(seeded);

    // A directory of real users; 4,000 of its mailboxes send mail.
    QList<QByteArray> senders;
    {
        store::Database::Options options;
        options.path = seeded;
        auto db = store::Database::open(options);
        if (!db.ok()) {
            QTextStream(stderr) << db.error().detail << '\n';
            return 1;
        }
        service::DemoOptions demo;
        demo.users = parser.value(usersOption).toInt();
        demo.domains = std::max(1, demo.users / 500);
        demo.adminPassword = QStringLiteral("Bench-Only-Password-1");
        if (const auto seededDemo = service::DemoSeeder(*db.value()).seed(demo); !seededDemo.ok()) {
            QTextStream(stderr) << seededDemo.error().detail << '\n';
            return 1;
        }
        store::Statement q = db.value()->prepare(QStringLiteral(
            "SELECT address FROM users WHERE type = 'mailbox' AND status = 'active' ORDER BY id LIMIT 4000"));
        if (!q.exec().ok())
            return 1;
        while (q.next())
            senders.append(q.toString(0).toUtf8());
        if (Status s = db.value()->execute(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); !s.ok())
            return 1;
    }
    if (senders.isEmpty())
        return 1;

    QFile file(logPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << "cannot write " << logPath << '\n';
        return 1;
    }
    const qint64 start = (QDateTime::currentSecsSinceEpoch() / 86400 - 4) * 86400;
    const bench::PostfixLog log = bench::writePostfixLog(file, senders, start, 0, lines);
    file.close();
    qint64 truthTotal = 0;
    for (qint64 n : log.messagesBySender)
        truthTotal += n;

    // Side by side: each run of one is followed by a run of the other, so both see the same machine.
    QList<double> oursTimes, theirTimes, oursCpu, theirCpu;
    const double loadBefore = loadAverage();
    QString lastSummary;
    std::optional<QHash<QByteArray, qint64>> theirs;
    const QString runDb = dir + QStringLiteral("/run.db");
    for (int run = 0; run < runs; ++run) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(runDb + suffix);
            if (QFile::exists(seeded + suffix))
                QFile::copy(seeded + suffix, runDb + suffix);
        }
        QProcess p;
        QElapsedTimer timer;
        double cpu = childCpuMs();
        timer.start();
        p.start(binary,
            {QStringLiteral("ingest"), QStringLiteral("--db"), runDb, QStringLiteral("--format"),
                QStringLiteral("postfix"), QStringLiteral("--timezone"), QStringLiteral("UTC"), logPath});
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            QTextStream(stderr) << "mailadmind ingest failed: " << p.readAllStandardError() << '\n';
            return 1;
        }
        oursTimes.append(double(timer.nsecsElapsed()) / 1e6);
        oursCpu.append(childCpuMs() - cpu);
        cpu = childCpuMs();
        lastSummary = QString::fromUtf8(p.readAllStandardOutput()).trimmed();

        timer.restart();
        theirs = bench::runPflogsumm(logPath);
        if (!theirs)
            return 1;
        theirTimes.append(double(timer.nsecsElapsed()) / 1e6);
        theirCpu.append(childCpuMs() - cpu);
    }

    const double loadAfter = loadAverage();

    // What the last run stored: messages per sender in the daily user rollups.
    QHash<QByteArray, qint64> ours;
    qint64 oursTotal = 0;
    {
        store::Database::Options options;
        options.path = runDb;
        auto db = store::Database::open(options);
        if (!db.ok())
            return 1;
        store::Statement q = db.value()->prepare(QStringLiteral(
            "SELECT u.address, SUM(s.messages) FROM stats_daily s JOIN users u ON u.id = s.scope_id "
            "WHERE s.scope = 'u' GROUP BY u.address"));
        if (!q.exec().ok())
            return 1;
        while (q.next()) {
            ours.insert(q.toString(0).toUtf8(), q.toInt(1));
            oursTotal += q.toInt(1);
        }
    }
    int agree = 0, differ = 0;
    qint64 theirTotal = 0;
    for (auto it = log.messagesBySender.constBegin(); it != log.messagesBySender.constEnd(); ++it) {
        (ours.value(it.key()) == it.value() ? agree : differ)++;
        theirTotal += theirs->value(it.key());
    }

    const double oursMedian = median(oursTimes), theirMedian = median(theirTimes);
    out() << "Postfix log: " << QLocale::c().toString(log.lines) << " lines ("
          << QFileInfo(logPath).size() / (1024 * 1024) << " MiB), " << QLocale::c().toString(log.isoLines)
          << " with RFC 3339 stamps; " << senders.size() << " senders among " << parser.value(usersOption)
          << " mailboxes\n";
    out() << "Rollups hold " << QLocale::c().toString(oursTotal) << " authenticated messages (generated "
          << QLocale::c().toString(truthTotal) << "); per-sender counts agree with the log for " << agree
          << ", differ for " << differ << '\n';
    out() << "pflogsumm counts " << QLocale::c().toString(theirTotal)
          << " of those senders' messages (it does not know the submissions service's lines)\n";
    out() << "Last ingest said:\n  "
          << QString(lastSummary).replace(QLatin1Char('\n'), QStringLiteral("\n  ")) << '\n';
    QStringList oursList, theirList;
    for (double v : oursTimes)
        oursList << ms(v);
    for (double v : theirTimes)
        theirList << ms(v);
    out() << "mailadmind ingest --db (file to rollups): median " << ms(oursMedian) << " ms  (runs "
          << oursList.join(QStringLiteral(", ")) << "), processor " << ms(median(oursCpu)) << " ms\n";
    out() << "pflogsumm:                                median " << ms(theirMedian) << " ms  (runs "
          << theirList.join(QStringLiteral(", ")) << "), processor " << ms(median(theirCpu)) << " ms\n";
    out() << "Load average (1 min) on " << QThread::idealThreadCount() << " cores: "
          << QString::number(loadBefore, 'f', 1) << " before the runs, " << QString::number(loadAfter, 'f', 1)
          << " after\n";
    out() << "Ratio: x" << QString::number(theirMedian / std::max(1.0, oursMedian), 'f', 1)
          << " on the clock, x" << QString::number(median(theirCpu) / std::max(1.0, median(oursCpu)), 'f', 1)
          << " in processor time\n";
    return oursTotal == truthTotal && differ == 0 ? 0 : 1;
}
