#include "TestServer.h"
#include "auth/Clock.h"
#include "notify/BulletinSender.h"
#include "store/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <latch>
#include <thread>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Bulletins against a real server: templates refused with clear errors and nothing stored, each admin in
// its own scope, parallel posts that queue each mailbox once, posts to exactly an incident's affected
// mailboxes, the auto bulletin of a new mailbox, and delivery to a real SMTP server (aiosmtpd) that sends
// nothing twice, even after a sender stopped mid-send.
class TestBulletins : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void badTemplatesChangeNothing();
    void eachAdminInItsScope();
    void parallelPostsQueueOnce();
    void incidentPostReachesOnlyTheAffected();
    void autoBulletinGreetsNewMailboxes();
    void deliveredOnceOverSmtp();

private:
    qint64 idOf(const HttpClient::Reply &r) { return qint64(r.json().value(QLatin1String("id")).toDouble()); }
    qint64 bulletin(HttpClient &client, const QJsonObject &body);
    QJsonArray deliveries(qint64 bulletin, const QString &query = QString())
    {
        return m_op
            ->get(QStringLiteral("/api/v1/bulletins/%1/deliveries?limit=1000%2").arg(bulletin).arg(query))
            .items();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<HttpClient> m_adminA;
    qint64 m_a = 0, m_b = 0, m_storeA1 = 0, m_storeA2 = 0;
    qint64 m_news = 0; // Alpha's manual bulletin
};

namespace {
const QString kTemplate = QStringLiteral("From: Alpha Hosting <support@alpha.example>\n"
                                         "Subject: Planned work for {domain}\n"
                                         "\n"
                                         "Dear {name} ({title}),\n\nyour mailbox {account} moves tonight.\n"
                                         ".a line that starts with a dot\n");
}

qint64 TestBulletins::bulletin(HttpClient &client, const QJsonObject &body)
{
    const auto r = client.post(QStringLiteral("/api/v1/bulletins"), body);
    if (r.status != 201)
        qFatal("bulletin failed: %d %s", r.status, r.body.constData());
    return idOf(r);
}

void TestBulletins::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const qint64 cluster = idOf(m_op->post(
        QStringLiteral("/api/v1/clusters"), QJsonObject {{QStringLiteral("name"), QStringLiteral("A")}}));
    const auto store = [&](const QString &name) {
        return idOf(m_op->post(QStringLiteral("/api/v1/mail-stores"),
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("cluster_id"), double(cluster)}}));
    };
    m_storeA1 = store(QStringLiteral("a1"));
    m_storeA2 = store(QStringLiteral("a2"));
    QVERIFY(m_storeA1 > 0 && m_storeA2 > 0);
    for (const auto &[name, id] :
        {std::pair {QStringLiteral("Alpha"), &m_a}, std::pair {QStringLiteral("Beta"), &m_b}})
        *id = idOf(
            m_op->post(QStringLiteral("/api/v1/companies"), QJsonObject {{QStringLiteral("name"), name}}));
    for (const auto &[company, domain] :
        {std::pair {m_a, QStringLiteral("alpha.example")}, std::pair {m_b, QStringLiteral("beta.example")}})
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(company),
                         QJsonObject {{QStringLiteral("name"), domain},
                             {QStringLiteral("cluster_id"), double(cluster)}})
                     .status,
            201);
    // Alpha: six mailboxes, three on each store, and a forward (no mailbox); Beta: two mailboxes.
    for (int i = 0; i < 6; ++i)
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/alpha.example/users"),
                         QJsonObject {{QStringLiteral("local_part"), QStringLiteral("u%1").arg(i)},
                             {QStringLiteral("display_name"), QStringLiteral("User %1").arg(i)},
                             {QStringLiteral("title"), QStringLiteral("Engineer %1").arg(i)}})
                     .status,
            201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/alpha.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("fwd")},
                         {QStringLiteral("type"), QStringLiteral("forward")},
                         {QStringLiteral("forward_recipients"),
                             QJsonArray {QStringLiteral("x@elsewhere.example")}}})
                 .status,
        201);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/beta.example/users"),
                         QJsonObject {{QStringLiteral("local_part"), QStringLiteral("b%1").arg(i)}})
                     .status,
            201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("admin@alpha")},
                         {QStringLiteral("role"), QStringLiteral("company_admin")},
                         {QStringLiteral("company_id"), double(m_a)},
                         {QStringLiteral("password"), QStringLiteral("Alpha-Pass-2026")}})
                 .status,
        201);
    m_adminA = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_adminA->signIn(QStringLiteral("admin@alpha"), QStringLiteral("Alpha-Pass-2026")), 201);
}

