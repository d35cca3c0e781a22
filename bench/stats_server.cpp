// Stats on the server at scale: seeds a directory (100,000 users by default) with 90 days of activity, then
// measures over HTTP on loopback (so the figures include the server's whole handling of each request):
//   - a company's logins by protocol over 90 days, by day
//   - one user's login history (the first page)
//   - ingestion through POST /api/v1/ingest/events, events per second
//   - the spike detector's time, and its precision and recall against the injected spikes
// Prints medians of several runs.   bench_stats_server [--users N] [--days N] [--runs N]

#include "Json.h"
#include "auth/Clock.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionManager.h"
#include "http/Api.h"
#include "http/HttpServer.h"
#include "service/AdminService.h"
#include "service/DemoSeeder.h"
#include "stats/DemoActivity.h"
#include "stats/IngestService.h"
#include "stats/SpikeDetector.h"
#include "store/Database.h"
#include "store/StatsRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <thread>

#include <httplib.h>

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

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(std::min<qsizetype>(v.size() - 1, qsizetype(double(v.size()) * p)));
}

// Milliseconds of each of `runs` GETs; exits on a non-200 answer.
QList<double> timeGet(httplib::Client &client, const std::string &token, const QString &path, int runs)
{
    QList<double> times;
    const httplib::Headers headers {{"Authorization", "Bearer " + token}};
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer t;
        t.start();
        const auto r = client.Get(path.toStdString(), headers);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!r || r->status != 200) {
            QTextStream(stderr) << "GET " << path << " failed: " << (r ? r->status : -1) << '\n';
            std::exit(1);
        }
        if (i > 0) // the first warms the caches
            times.append(ms);
    }
    return times;
}

