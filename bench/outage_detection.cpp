// How well the outage detector finds mail store outages: writes five weeks of per-minute logins for 13 mail
// stores in three clusters (2,000 to 12,000 mailboxes each) with the demo's rhythm and noise and many
// injected outages (failed logins rising, or successful logins falling), judges the last three weeks minute
// by minute as the server does, and compares its suggestions with the ground truth:
//   precision  suggestions that match an injected outage (same store, or its cluster), of all suggestions
//   recall     injected outages with a suggestion, of all
//   delay      minutes from an outage's start to its suggestion (when the server would have suggested it)
// Prints each run and the median over runs.   bench_outage_detection [--runs N] [--outages N]

#include "stats/OutageDemo.h"
#include "stats/OutageDetector.h"
#include "store/Database.h"
#include "store/OutageRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
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

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    if (v.isEmpty())
        return 0;
    return v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

bool ok(const Status &s)
{
    if (!s.ok())
        QTextStream(stderr) << s.error().detail << '\n';
    return s.ok();
}

struct RunFigures
{
    int outages = 0, found = 0, suggestions = 0, matching = 0;
    QList<double> delays;
    double seconds = 0;
};

struct Suggestion
{
    QString scope;
    qint64 scopeId = 0, suggestedAt = 0;
    QString signal;
    qint64 observedOk = 0, observedFailed = 0;
    double expectedOk = 0, expectedFailed = 0;
};

bool g_verbose = false;
QString g_keep;

