#include "RawConnection.h"
#include "TestServer.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sys/resource.h>
#include <zlib.h>

#include <memory>
#include <vector>

using namespace mailadmin;
using testing::RawConnection;
using testing::TestServer;

// The transport under the requests an attacker sends, over real sockets against the real server: compressed
// bodies, trickled and idle connections, malformed and smuggled requests, pipelining, oversized URIs and
// headers, a port already in use, and TLS offers below the server's policy.
class TestTransport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void compressedBodiesAreRefused_data();
    void compressedBodiesAreRefused();
    void parseErrorsCloseTheConnection_data();
    void parseErrorsCloseTheConnection();
    void pipelinedRequestsAreAnsweredInOrder();
    void expectContinue();
    void longUriGets414();
    void headerLinesAreBounded_data();
    void headerLinesAreBounded();
    void logLinesCarryIdAndDuration();
    void slowAndIdleConnectionsDoNotStarve();
    void connectionCountIsBounded();
    void secondServeOnUsedPortFails();
    void tlsPolicy_data();
    void tlsPolicy();

private:
    std::unique_ptr<TestServer> m_server;
    QString m_token;
    QTemporaryDir m_dir;
};

namespace {

QMutex g_logMutex;
QStringList g_httpLog;
QtMessageHandler g_previousHandler = nullptr;

void recordHttpLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "mailadmind.http") == 0) {
        QMutexLocker lock(&g_logMutex);
        g_httpLog.append(message);
        return;
    }
    g_previousHandler(type, context, message);
}

// The test environment silences request logging; this test reads it, so it turns it back on.
QLoggingCategory::CategoryFilter g_previousFilter = nullptr;
void enableHttpLog(QLoggingCategory *category)
{
    g_previousFilter(category);
    if (qstrcmp(category->categoryName(), "mailadmind.http") == 0)
        category->setEnabled(QtInfoMsg, true);
}

QStringList logLinesWith(const QByteArray &requestId)
{
    QMutexLocker lock(&g_logMutex);
    return g_httpLog.filter(QString::fromLatin1(requestId));
}

QByteArray compressed(const QByteArray &data, bool gzipFormat)
{
    z_stream stream {};
    deflateInit2(&stream, 9, Z_DEFLATED, gzipFormat ? 15 + 16 : 15, 9, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

QByteArray statusRequest()
{
    return "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// A request that must never run when it arrives hidden behind a refused one: it would end the operator's
// session.
QByteArray smuggledDelete(const QString &token)
{
    return "DELETE /api/v1/sessions/current HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token.toLatin1() + "\r\n\r\n";
}

int statusOnNewConnection(int port, int timeoutMs = 5000)
{
    RawConnection c(port);
    if (!c.send(statusRequest()))
        return -1;
    const auto r = c.read(timeoutMs);
    return r ? r->status : 0;
}

// Many sockets on both sides of this process: ask for the descriptors they need.
void raiseOpenFileLimit()
{
    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
}

} // namespace

void TestTransport::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(recordHttpLog);
    g_previousFilter = QLoggingCategory::installFilter(enableHttpLog);
    raiseOpenFileLimit();
    m_server = std::make_unique<TestServer>();
    m_token = m_server->operatorClient().token();
    QVERIFY(!m_token.isEmpty());
}

void TestTransport::cleanupTestCase()
{
    m_server.reset();
    qInstallMessageHandler(g_previousHandler);
}

void TestTransport::compressedBodiesAreRefused_data()
{
    QTest::addColumn<QByteArray>("encodingHeader");
    QTest::addColumn<bool>("gzipFormat");
    QTest::newRow("gzip") << QByteArray("Content-Encoding: gzip") << true;
    QTest::newRow("deflate") << QByteArray("Content-Encoding: deflate") << false;
    QTest::newRow("gzip in capitals") << QByteArray("Content-Encoding: GZIP") << true;
    QTest::newRow("gzip transfer coding") << QByteArray("Transfer-Encoding: gzip, chunked") << true;
}

void TestTransport::compressedBodiesAreRefused()
{
    QFETCH(QByteArray, encodingHeader);
    QFETCH(bool, gzipFormat);
    // A sign-in whose body inflates to 64 MiB, eight times the body limit, from well under one.
    QByteArray json = R"({"login": "root", "password": ")";
    json += QByteArray(64 * 1024 * 1024, 'x') + "\"}";
    const QByteArray body = compressed(json, gzipFormat);
    QVERIFY(body.size() < 1024 * 1024);
    QByteArray framed = body;
    QByteArray length = "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (encodingHeader.startsWith("Transfer-Encoding")) {
        framed = QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n";
        length.clear();
    }
    RawConnection c(m_server->port());
    QVERIFY(c.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + length + encodingHeader + "\r\n\r\n" + framed));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 415);
    QCOMPARE(r->header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(r->json().value(QLatin1String("status")).toInt(), 415);
    QVERIFY(c.closedByServer());
    // The same sign-in uncompressed reaches the Api, which reads it (the password is wrong).
    RawConnection plain(m_server->port());
    const QByteArray small = R"({"login": "root", "password": "not-it"})";
    QVERIFY(
        plain.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   "Content-Encoding: identity\r\nContent-Length: "
            + QByteArray::number(small.size()) + "\r\n\r\n" + small));
    const auto answered = plain.read();
    QVERIFY(answered);
    QCOMPARE(answered->status, 401);
}