void TestBulletins::cleanupTestCase()
{
    m_adminA.reset();
    m_op.reset();
    m_server.reset();
}

void TestBulletins::badTemplatesChangeNothing()
{
    const QByteArray before = m_server->digest();
    const QJsonObject base {{QStringLiteral("company_id"), double(m_a)},
        {QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("manual")},
        {QStringLiteral("text"), kTemplate}};
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = base;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    const struct
    {
        QJsonObject body;
        QString field;
        QString code;
    } cases[] = {
        {with(QStringLiteral("text"), QStringLiteral("Hello, no headers at all")), QStringLiteral("text"),
            QStringLiteral("invalid_message")},
        {with(QStringLiteral("text"), QStringLiteral("Subject: hi\nnot a header\n\nbody\n")),
            QStringLiteral("text"), QStringLiteral("invalid_header")},
        {with(QStringLiteral("text"), QStringLiteral("From: a@b.example\n\nbody\n")), QStringLiteral("text"),
            QStringLiteral("no_subject")},
        {with(QStringLiteral("text"), QStringLiteral("Subject: hi\n\n  \n")), QStringLiteral("text"),
            QStringLiteral("no_body")},
        {with(QStringLiteral("text"), QStringLiteral("Subject: hi {user}\n\nbody\n")), QStringLiteral("text"),
            QStringLiteral("unknown_placeholder")},
        {with(QStringLiteral("text"), QJsonValue::Undefined), QStringLiteral("text"),
            QStringLiteral("required")},
        {with(QStringLiteral("text"), 42), QStringLiteral("text"), QStringLiteral("type")},
        {with(QStringLiteral("type"), QStringLiteral("sometimes")), QStringLiteral("type"),
            QStringLiteral("invalid_choice")},
        {with(QStringLiteral("name"), QString()), QStringLiteral("name"), QStringLiteral("invalid")},
        {with(QStringLiteral("colour"), QStringLiteral("red")), QStringLiteral("colour"),
            QStringLiteral("unknown_field")},
        {with(QStringLiteral("company_id"), QJsonValue::Undefined), QStringLiteral("company_id"),
            QStringLiteral("required")},
    };
    for (const auto &c : cases) {
        const auto r = m_op->post(QStringLiteral("/api/v1/bulletins"), c.body);
        QVERIFY2(r.status == 422, r.body.constData());
        QVERIFY2(r.fieldCode(c.field) == c.code, r.body.constData());
    }
    // OMA's own spelling of a placeholder is accepted; an unknown company is not found.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/bulletins"), with(QStringLiteral("company_id"), 9999)).status,
        404);
    QCOMPARE(m_server->digest(), before);
    const qint64 id = bulletin(
        *m_op, with(QStringLiteral("text"), QStringLiteral("Subject: for {'account'}\n\nHello {'name'}\n")));
    // Posts and tests with bad input change nothing either.
    const QByteArray after = m_server->digest();
    const QString posts = QStringLiteral("/api/v1/bulletins/%1/posts").arg(id);
    QCOMPARE(m_op->post(posts, {{QStringLiteral("target"), QStringLiteral("everyone")}})
                 .fieldCode(QStringLiteral("target")),
        QStringLiteral("invalid_choice"));
    QCOMPARE(m_op->post(posts, {{QStringLiteral("target"), QStringLiteral("incident")}})
                 .fieldCode(QStringLiteral("incident_id")),
        QStringLiteral("required"));
    QCOMPARE(m_op->post(posts,
                     {{QStringLiteral("target"), QStringLiteral("incident")},
                         {QStringLiteral("incident_id"), 777}})
                 .fieldCode(QStringLiteral("incident_id")),
        QStringLiteral("not_found"));
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/bulletins/%1/test").arg(id),
                     {{QStringLiteral("address"), QStringLiteral("no-at-sign")}})
                 .status,
        422);
    QCOMPARE(m_op->patch(QStringLiteral("/api/v1/bulletins/%1").arg(id),
                     {{QStringLiteral("text"), QStringLiteral("x")}}, 1)
                 .status,
        422);
    QCOMPARE(m_server->digest(), after);
    QCOMPARE(m_op->del(QStringLiteral("/api/v1/bulletins/%1").arg(id), 1).status, 204);
}

