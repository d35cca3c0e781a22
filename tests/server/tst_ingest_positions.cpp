#include "TestServer.h"
#include "auth/Clock.h"
#include "store/Database.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

#include <signal.h>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// `mailadmind ingest` counts every line once over real files: a second run and a restarted --follow go on
// from where the last one stopped (kept in the database, or in a collector's state file), rotation by rename
// or by copytruncate while lines are written loses nothing, and lines too long, cut short or behind a byte
// order mark are handled as such. Each test counts one user's raw logins and their rollup.
class TestIngestPositions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rereadAddsNothing();
    void collectorStateFile();
    void killedRunResumesExactly();
    void restartedFollowResumes();
    void rotationByRenameFinishesTheOldFile();
    void copytruncateBetweenRuns();
    void truncatedAndRegrownBetweenRuns();
    void truncatedAndRegrownWithinOnePoll();
    void copytruncateWhileWriting();
    void overlongLineSkippedWhole();
    void cutRipAndByteOrderMark();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run ingest(const QStringList &args, const QByteArray &password = {});
    QProcess *follow(const QString &log);
    void stop(QProcess *p, bool kill = false);
    static QByteArray login(const QByteArray &user, int n);
    static void write(const QString &path, const QByteArray &bytes, bool append = true);
    static QByteArray logins(const QByteArray &user, int from, int count);
    // Raw logins of the user, and its daily rollup's logins: both must be right.
    qint64 rawLogins(const QString &user);
    qint64 rolledUp(const QString &user);
    QString newUser();

    QString m_binary;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    int m_users = 0;
    static inline qint64 s_start = 0;
};

void TestIngestPositions::initTestCase()
{
    s_start = auth::Clock::now() - 7200;
    m_binary = QString::fromLocal8Bit(qgetenv("MAILADMIN_BINARY_DIR")) + QStringLiteral("/bin/mailadmind");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Positions")}});
    QCOMPARE(company.status, 201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains")
                            .arg(company.json().value(QLatin1String("id")).toInt()),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("pos.example")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("shipper")},
                         {QStringLiteral("role"), QStringLiteral("collector")},
                         {QStringLiteral("company_id"), company.json().value(QLatin1String("id")).toInt()},
                         {QStringLiteral("password"), QStringLiteral("Green-Valve-Copper-19")}})
                 .status,
        201);
}

void TestIngestPositions::cleanupTestCase()
{
    m_op.reset();
    m_server.reset();
}

QString TestIngestPositions::newUser()
{
    const QString local = QStringLiteral("u%1").arg(++m_users);
    const auto created = m_op->post(QStringLiteral("/api/v1/domains/pos.example/users"),
        QJsonObject {{QStringLiteral("local_part"), local}});
    if (created.status != 201)
        qWarning() << "creating" << local << created.status;
    return local + QStringLiteral("@pos.example");
}

