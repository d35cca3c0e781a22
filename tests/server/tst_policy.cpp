#include "TestServer.h"
#include "auth/Clock.h"
#include "mail/PolicyServer.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QLocalSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Postfix's policy delegation protocol answered by mailadmind over a real socket: the daily send limit,
// refusals, holds by an administrator and by open spike alerts (per the company's spike_action), release
// through the API with its audit entry, and requests that are malformed, cut short, too large or pipelined.
class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void notJudged_data();
    void notJudged();
    void sendLimit();
    void sendLimitUnderConcurrency();
    void refusals_data();
    void refusals();
    void adminHoldAndRelease();
    void spikeAction_data();
    void spikeAction();
    void badSpikeActionChangesNothing();
    void holdAndReleaseErrors();
    void malformedAndPartialRequests();
    void pipelinedAndCrlf();
    void unixSocket();

private:
    QByteArray ask(const QByteArray &request);
    static QByteArray request(const QString &user, const QByteArray &state = "END-OF-MESSAGE",
        const QByteArray &queueId = "4QzTest1");
    QString newUser(const QString &local);
    qint64 userId(const QString &address);
    void openAlert(const QString &address);
    QString setSpikeAction(const QString &action);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<mail::PolicyServer> m_policy;
    std::unique_ptr<QTcpSocket> m_socket;
    int m_port = 0;
    qint64 m_company = 0;
};

void TestPolicy::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {
            {QStringLiteral("name"), QStringLiteral("Policy Co")}, {QStringLiteral("smtp_send_limit"), 3}});
    QCOMPARE(company.status, 201);
    m_company = qint64(company.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("policy.example")}})
                 .status,
        201);
    m_policy = std::make_unique<mail::PolicyServer>(
        m_server->db(), mail::PolicyServer::Options {QStringLiteral("127.0.0.1:0"), 2, 300});
    const Result<int> port = m_policy->start();
    QVERIFY(port.ok());
    m_port = port.value();
    QVERIFY(m_port > 0);
}

void TestPolicy::cleanupTestCase()
{
    m_socket.reset();
    m_policy.reset();
    m_op.reset();
    m_server.reset();
}

QByteArray TestPolicy::request(const QString &user, const QByteArray &state, const QByteArray &queueId)
{
    QByteArray r = "request=smtpd_access_policy\nprotocol_state=" + state
        + "\nprotocol_name=ESMTP\nclient_address=127.0.0.1\nsender=" + user.toUtf8()
        + "\nrecipient_count=1\nsize=1200\n";
    if (!queueId.isEmpty())
        r += "queue_id=" + queueId + '\n';
    if (!user.isEmpty())
        r += "sasl_method=PLAIN\nsasl_username=" + user.toUtf8() + '\n';
    return r + '\n';
}

// One request on the connection kept open between requests, as Postfix keeps it; the action's text.
QByteArray TestPolicy::ask(const QByteArray &request)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
        if (!m_socket->waitForConnected(5000))
            return "no connection";
    }
    m_socket->write(request);
    QByteArray reply;
    while (!reply.endsWith("\n\n") && m_socket->waitForReadyRead(5000))
        reply += m_socket->readAll();
    if (!reply.startsWith("action=") || !reply.endsWith("\n\n"))
        return "bad reply: " + reply;
    return reply.sliced(7, reply.size() - 9);
}

QString TestPolicy::newUser(const QString &local)
{
    const auto reply = m_op->post(QStringLiteral("/api/v1/domains/policy.example/users"),
        QJsonObject {{QStringLiteral("local_part"), local}});
    return reply.json().value(QLatin1String("address")).toString();
}

qint64 TestPolicy::userId(const QString &address)
{
    return qint64(
        m_op->get(QStringLiteral("/api/v1/users/") + address).json().value(QLatin1String("id")).toDouble());
}