void TestTransport::parseErrorsCloseTheConnection_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray start = "POST /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    QTest::newRow("header line over 8 KiB")
        << QByteArray(start + "Content-Length: 120\r\nX-Padding: " + QByteArray(9000, 'a') + "\r\n\r\n")
        << 431;
    QTest::newRow("bad chunk size") << QByteArray(start + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n")
                                    << 400;
    QTest::newRow("chunk longer than said")
        << QByteArray(start + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n") << 400;
    QTest::newRow("chunk line without end")
        << QByteArray(start + "Transfer-Encoding: chunked\r\n\r\n1;ext=" + QByteArray(256 * 1024, 'a'))
        << 400;
    QTest::newRow("Content-Length not a number")
        << QByteArray(start + "Content-Length: 12abc\r\n\r\n") << 400;
    QTest::newRow("negative Content-Length") << QByteArray(start + "Content-Length: -5\r\n\r\n") << 400;
    QTest::newRow("two Content-Lengths")
        << QByteArray(start + "Content-Length: 5\r\nContent-Length: 120\r\n\r\n") << 400;
    QTest::newRow("Content-Length and chunked")
        << QByteArray(start + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray(start + "Content-Length : 5\r\n\r\n") << 400;
    QTest::newRow("garbage request line") << QByteArray("GET\x01/ HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
}

void TestTransport::parseErrorsCloseTheConnection()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    RawConnection c(m_server->port());
    QVERIFY(c.send(request));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, status);
    QCOMPARE(r->header("Connection").toLower(), QByteArray("close"));
    QCOMPARE(r->header("Content-Type"), QByteArray("application/problem+json"));
    QVERIFY(!r->header("X-Request-Id").isEmpty());
    // What arrives next in a later segment is not read as a request of its own.
    c.send(smuggledDelete(m_token));
    QVERIFY(c.closedByServer());
    testing::HttpClient op = m_server->client();
    op.setToken(m_token);
    QCOMPARE(op.get(QStringLiteral("/api/v1/me")).status, 200);
}

void TestTransport::pipelinedRequestsAreAnsweredInOrder()
{
    RawConnection c(m_server->port());
    const QByteArray badJson = "{\"login\": ";
    QByteArray requests = statusRequest();
    requests += "GET /api/v1/nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    requests += "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Content-Length: "
        + QByteArray::number(badJson.size()) + "\r\n\r\n" + badJson;
    requests += "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    requests += "GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token.toLatin1()
        + "\r\n\r\n";
    requests += "HEAD /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    requests += statusRequest();
    QVERIFY(c.send(requests)); // one write, so the requests share segments
    const QList<int> expected {200, 404, 400, 401, 200, 200, 200};
    QSet<QByteArray> ids;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        auto r = c.read(5000, i == 5);
        QVERIFY2(r, qPrintable(QStringLiteral("answer %1 missing").arg(i + 1)));
        QCOMPARE(r->status, expected.at(i));
        ids.insert(r->header("X-Request-Id"));
        if (i == 5) { // HEAD: the length of the answer, no body
            QVERIFY(r->header("Content-Length").toInt() > 0);
            QVERIFY(r->body.isEmpty());
        }
        if (i == 4)
            QCOMPARE(r->json().value(QLatin1String("login")).toString(), QStringLiteral("root"));
    }
    QCOMPARE(ids.size(), expected.size());
    QVERIFY(c.isOpenAndQuiet()); // kept alive for more
}

void TestTransport::expectContinue()
{
    // A client that waits for 100 Continue before sending its body gets it, and then the answer.
    RawConnection c(m_server->port());
    const QByteArray body = R"({"login": "root", "password": "not-it"})";
    QVERIFY(c.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   "Expect: 100-continue\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n"));
    const auto interim = c.read(5000, true);
    QVERIFY(interim);
    QCOMPARE(interim->status, 100);
    QVERIFY(c.send(body));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 401);
    // One over the limit is refused before its body is sent.
    RawConnection big(m_server->port());
    QVERIFY(big.send("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Expect: 100-continue\r\nContent-Length: 100000000\r\n\r\n"));
    const auto refused = big.read();
    QVERIFY(refused);
    QCOMPARE(refused->status, 413);
    QVERIFY(big.closedByServer());
}