void TestBulletins::eachAdminInItsScope()
{
    // A company admin's bulletin is its own company's without naming it.
    m_news = bulletin(*m_adminA,
        {{QStringLiteral("name"), QStringLiteral("News")}, {QStringLiteral("type"), QStringLiteral("manual")},
            {QStringLiteral("text"), kTemplate}});
    const QJsonObject news = m_adminA->get(QStringLiteral("/api/v1/bulletins/%1").arg(m_news)).json();
    QCOMPARE(qint64(news.value(QLatin1String("company_id")).toDouble()), m_a);
    QCOMPARE(news.value(QLatin1String("scope")).toString(), QStringLiteral("company"));
    QCOMPARE(
        m_adminA
            ->post(QStringLiteral("/api/v1/bulletins"),
                {{QStringLiteral("name"), QStringLiteral("news")},
                    {QStringLiteral("type"), QStringLiteral("manual")}, {QStringLiteral("text"), kTemplate}})
            .status,
        409);
    // Another company's domain or company does not exist for it; Beta's bulletin is out of its sight.
    QCOMPARE(
        m_adminA
            ->post(QStringLiteral("/api/v1/bulletins"),
                {{QStringLiteral("domain"), QStringLiteral("beta.example")},
                    {QStringLiteral("name"), QStringLiteral("x")},
                    {QStringLiteral("type"), QStringLiteral("manual")}, {QStringLiteral("text"), kTemplate}})
            .status,
        404);
    const qint64 beta = bulletin(*m_op,
        {{QStringLiteral("domain"), QStringLiteral("beta.example")},
            {QStringLiteral("name"), QStringLiteral("Beta news")},
            {QStringLiteral("type"), QStringLiteral("manual")}, {QStringLiteral("text"), kTemplate}});
    QCOMPARE(m_adminA->get(QStringLiteral("/api/v1/bulletins/%1").arg(beta)).status, 404);
    QCOMPARE(m_adminA->post(QStringLiteral("/api/v1/bulletins/%1/posts").arg(beta), {}).status, 404);
    const auto mine = m_adminA->get(QStringLiteral("/api/v1/bulletins"));
    QCOMPARE(mine.json().value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/bulletins?company_id=%1").arg(m_b))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/bulletins")).json().value(QLatin1String("total")).toInt(), 2);
    // A change needs the version, and is audited.
    QCOMPARE(m_adminA
                 ->patch(QStringLiteral("/api/v1/bulletins/%1").arg(m_news),
                     {{QStringLiteral("name"), QStringLiteral("Newsletter")}}, 7)
                 .status,
        412);
    const auto renamed = m_adminA->patch(QStringLiteral("/api/v1/bulletins/%1").arg(m_news),
        {{QStringLiteral("name"), QStringLiteral("Newsletter")}}, 1);
    QVERIFY2(renamed.status == 200, renamed.body.constData());
    const auto audit = m_op->get(QStringLiteral("/api/v1/audit?object_type=bulletin"));
    QVERIFY2(audit.body.contains("Newsletter"), audit.body.constData());
    QCOMPARE(m_op->del(QStringLiteral("/api/v1/bulletins/%1").arg(beta), 1).status, 204);
}

void TestBulletins::parallelPostsQueueOnce()
{
    // Eight admins post the same bulletin at the same moment: each mailbox is queued once.
    const QString token = m_adminA->token();
    constexpr int kPosts = 8;
    std::latch start(kPosts);
    QList<HttpClient::Reply> replies(kPosts);
    std::vector<std::thread> threads;
    for (int i = 0; i < kPosts; ++i) {
        threads.emplace_back([&, i] {
            HttpClient client = m_server->client();
            client.setToken(token);
            client.get(QStringLiteral("/api/v1/status"));
            start.arrive_and_wait();
            replies[i] = client.post(QStringLiteral("/api/v1/bulletins/%1/posts").arg(m_news),
                {{QStringLiteral("target"), QStringLiteral("all")}});
        });
    }
    for (std::thread &t : threads)
        t.join();
    int recipients = 0;
    for (const auto &r : replies) {
        QVERIFY2(r.status == 201, r.body.constData());
        recipients += r.json().value(QLatin1String("recipients")).toInt();
    }
    QCOMPARE(recipients, 6);
    const QJsonArray queued = deliveries(m_news);
    QCOMPARE(queued.size(), 6);
    QSet<QString> addresses;
    for (const QJsonValue &d : queued) {
        addresses.insert(d.toObject().value(QLatin1String("address")).toString());
        QCOMPARE(d.toObject().value(QLatin1String("state")).toString(), QStringLiteral("queued"));
    }
    QCOMPARE(addresses.size(), 6);
    QVERIFY(!addresses.contains(QStringLiteral("fwd@alpha.example")));
    const auto posts = m_adminA->get(QStringLiteral("/api/v1/bulletins/%1/posts").arg(m_news));
    QCOMPARE(posts.json().value(QLatin1String("total")).toInt(), kPosts);
    const QJsonObject counts = m_adminA->get(QStringLiteral("/api/v1/bulletins/%1").arg(m_news))
                                   .json()
                                   .value(QLatin1String("counts"))
                                   .toObject();
    QCOMPARE(counts.value(QLatin1String("total")).toInt(), 6);
    QCOMPARE(counts.value(QLatin1String("waiting")).toInt(), 6);
}

