#include "Json.h"
#include "TestServer.h"
#include "auth/Clock.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// `mailadmind ingest` as a log shipper runs it: real log files, through the API as a collector or straight
// into the database, following a log through rotation, and clear failures.
class TestIngestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void throughTheApi();
    void intoTheDatabase();
    void followsThroughRotation();
    void learnsTheStoreFromProxyLines();
    void errors_data();
    void errors();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, const QByteArray &password = {});
    // A syslog line stamped `secondsAgo` before now (UTC).
    static QByteArray syslog(qint64 secondsAgo, const QByteArray &rest);
    static QByteArray dovecotLogin(
        qint64 secondsAgo, const QByteArray &user, const QByteArray &service = "imap-login");
    int activity(const QString &address) const;
    void writeFile(const QString &path, const QList<QByteArray> &lines, bool append = false);

    static inline qint64 s_now = 0; // lines are stamped relative to the start of the test
    QString m_binary;
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
};

void TestIngestCli::initTestCase()
{
    s_now = auth::Clock::now();
    m_binary = QString::fromLocal8Bit(qgetenv("MAILADMIN_BINARY_DIR")) + QStringLiteral("/bin/mailadmind");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Log Readers")}});
    QCOMPARE(company.status, 201);
    const int id = company.json().value(QLatin1String("id")).toInt();
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(id),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("logs.example")}})
                 .status,
        201);
    for (const QString &user :
        {QStringLiteral("ann"), QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("dan")})
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/logs.example/users"),
                         QJsonObject {{QStringLiteral("local_part"), user}})
                     .status,
            201);
    QCOMPARE(
        m_op->post(QStringLiteral("/api/v1/admins"),
                QJsonObject {{QStringLiteral("login"), QStringLiteral("shipper")},
                    {QStringLiteral("role"), QStringLiteral("collector")}, {QStringLiteral("company_id"), id},
                    {QStringLiteral("password"), QStringLiteral("Green-Valve-Copper-19")}})
            .status,
        201);
}

void TestIngestCli::cleanupTestCase()
{
    m_op.reset();
    m_server.reset();
}

