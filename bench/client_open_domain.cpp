// Opens a 100,000-user domain in the client's users page against a real mailadmind and prints: time to the
// first page painted, time to scroll through every page, and the process's peak memory (VmHWM).
//   bench_client_open_domain [--runs N] [--users N]
// Starts its own mailadmind (found beside this program) over a temporary database.

#include "ApiClient.h"
#include "AppContext.h"
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

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QString text = QString::fromLatin1(status.readAll());
    const auto m = QRegularExpression(QStringLiteral("VmHWM:\\s+(\\d+) kB")).match(text);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

bool run(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    if (p.exitCode() != 0)
        QTextStream(stderr) << p.readAllStandardError();
    return p.exitCode() == 0;
}

// Counts paints of a widget.
class PaintWatch : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// Runs the event loop until `done` holds (checked after every batch of events), or the time is up. Unlike
// QTest::qWaitFor it never sleeps, so the measured times are the client's, not the waiter's.
template<typename Predicate> bool spinUntil(Predicate done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    check.setInterval(0);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

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

    const QString server = QCoreApplication::applicationDirPath() + QStringLiteral("/mailadmind");
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench.db"));
    const QByteArray password = "Bench-Pass-2026\n";
    out() << "Seeding a domain of " << users << " users…" << Qt::endl;
    if (!run(server,
            {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
                QStringLiteral("bench-root"), QStringLiteral("--password-stdin")},
            password)
        || !run(server,
            {QStringLiteral("seed-demo"), QStringLiteral("--db"), db, QStringLiteral("--companies"),
                QStringLiteral("1"), QStringLiteral("--domains"), QStringLiteral("3"),
                QStringLiteral("--users"), QStringLiteral("100"), QStringLiteral("--big-domain-users"), users,
                QStringLiteral("--password-stdin"), QStringLiteral("--fast-hash")},
            password)) {
        QTextStream(stderr) << "cannot prepare the database\n";
        return 1;
    }
    QProcess serve;
    serve.start(server,
        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet")});
    if (!serve.waitForReadyRead(20000))
        return 1;
    const auto m = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:[0-9]+)"))
                       .match(QString::fromUtf8(serve.readAllStandardOutput()));
    if (!m.hasMatch())
        return 1;

    api::ApiClient client;
    client.setBaseUrl(QUrl(m.captured(1)));
    api::Session session(&client);
    bool signedIn = false;
    session.signIn(QStringLiteral("admin@northwind"), QStringLiteral("Bench-Pass-2026"), &app,
        [&](const api::ApiError &e) { signedIn = e.isNone(); });
    if (!spinUntil([&] { return signedIn; }, 10000)) {
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
    serve.terminate();
    serve.waitForFinished(5000);
    return 0;
}