void TestBulletins::incidentPostReachesOnlyTheAffected()
{
    const auto incident = m_op->post(QStringLiteral("/api/v1/incidents"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
            {QStringLiteral("title"), QStringLiteral("a2 down")},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
            {QStringLiteral("stores"), QJsonArray {double(m_storeA2)}}});
    QCOMPARE(incident.status, 201);
    const qint64 incidentId = idOf(incident);
    const qint64 sorry = bulletin(*m_adminA,
        {{QStringLiteral("name"), QStringLiteral("Sorry")},
            {QStringLiteral("type"), QStringLiteral("manual")}, {QStringLiteral("text"), kTemplate}});
    const QJsonObject body {{QStringLiteral("target"), QStringLiteral("incident")},
        {QStringLiteral("incident_id"), double(incidentId)}};
    const auto posted = m_adminA->post(QStringLiteral("/api/v1/bulletins/%1/posts").arg(sorry), body);
    QVERIFY2(posted.status == 201, posted.body.constData());
    QCOMPARE(posted.json().value(QLatin1String("recipients")).toInt(), 3);
    QCOMPARE(m_adminA->post(QStringLiteral("/api/v1/bulletins/%1/posts").arg(sorry), body)
                 .json()
                 .value(QLatin1String("recipients"))
                 .toInt(),
        0);
    // Exactly the mailboxes the incident lists for Alpha.
    QSet<QString> affected, queued;
    for (const QJsonValue &u :
        m_adminA->get(QStringLiteral("/api/v1/incidents/%1/mailboxes").arg(incidentId)).items())
        affected.insert(u.toObject().value(QLatin1String("address")).toString());
    for (const QJsonValue &d : deliveries(sorry))
        queued.insert(d.toObject().value(QLatin1String("address")).toString());
    QCOMPARE(queued, affected);
    QCOMPARE(queued.size(), 3);
}

void TestBulletins::autoBulletinGreetsNewMailboxes()
{
    const qint64 welcome = bulletin(*m_adminA,
        {{QStringLiteral("domain"), QStringLiteral("alpha.example")},
            {QStringLiteral("name"), QStringLiteral("Welcome")},
            {QStringLiteral("type"), QStringLiteral("auto")}, {QStringLiteral("text"), kTemplate}});
    QCOMPARE(deliveries(welcome).size(), 0);
    QCOMPARE(m_adminA
                 ->post(QStringLiteral("/api/v1/domains/alpha.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("newcomer")}})
                 .status,
        201);
    QCOMPARE(m_adminA
                 ->post(QStringLiteral("/api/v1/domains/alpha.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("fwd2")},
                         {QStringLiteral("type"), QStringLiteral("forward")},
                         {QStringLiteral("forward_recipients"),
                             QJsonArray {QStringLiteral("y@elsewhere.example")}}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/beta.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("b9")}})
                 .status,
        201);
    const QJsonArray greeted = deliveries(welcome);
    QCOMPARE(greeted.size(), 1);
    QCOMPARE(greeted.first().toObject().value(QLatin1String("address")).toString(),
        QStringLiteral("newcomer@alpha.example"));
    const QJsonArray posts = m_adminA->get(QStringLiteral("/api/v1/bulletins/%1/posts").arg(welcome)).items();
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.first().toObject().value(QLatin1String("target")).toString(), QStringLiteral("new_user"));
}

