// From click to painted dashboard: a company of 100,000 users with 90 days of activity, the dashboard set to
// 90 days. Each run asks for every figure, chart and tile again (as choosing the range does) and stops the
// clock when all answers are drawn and the window has painted. Prints the median of the runs.
//   bench_client_dashboard [--runs N] [--users N]
// Starts its own mailadmind (found beside this program) over a temporary database.

#include "AppContext.h"
#include "ClientBench.h"
#include "DashboardPage.h"
#include "TimeSeriesChart.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTest>

using namespace mailadmin;
using namespace mailadmin::bench;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions (default 7)."),
        QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
        QStringLiteral("Users of the company (default 100000)."), QStringLiteral("n"),
        QStringLiteral("100000"));
    parser.addOptions({runsOption, usersOption});
    parser.process(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString users = parser.value(usersOption);

    out() << "Seeding one company of " << users << " users with 90 days of activity…" << Qt::endl;
    BenchServer server;
    if (!server.start({QStringLiteral("--companies"), QStringLiteral("1"), QStringLiteral("--domains"),
            QString::number(qMax(1, users.toInt() / 100)), QStringLiteral("--users"), users,
            QStringLiteral("--no-detect")})) {
        QTextStream(stderr) << "cannot prepare the database\n";
        return 1;
    }
    api::ApiClient client;
    client.setBaseUrl(server.url());
    api::Session session(&client);
    if (!BenchServer::signIn(session, QStringLiteral("admin@northwind"), &app)) {
        QTextStream(stderr) << "cannot sign in\n";
        return 1;
    }
    ui::AppContext context(&client, &session);
    ui::DashboardPage page(&context);
    page.resize(1280, 900);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page, 5000))
        QTextStream(stderr) << "the window was not exposed\n";
    page.findChild<QComboBox *>(QStringLiteral("rangeComboBox"))->setCurrentIndex(2); // 90 days
    spinUntil([&] { return !page.isLoading(); }, 30000);

    PaintWatch watch;
    page.loginsChart()->viewport()->installEventFilter(&watch);
    QList<double> times;
    for (int r = 0; r < runs + 1; ++r) {
        bool loaded = false;
        const auto connection
            = QObject::connect(&page, &ui::StatsPageBase::loaded, &page, [&](qint64) { loaded = true; });
        QElapsedTimer timer;
        timer.start();
        page.refresh();
        if (!spinUntil([&] { return loaded; }, 30000)) {
            QTextStream(stderr) << "the dashboard did not load\n";
            return 1;
        }
        const int before = watch.paints;
        page.loginsChart()->viewport()->update();
        spinUntil([&] { return watch.paints > before; }, 5000);
        QObject::disconnect(connection);
        if (r > 0) // the first run warms the server's caches
            times << timer.nsecsElapsed() / 1e6;
    }
    out() << "Dashboard of a " << users << "-user company, 90 days by day, " << runs << " runs:" << Qt::endl;
    out() << QStringLiteral("  click to painted  median %1 ms   (runs: ").arg(median(times), 0, 'f', 1);
    for (double v : times)
        out() << QString::number(v, 'f', 0) << ' ';
    out() << ")" << Qt::endl;
    out() << QStringLiteral("  peak RSS          %1 MB").arg(double(peakRssKb()) / 1024.0, 0, 'f', 1)
          << Qt::endl;
    return 0;
}