void TestTransport::longUriGets414()
{
    for (const int length : {9000, 40000}) {
        RawConnection c(m_server->port());
        QVERIFY(c.send(
            "GET /api/v1/status?q=" + QByteArray(length, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 414);
        const QByteArray id = r->header("X-Request-Id");
        QCOMPARE(id.size(), 16);
        QCOMPARE(r->json().value(QLatin1String("instance")).toString(), QString::fromLatin1(id));
        QVERIFY(c.closedByServer());
        QTRY_COMPARE(logLinesWith(id).size(), 1);
        QVERIFY2(
            logLinesWith(id).first().contains(QLatin1String(" 414 ")), qPrintable(logLinesWith(id).first()));
    }
    // Exactly at the limit is still a request.
    RawConnection c(m_server->port());
    const QByteArray target = "/api/v1/status?q=";
    QVERIFY(c.send("GET " + target + QByteArray(8192 - target.size(), 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n"));
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
}

void TestTransport::headerLinesAreBounded_data()
{
    QTest::addColumn<int>("lines");
    QTest::addColumn<int>("status");
    QTest::newRow("100 lines") << 99 << 200; // with Host, exactly the bound
    QTest::newRow("101 lines") << 100 << 431;
    QTest::newRow("100,000 lines") << 100000 << 431;
}

void TestTransport::headerLinesAreBounded()
{
    QFETCH(int, lines);
    QFETCH(int, status);
    QByteArray request = "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < lines; ++i)
        request += "X-" + QByteArray::number(i) + ": v\r\n";
    request += "\r\n";
    RawConnection c(m_server->port());
    c.send(request); // the server may stop reading long before the end
    const auto r = c.read();
    QVERIFY(r);
    QCOMPARE(r->status, status);
    if (status != 200)
        QVERIFY(c.closedByServer());
}

void TestTransport::logLinesCarryIdAndDuration()
{
    RawConnection c(m_server->port());
    QVERIFY(c.send("GET /api/v1/status?secret=hunter2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    const auto r = c.read();
    QVERIFY(r);
    const QByteArray id = r->header("X-Request-Id");
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(QString::fromLatin1(id)).hasMatch());
    QTRY_COMPARE(logLinesWith(id).size(), 1);
    const QString line = logLinesWith(id).first();
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("^([0-9a-f]{16}) GET /api/v1/status 200 (\\d+\\.\\d)ms$"))
              .match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    QCOMPARE(match.captured(1), QString::fromLatin1(id));
    const double ms = match.captured(2).toDouble();
    QVERIFY2(ms >= 0 && ms < 60000, qPrintable(line));
    QVERIFY(!line.contains(QLatin1String("hunter2")));
}

void TestTransport::slowAndIdleConnectionsDoNotStarve()
{
    // Four threads: a server holding a thread per connection would starve at the fifth slow client.
    http::ServerOptions options = TestServer::defaultOptions();
    options.threads = 4;
    options.readTimeoutSeconds = 4;
    TestServer server(options);
    const int port = server.port();
    constexpr int kSlow = 150;
    constexpr int kIdle = 400;
    std::vector<std::unique_ptr<RawConnection>> slow, idle;
    for (int i = 0; i < kSlow; ++i) {
        slow.push_back(std::make_unique<RawConnection>(port));
        QVERIFY(slow.back()->send("GET /api/v1/status HTTP/1.1\r\n"));
    }
    for (int i = 0; i < kIdle; ++i) {
        idle.push_back(std::make_unique<RawConnection>(port));
        QVERIFY(idle.back()->isConnected());
    }
    // While every slow client trickles a header line twice a second, new clients are served at once.
    QElapsedTimer held;
    held.start();
    int served = 0, round = 0;
    while (held.elapsed() < 2000) {
        for (auto &c : slow)
            c->send("X-Trickle-" + QByteArray::number(round) + ": 1\r\n");
        ++round;
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(statusOnNewConnection(port, 2000), 200);
            ++served;
        }
        QTest::qWait(500 - int(held.elapsed() % 500));
    }
    QVERIFY(served >= 30);
    // They were really held open all along, neither answered nor dropped ...
    for (auto &c : slow)
        QVERIFY(c->isOpenAndQuiet());
    for (auto &c : idle)
        QVERIFY(c->isOpenAndQuiet());
    // ... until their header deadline, however busily they trickle.
    for (int wait = 0; wait < 6; ++wait) {
        for (auto &c : slow)
            c->send("X-Still-Trickling: 1\r\n");
        QTest::qWait(500);
    }
    for (auto &c : slow)
        QVERIFY(c->closedByServer(2000));
    for (auto &c : idle)
        QVERIFY(c->closedByServer(2000));
    QCOMPARE(statusOnNewConnection(port), 200);
}

void TestTransport::connectionCountIsBounded()
{
    http::ServerOptions options = TestServer::defaultOptions();
    options.maxConnections = 50;
    TestServer server(options);
    const int port = server.port();
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 120; ++i)
        idle.push_back(std::make_unique<RawConnection>(port));
    // Each new client past the bound made room by closing the one that had waited longest.
    QCOMPARE(statusOnNewConnection(port), 200);
    int closed = 0;
    for (auto &c : idle)
        closed += c->closedByServer(100) ? 1 : 0;
    QVERIFY2(closed >= 120 - 50, qPrintable(QString::number(closed)));
    QVERIFY(closed < 120);
    // The newest ones are the ones still open.
    QVERIFY(idle.back()->isOpenAndQuiet());
    QVERIFY(idle.front()->closedByServer(100));
}

void TestTransport::secondServeOnUsedPortFails()
{
    const QString binary
        = QString::fromLocal8Bit(qgetenv("MAILADMIN_BINARY_DIR")) + QStringLiteral("/bin/mailadmind");
    QVERIFY2(QFile::exists(binary), qPrintable(binary));
    const QString db = m_dir.filePath(QStringLiteral("serve.db"));
    QProcess init;
    init.start(binary,
        {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
            QStringLiteral("alice")});
    QVERIFY(init.waitForFinished(30000));
    QCOMPARE(init.exitCode(), 0);
    QProcess first;
    first.start(binary,
        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet")});
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(first.canReadLine(), 10000);
    const QString line = QString::fromUtf8(first.readLine());
    const QString port = line.section(QLatin1Char(':'), -1).section(QLatin1Char(' '), 0, 0);
    QVERIFY2(port.toInt() > 0, qPrintable(line));
    QProcess second;
    second.start(binary,
        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:") + port});
    QVERIFY(second.waitForFinished(10000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QVERIFY(second.exitCode() != 0);
    const QString message = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(message.contains(QLatin1String("port in use")), qPrintable(message));
    // Every new connection still reaches the first server.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(statusOnNewConnection(port.toInt()), 200);
    first.terminate();
    QVERIFY(first.waitForFinished(10000));
    QCOMPARE(first.exitCode(), 0);
}

void TestTransport::tlsPolicy_data()
{
    QTest::addColumn<QStringList>("offer");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("negotiated");
    // SECLEVEL=0 lets this client offer what its own defaults would refuse, so it is the server that says no.
    const QString anything = QStringLiteral("DEFAULT:@SECLEVEL=0");
    QTest::newRow("TLS 1.1") << QStringList {QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), anything}
                             << false << QString();
    QTest::newRow("TLS 1.0") << QStringList {QStringLiteral("-tls1"), QStringLiteral("-cipher"), anything}
                             << false << QString();
    QTest::newRow("TLS 1.2 CBC with SHA-1") << QStringList {QStringLiteral("-tls1_2"),
        QStringLiteral("-cipher"), QStringLiteral("ECDHE-RSA-AES128-SHA")}
                                            << false << QString();
    QTest::newRow("TLS 1.2 static RSA") << QStringList {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
        QStringLiteral("AES128-GCM-SHA256:AES256-SHA")}
                                        << false << QString();
    QTest::newRow("TLS 1.2 ECDHE with GCM") << QStringList {QStringLiteral("-tls1_2"),
        QStringLiteral("-cipher"), QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256")}
                                            << true << QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256");
    QTest::newRow("TLS 1.3") << QStringList {QStringLiteral("-tls1_3")} << true << QStringLiteral("TLSv1.3");
}

void TestTransport::tlsPolicy()
{
    QFETCH(QStringList, offer);
    QFETCH(bool, accepted);
    QFETCH(QString, negotiated);
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    if (!QFile::exists(key)) {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
    }
    http::ServerOptions options = TestServer::defaultOptions();
    options.tlsCertificate = cert;
    options.tlsKey = key;
    TestServer server(options);
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("openssl"),
        QStringList {QStringLiteral("s_client"), QStringLiteral("-connect"),
            QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("-ign_eof")}
            + offer);
    QVERIFY(client.waitForStarted());
    client.write("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    client.closeWriteChannel();
    QVERIFY(client.waitForFinished(20000));
    const QString output = QString::fromUtf8(client.readAll());
    // The client itself was willing: a refusal comes from the server.
    QVERIFY2(!output.contains(QLatin1String("no protocols available"))
            && !output.contains(QLatin1String("no cipher match")),
        qPrintable(output));
    if (accepted) {
        QVERIFY2(output.contains(negotiated), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("HTTP/1.1 200 OK")), qPrintable(output));
    } else {
        QVERIFY2(
            output.contains(QLatin1String("SSL alert number")) && !output.contains(QLatin1String("HTTP/1.1")),
            qPrintable(output));
        QVERIFY(client.exitCode() != 0);
    }
}

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