TestIngestCli::Run TestIngestCli::run(const QStringList &args, const QByteArray &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(QStringLiteral("MAILADMIN_PASSWORD"), QString::fromUtf8(password));
    p.setProcessEnvironment(env);
    p.start(m_binary, QStringList {QStringLiteral("ingest")} + args);
    p.waitForStarted();
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return Run {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

QByteArray TestIngestCli::syslog(qint64 secondsAgo, const QByteArray &rest)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(s_now - secondsAgo, Qt::UTC);
    static const char *months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QByteArray(months[t.date().month() - 1]) + ' '
        + QByteArray::number(t.date().day()).rightJustified(2, ' ') + ' '
        + t.time().toString(QStringLiteral("hh:mm:ss")).toLatin1() + " mx1 " + rest;
}

QByteArray TestIngestCli::dovecotLogin(qint64 secondsAgo, const QByteArray &user, const QByteArray &service)
{
    return syslog(secondsAgo,
        "dovecot: " + service + ": Login: user=<" + user
            + ">, method=PLAIN, rip=192.0.2.10, lip=198.51.100.1, mpid=77, TLS, session=<s1>");
}

int TestIngestCli::activity(const QString &address) const
{
    return m_op->get(QStringLiteral("/api/v1/users/%1/activity").arg(address))
        .json()
        .value(QLatin1String("total"))
        .toInt();
}

void TestIngestCli::writeFile(const QString &path, const QList<QByteArray> &lines, bool append)
{
    QFile f(path);
    QVERIFY(f.open(append ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate));
    for (const QByteArray &line : lines)
        f.write(line + '\n');
}

void TestIngestCli::throughTheApi()
{
    const QString log = m_dir.filePath(QStringLiteral("mail.log"));
    writeFile(log,
        {dovecotLogin(3600, "ann@logs.example"), dovecotLogin(3500, "ann@logs.example", "pop3-login"),
            syslog(3400,
                "postfix/submission/smtpd[3001]: 4NxYz12AbcD: client=c.example.net[192.0.2.20], "
                "sasl_method=PLAIN, "
                "sasl_username=bob@logs.example"),
            syslog(3399,
                "postfix/qmgr[900]: 4NxYz12AbcD: from=<bob@logs.example>, size=2048, nrcpt=3 (queue active)"),
            dovecotLogin(3300, "ghost@logs.example"), syslog(3200, "sshd[1]: Accepted publickey for root"),
            syslog(3100, "dovecot: imap-login: Login: user=<ann@logs.exa")});
    const Run r
        = run({QStringLiteral("--server"), m_server->baseUrl(), QStringLiteral("--login"),
                  QStringLiteral("shipper"), QStringLiteral("--timezone"), QStringLiteral("UTC"), log},
            "Green-Valve-Copper-19");
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(
        r.out.contains(QStringLiteral("Read 7 lines from 1 file: 5 used, 2 skipped")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("1 not from a program read here")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("1 malformed or cut short")), qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QStringLiteral("Events: 5 sent, 4 stored, 1 for unknown users")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("ghost@logs.example")), qPrintable(r.out));
    QCOMPARE(activity(QStringLiteral("ann@logs.example")), 2);
    QCOMPARE(activity(QStringLiteral("bob@logs.example")), 1);
    const QJsonObject ann = m_op->get(QStringLiteral("/api/v1/users/ann@logs.example")).json();
    QCOMPARE(ann.value(QLatin1String("last_login")).toObject().value(QLatin1String("pop")).toString(),
        json::isoTime(s_now - 3500));
    const QJsonArray senders = m_op->get(QStringLiteral("/api/v1/stats/senders?domain=logs.example"))
                                   .json()
                                   .value(QLatin1String("senders"))
                                   .toArray();
    QCOMPARE(senders.size(), 1);
    QCOMPARE(senders.first().toObject().value(QLatin1String("recipients")).toInt(), 3);

    // A wrong password stops at once with the server's reason.
    const Run wrong = run({QStringLiteral("--server"), m_server->baseUrl(), QStringLiteral("--login"),
                              QStringLiteral("shipper"), log},
        "not-it");
    QCOMPARE(wrong.code, 1);
    QVERIFY2(wrong.err.contains(QStringLiteral("Sign-in as shipper failed (401)")), qPrintable(wrong.err));
    // Nobody listening: a clear failure after retries, not a hang.
    const Run down = run({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"),
                             QStringLiteral("--login"), QStringLiteral("shipper"), log},
        "Green-Valve-Copper-19");
    QCOMPARE(down.code, 1);
    QVERIFY2(down.err.contains(QStringLiteral("http://127.0.0.1:1")), qPrintable(down.err));
}