// The detector's output, written the way it writes it: an open user alert of this company.
void TestPolicy::openAlert(const QString &address)
{
    const auto user = m_op->get(QStringLiteral("/api/v1/users/") + address).json();
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "INSERT INTO alerts (company_id, domain_id, user_id, scope, subject, span, period_start, observed, "
        "baseline_median, baseline_mad, threshold, factor, severity, status, created_at, updated_at) "
        "VALUES (?, ?, ?, 'user', ?, 'hour', ?, 500, 2, 1, 60, 250, 'critical', 'open', ?, ?)"));
    const qint64 now = auth::Clock::now();
    static int serial = 0; // one alert per subject and period
    q.bind(m_company)
        .bind(qint64(user.value(QLatin1String("domain_id")).toDouble()))
        .bind(qint64(user.value(QLatin1String("id")).toDouble()))
        .bind(address)
        .bind(now / 3600 * 3600 - 3600 * ++serial)
        .bind(now)
        .bind(now);
    QVERIFY(q.exec().ok());
}

QString TestPolicy::setSpikeAction(const QString &action)
{
    const QString path = QStringLiteral("/api/v1/companies/%1/spike-thresholds").arg(m_company);
    const int version = m_op->get(path).etag();
    const auto reply = m_op->patch(path, QJsonObject {{QStringLiteral("spike_action"), action}}, version);
    return reply.status == 200 ? reply.json().value(QLatin1String("spike_action")).toString()
                               : QString::number(reply.status);
}

void TestPolicy::notJudged_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("no sign-in") << request(QString());
    QTest::newRow("unknown sender") << request(QStringLiteral("nobody@elsewhere.example"));
    QTest::newRow("another request type") << QByteArray("request=something_else\nsasl_username=x@y.z\n\n");
    QTest::newRow("no request type") << QByteArray("sasl_username=x@y.z\n\n");
    QTest::newRow("empty request") << QByteArray("\n");
}

void TestPolicy::notJudged()
{
    QFETCH(QByteArray, request);
    QCOMPARE(ask(request), QByteArray("DUNNO"));
}