TestIngestPositions::Run TestIngestPositions::ingest(const QStringList &args, const QByteArray &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(QStringLiteral("MAILADMIN_PASSWORD"), QString::fromUtf8(password));
    p.setProcessEnvironment(env);
    p.start(m_binary,
        QStringList {QStringLiteral("ingest"), QStringLiteral("--timezone"), QStringLiteral("UTC")} + args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return Run {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

QProcess *TestIngestPositions::follow(const QString &log)
{
    auto *p = new QProcess(this);
    p->start(m_binary,
        {QStringLiteral("ingest"), QStringLiteral("--follow"), QStringLiteral("--timezone"),
            QStringLiteral("UTC"), QStringLiteral("--db"), m_server->databasePath(), log});
    p->waitForStarted();
    return p;
}

void TestIngestPositions::stop(QProcess *p, bool kill)
{
    if (kill)
        ::kill(pid_t(p->processId()), SIGKILL);
    else
        p->terminate();
    p->waitForFinished(20000);
    p->deleteLater();
}

QByteArray TestIngestPositions::login(const QByteArray &user, int n)
{
    // Each line differs (its time and session), as real ones do.
    const QDateTime t = QDateTime::fromSecsSinceEpoch(s_start + n % 3600, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss")).toLatin1()
        + "Z mx1 dovecot: imap-login: Login: user=<" + user
        + ">, method=PLAIN, rip=192.0.2.10, lip=198.51.100.1, mpid=" + QByteArray::number(n)
        + ", TLS, session=<s" + QByteArray::number(n) + ">\n";
}

QByteArray TestIngestPositions::logins(const QByteArray &user, int from, int count)
{
    QByteArray text;
    for (int i = from; i < from + count; ++i)
        text += login(user, i);
    return text;
}

void TestIngestPositions::write(const QString &path, const QByteArray &bytes, bool append)
{
    QFile f(path);
    if (!f.open(append ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

qint64 TestIngestPositions::rawLogins(const QString &user)
{
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "SELECT COUNT(*) FROM login_events e JOIN users u ON u.id = e.user_id WHERE u.address = ?"));
    q.bind(user);
    return q.exec().ok() && q.next() ? q.toInt(0) : -1;
}

qint64 TestIngestPositions::rolledUp(const QString &user)
{
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "SELECT COALESCE(SUM(s.logins_imap), 0) FROM stats_daily s JOIN users u ON u.id = s.scope_id "
        "WHERE s.scope = 'u' AND u.address = ?"));
    q.bind(user);
    return q.exec().ok() && q.next() ? q.toInt(0) : -1;
}

void TestIngestPositions::rereadAddsNothing()
{
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("reread.log"));
    write(log, logins(user.toUtf8(), 0, 300), false);
    const QStringList args {QStringLiteral("--db"), m_server->databasePath(), log};
    Run r = ingest(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(rawLogins(user), 300);
    // The same file again, twice: nothing new.
    for (int i = 0; i < 2; ++i) {
        r = ingest(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Read 0 lines from 1 file")), qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QStringLiteral("1 read on from where an earlier run stopped")), qPrintable(r.out));
    }
    QCOMPARE(rawLogins(user), 300);
    // What was appended since is read, and only that.
    write(log, logins(user.toUtf8(), 300, 50));
    r = ingest(args);
    QVERIFY2(r.out.contains(QStringLiteral("Read 50 lines from 1 file: 50 used")), qPrintable(r.out));
    QCOMPARE(rawLogins(user), 350);
    // --reread counts it all again, as asked.
    r = ingest(QStringList {QStringLiteral("--reread")} + args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(rawLogins(user), 700);
    QCOMPARE(rolledUp(user), 700);
}

void TestIngestPositions::collectorStateFile()
{
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("collector.log"));
    const QString state = m_dir.filePath(QStringLiteral("collector.state"));
    write(log, logins(user.toUtf8(), 0, 120), false);
    const QStringList args {QStringLiteral("--server"), m_server->baseUrl(), QStringLiteral("--login"),
        QStringLiteral("shipper"), QStringLiteral("--state"), state, QStringLiteral("--batch"),
        QStringLiteral("50"), log};
    Run r = ingest(args, "Green-Valve-Copper-19");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(rawLogins(user), 120);
    QVERIFY(QFile::exists(state));
    const QString older = state + QStringLiteral(".before");
    QVERIFY(QFile::copy(state, older));
    write(log, logins(user.toUtf8(), 120, 30));
    r = ingest(args, "Green-Valve-Copper-19");
    QVERIFY2(r.out.contains(QStringLiteral("Read 30 lines from 1 file")), qPrintable(r.out));
    QCOMPARE(rawLogins(user), 150);
    // As if that run had stopped after the server stored its batch and before the state file was written:
    // the batch is sent again from the same place with the same key, and the server answers it from its
    // record instead of counting it again.
    QVERIFY(QFile::remove(state));
    QVERIFY(QFile::copy(older, state));
    r = ingest(args, "Green-Valve-Copper-19");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Read 30 lines from 1 file")), qPrintable(r.out));
    QCOMPARE(rawLogins(user), 150);
    // A damaged state file is a clear error, and nothing is sent.
    write(state, "{not json", false);
    r = ingest(args, "Green-Valve-Copper-19");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("is not one this program wrote")), qPrintable(r.err));
    QCOMPARE(rawLogins(user), 150);
}

void TestIngestPositions::killedRunResumesExactly()
{
    // Killed in the middle of a large file, a run resumes at the last batch it stored: nothing twice, nothing
    // lost.
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("killed.log"));
    const int lines = 200000;
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < lines; i += 10000)
            f.write(logins(user.toUtf8(), i, 10000));
    }
    QProcess p;
    p.start(m_binary,
        {QStringLiteral("ingest"), QStringLiteral("--timezone"), QStringLiteral("UTC"),
            QStringLiteral("--batch"), QStringLiteral("500"), QStringLiteral("--db"),
            m_server->databasePath(), log});
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(rawLogins(user) > 2000, 20000);
    ::kill(pid_t(p.processId()), SIGKILL);
    QVERIFY(p.waitForFinished(10000));
    const qint64 stored = rawLogins(user);
    QVERIFY2(stored < lines, "the run ended before it was killed; the file is too small to test this");
    const Run r = ingest({QStringLiteral("--db"), m_server->databasePath(), log});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Read %1 lines").arg(QLocale::c().toString(lines - stored))),
        qPrintable(r.out));
    QCOMPARE(rawLogins(user), lines);
    QCOMPARE(rolledUp(user), lines);
}