void TestIngestCli::intoTheDatabase()
{
    const QString roundcube = m_dir.filePath(QStringLiteral("userlogins.log"));
    const QDateTime t = QDateTime::fromSecsSinceEpoch(s_now - 600, Qt::UTC);
    const QByteArray stamp
        = '[' + QLocale::c().toString(t, QStringLiteral("dd-MMM-yyyy hh:mm:ss")).toLatin1() + " +0000]: ";
    writeFile(roundcube,
        {stamp
                + "<a1b2c3d4> Successful login for carol@logs.example (ID: 3) from 192.0.2.30 in session "
                  "a1b2c3d4e5f6",
            stamp
                + "<a1b2c3d4> Failed login for carol@logs.example from 192.0.2.31 in session a1b2c3d4e5f6 "
                  "(error: 0)"});
    const QString quota = m_dir.filePath(QStringLiteral("quota.txt"));
    writeFile(quota,
        {"Username           Quota name Type    Value  Limit  %",
            "dan@logs.example   User quota STORAGE 2048  -      0",
            "dan@logs.example   User quota MESSAGE 17    -      0"});
    const Run r = run({QStringLiteral("--db"), m_server->databasePath(), roundcube, quota});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(
        r.out.contains(QStringLiteral("Read 5 lines from 2 files: 4 used, 1 skipped")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Events: 3 sent, 3 stored")), qPrintable(r.out));
    QCOMPARE(activity(QStringLiteral("carol@logs.example")), 2);
    const QJsonObject dan = m_op->get(QStringLiteral("/api/v1/users/dan@logs.example")).json();
    QCOMPARE(dan.value(QLatin1String("used_bytes")).toInt(), 2048 * 1024);
    QCOMPARE(dan.value(QLatin1String("messages")).toInt(), 17);
}

void TestIngestCli::followsThroughRotation()
{
    const QString log = m_dir.filePath(QStringLiteral("follow.log"));
    writeFile(log, {dovecotLogin(900, "dan@logs.example")});
    const int before = activity(QStringLiteral("dan@logs.example"));
    QProcess p;
    p.start(m_binary,
        {QStringLiteral("ingest"), QStringLiteral("--follow"), QStringLiteral("--timezone"),
            QStringLiteral("UTC"), QStringLiteral("--db"), m_server->databasePath(), log});
    QVERIFY(p.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(activity(QStringLiteral("dan@logs.example")), before + 1, 10000);
    // Appended lines arrive within seconds, a half-written line waits for its end.
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::Append));
        f.write(dovecotLogin(800, "dan@logs.example") + '\n');
        f.write(dovecotLogin(700, "dan@logs.example").left(40));
    }
    QTRY_COMPARE_WITH_TIMEOUT(activity(QStringLiteral("dan@logs.example")), before + 2, 10000);
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::Append));
        f.write(dovecotLogin(700, "dan@logs.example").mid(40) + '\n');
    }
    QTRY_COMPARE_WITH_TIMEOUT(activity(QStringLiteral("dan@logs.example")), before + 3, 10000);
    // Rotation by rename: the last lines of the old file and the new file's lines are both read.
    QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
    writeFile(log + QStringLiteral(".1"), {dovecotLogin(600, "dan@logs.example")}, true);
    writeFile(log, {dovecotLogin(500, "dan@logs.example"), dovecotLogin(400, "dan@logs.example")});
    QTRY_COMPARE_WITH_TIMEOUT(activity(QStringLiteral("dan@logs.example")), before + 6, 10000);
    // Rotation by truncation (copytruncate).
    writeFile(log, {dovecotLogin(300, "dan@logs.example")});
    QTRY_COMPARE_WITH_TIMEOUT(activity(QStringLiteral("dan@logs.example")), before + 7, 10000);
    p.terminate();
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("Read 7 lines from 1 file: 7 used, 0 skipped")), qPrintable(out));
}

void TestIngestCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no files") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db")}
                              << QStringLiteral("at least one log file");
    QTest::newRow("no destination") << QStringList {QStringLiteral("a.log")}
                                    << QStringLiteral("either --db PATH or --server URL");
    QTest::newRow("both destinations") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db"),
        QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("a.log")}
                                       << QStringLiteral("either --db PATH or --server URL");
    QTest::newRow("bad format") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db"),
        QStringLiteral("--format"), QStringLiteral("exim"), QStringLiteral("a.log")}
                                << QStringLiteral("--format takes auto, dovecot");
    QTest::newRow("bad zone") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db"),
        QStringLiteral("--timezone"), QStringLiteral("Mars/Olympus"), QStringLiteral("a.log")}
                              << QStringLiteral("Unknown time zone 'Mars/Olympus'");
    QTest::newRow("missing file") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db"),
        QStringLiteral("/nonexistent/mail.log")}
                                  << QStringLiteral("/nonexistent/mail.log is not a readable file");
    QTest::newRow("bad server url") << QStringList {QStringLiteral("--server"), QStringLiteral("ftp://x"),
        QStringLiteral("--login"), QStringLiteral("a"), QStringLiteral("-")}
                                    << QStringLiteral("--server takes http:// or https://");
    QTest::newRow("no password") << QStringList {QStringLiteral("--server"),
        QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--login"), QStringLiteral("a"),
        QStringLiteral("-")} << QStringLiteral("No password");
    QTest::newRow("batch too big") << QStringList {QStringLiteral("--db"), QStringLiteral("x.db"),
        QStringLiteral("--batch"), QStringLiteral("20000"), QStringLiteral("-")}
                                   << QStringLiteral("--batch takes a number from 1 to 10000");
}

void TestIngestCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MAILADMIN_PASSWORD"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    p.start(m_binary, QStringList {QStringLiteral("ingest")} + args);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestIngestCli::learnsTheStoreFromProxyLines()
{
    // Two backends known as mail stores; a proxy's lines say which one holds each mailbox.
    const qint64 cluster = qint64(m_op->post(QStringLiteral("/api/v1/clusters"),
                                          QJsonObject {{QStringLiteral("name"), QStringLiteral("Proxied")}})
                                      .json()
                                      .value(QLatin1String("id"))
                                      .toDouble());
    for (const auto &[name, host] : {std::pair {QStringLiteral("px1"), QStringLiteral("backend-1.example")},
             std::pair {QStringLiteral("px2"), QStringLiteral("2001:db8::5")}})
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/mail-stores"),
                         QJsonObject {{QStringLiteral("name"), name},
                             {QStringLiteral("cluster_id"), double(cluster)}, {QStringLiteral("host"), host}})
                     .status,
            201);
    const auto storeOf = [this](const QString &address) {
        return m_op->get(QStringLiteral("/api/v1/users/") + address)
            .json()
            .value(QLatin1String("store"))
            .toString();
    };
    const QString before = storeOf(QStringLiteral("carol@logs.example"));
    const QByteArray fields = ": user=<%1>, method=PLAIN, rip=192.0.2.10, lip=198.51.100.1, session=<p1>";
    const QString api = m_dir.filePath(QStringLiteral("proxy-api.log"));
    writeFile(api,
        {syslog(600,
             "dovecot: imap-login: proxy(ann@logs.example): started proxying to backend-1.example:143"
                 + QByteArray(fields).replace("%1", "ann@logs.example")),
            syslog(590,
                "dovecot: imap-login: proxy(carol@logs.example): started proxying to unknown.example:143"
                    + QByteArray(fields).replace("%1", "carol@logs.example")),
            syslog(580,
                "dovecot: imap-login: proxy(ann@logs.example): disconnecting 192.0.2.10 (Disconnected by "
                "client)")});
    const Run r
        = run({QStringLiteral("--server"), m_server->baseUrl(), QStringLiteral("--login"),
                  QStringLiteral("shipper"), QStringLiteral("--timezone"), QStringLiteral("UTC"), api},
            "Green-Valve-Copper-19");
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QCOMPARE(storeOf(QStringLiteral("ann@logs.example")), QStringLiteral("px1"));
    QCOMPARE(storeOf(QStringLiteral("carol@logs.example")), before); // no store has that host
    // Straight into the database, with an IPv6 backend.
    const QString db = m_dir.filePath(QStringLiteral("proxy-db.log"));
    writeFile(db,
        {syslog(500,
            "dovecot: pop3-login: proxy(bob@logs.example): started proxying to [2001:db8::5]:110"
                + QByteArray(fields).replace("%1", "bob@logs.example"))});
    const Run d = run({QStringLiteral("--timezone"), QStringLiteral("UTC"), QStringLiteral("--db"),
        m_server->databasePath(), db});
    QVERIFY2(d.code == 0, qPrintable(d.err + d.out));
    QCOMPARE(storeOf(QStringLiteral("bob@logs.example")), QStringLiteral("px2"));
    // Each change is in the audit log as learned from the logs, with the store before and after.
    const QJsonArray learned = m_op->get(QStringLiteral("/api/v1/audit?action=learn")).items();
    QCOMPARE(learned.size(), 2);
    for (const QJsonValue &v : learned) {
        const QJsonObject entry = v.toObject();
        QCOMPARE(entry.value(QLatin1String("actor")).toString(), QStringLiteral("(logs)"));
        QCOMPARE(entry.value(QLatin1String("object_type")).toString(), QStringLiteral("user"));
        QVERIFY(entry.value(QLatin1String("changes")).toObject().contains(QLatin1String("store")));
    }
    // The stores' counts follow.
    for (const QJsonValue &v :
        m_op->get(QStringLiteral("/api/v1/mail-stores?cluster_id=%1").arg(cluster)).items())
        QCOMPARE(v.toObject().value(QLatin1String("mailbox_count")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestIngestCli)
#include "tst_ingest_cli.moc"