void TestPolicy::sendLimit()
{
    const QString user = newUser(QStringLiteral("sender"));
    // Earlier stages check but do not count; each complete message counts once.
    QCOMPARE(ask(request(user, "RCPT", {})), QByteArray("DUNNO"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
    const QByteArray over = ask(request(user));
    QVERIFY2(over.startsWith("DEFER 4.7.1 Daily sending limit of 3 messages"), over.constData());
    QVERIFY(ask(request(user, "RCPT", {})).startsWith("DEFER "));
    const auto state = m_op->get(QStringLiteral("/api/v1/users/%1/outbound").arg(user)).json();
    QCOMPARE(state.value(QLatin1String("sent_today")).toInt(), 3);
    QCOMPARE(state.value(QLatin1String("send_limit")).toInt(), 3);
    // Tomorrow the count starts again.
    auth::Clock::advanceForTesting(86400);
    QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
    auth::Clock::resetForTesting();
}

// 80 messages of one sender at once over 16 connections, half of them to a second policy service on the same
// database (as another process would be): exactly the limit's 25 pass, each counted once, and a service
// started afterwards (a restart) finds all 25 counted.
void TestPolicy::sendLimitUnderConcurrency()
{
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {
            {QStringLiteral("name"), QStringLiteral("Burst Co")}, {QStringLiteral("smtp_send_limit"), 25}});
    QCOMPARE(company.status, 201);
    const qint64 id = qint64(company.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(id),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("burst.example")}})
                 .status,
        201);
    const QString user = m_op->post(QStringLiteral("/api/v1/domains/burst.example/users"),
                                 QJsonObject {{QStringLiteral("local_part"), QStringLiteral("burst")}})
                             .json()
                             .value(QLatin1String("address"))
                             .toString();
    QVERIFY(!user.isEmpty());
    auto second = std::make_unique<mail::PolicyServer>(
        m_server->db(), mail::PolicyServer::Options {QStringLiteral("127.0.0.1:0"), 2, 300});
    const Result<int> secondPort = second->start();
    QVERIFY(secondPort.ok());

    constexpr int kConnections = 16, kEach = 5;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int c = 0; c < kConnections; ++c) {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QStringLiteral("127.0.0.1"), quint16(c % 2 ? secondPort.value() : m_port));
        QVERIFY(s->waitForConnected(5000));
        sockets.push_back(std::move(s));
    }
    // Every request is on its way before the first answer is read.
    for (int c = 0; c < kConnections; ++c) {
        QByteArray all;
        for (int i = 0; i < kEach; ++i)
            all += request(user, "END-OF-MESSAGE", "4QBurst" + QByteArray::number(c * kEach + i));
        sockets[size_t(c)]->write(all);
    }
    for (auto &s : sockets)
        QVERIFY(s->waitForBytesWritten(5000));
    int passed = 0, deferred = 0;
    for (auto &s : sockets) {
        QByteArray reply;
        while (reply.count("\n\n") < kEach && s->waitForReadyRead(10000))
            reply += s->readAll();
        for (const QByteArray &answer : reply.split('\n')) {
            if (answer == "action=DUNNO")
                ++passed;
            else if (answer.startsWith("action=DEFER 4.7.1 Daily sending limit of 25 messages"))
                ++deferred;
            else
                QVERIFY2(answer.isEmpty(), answer.constData());
        }
    }
    QCOMPARE(passed, 25);
    QCOMPARE(deferred, kConnections * kEach - 25);
    const auto state = m_op->get(QStringLiteral("/api/v1/users/%1/outbound").arg(user)).json();
    QCOMPARE(state.value(QLatin1String("sent_today")).toInt(), 25);
    sockets.clear();
    second.reset();
    mail::PolicyServer restarted(
        m_server->db(), mail::PolicyServer::Options {QStringLiteral("127.0.0.1:0"), 1, 300});
    const Result<int> restartedPort = restarted.start();
    QVERIFY(restartedPort.ok());
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(restartedPort.value()));
    QVERIFY(s.waitForConnected(5000));
    s.write(request(user, "RCPT", {}));
    QByteArray reply;
    while (!reply.endsWith("\n\n") && s.waitForReadyRead(5000))
        reply += s.readAll();
    QVERIFY2(reply.startsWith("action=DEFER 4.7.1 Daily sending limit of 25"), reply.constData());
}

void TestPolicy::refusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("suspended") << QStringLiteral("suspend")
                               << QByteArray("REJECT 5.7.1 This account is suspended");
    QTest::newRow("smtp disabled") << QStringLiteral("disabled")
                                   << QByteArray("REJECT 5.7.1 Sending mail is disabled for this account");
    QTest::newRow("smtp suspended") << QStringLiteral("suspended")
                                    << QByteArray("REJECT 5.7.1 Sending mail is disabled for this account");
    QTest::newRow("deleted") << QStringLiteral("delete")
                             << QByteArray("REJECT 5.7.1 This account cannot send mail");
}

void TestPolicy::refusals()
{
    QFETCH(QString, change);
    QFETCH(QByteArray, expected);
    static int serial = 0;
    const QString user = newUser(QStringLiteral("refused%1").arg(++serial));
    QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
    const QString path = QStringLiteral("/api/v1/users/") + user;
    if (change == QLatin1String("suspend")) {
        QCOMPARE(m_op->post(path + QStringLiteral("/suspend")).status, 200);
    } else if (change == QLatin1String("delete")) {
        QCOMPARE(m_op->del(path, m_op->get(path).etag()).status, 200);
    } else {
        const auto reply = m_op->patch(path,
            QJsonObject {{QStringLiteral("services"), QJsonObject {{QStringLiteral("smtp"), change}}}},
            m_op->get(path).etag());
        QCOMPARE(reply.status, 200);
    }
    QCOMPARE(ask(request(user)), expected);
}