std::string signIn(httplib::Client &client, const QString &login, const QString &password)
{
    const QByteArray body = json::compact(
        QJsonObject {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    const auto r = client.Post("/api/v1/sessions", body.constData(), size_t(body.size()), "application/json");
    if (!r || r->status != 201) {
        QTextStream(stderr) << "sign-in as " << login << " failed\n";
        std::exit(1);
    }
    return QJsonDocument::fromJson(QByteArray::fromStdString(r->body))
        .object()
        .value(QLatin1String("token"))
        .toString()
        .toStdString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Users (default 100000)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption daysOption(QStringLiteral("days"),
        QStringLiteral("Days of activity (default 90)."), QStringLiteral("n"), QStringLiteral("90"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Runs of each query (default 20)."), QStringLiteral("n"), QStringLiteral("20"));
    parser.addOptions({usersOption, daysOption, runsOption});
    parser.process(app);
    const int users = std::max(1000, parser.value(usersOption).toInt());
    const int days = std::max(20, parser.value(daysOption).toInt());
    const int runs = std::max(3, parser.value(runsOption).toInt());
    QLoggingCategory::setFilterRules(QStringLiteral("mailadmind.*.info=false"));

    QTemporaryDir dir;
    store::Database::Options dbOptions;
    dbOptions.path = dir.filePath(QStringLiteral("bench.db"));
    auto opened = store::Database::open(dbOptions);
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error().detail << '\n';
        return 1;
    }
    store::Database &db = *opened.value();
    auth::PasswordHasher::setStrength(auth::PasswordHasher::Strength::Fast);
    auth::SessionManager sessions(db);
    const QString password = QStringLiteral("Bench-Pass-Word-2026");
    if (!service::AdminService(service::Context {db, sessions})
             .bootstrapOperator(QStringLiteral("bench-root"), password)
             .ok())
        return 1;

    QElapsedTimer timer;
    timer.start();
    service::DemoOptions demo;
    demo.seed = 7;
    demo.companies = 10;
    demo.domains = users / 100;
    demo.users = users;
    demo.adminPassword = password;
    if (!service::DemoSeeder(db).seed(demo).ok())
        return 1;
    const qint64 directoryMs = timer.restart();
    stats::ActivityOptions activity;
    activity.seed = 7;
    activity.days = days;
    activity.userIncidents = 40;
    activity.domainIncidents = 8;
    const Result<stats::ActivitySummary> written = stats::DemoActivity(db).write(activity);
    if (!written.ok()) {
        QTextStream(stderr) << written.error().detail << '\n';
        return 1;
    }
    const qint64 activityMs = timer.restart();
    out() << "Seeded " << users << " users in " << demo.domains << " domains (" << directoryMs << " ms) and "
          << days << " days of activity: " << written->rollupRows << " rollup rows, " << written->rawEvents
          << " raw events (" << activityMs << " ms)\n";

    // Spike detection over the whole period, daily and hourly, then quality against the injected spikes.
    const qint64 today = auth::Clock::now() / 86400;
    timer.restart();
    const Result<int> found
        = service::SpikeDetector(service::Context {db, sessions}).scan(today - days + 1, today, true);
    if (!found.ok())
        return 1;
    const qint64 detectMs = timer.elapsed();
    struct Alert
    {
        QString scope, subject, domain, day;
    };
    QList<Alert> alerts;
    store::Statement q = db.prepare(QStringLiteral("SELECT a.scope, a.subject, d.name, a.period_start FROM "
                                                   "alerts a JOIN domains d ON d.id = a.domain_id"));
    if (!q.exec().ok())
        return 1;
    while (q.next())
        alerts.append({q.toString(0), q.toString(1), q.toString(2), json::isoTime(q.toInt(3)).left(10)});
    // An alert is right when it names an injected incident's account or domain on its day (a flood from one
    // account also shows in its domain's volume); an incident is found by an alert of its own scope.
    int right = 0;
    for (const Alert &a : alerts) {
        for (const QJsonValue &v : written->incidents) {
            const QJsonObject i = v.toObject();
            if (i.value(QLatin1String("day")).toString() != a.day)
                continue;
            if ((a.scope == QLatin1String("user")
                    && i.value(QLatin1String("subject")).toString() == a.subject)
                || (a.scope == QLatin1String("domain")
                    && i.value(QLatin1String("domain")).toString() == a.domain)) {
                ++right;
                break;
            }
        }
    }
    int detected = 0;
    for (const QJsonValue &v : written->incidents) {
        const QJsonObject i = v.toObject();
        for (const Alert &a : alerts) {
            if (a.day == i.value(QLatin1String("day")).toString()
                && a.scope == i.value(QLatin1String("scope")).toString()
                && a.subject == i.value(QLatin1String("subject")).toString()) {
                ++detected;
                break;
            }
        }
    }
    const double precision = alerts.isEmpty() ? 0 : double(right) / double(alerts.size());
    const double recall
        = written->incidents.isEmpty() ? 0 : double(detected) / double(written->incidents.size());
    out() << "Spike detector: " << days << " days and their hours judged in " << detectMs << " ms; "
          << alerts.size() << " alerts for " << written->incidents.size() << " injected spikes: precision "
          << QString::number(precision, 'f', 3) << ", recall " << QString::number(recall, 'f', 3) << '\n';

    // The HTTP server, on loopback.
    http::Api api(db, sessions);
    http::ServerOptions serverOptions;
    serverOptions.host = QStringLiteral("127.0.0.1");
    serverOptions.port = 0;
    serverOptions.threads = 8;
    http::HttpServer server(api, serverOptions);
    const Result<int> port = server.bind();
    if (!port.ok())
        return 1;
    std::thread serving([&] { server.run(); });
    httplib::Client client("127.0.0.1", port.value());
    client.set_keep_alive(true);
    const std::string token = signIn(client, QStringLiteral("bench-root"), password);

    store::Statement companyQuery
        = db.prepare(QStringLiteral("SELECT id FROM companies ORDER BY id LIMIT 1"));
    (void)companyQuery.exec();
    companyQuery.next();
    const qint64 company = companyQuery.toInt(0);
    companyQuery.query().finish(); // no read transaction left open on this thread's connection
    store::Statement busiest = db.prepare(
        QStringLiteral("SELECT u.address, COUNT(*) FROM login_events e JOIN users u ON u.id = e.user_id "
                       "GROUP BY u.address ORDER BY COUNT(*) DESC LIMIT 1"));
    (void)busiest.exec();
    busiest.next();
    const QString user = busiest.toString(0);
    const qint64 busiestLogins = busiest.toInt(1);
    busiest.query().finish();
    const QString from = json::isoTime((today - days + 1) * 86400);
    const auto report = [&](const QString &what, const QList<double> &times) {
        out() << "  " << what << ": median " << QString::number(median(times), 'f', 2) << " ms, p95 "
              << QString::number(percentile(times, 0.95), 'f', 2) << " ms\n";
    };
    out() << "Queries over HTTP (" << runs << " runs each):\n";
    report(QStringLiteral("company logins by protocol, %1 days by day").arg(days),
        timeGet(client, token,
            QStringLiteral("/api/v1/stats/logins?company=%1&from=%2&granularity=day").arg(company).arg(from),
            runs));
    report(QStringLiteral("company logins by protocol, %1 days by week").arg(days),
        timeGet(client, token,
            QStringLiteral("/api/v1/stats/logins?company=%1&from=%2&granularity=week").arg(company).arg(from),
            runs));
    report(QStringLiteral("one user's login history, first page (%1, %2 raw logins)")
               .arg(user)
               .arg(busiestLogins),
        timeGet(client, token, QStringLiteral("/api/v1/users/%1/activity?limit=50").arg(user), runs));
    report(QStringLiteral("one user's logins by protocol, %1 days").arg(days),
        timeGet(client, token, QStringLiteral("/api/v1/stats/logins?user=%1&from=%2").arg(user, from), runs));
    report(QStringLiteral("company outbound with baseline band, 30 days"),
        timeGet(client, token, QStringLiteral("/api/v1/stats/outbound?company=%1").arg(company), runs));
    report(QStringLiteral("company top senders, 30 days"),
        timeGet(client, token, QStringLiteral("/api/v1/stats/senders?company=%1").arg(company), runs));
    report(QStringLiteral("company quota distribution"),
        timeGet(
            client, token, QStringLiteral("/api/v1/stats/quota/distribution?company=%1").arg(company), runs));
    report(QStringLiteral("company users inactive 30 days, first page"),
        timeGet(client, token,
            QStringLiteral("/api/v1/stats/inactive?company=%1&days=30&limit=100").arg(company), runs));

    // Ingestion: batches of 10,000 events for existing users, as a collector sends them.
    {
        const QByteArray collector
            = json::compact(QJsonObject {{QStringLiteral("login"), QStringLiteral("bench-collector")},
                {QStringLiteral("role"), QStringLiteral("collector")},
                {QStringLiteral("company_id"), double(company)},
                {QStringLiteral("password"), QStringLiteral("Collect-Many-Events-1")}});
        const auto made
            = client.Post("/api/v1/admins", httplib::Headers {{"Authorization", "Bearer " + token}},
                collector.constData(), size_t(collector.size()), "application/json");
        if (!made || made->status != 201)
            return 1;
    }
    const std::string collectorToken
        = signIn(client, QStringLiteral("bench-collector"), QStringLiteral("Collect-Many-Events-1"));
    QStringList addresses;
    // A collector writes only inside its company: the users of that company.
    store::Statement some = db.prepare(QStringLiteral(
        "SELECT u.address FROM users u JOIN domains d ON d.id = u.domain_id WHERE d.company_id = ? "
        "AND u.type = 'mailbox' AND u.deleted_at IS NULL ORDER BY u.id LIMIT 20000"));
    some.bind(company);
    (void)some.exec();
    while (some.next())
        addresses << some.toString(0);
    some.query().finish();
    static const char *protocols[] = {"imap", "pop", "webmail", "smtp"};
    const auto makeBatch = [&](QRandomGenerator &rng) {
        QByteArray body;
        const qint64 now = auth::Clock::now();
        for (int i = 0; i < 10000; ++i) {
            const QString address = addresses.at(rng.bounded(int(addresses.size())));
            const QString time = json::isoTime(now - rng.bounded(3600));
            QJsonObject e;
            if (i % 3 == 0)
                e = {{QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("time"), time},
                    {QStringLiteral("user"), address}, {QStringLiteral("recipients"), 1 + rng.bounded(3)},
                    {QStringLiteral("bytes"), 2000 + rng.bounded(50000)}};
            else
                e = {{QStringLiteral("type"), QStringLiteral("login")}, {QStringLiteral("time"), time},
                    {QStringLiteral("user"), address},
                    {QStringLiteral("protocol"), QString::fromLatin1(protocols[rng.bounded(4)])},
                    {QStringLiteral("success"), rng.bounded(20) != 0},
                    {QStringLiteral("remote"), QStringLiteral("192.0.2.%1").arg(rng.bounded(250))}};
            body += json::compact(e) + '\n';
        }
        return body;
    };
    std::atomic<int> serial {0};
    const auto send = [&](httplib::Client &c, const QByteArray &body) {
        const httplib::Headers headers {{"Authorization", "Bearer " + collectorToken},
            {"Idempotency-Key", "bench-" + std::to_string(++serial)}};
        const auto r = c.Post(
            "/api/v1/ingest/events", headers, body.constData(), size_t(body.size()), "application/x-ndjson");
        if (!r || r->status != 200) {
            QTextStream(stderr) << "ingest failed: "
                                << (r ? QString::fromStdString(r->body) : QStringLiteral("no answer"))
                                << '\n';
            std::exit(1);
        }
    };
    // One collector, batch after batch.
    QRandomGenerator rng(5);
    QList<double> rates;
    const int batches = std::max(6, runs / 2);
    for (int batch = 0; batch < batches; ++batch) {
        const QByteArray body = makeBatch(rng);
        QElapsedTimer t;
        t.start();
        send(client, body);
        rates.append(10000.0 / (double(t.nsecsElapsed()) / 1e9));
    }
    out() << "Ingest over HTTP, one collector, batches of 10,000 NDJSON events: median "
          << qint64(median(rates)) << " events/s (min "
          << qint64(*std::min_element(rates.begin(), rates.end())) << ")\n";
    // Two collectors at once (log shippers on two mail hosts): reading one batch overlaps storing the other.
    QList<double> together;
    for (int round = 0; round < 3; ++round) {
        QRandomGenerator a(100 + round), b(200 + round);
        QList<QByteArray> first, second;
        for (int i = 0; i < batches / 2; ++i) {
            first << makeBatch(a);
            second << makeBatch(b);
        }
        QElapsedTimer t;
        t.start();
        std::thread other([&] {
            httplib::Client c("127.0.0.1", port.value());
            for (const QByteArray &body : std::as_const(second))
                send(c, body);
        });
        for (const QByteArray &body : std::as_const(first))
            send(client, body);
        other.join();
        together.append(double(first.size() + second.size()) * 10000.0 / (double(t.nsecsElapsed()) / 1e9));
    }
    out() << "Ingest over HTTP, two collectors at once: median " << qint64(median(together)) << " events/s\n";
    // Large batches reach the rollups with the next fold (the server runs one every second).
    {
        const qint64 pending = store::StatsRepository(db).unfolded().value();
        QElapsedTimer t;
        t.start();
        const Result<qint64> folded = service::IngestService(service::Context {db, sessions}).foldPending();
        if (!folded.ok())
            return 1;
        out() << "Folding " << pending << " raw events into the rollups: " << t.elapsed() << " ms ("
              << qint64(double(folded.value()) / (double(qMax<qint64>(1, t.elapsed())) / 1000.0))
              << " events/s)\n";
    }
    server.stop();
    serving.join();
    return 0;
}
