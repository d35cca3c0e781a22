// Measures the alert episode list and the bulk acknowledge over real sockets against a real server
// holding many alerts: how long GET /api/v1/alerts/episodes takes for a page, with and without the status
// filter, and how long one request acknowledging 1,000 alerts takes; then the open episodes again once most
// alerts are resolved.
//
//   bench_alert_episodes [ALERTS]   (default 100000; ~6 alerts an episode, spread over 2,000 accounts)
#include "TestServer.h"
#include "store/AlertRepository.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

using namespace mailadmin;

namespace {

double medianMs(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

template<typename F> double time(int runs, F &&f)
{
    QList<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        samples << t.nsecsElapsed() / 1e6;
    }
    return medianMs(samples);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int alerts = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    testing::TestServer server;
    testing::HttpClient op = server.operatorClient();
    const auto company = op.post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Bench Co")}});
    const qint64 companyId = qint64(company.json().value(QLatin1String("id")).toDouble());
    const auto domain = op.post(QStringLiteral("/api/v1/companies/%1/domains").arg(companyId),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("bench.example")}});
    const qint64 domainId = qint64(domain.json().value(QLatin1String("id")).toDouble());

    // Accounts spiking in runs of 1 to 11 hours with quiet hours between them.
    QElapsedTimer load;
    load.start();
    {
        store::Transaction tx(server.db());
        store::AlertRepository repository(server.db());
        constexpr qint64 start = 1795910400;
        quint32 seed = 7;
        const auto next = [&seed] {
            seed = seed * 1664525u + 1013904223u;
            return seed >> 8;
        };
        QHash<int, qint64> hourOf;
        for (int i = 0; i < alerts;) {
            const int account = int(next() % 2000);
            const int run = 1 + int(next() % 11);
            qint64 &hour = hourOf[account];
            hour += 2 + next() % 30;
            for (int h = 0; h < run && i < alerts; ++h, ++i, ++hour) {
                const QJsonObject alert {{QStringLiteral("company_id"), double(companyId)},
                    {QStringLiteral("domain_id"), double(domainId)},
                    {QStringLiteral("user_id"), double(account + 1)},
                    {QStringLiteral("scope"), QStringLiteral("user")},
                    {QStringLiteral("subject"), QStringLiteral("u%1@bench.example").arg(account)},
                    {QStringLiteral("span"), QStringLiteral("hour")},
                    {QStringLiteral("period_start_epoch"), double(start + hour * 3600)},
                    {QStringLiteral("observed"), double(100 + next() % 900)},
                    {QStringLiteral("baseline_median"), 2}, {QStringLiteral("baseline_mad"), 1},
                    {QStringLiteral("threshold"), 60}, {QStringLiteral("factor"), double(50 + next() % 400)},
                    {QStringLiteral("severity"),
                        next() % 3 ? QStringLiteral("warning") : QStringLiteral("critical")},
                    {QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("note"), QString()}};
                if (!repository.insertIfNew(alert, start).ok())
                    qFatal("insert failed");
            }
        }
        if (!tx.commit().ok())
            qFatal("commit failed");
    }
    for (const QString &sql : server.db().dialect().optimize())
        if (!server.db().prepare(sql).exec().ok())
            qWarning("optimize failed");
    std::printf("%d alerts loaded in %.1f s\n", alerts, load.elapsed() / 1000.0);

    const auto total = op.get(QStringLiteral("/api/v1/alerts/episodes?limit=1")).json();
    std::printf("%lld episodes\n", qint64(total.value(QLatin1String("total")).toDouble()));
    for (const QString &query : {QStringLiteral("?limit=100"), QStringLiteral("?status=open&limit=100"),
             QStringLiteral("?sort=-peak_observed&limit=100"), QStringLiteral("?limit=1000"),
             QStringLiteral("?subject=u7@bench.example")}) {
        const double ms = time(7, [&] {
            if (op.get(QStringLiteral("/api/v1/alerts/episodes") + query).status != 200)
                qFatal("episodes failed");
        });
        std::printf("GET /api/v1/alerts/episodes%s: median %.1f ms\n", qPrintable(query), ms);
    }
    const double list = time(7, [&] {
        if (op.get(QStringLiteral("/api/v1/alerts?limit=100")).status != 200)
            qFatal("list failed");
    });
    std::printf("GET /api/v1/alerts?limit=100 (for comparison): median %.1f ms\n", list);

    // Five bulk acknowledges of 1,000 open alerts each.
    QList<double> samples;
    for (int round = 0; round < 5; ++round) {
        const auto page
            = op.get(QStringLiteral("/api/v1/alerts?status=open&limit=1000&offset=%1").arg(round * 1000));
        QJsonArray ids;
        for (const QJsonValue &v : page.items())
            ids.append(v.toObject().value(QLatin1String("id")));
        QElapsedTimer t;
        t.start();
        const auto r = op.post(
            QStringLiteral("/api/v1/alerts/acknowledge"), QJsonObject {{QStringLiteral("ids"), ids}});
        samples << t.nsecsElapsed() / 1e6;
        if (r.status != 200)
            qFatal("acknowledge failed: %d %s", r.status, r.body.constData());
    }
    std::printf("POST /api/v1/alerts/acknowledge with 1000 ids: median %.1f ms\n", medianMs(samples));

    // The usual state of a server that has run for a while: most alerts resolved, a few accounts open.
    if (!server.db()
             .prepare(QStringLiteral("UPDATE alerts SET status = 'resolved' WHERE user_id > 40"))
             .exec()
             .ok())
        qFatal("update failed");
    const double open = time(7, [&] {
        if (op.get(QStringLiteral("/api/v1/alerts/episodes?status=open&limit=100")).status != 200)
            qFatal("episodes failed");
    });
    std::printf(
        "with 98%% resolved, GET /api/v1/alerts/episodes?status=open&limit=100: median %.1f ms\n", open);
    return 0;
}