void TestPolicy::adminHoldAndRelease()
{
    const QString user = newUser(QStringLiteral("held"));
    const QString path = QStringLiteral("/api/v1/users/%1/outbound").arg(user);
    const auto held = m_op->post(path + QStringLiteral("/hold"));
    QCOMPARE(held.status, 200);
    QCOMPARE(held.json().value(QLatin1String("held")).toBool(), true);
    QCOMPARE(ask(request(user, "END-OF-MESSAGE", "4QzHeld1")), QByteArray("HOLD held by an administrator"));
    QCOMPARE(ask(request(user, "END-OF-MESSAGE", "4QzHeld2")), QByteArray("HOLD held by an administrator"));
    const QJsonArray messages = m_op->get(path).json().value(QLatin1String("held_messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(
        messages.at(0).toObject().value(QLatin1String("queue_id")).toString(), QStringLiteral("4QzHeld1"));

    const auto released = m_op->post(path + QStringLiteral("/release"));
    QCOMPARE(released.status, 200);
    QCOMPARE(released.json().value(QLatin1String("released_queue_ids")).toArray(),
        QJsonArray({QStringLiteral("4QzHeld1"), QStringLiteral("4QzHeld2")}));
    // No Postfix on this machine was named (serve --postfix-config), so the ids are left to the admin.
    QCOMPARE(released.json().value(QLatin1String("released_in_postfix")).toBool(), false);
    QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
    QVERIFY(m_op->get(path).json().value(QLatin1String("held_messages")).toArray().isEmpty());

    const auto audit = m_op->get(QStringLiteral("/api/v1/audit?object_id=%1&limit=10").arg(user)).items();
    QStringList actions;
    for (const QJsonValue &e : audit)
        actions << e.toObject().value(QLatin1String("action")).toString();
    QVERIFY2(actions.contains(QStringLiteral("outbound_hold")), qPrintable(actions.join(u',')));
    QVERIFY2(actions.contains(QStringLiteral("outbound_release")), qPrintable(actions.join(u',')));
}

void TestPolicy::spikeAction_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("notify") << QStringLiteral("notify") << QByteArray("DUNNO");
    QTest::newRow("defer") << QStringLiteral("defer")
                           << QByteArray("DEFER 4.7.1 Outbound mail of this account is paused after a spike");
    QTest::newRow("hold") << QStringLiteral("hold") << QByteArray("HOLD outbound spike");
}

void TestPolicy::spikeAction()
{
    QFETCH(QString, action);
    QFETCH(QByteArray, expected);
    const QString user = newUser(QStringLiteral("spiky-") + action);
    QCOMPARE(setSpikeAction(action), action);
    QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
    openAlert(user);
    QCOMPARE(ask(request(user, "END-OF-MESSAGE", "4QzSpike" + action.toLatin1())), expected);
    if (action == QLatin1String("notify")) {
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/users/%1/outbound/release").arg(user)).status, 409);
        return;
    }
    // Released: the alert stays open for the admins, but no longer stops this user's mail.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/users/%1/outbound/release").arg(user)).status, 200);
    QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
    // A spike found after the release counts again.
    auth::Clock::advanceForTesting(5);
    openAlert(user);
    QCOMPARE(ask(request(user, "END-OF-MESSAGE", "4QzAgain" + action.toLatin1())), expected);
    auth::Clock::resetForTesting();
    QCOMPARE(setSpikeAction(QStringLiteral("notify")), QStringLiteral("notify"));
}

void TestPolicy::badSpikeActionChangesNothing()
{
    const QByteArray before = m_server->digest();
    const QString path = QStringLiteral("/api/v1/companies/%1/spike-thresholds").arg(m_company);
    const auto reply = m_op->patch(path,
        QJsonObject {{QStringLiteral("spike_action"), QStringLiteral("bounce")}}, m_op->get(path).etag());
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.fieldCode(QStringLiteral("spike_action")), QStringLiteral("invalid"));
    QCOMPARE(m_server->digest(), before);
}