bool oneRun(quint64 seed, int outages, RunFigures &f)
{
    QTemporaryDir dir;
    store::Database::Options options;
    options.path = g_keep.isEmpty() ? dir.filePath(QStringLiteral("bench.db")) : g_keep;
    auto opened = store::Database::open(options);
    if (!opened.ok())
        return ok(opened.error());
    store::Database &db = *opened.value();
    const auto exec = [&](const QString &sql, const QVariantList &values = {}) {
        store::Statement q = db.prepare(sql);
        for (const QVariant &v : values)
            q.bind(v);
        return ok(q.exec());
    };
    stats::OutageDemoOptions o;
    QRandomGenerator sizes {quint32(seed)};
    o.mailboxes.insert(1, 2000 + sizes.bounded(10000)); // the default store, alone in its cluster
    qint64 storeId = 2;
    for (int c = 0; c < 2; ++c) {
        if (!exec(QStringLiteral(
                      "INSERT INTO clusters (name, name_lc, created_at, updated_at) VALUES (?, ?, 0, 0)"),
                {QStringLiteral("Cluster %1").arg(QChar(u'A' + c)),
                    QStringLiteral("cluster %1").arg(QChar(u'a' + c))}))
            return false;
        for (int s = 0; s < 6; ++s, ++storeId) {
            const QString name = QStringLiteral("%1%2").arg(QChar(u'a' + c)).arg(s + 1);
            if (!exec(QStringLiteral(
                          "INSERT INTO mail_stores (cluster_id, name, name_lc, created_at, updated_at) "
                          "VALUES (?, ?, ?, 0, 0)"),
                    {c + 2, name, name}))
                return false;
            o.mailboxes.insert(storeId, 2000 + sizes.bounded(10000));
        }
    }
    // Five weeks from a Monday; outages in the last three, judged as they happen.
    const qint64 monday = (20788 - (20788 + 3) % 7) * 1440; // a Monday in December 2026
    o.seed = seed;
    o.fromMinute = monday;
    o.toMinute = monday + 35 * 1440 - 1;
    o.outagesFrom = monday + 14 * 1440;
    o.outages = outages;
    o.lastOngoing = false;
    {
        store::Transaction tx(db);
        const Result<QList<store::OutageTruth>> written = stats::OutageDemo(db).write(o);
        if (!written.ok())
            return ok(written.error());
        if (!ok(tx.commit()))
            return false;
    }
    QElapsedTimer timer;
    timer.start();
    const Result<int> suggested = service::OutageDetector(db).scan(o.outagesFrom, o.toMinute);
    if (!suggested.ok())
        return ok(suggested.error());
    f.seconds = double(timer.elapsed()) / 1000;

    const Result<QList<store::OutageTruth>> truth = store::OutageRepository(db).truth();
    if (!truth.ok())
        return ok(truth.error());
    QHash<qint64, qint64> clusterOf;
    {
        store::Statement q = db.prepare(QStringLiteral("SELECT id, cluster_id FROM mail_stores"));
        if (!ok(q.exec()))
            return false;
        while (q.next())
            clusterOf.insert(q.toInt(0), q.toInt(1));
    }
    QList<Suggestion> suggestions;
    {
        store::Statement q = db.prepare(
            QStringLiteral("SELECT scope, scope_id, suggested_at, signal, observed_ok, observed_failed, "
                           "expected_ok, expected_failed FROM outage_suggestions"));
        if (!ok(q.exec()))
            return false;
        while (q.next())
            suggestions.append(Suggestion {q.toString(0), q.toInt(1), q.toInt(2), q.toString(3), q.toInt(4),
                q.toInt(5), q.value(6).toDouble(), q.value(7).toDouble()});
    }
    // A suggestion matches an outage of its store (or of a store of its cluster) when it comes between the
    // outage's start and a window after its end.
    const auto matches = [&](const Suggestion &s, const store::OutageTruth &t) {
        const bool where = s.scope == QLatin1String("store") ? s.scopeId == t.storeId
                                                             : clusterOf.value(t.storeId) == s.scopeId;
        return where && s.suggestedAt >= t.startedAt
            && s.suggestedAt <= t.endedAt + (service::OutageDetector::kWindowMinutes + 2) * 60;
    };
    f.outages = int(truth->size());
    f.suggestions = int(suggestions.size());
    for (const Suggestion &s : std::as_const(suggestions)) {
        const bool match
            = std::any_of(truth->begin(), truth->end(), [&](const auto &t) { return matches(s, t); });
        f.matching += match;
        if (g_verbose && !match)
            out() << "  false: " << s.scope << ' ' << s.scopeId << ' ' << s.signal << " at "
                  << QDateTime::fromSecsSinceEpoch(s.suggestedAt, Qt::UTC).toString(Qt::ISODate) << " ok "
                  << s.observedOk << '/' << s.expectedOk << " failed " << s.observedFailed << '/'
                  << s.expectedFailed << Qt::endl;
    }
    for (const store::OutageTruth &t : truth.value()) {
        qint64 first = -1;
        for (const Suggestion &s : std::as_const(suggestions))
            if (matches(s, t) && (first < 0 || s.suggestedAt < first))
                first = s.suggestedAt;
        if (first >= 0) {
            ++f.found;
            const double delay = double(first - t.startedAt) / 60.0;
            f.delays << delay;
            if (g_verbose && delay > 4.0)
                out() << "  slow: store " << t.storeId << ' ' << t.signal << " depth " << t.depth << " at "
                      << QDateTime::fromSecsSinceEpoch(t.startedAt, Qt::UTC).toString(Qt::ISODate)
                      << " for " << (t.endedAt - t.startedAt) / 60 << " min, suggested after " << delay
                      << " min" << Qt::endl;
        } else if (g_verbose) {
            out() << "  missed: store " << t.storeId << ' ' << t.signal << " depth " << t.depth << " at "
                  << QDateTime::fromSecsSinceEpoch(t.startedAt, Qt::UTC).toString(Qt::ISODate) << " for "
                  << (t.endedAt - t.startedAt) / 60 << " min" << Qt::endl;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Runs, each with its own seed (default 5)."), QStringLiteral("n"),
        QStringLiteral("5"));
    const QCommandLineOption outagesOption(QStringLiteral("outages"),
        QStringLiteral("Outages injected per run (default 120)."), QStringLiteral("n"),
        QStringLiteral("120"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("List every false suggestion, missed outage and outage suggested after more than 4 min."));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
        QStringLiteral("Write the (last run's) database here and keep it."), QStringLiteral("path"));
    parser.addOptions({runsOption, outagesOption, verboseOption, keepOption});
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int outages = std::max(1, parser.value(outagesOption).toInt());
    g_verbose = parser.isSet(verboseOption);
    g_keep = parser.value(keepOption);
    QLoggingCategory::setFilterRules(QStringLiteral("mailadmind.*.info=false"));

    QList<double> precision, recall, medianDelay, maxDelay, seconds;
    out() << "13 mail stores in 3 clusters, 35 days of per-minute logins, the last 21 judged; " << outages
          << " outages injected per run" << Qt::endl;
    for (int run = 1; run <= runs; ++run) {
        RunFigures f;
        if (!oneRun(quint64(run), outages, f))
            return 1;
        const double p = f.suggestions ? double(f.matching) / f.suggestions : 1.0;
        const double r = f.outages ? double(f.found) / f.outages : 1.0;
        const double maxD = f.delays.isEmpty() ? 0 : *std::max_element(f.delays.begin(), f.delays.end());
        precision << p;
        recall << r;
        medianDelay << median(f.delays);
        maxDelay << maxD;
        seconds << f.seconds;
        out() << QStringLiteral(
            "run %1: %2 outages, %3 found, %4 suggestions (%5 false); precision %6, recall %7, "
            "delay median %8 min, max %9 min; judged in %10 s")
                     .arg(run)
                     .arg(f.outages)
                     .arg(f.found)
                     .arg(f.suggestions)
                     .arg(f.suggestions - f.matching)
                     .arg(p, 0, 'f', 3)
                     .arg(r, 0, 'f', 3)
                     .arg(median(f.delays), 0, 'f', 1)
                     .arg(maxD, 0, 'f', 1)
                     .arg(f.seconds, 0, 'f', 1)
              << Qt::endl;
    }
    out() << QStringLiteral(
        "median of %1 runs: precision %2, recall %3, delay to suggestion median %4 min, max %5 "
        "min; 21 days of 16 series judged in %6 s")
                 .arg(runs)
                 .arg(median(precision), 0, 'f', 3)
                 .arg(median(recall), 0, 'f', 3)
                 .arg(median(medianDelay), 0, 'f', 1)
                 .arg(median(maxDelay), 0, 'f', 1)
                 .arg(median(seconds), 0, 'f', 1)
          << Qt::endl;
    return 0;
}