void TestBulletins::deliveredOnceOverSmtp()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    QTemporaryDir maildir;
    QProcess smtp;
    smtp.start(QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"), QStringLiteral("-l"),
            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-c"),
            QStringLiteral("aiosmtpd.handlers.Mailbox"), maildir.filePath(QStringLiteral("box"))});
    QVERIFY2(smtp.waitForStarted(), "python3-aiosmtpd is needed for this test");
    QTRY_VERIFY_WITH_TIMEOUT(QDir(maildir.filePath(QStringLiteral("box/new"))).exists(), 10000);
    QTest::qWait(300);
    const QDir box(maildir.filePath(QStringLiteral("box/new")));

    // A test send to one address.
    const auto test = m_adminA->post(QStringLiteral("/api/v1/bulletins/%1/test").arg(m_news),
        {{QStringLiteral("address"), QStringLiteral("me@desk.example")}});
    QVERIFY2(test.status == 201, test.body.constData());
    QCOMPARE(test.json().value(QLatin1String("recipients")).toInt(), 1);

    // A sender stopped while delivering the first copy: taken, never marked delivered.
    const QJsonArray queued = deliveries(m_news);
    const qint64 interrupted = qint64(queued.first().toObject().value(QLatin1String("id")).toDouble());
    {
        store::Statement q = m_server->db().prepare(
            QStringLiteral("UPDATE bulletin_deliveries SET sending_at = ? WHERE id = ?"));
        q.bind(auth::Clock::now() - 600).bind(interrupted);
        QVERIFY(q.exec().ok());
    }
    notify::DeliverySettings settings;
    settings.url = QStringLiteral("smtp://127.0.0.1:%1").arg(port);
    settings.from = QStringLiteral("bulletins@platform.example");
    // Everything due: 5 of News, the test copy, 3 of Sorry, 1 Welcome; the restarted sender leaves the
    // interrupted one alone, and a second round finds nothing.
    {
        notify::BulletinSender sender(m_server->db(), settings);
        QCOMPARE(sender.deliver(auth::Clock::now()).value(), 10);
        QCOMPARE(sender.deliver(auth::Clock::now()).value(), 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(box.entryList(QDir::Files).size(), 10, 10000);
    int news = 0;
    for (const QString &f : box.entryList(QDir::Files)) {
        QFile file(box.filePath(f));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        if (!text.contains("moves tonight"))
            continue;
        QVERIFY2(text.contains(text.contains("X-RcptTo: me@desk.example")
                         ? "Subject: Planned work for desk.example"
                         : "Subject: Planned work for alpha.example"),
            text.constData());
        QVERIFY(text.contains("Message-ID: <bulletin-"));
        QVERIFY(text.contains("\n.a line that starts with a dot"));
        if (text.contains("X-RcptTo: u1@alpha.example")) {
            QVERIFY2(text.contains("Dear User 1 (Engineer 1),"), text.constData());
            QVERIFY(text.contains("your mailbox u1@alpha.example moves"));
        }
        news += text.contains("From: Alpha Hosting <support@alpha.example>");
    }
    QCOMPARE(news, 10);
    const QJsonObject bulletin = m_adminA->get(QStringLiteral("/api/v1/bulletins/%1").arg(m_news)).json();
    const QJsonObject counts = bulletin.value(QLatin1String("counts")).toObject();
    QCOMPARE(counts.value(QLatin1String("total")).toInt(), 7);
    QCOMPARE(counts.value(QLatin1String("delivered")).toInt(), 6);
    QCOMPARE(counts.value(QLatin1String("sending")).toInt(), 1);
    const QJsonArray stuck = deliveries(m_news, QStringLiteral("&state=sending"));
    QCOMPARE(stuck.size(), 1);
    QCOMPARE(
        stuck.first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("interrupted"));

    // A server that is down: the delivery waits and is tried again with the reason kept.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/alpha.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("late")}})
                 .status,
        201);
    notify::DeliverySettings down = settings;
    down.url = QStringLiteral("smtp://127.0.0.1:1");
    QCOMPARE(notify::BulletinSender(m_server->db(), down).deliver(auth::Clock::now()).value(), 0);
    const auto waiting = m_op->get(QStringLiteral("/api/v1/bulletins?type=auto")).items();
    QCOMPARE(waiting.size(), 1);
    const qint64 welcome = qint64(waiting.first().toObject().value(QLatin1String("id")).toDouble());
    const QJsonArray retrying = deliveries(welcome, QStringLiteral("&state=waiting"));
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(
        retrying.first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("retrying"));
    QVERIFY(!retrying.first().toObject().value(QLatin1String("last_error")).toString().isEmpty());
    QCOMPARE(notify::BulletinSender(m_server->db(), settings).deliver(auth::Clock::now() + 3600).value(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(box.entryList(QDir::Files).size(), 11, 10000);
    smtp.terminate();
    smtp.waitForFinished();
}

QTEST_GUILESS_MAIN(TestBulletins)
#include "tst_bulletins.moc"