void TestIngestPositions::restartedFollowResumes()
{
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("restart.log"));
    write(log, logins(user.toUtf8(), 0, 1000), false);
    QProcess *p = follow(log);
    QTRY_COMPARE_WITH_TIMEOUT(rawLogins(user), 1000, 20000);
    write(log, logins(user.toUtf8(), 1000, 200));
    QTRY_COMPARE_WITH_TIMEOUT(rawLogins(user), 1200, 20000);
    stop(p, true); // as a crash or a power cut would
    write(log, logins(user.toUtf8(), 1200, 300));
    p = follow(log);
    QTRY_COMPARE_WITH_TIMEOUT(rawLogins(user), 1500, 20000);
    QTest::qWait(1500);
    stop(p);
    QCOMPARE(rawLogins(user), 1500);
    QCOMPARE(rolledUp(user), 1500);
}

void TestIngestPositions::rotationByRenameFinishesTheOldFile()
{
    // Between two runs, the log got more lines and was renamed to NAME.1, and a new one started; a Postfix
    // message's submission is in the old file and its queue line in the new one.
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("rename.log"));
    write(log, logins(user.toUtf8(), 0, 10), false);
    const QStringList args {QStringLiteral("--db"), m_server->databasePath(), log};
    QCOMPARE(ingest(args).code, 0);
    QCOMPARE(rawLogins(user), 10);
    const QByteArray stamp = QDateTime::fromSecsSinceEpoch(s_start, Qt::UTC)
                                 .toString(QStringLiteral("yyyy-MM-ddThh:mm:ss"))
                                 .toLatin1()
        + "Z mx1 ";
    write(log,
        logins(user.toUtf8(), 10, 5) + stamp
            + "postfix/submission/smtpd[77]: 4QzQ1A2B3C: client=c[192.0.2.5], "
            + "sasl_method=PLAIN, sasl_username=" + user.toUtf8() + '\n');
    QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
    write(log,
        stamp + "postfix/qmgr[9]: 4QzQ1A2B3C: from=<" + user.toUtf8()
            + ">, size=100, nrcpt=2 (queue active)\n" + logins(user.toUtf8(), 15, 7),
        false);
    const Run r = ingest(args);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("1 rotated copy finished")), qPrintable(r.out));
    QCOMPARE(rawLogins(user), 10 + 5 + 1 + 7); // the submission's SMTP login counts too
    store::Statement q
        = m_server->db().prepare(QStringLiteral("SELECT COUNT(*), SUM(recipients) FROM message_events e JOIN "
                                                "users u ON u.id = e.user_id WHERE u.address = ?"));
    q.bind(user);
    QVERIFY(q.exec().ok() && q.next());
    QCOMPARE(q.toInt(0), 1);
    QCOMPARE(q.toInt(1), 2);
    // Both files are known now.
    QVERIFY(ingest(args).out.contains(QStringLiteral("Read 0 lines")));
    QCOMPARE(rawLogins(user), 23);
}

void TestIngestPositions::copytruncateBetweenRuns()
{
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("copytruncate.log"));
    write(log, logins(user.toUtf8(), 0, 10), false);
    const QStringList args {QStringLiteral("--db"), m_server->databasePath(), log};
    QCOMPARE(ingest(args).code, 0);
    write(log, logins(user.toUtf8(), 10, 5));
    QVERIFY(QFile::copy(log, log + QStringLiteral(".1")));
    write(log, logins(user.toUtf8(), 15, 7), false); // truncated, then written again
    const Run r = ingest(args);
    QVERIFY2(r.out.contains(QStringLiteral("1 rotated copy finished")), qPrintable(r.out));
    QCOMPARE(rawLogins(user), 22);
    QCOMPARE(ingest(args).code, 0);
    QCOMPARE(rawLogins(user), 22);
}

void TestIngestPositions::truncatedAndRegrownBetweenRuns()
{
    // Truncated with no copy kept, and grown past the old size again: the fingerprint tells it is not the
    // file that was read, so it is read from its start.
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("regrown.log"));
    write(log, logins(user.toUtf8(), 0, 10), false);
    const QStringList args {QStringLiteral("--db"), m_server->databasePath(), log};
    QCOMPARE(ingest(args).code, 0);
    write(log, logins(user.toUtf8(), 1000, 40), false);
    const Run r = ingest(args);
    QVERIFY2(r.out.contains(QStringLiteral("found truncated or replaced")), qPrintable(r.out));
    QCOMPARE(rawLogins(user), 50);
}

