// Opens a 100,000-user domain in the client's users page against a real mailadmind and prints: time to the
// first page painted, time to scroll through every page, and the process's peak memory (VmHWM).
//   bench_client_open_domain [--runs N] [--users N]
// Starts its own mailadmind (found beside this program) over a temporary database.

#include "ApiClient.h"
#include "AppContext.h"
#include "ClientBench.h"
#include "Session.h"
#include "UserListModel.h"
#include "UsersPage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace mailadmin;

using namespace mailadmin::bench;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions (default 5)."),
        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption usersOption(QStringLiteral("users"),
        QStringLiteral("Users in the big domain (default 100000)."), QStringLiteral("n"),
        QStringLiteral("100000"));
    parser.addOptions({runsOption, usersOption});
    parser.process(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString users = parser.value(usersOption);

    out() << "Seeding a domain of " << users << " users…" << Qt::endl;
    BenchServer server;
    if (!server.start({QStringLiteral("--companies"), QStringLiteral("1"), QStringLiteral("--domains"),
            QStringLiteral("3"), QStringLiteral("--users"), QStringLiteral("100"),
            QStringLiteral("--big-domain-users"), users, QStringLiteral("--activity-days"),
            QStringLiteral("0")})) {
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

    QList<double> firstPaint, scrollAll;
    qint64 total = 0;
    for (int r = 0; r < runs; ++r) {
        ui::UsersPage page(&context);
        page.resize(1200, 800);
        page.show();
        if (!QTest::qWaitForWindowExposed(&page, 5000))
            QTextStream(stderr) << "the window was not exposed; timings include that wait\n";
        QTableView *table = page.findChild<QTableView *>(QStringLiteral("tableView"));
        PaintWatch watch;
        table->viewport()->installEventFilter(&watch);
        QElapsedTimer timer;
        timer.start();
        page.setDomain(QStringLiteral("bigcorp.example"));
        // The first page is there when rows exist and the viewport has painted them.
        if (!spinUntil([&] { return page.users()->rowCount() > 0; }, 10000)) {
            QTextStream(stderr) << "the first page did not arrive\n";
            return 1;
        }
        const int paintsBefore = watch.paints;
        if (!spinUntil([&] { return watch.paints > paintsBefore; }, 5000))
            QTextStream(stderr) << "no paint seen after the first page\n";
        firstPaint << timer.nsecsElapsed() / 1e6;
        total = page.users()->total();
        // Scroll to the end again and again, as a user holding End would; the view fetches page after page.
        timer.restart();
        while (page.users()->rowCount() < total) {
            table->scrollToBottom();
            const int before = page.users()->rowCount();
            if (!spinUntil([&] { return page.users()->rowCount() > before; }, 10000)) {
                QTextStream(stderr) << "scrolling stopped at " << before << " rows\n";
                return 1;
            }
        }
        table->scrollToBottom();
        QCoreApplication::processEvents();
        scrollAll << timer.nsecsElapsed() / 1e6;
    }
    out() << "Users page on bigcorp.example (" << total << " users), " << runs
          << " runs, median:" << Qt::endl;
    out() << QStringLiteral("  first page painted  %1 ms   (runs: ").arg(median(firstPaint), 0, 'f', 1);
    for (double v : firstPaint)
        out() << QString::number(v, 'f', 0) << ' ';
    out() << ")" << Qt::endl;
    out() << QStringLiteral("  scroll through all  %1 ms for %2 pages of 200")
                 .arg(median(scrollAll), 0, 'f', 0)
                 .arg((total + 199) / 200)
          << Qt::endl;
    out() << QStringLiteral("  peak RSS            %1 MB").arg(double(peakRssKb()) / 1024.0, 0, 'f', 1)
          << Qt::endl;
    return 0;
}
