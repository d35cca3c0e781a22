#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// The mailadmind command line: help everywhere, and a clear message with a non-zero exit for bad flags,
// unwritable paths and ports in use.
class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void help_data();
    void help();
    void errors_data();
    void errors();
    void initPrintsPasswordOnce();
    void serveAnswersAndStops();
    void servesHttps();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 30000);
    QString m_binary;
    QTemporaryDir m_dir;
};

TestCli::Run TestCli::run(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QProcess p;
    p.start(m_binary, args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    return Run {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

void TestCli::initTestCase()
{
    m_binary = QString::fromLocal8Bit(qgetenv("MAILADMIN_BINARY_DIR")) + QStringLiteral("/bin/mailadmind");
    QVERIFY2(QFile::exists(m_binary), qPrintable(m_binary));
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("top") << QStringList {QStringLiteral("--help")} << QStringLiteral("seed-demo");
    QTest::newRow("serve") << QStringList {QStringLiteral("serve"), QStringLiteral("--help")}
                           << QStringLiteral("--listen");
    QTest::newRow("init") << QStringList {QStringLiteral("init"), QStringLiteral("--help")}
                          << QStringLiteral("--operator");
    QTest::newRow("seed-demo") << QStringList {QStringLiteral("seed-demo"), QStringLiteral("--help")}
                               << QStringLiteral("--users");
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = run(args);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
}

void TestCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList {} << 2 << QStringLiteral("Usage");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("launch")} << 2
                                     << QStringLiteral("Unknown command");
    QTest::newRow("bad flag") << QStringList {QStringLiteral("serve"), QStringLiteral("--colour")} << 2
                              << QStringLiteral("Unknown option");
    QTest::newRow("serve without db") << QStringList {QStringLiteral("serve")} << 2 << QStringLiteral("--db");
    QTest::newRow("missing database")
        << QStringList {QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("/nonexistent/x.db")}
        << 1 << QStringLiteral("does not exist");
    QTest::newRow("bad listen") << QStringList {QStringLiteral("serve"), QStringLiteral("--db"),
        QStringLiteral("x.db"), QStringLiteral("--listen"), QStringLiteral("nowhere")}
                                << 2 << QStringLiteral("host:port");
    QTest::newRow("unwritable folder") << QStringList {QStringLiteral("init"), QStringLiteral("--db"),
        QStringLiteral("/proc/x.db"), QStringLiteral("--operator"), QStringLiteral("root")}
                                       << 1 << QStringLiteral("cannot be written");
    QTest::newRow("no such folder") << QStringList {QStringLiteral("init"), QStringLiteral("--db"),
        QStringLiteral("/nonexistent/x.db"), QStringLiteral("--operator"), QStringLiteral("root")}
                                    << 1 << QStringLiteral("does not exist");
    QTest::newRow("bad operator login") << QStringList {QStringLiteral("init"), QStringLiteral("--db"),
        QStringLiteral("%TMP%/bad.db"), QStringLiteral("--operator"), QStringLiteral("a b")}
                                        << 1 << QStringLiteral("login");
    QTest::newRow("bad number") << QStringList {QStringLiteral("seed-demo"), QStringLiteral("--db"),
        QStringLiteral("%TMP%/s.db"), QStringLiteral("--users"), QStringLiteral("many")}
                                << 2 << QStringLiteral("--users");
}

void TestCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    for (QString &a : args)
        a.replace(QStringLiteral("%TMP%"), m_dir.path());
    const Run r = run(args);
    QCOMPARE(r.code, code);
    const QString all = r.err + r.out;
    QVERIFY2(all.contains(message), qPrintable(all));
}

void TestCli::initPrintsPasswordOnce()
{
    const QString db = m_dir.filePath(QStringLiteral("init.db"));
    const Run r = run({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
        QStringLiteral("alice")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("Password: ")));
    const Run again = run({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
        QStringLiteral("alice")});
    QCOMPARE(again.code, 1);
    QVERIFY(again.err.contains(QStringLiteral("taken")));
    const Run weak = run({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
                             QStringLiteral("bob"), QStringLiteral("--password-stdin")},
        "short\n");
    QCOMPARE(weak.code, 1);
    QVERIFY(weak.err.contains(QStringLiteral("password")));
}

void TestCli::serveAnswersAndStops()
{
    const QString db = m_dir.filePath(QStringLiteral("serve.db"));
    QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
                     QStringLiteral("alice")})
                 .code,
        0);
    // A port in use is refused with a clear message.
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    const Run busy = run({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
        QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort())});
    QCOMPARE(busy.code, 1);
    QVERIFY2(busy.err.contains(QStringLiteral("in use")), qPrintable(busy.err));
    // A free port: the server says where it listens, answers, and stops cleanly on SIGTERM.
    QProcess server;
    server.start(m_binary,
        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0")});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString line = QString::fromUtf8(server.readLine());
    QVERIFY2(line.contains(QStringLiteral("listening on http://127.0.0.1:")), qPrintable(line));
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestCli::servesHttps()
{
    const QString db = m_dir.filePath(QStringLiteral("tls.db"));
    QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
                     QStringLiteral("alice")})
                 .code,
        0);
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
            QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
            QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        QSKIP("openssl cannot make a test certificate here");
    // A missing key is refused with a clear message.
    const Run missing = run({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
        QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), cert});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("TLS")), qPrintable(missing.err));
    // A certificate with another certificate's key does not match.
    const Run mismatch = run({QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
        QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
        cert});
    QCOMPARE(mismatch.code, 1);
    QProcess server;
    server.start(m_binary,
        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
            key});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QString line = QString::fromUtf8(server.readLine());
    QVERIFY2(line.contains(QStringLiteral("listening on https://127.0.0.1:")), qPrintable(line));
    const QString url = line.section(QStringLiteral("listening on "), 1).section(QLatin1Char(' '), 0, 0);
    QProcess curl;
    curl.start(QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("--cacert"), cert, url + QStringLiteral("/api/v1/status")});
    QVERIFY(curl.waitForFinished(10000));
    QCOMPARE(curl.exitCode(), 0);
    QVERIFY(curl.readAllStandardOutput().contains("mailadmind"));
    server.terminate();
    QVERIFY(server.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