void TestPolicy::holdAndReleaseErrors()
{
    const QString user = newUser(QStringLiteral("errors"));
    const QString path = QStringLiteral("/api/v1/users/%1/outbound").arg(user);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/users/nobody@policy.example/outbound/hold")).status, 404);
    QCOMPARE(m_op->post(path + QStringLiteral("/release")).status, 409);
    QCOMPARE(m_op->post(path + QStringLiteral("/hold")).status, 200);
    QCOMPARE(m_op->post(path + QStringLiteral("/hold")).status, 409);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/users/nobody@policy.example/outbound")).status, 404);
    QCOMPARE(m_server->client().get(path).status, 401);
}

void TestPolicy::malformedAndPartialRequests()
{
    const QString user = newUser(QStringLiteral("malformed"));
    // A line without '=' makes the request malformed: answered, not judged.
    QCOMPARE(ask("request=smtpd_access_policy\nthis line is not an attribute\nsasl_username=" + user.toUtf8()
                 + "\n\n"),
        QByteArray("DUNNO"));
    QCOMPARE(ask("=value\n\n"), QByteArray("DUNNO"));
    QCOMPARE(ask(QByteArray("request=smtpd_access_policy\nsasl_username=\xff\xfe\n\n")), QByteArray("DUNNO"));
    // A request cut short by the client's going away gets no answer, and the server carries on.
    {
        QTcpSocket cut;
        cut.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
        QVERIFY(cut.waitForConnected(5000));
        cut.write("request=smtpd_access_policy\nsasl_username=" + user.toUtf8());
        QVERIFY(cut.waitForBytesWritten(5000));
        cut.disconnectFromHost();
    }
    // Too large: deferred (never rejected), and the connection closed.
    {
        QTcpSocket big;
        big.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
        QVERIFY(big.waitForConnected(5000));
        big.write(
            "request=smtpd_access_policy\nccert_subject=" + QByteArray(mail::PolicyServer::kMaxRequest, 'x'));
        QByteArray reply;
        while (big.waitForReadyRead(5000))
            reply += big.readAll();
        QVERIFY2(reply.startsWith("action=DEFER_IF_PERMIT "), reply.constData());
        QCOMPARE(big.state(), QAbstractSocket::UnconnectedState);
    }
    m_socket.reset();
    QCOMPARE(ask(request(user)), QByteArray("DUNNO"));
}

void TestPolicy::pipelinedAndCrlf()
{
    const QString user = newUser(QStringLiteral("pipelined"));
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
    QVERIFY(s.waitForConnected(5000));
    QByteArray crlf = request(user);
    crlf.replace("\n", "\r\n");
    s.write(request(QString()) + request(user, "RCPT", {}) + crlf);
    QByteArray reply;
    while (reply.count("\n\n") < 3 && s.waitForReadyRead(5000))
        reply += s.readAll();
    QCOMPARE(reply, QByteArray("action=DUNNO\n\naction=DUNNO\n\naction=DUNNO\n\n"));
}

void TestPolicy::unixSocket()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("policy.sock"));
    mail::PolicyServer server(
        m_server->db(), mail::PolicyServer::Options {QStringLiteral("unix:") + path, 1, 300});
    const Result<int> started = server.start();
    QVERIFY(started.ok());
    QLocalSocket s;
    s.connectToServer(path);
    QVERIFY(s.waitForConnected(5000));
    s.write(request(QStringLiteral("nobody@elsewhere.example")));
    QByteArray reply;
    while (!reply.endsWith("\n\n") && s.waitForReadyRead(5000))
        reply += s.readAll();
    QCOMPARE(reply, QByteArray("action=DUNNO\n\n"));
    s.disconnectFromServer();
    server.stop();
    QVERIFY(!QFile::exists(path));
    // A port in use or a bad address is a clear error.
    mail::PolicyServer taken(
        m_server->db(), mail::PolicyServer::Options {QStringLiteral("127.0.0.1:%1").arg(m_port), 1, 300});
    QVERIFY(!taken.start().ok());
    mail::PolicyServer bad(m_server->db(), mail::PolicyServer::Options {QStringLiteral("nowhere"), 1, 300});
    const Result<int> refused = bad.start();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::Invalid);
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