void TestIngestPositions::truncatedAndRegrownWithinOnePoll()
{
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("regrown-follow.log"));
    write(log, logins(user.toUtf8(), 0, 30), false);
    QProcess *p = follow(log);
    QTRY_COMPARE_WITH_TIMEOUT(rawLogins(user), 30, 20000);
    // One write, well within one poll: cut to nothing and written past the old size.
    write(log, logins(user.toUtf8(), 2000, 60), false);
    QTRY_COMPARE_WITH_TIMEOUT(rawLogins(user), 90, 20000);
    QTest::qWait(1000);
    stop(p);
    QCOMPARE(rawLogins(user), 90);
    QCOMPARE(rolledUp(user), 90);
}

void TestIngestPositions::copytruncateWhileWriting()
{
    // A writer appends lines all the time; logrotate's copytruncate copies the log to NAME.1 and truncates
    // it, three times. (Lines written between its copy and its truncation are lost by copytruncate itself, so
    // the writer waits while it runs, as the rotation here is quicker than a line.)
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("busy.log"));
    write(log, QByteArray(), false);
    QProcess *p = follow(log);
    std::mutex rotating;
    std::atomic<int> written {0};
    std::atomic<bool> done {false};
    const QByteArray address = user.toUtf8();
    std::thread writer([&] {
        for (int i = 0; i < 2040; ++i) {
            {
                std::lock_guard lock(rotating);
                QFile f(log);
                if (!f.open(QIODevice::Append))
                    break;
                f.write(login(address, 5000 + i));
            }
            ++written;
            std::this_thread::sleep_for(std::chrono::microseconds(1500));
        }
        done = true;
    });
    for (int rotation = 0; rotation < 3; ++rotation) {
        QTest::qWait(900);
        std::lock_guard lock(rotating);
        QFile::remove(log + QStringLiteral(".1"));
        QVERIFY(QFile::copy(log, log + QStringLiteral(".1")));
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.resize(0));
    }
    writer.join();
    QCOMPARE(written.load(), 2040);
    QTRY_COMPARE_WITH_TIMEOUT(rawLogins(user), 2040, 20000);
    QTest::qWait(1000);
    stop(p);
    QCOMPARE(rawLogins(user), 2040);
    QCOMPARE(rolledUp(user), 2040);
}

void TestIngestPositions::overlongLineSkippedWhole()
{
    // A 10 MiB line whose last part looks like a login: skipped whole, its tail never read as a line.
    const QString user = newUser();
    const QString other = newUser();
    const QString log = m_dir.filePath(QStringLiteral("overlong.log"));
    QByteArray huge = login(user.toUtf8(), 1);
    huge.chop(1);
    huge += QByteArray(10 * 1024 * 1024, 'x') + ' ' + login(other.toUtf8(), 2);
    write(log, login(user.toUtf8(), 0) + huge + login(user.toUtf8(), 3), false);
    const Run r = ingest({QStringLiteral("--db"), m_server->databasePath(), log});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Read 3 lines from 1 file: 2 used, 1 skipped (1 too long)")),
        qPrintable(r.out));
    QCOMPARE(rawLogins(user), 2);
    QCOMPARE(rawLogins(other), 0);
}

void TestIngestPositions::cutRipAndByteOrderMark()
{
    const QString user = newUser();
    const QString log = m_dir.filePath(QStringLiteral("bom.log"));
    QByteArray cut = login(user.toUtf8(), 1);
    cut.truncate(cut.indexOf("rip=") + 4);
    write(log, "\xEF\xBB\xBF" + login(user.toUtf8(), 0) + cut + '\n' + login(user.toUtf8(), 2), false);
    const Run r = ingest({QStringLiteral("--db"), m_server->databasePath(), log});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(
                 QStringLiteral("Read 3 lines from 1 file: 2 used, 1 skipped (1 malformed or cut short)")),
        qPrintable(r.out));
    QCOMPARE(rawLogins(user), 2);
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "SELECT COUNT(*) FROM login_events e JOIN users u ON u.id = e.user_id WHERE u.address = ? AND "
        "e.remote_address = ''"));
    q.bind(user);
    QVERIFY(q.exec().ok() && q.next());
    QCOMPARE(q.toInt(0), 0);
}

QTEST_GUILESS_MAIN(TestIngestPositions)
#include "tst_ingest_positions.moc"
