#include "Csv.h"
#include "Json.h"
#include "TestServer.h"
#include "auth/Clock.h"
#include "notify/IncidentNotifier.h"
#include "notify/Notifier.h"
#include "store/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Where mail lives and what an incident does with it, against a real server: placement and moves, exact
// impact per company, the notices that reach a real SMTP server (and only the right contacts), delivery
// states across an interrupted send, and the public status feed.
class TestIncidents : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void placementSpreadsEvenly();
    void moveIsAudited();
    void companyAdminSeesItsCluster();
    void impactIsExact();
    void companyAdminSeesItsShare();
    void noticesReachExactlyTheRightContacts();
    void maintenanceReminder();
    void statusFeed();
    void badInputChangesNothing();

private:
    qint64 idOf(const HttpClient::Reply &r) { return qint64(r.json().value(QLatin1String("id")).toDouble()); }
    qint64 company(const QString &name);
    void domain(qint64 company, const QString &name, qint64 cluster);
    void users(const QString &domain, int n);
    qint64 contact(qint64 company, const QString &type, const QString &email, const QStringList &kinds);
    QJsonObject userJson(const QString &address)
    {
        return m_op->get(QStringLiteral("/api/v1/users/") + address).json();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<HttpClient> m_adminA;
    qint64 m_clusterA = 0, m_clusterB = 0;
    QList<qint64> m_storesA; // a1, a2
    qint64 m_storeB = 0;
    qint64 m_a = 0, m_b = 0, m_c = 0;
    qint64 m_outage = 0;
};

qint64 TestIncidents::company(const QString &name)
{
    return idOf(
        m_op->post(QStringLiteral("/api/v1/companies"), QJsonObject {{QStringLiteral("name"), name}}));
}

void TestIncidents::domain(qint64 company, const QString &name, qint64 cluster)
{
    const auto r = m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(company),
        QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("cluster_id"), double(cluster)}});
    QVERIFY2(r.status == 201, r.body.constData());
    QCOMPARE(qint64(r.json().value(QLatin1String("cluster_id")).toDouble()), cluster);
}

void TestIncidents::users(const QString &domain, int n)
{
    for (int i = 0; i < n; ++i) {
        const auto r = m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
            QJsonObject {{QStringLiteral("local_part"), QStringLiteral("u%1").arg(i)}});
        QVERIFY2(r.status == 201, r.body.constData());
    }
}

qint64 TestIncidents::contact(
    qint64 company, const QString &type, const QString &email, const QStringList &kinds)
{
    QJsonObject body {{QStringLiteral("type"), type},
        {QStringLiteral("name"), email.section(QLatin1Char('@'), 0, 0)}, {QStringLiteral("email"), email}};
    if (!kinds.isEmpty())
        body.insert(QStringLiteral("notice_kinds"), QJsonArray::fromStringList(kinds));
    const auto r = m_op->post(QStringLiteral("/api/v1/companies/%1/contacts").arg(company), body);
    if (r.status != 201)
        qFatal("contact failed: %s", r.body.constData());
    return idOf(r);
}

void TestIncidents::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto cluster = [this](const QString &name) {
        return idOf(
            m_op->post(QStringLiteral("/api/v1/clusters"), QJsonObject {{QStringLiteral("name"), name}}));
    };
    const auto store = [this](qint64 cluster, const QString &name) -> qint64 {
        const auto r = m_op->post(QStringLiteral("/api/v1/mail-stores"),
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("cluster_id"), double(cluster)},
                {QStringLiteral("host"), QString(name + QStringLiteral(".example.net"))}});
        if (r.status != 201)
            qFatal("store failed: %s", r.body.constData());
        return idOf(r);
    };
    m_clusterA = cluster(QStringLiteral("Cluster A"));
    m_clusterB = cluster(QStringLiteral("Cluster B"));
    QVERIFY(m_clusterA > 0 && m_clusterB > 0);
    m_storesA = {store(m_clusterA, QStringLiteral("a1")), store(m_clusterA, QStringLiteral("a2"))};
    m_storeB = store(m_clusterB, QStringLiteral("b1"));
    m_a = company(QStringLiteral("Alpha Hosting"));
    m_b = company(QStringLiteral("Beta Mail"));
    m_c = company(QStringLiteral("Gamma Net"));
    // Alpha: 10 mailboxes on cluster A (5 per store) and 4 on cluster B; Beta: 6 on cluster A; Gamma: 3 on B.
    domain(m_a, QStringLiteral("alpha.example"), m_clusterA);
    domain(m_a, QStringLiteral("alpha-b.example"), m_clusterB);
    domain(m_b, QStringLiteral("beta.example"), m_clusterA);
    domain(m_c, QStringLiteral("gamma.example"), m_clusterB);
    users(QStringLiteral("alpha.example"), 10);
    users(QStringLiteral("alpha-b.example"), 4);
    users(QStringLiteral("beta.example"), 6);
    users(QStringLiteral("gamma.example"), 3);
    // A forward holds no mail and sits on no store.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/beta.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("fwd")},
                         {QStringLiteral("type"), QStringLiteral("forward")},
                         {QStringLiteral("forward_recipients"),
                             QJsonArray {QStringLiteral("x@elsewhere.example")}}})
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

void TestIncidents::cleanupTestCase()
{
    m_adminA.reset();
    m_op.reset();
    m_server.reset();
}

void TestIncidents::placementSpreadsEvenly()
{
    const auto stores = m_op->get(QStringLiteral("/api/v1/mail-stores?cluster_id=%1").arg(m_clusterA));
    QCOMPARE(stores.status, 200);
    QCOMPARE(stores.items().size(), 2);
    // 16 mailboxes on cluster A: the least-filled store takes each new one, so 8 and 8.
    for (const QJsonValue &s : stores.items())
        QCOMPARE(s.toObject().value(QLatin1String("mailbox_count")).toInt(), 8);
    const QJsonObject u = userJson(QStringLiteral("u0@alpha.example"));
    QVERIFY(m_storesA.contains(qint64(u.value(QLatin1String("store_id")).toDouble())));
    QVERIFY(!u.value(QLatin1String("store")).toString().isEmpty());
    QCOMPARE(qint64(userJson(QStringLiteral("u0@gamma.example")).value(QLatin1String("store_id")).toDouble()),
        m_storeB);
    QVERIFY(userJson(QStringLiteral("fwd@beta.example")).value(QLatin1String("store_id")).isNull());
    // The default cluster of the migration is still there, empty.
    const auto clusters = m_op->get(QStringLiteral("/api/v1/clusters"));
    QCOMPARE(clusters.json().value(QLatin1String("total")).toInt(), 3);
}

void TestIncidents::moveIsAudited()
{
    const QString path = QStringLiteral("/api/v1/users/u1@alpha.example");
    const QJsonObject before = userJson(QStringLiteral("u1@alpha.example"));
    const qint64 from = qint64(before.value(QLatin1String("store_id")).toDouble());
    const qint64 to = from == m_storesA.at(0) ? m_storesA.at(1) : m_storesA.at(0);
    // Another cluster's store is refused, and nothing changes.
    const auto wrong = m_op->post(
        path + QStringLiteral("/move"), QJsonObject {{QStringLiteral("store_id"), double(m_storeB)}});
    QCOMPARE(wrong.status, 422);
    QCOMPARE(wrong.fieldCode(QStringLiteral("store_id")), QStringLiteral("not_in_cluster"));
    // A company admin may not move mailboxes.
    QCOMPARE(
        m_adminA->post(path + QStringLiteral("/move"), QJsonObject {{QStringLiteral("store_id"), double(to)}})
            .status,
        403);
    const auto moved
        = m_op->post(path + QStringLiteral("/move"), QJsonObject {{QStringLiteral("store_id"), double(to)}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(qint64(moved.json().value(QLatin1String("store_id")).toDouble()), to);
    const auto audit = m_op->get(QStringLiteral("/api/v1/audit?object_type=user&action=move"));
    bool seen = false;
    for (const QJsonValue &e : audit.items()) {
        const QJsonObject o = e.toObject();
        if (o.value(QLatin1String("object_id")).toString() == QLatin1String("u1@alpha.example")
            && o.value(QLatin1String("action")).toString() == QLatin1String("move"))
            seen = o.value(QLatin1String("changes")).toObject().contains(QLatin1String("store"));
    }
    QVERIFY2(seen, audit.body.constData());
    // Move it back so the stores hold 5 and 5 of alpha again.
    QCOMPARE(
        m_op->post(path + QStringLiteral("/move"), QJsonObject {{QStringLiteral("store_id"), double(from)}})
            .status,
        200);
}

void TestIncidents::companyAdminSeesItsCluster()
{
    const auto clusters = m_adminA->get(QStringLiteral("/api/v1/clusters"));
    QCOMPARE(clusters.status, 200);
    QStringList names;
    for (const QJsonValue &c : clusters.items())
        names << c.toObject().value(QLatin1String("name")).toString();
    names.sort();
    QCOMPARE(names, (QStringList {QStringLiteral("Cluster A"), QStringLiteral("Cluster B")}));
    QCOMPARE(m_adminA->get(QStringLiteral("/api/v1/domains/alpha.example"))
                 .json()
                 .value(QLatin1String("cluster"))
                 .toString(),
        QStringLiteral("Cluster A"));
    // Stores are the operator's view; a company admin does not get them.
    QCOMPARE(m_adminA->get(QStringLiteral("/api/v1/mail-stores")).status, 403);
    QCOMPARE(m_adminA
                 ->post(QStringLiteral("/api/v1/clusters"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("X")}})
                 .status,
        403);
}

void TestIncidents::impactIsExact()
{
    // Expected from the users themselves: mailboxes on a2 per company.
    QHash<qint64, int> expected;
    for (const auto &[domain, companyId, n] : {std::tuple {QStringLiteral("alpha.example"), m_a, 10},
             std::tuple {QStringLiteral("beta.example"), m_b, 6}}) {
        for (int i = 0; i < n; ++i) {
            const QJsonObject u = userJson(QStringLiteral("u%1@%2").arg(i).arg(domain));
            if (qint64(u.value(QLatin1String("store_id")).toDouble()) == m_storesA.at(1))
                ++expected[companyId];
        }
    }
    QVERIFY(expected.value(m_a) > 0 && expected.value(m_b) > 0);
    const auto created = m_op->post(QStringLiteral("/api/v1/incidents"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
            {QStringLiteral("title"), QStringLiteral("Store a2 down")},
            {QStringLiteral("description"), QStringLiteral("The a2 volume is offline.")},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap"), QStringLiteral("pop")}},
            {QStringLiteral("stores"), QJsonArray {double(m_storesA.at(1))}},
            {QStringLiteral("expected_end_at"), json::isoTime(auth::Clock::now() + 7200)}});
    QVERIFY2(created.status == 201, created.body.constData());
    m_outage = idOf(created);
    QCOMPARE(created.json().value(QLatin1String("status")).toString(), QStringLiteral("open"));
    QCOMPARE(created.json().value(QLatin1String("updates")).toArray().size(), 1);
    const auto impact = m_op->get(QStringLiteral("/api/v1/incidents/%1/impact").arg(m_outage));
    QCOMPARE(impact.status, 200);
    QHash<qint64, QPair<int, int>> got;
    for (const QJsonValue &v : impact.items()) {
        const QJsonObject o = v.toObject();
        got.insert(qint64(o.value(QLatin1String("company_id")).toDouble()),
            {o.value(QLatin1String("mailboxes")).toInt(), o.value(QLatin1String("total")).toInt()});
    }
    QCOMPARE(got.size(), 2); // Gamma is not affected
    QCOMPARE(got.value(m_a), qMakePair(expected.value(m_a), 14));
    QCOMPARE(got.value(m_b), qMakePair(expected.value(m_b), 6));
    const auto boxes = m_op->get(QStringLiteral("/api/v1/incidents/%1/mailboxes?limit=1000").arg(m_outage));
    QCOMPARE(boxes.json().value(QLatin1String("total")).toInt(), expected.value(m_a) + expected.value(m_b));
    for (const QJsonValue &u : boxes.items())
        QCOMPARE(qint64(u.toObject().value(QLatin1String("store_id")).toDouble()), m_storesA.at(1));
}

void TestIncidents::companyAdminSeesItsShare()
{
    const auto list = m_adminA->get(QStringLiteral("/api/v1/incidents?status=open"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.items().size(), 1);
    const QJsonObject mine = list.items().first().toObject().value(QLatin1String("your_impact")).toObject();
    QCOMPARE(mine.value(QLatin1String("total")).toInt(), 14);
    const int n = mine.value(QLatin1String("mailboxes")).toInt();
    QVERIFY(n > 0 && n < 14);
    // Only its own companies' rows, no other company named.
    QVERIFY(!list.body.contains("Beta"));
    const auto impact = m_adminA->get(QStringLiteral("/api/v1/incidents/%1/impact").arg(m_outage));
    QCOMPARE(impact.items().size(), 1);
    QCOMPARE(impact.items().first().toObject().value(QLatin1String("mailboxes")).toInt(), n);
    // The list of its affected mailboxes: paged, filterable, as CSV.
    const auto page = m_adminA->get(QStringLiteral("/api/v1/incidents/%1/mailboxes?limit=2").arg(m_outage));
    QCOMPARE(page.json().value(QLatin1String("total")).toInt(), n);
    QCOMPARE(page.items().size(), 2);
    for (const QJsonValue &u : page.items())
        QVERIFY(u.toObject()
                    .value(QLatin1String("address"))
                    .toString()
                    .endsWith(QLatin1String("@alpha.example")));
    const auto filtered = m_adminA->get(QStringLiteral("/api/v1/incidents/%1/mailboxes?q=u1*").arg(m_outage));
    for (const QJsonValue &u : filtered.items())
        QVERIFY(u.toObject().value(QLatin1String("address")).toString().startsWith(QLatin1String("u1")));
    const auto csvReply
        = m_adminA->get(QStringLiteral("/api/v1/incidents/%1/mailboxes?format=csv").arg(m_outage));
    QCOMPARE(csvReply.status, 200);
    const csv::ParseResult parsed = csv::parse(csvReply.body);
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.rows.size(), n + 1);
    QCOMPARE(parsed.rows.first().first(), QStringLiteral("address"));
    // Gamma's admin would not see it at all: the incident does not touch Gamma.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("admin@gamma")},
                         {QStringLiteral("role"), QStringLiteral("company_readonly")},
                         {QStringLiteral("company_id"), double(m_c)},
                         {QStringLiteral("password"), QStringLiteral("Gamma-Pass-2026")}})
                 .status,
        201);
    HttpClient gamma = m_server->client();
    QCOMPARE(gamma.signIn(QStringLiteral("admin@gamma"), QStringLiteral("Gamma-Pass-2026")), 201);
    QCOMPARE(gamma.get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt(), 0);
    QCOMPARE(gamma.get(QStringLiteral("/api/v1/incidents/%1").arg(m_outage)).status, 404);
}

namespace {
struct Received
{
    QString to;
    QString subject;
    QByteArray text;
};

QList<Received> readMaildir(const QString &dir)
{
    QList<Received> out;
    for (const QString &f : QDir(dir).entryList(QDir::Files)) {
        QFile file(dir + QLatin1Char('/') + f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        Received r;
        // The plain-text part, base64 in the mail.
        const qsizetype part = text.indexOf("Content-Transfer-Encoding: base64");
        const qsizetype start = part < 0 ? -1 : text.indexOf("\n\n", part);
        const qsizetype end = start < 0 ? -1 : text.indexOf("--mailadmin-", start);
        r.text = start < 0
            ? text
            : QByteArray::fromBase64(text.mid(start, end - start).simplified().replace(' ', ""));
        for (const QByteArray &line : text.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l.startsWith("X-RcptTo: "))
                r.to = QString::fromUtf8(l.mid(10));
            if (l.startsWith("Subject: ") && r.subject.isEmpty())
                r.subject = QString::fromUtf8(l.mid(9));
        }
        out << r;
    }
    return out;
}
} // namespace

void TestIncidents::noticesReachExactlyTheRightContacts()
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
    const QString box = maildir.filePath(QStringLiteral("box/new"));

    // Contacts: the right ones, and several that must not get anything.
    contact(m_a, QStringLiteral("emergency"), QStringLiteral("emergency@alpha.example"), {});
    contact(m_a, QStringLiteral("emergency"), QStringLiteral("quiet@alpha.example"),
        {QStringLiteral("maintenance")});
    contact(m_a, QStringLiteral("maintenance"), QStringLiteral("maint@alpha.example"), {});
    contact(m_a, QStringLiteral("billing"), QStringLiteral("billing@alpha.example"), {});
    contact(
        m_b, QStringLiteral("emergency"), QStringLiteral("oncall@beta.example"), {QStringLiteral("outage")});
    contact(m_c, QStringLiteral("emergency"), QStringLiteral("emergency@gamma.example"), {});
    contact(m_c, QStringLiteral("maintenance"), QStringLiteral("maint@gamma.example"), {});

    // A new outage on store a2 after the contacts exist, then one update.
    const auto created = m_op->post(QStringLiteral("/api/v1/incidents"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
            {QStringLiteral("title"), QStringLiteral("a2 controller failure")},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
            {QStringLiteral("stores"), QJsonArray {double(m_storesA.at(1))}}});
    QCOMPARE(created.status, 201);
    const qint64 id = idOf(created);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/incidents/%1/updates").arg(id),
                     QJsonObject {{QStringLiteral("body"), QStringLiteral("The controller is replaced.")}})
                 .status,
        201);
    auto deliveries = m_op->get(QStringLiteral("/api/v1/incidents/%1/deliveries").arg(id));
    QCOMPARE(deliveries.json().value(QLatin1String("total")).toInt(), 4); // 2 updates x 2 contacts
    for (const QJsonValue &d : deliveries.items())
        QCOMPARE(d.toObject().value(QLatin1String("state")).toString(), QStringLiteral("queued"));

    notify::SmtpSettings settings;
    settings.url = QStringLiteral("smtp://127.0.0.1:%1").arg(port);
    settings.from = QStringLiteral("status@platform.example");
    // The server stops while sending the first notice: it was taken but never marked sent.
    const qint64 firstOutbox = [&] {
        store::Statement q = m_server->db().prepare(
            QStringLiteral("SELECT MIN(outbox_id) FROM notice_deliveries WHERE incident_id = ?"));
        q.bind(id);
        (void)q.exec();
        return q.next() ? q.toInt(0) : 0;
    }();
    {
        store::Statement q
            = m_server->db().prepare(QStringLiteral("UPDATE outbox SET sending_at = ? WHERE id = ?"));
        q.bind(auth::Clock::now() - 600).bind(firstOutbox);
        QVERIFY(q.exec().ok());
    }
    // Another server (the restarted one) sends everything else, and does not take the interrupted one.
    {
        notify::Notifier restarted(m_server->db(), settings);
        QCOMPARE(restarted.deliver(auth::Clock::now()).value(), 3);
        QCOMPARE(restarted.deliver(auth::Clock::now()).value(), 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(readMaildir(box).size(), 3, 10000);
    deliveries = m_op->get(QStringLiteral("/api/v1/incidents/%1/deliveries").arg(id));
    qint64 interrupted = 0;
    int sent = 0;
    for (const QJsonValue &d : deliveries.items()) {
        const QString state = d.toObject().value(QLatin1String("state")).toString();
        if (state == QLatin1String("interrupted"))
            interrupted = qint64(d.toObject().value(QLatin1String("id")).toDouble());
        sent += state == QLatin1String("sent");
    }
    QCOMPARE(sent, 3);
    QVERIFY(interrupted > 0);
    // An operator sends it again by hand; a sent one cannot be.
    const auto retry
        = m_op->post(QStringLiteral("/api/v1/incidents/%1/deliveries/%2/retry").arg(id).arg(interrupted));
    QVERIFY2(retry.status == 200, retry.body.constData());
    QCOMPARE(retry.json().value(QLatin1String("state")).toString(), QStringLiteral("queued"));
    {
        notify::Notifier again(m_server->db(), settings);
        QCOMPARE(again.deliver(auth::Clock::now()).value(), 1);
    }
    QTRY_COMPARE_WITH_TIMEOUT(readMaildir(box).size(), 4, 10000);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/incidents/%1/deliveries/%2/retry").arg(id).arg(interrupted))
                 .status,
        409);

    // A failure is recorded with its reason and retried later.
    const auto resolved = m_op->post(QStringLiteral("/api/v1/incidents/%1/resolve").arg(id),
        QJsonObject {{QStringLiteral("note"), QStringLiteral("The store is back; nothing was lost.")}});
    QCOMPARE(resolved.status, 200);
    QCOMPARE(resolved.json().value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
    {
        notify::SmtpSettings down = settings;
        down.url = QStringLiteral("smtp://127.0.0.1:1");
        notify::Notifier failing(m_server->db(), down);
        QCOMPARE(failing.deliver(auth::Clock::now()).value(), 0);
    }
    deliveries = m_op->get(QStringLiteral("/api/v1/incidents/%1/deliveries?state=failed").arg(id));
    QCOMPARE(deliveries.json().value(QLatin1String("total")).toInt(), 2);
    for (const QJsonValue &d : deliveries.items()) {
        QCOMPARE(d.toObject().value(QLatin1String("state")).toString(), QStringLiteral("retrying"));
        QVERIFY(!d.toObject().value(QLatin1String("last_error")).toString().isEmpty());
    }
    {
        notify::Notifier later(m_server->db(), settings);
        QCOMPARE(later.deliver(auth::Clock::now() + 3600).value(), 2);
    }
    QTRY_COMPARE_WITH_TIMEOUT(readMaildir(box).size(), 6, 10000);
    deliveries = m_op->get(QStringLiteral("/api/v1/incidents/%1/deliveries?state=sent").arg(id));
    QCOMPARE(deliveries.json().value(QLatin1String("total")).toInt(), 6);
    bool retried = false;
    for (const QJsonValue &d : deliveries.items())
        retried = retried || d.toObject().value(QLatin1String("retried")).toBool();
    QVERIFY(retried);

    // Exactly these six mails: each of the two right contacts got the opening, the update and the
    // resolution once, and nobody else got anything.
    QMultiHash<QString, QString> byRecipient;
    for (const Received &r : readMaildir(box))
        byRecipient.insert(r.to, r.subject);
    QCOMPARE(QSet<QString>(byRecipient.keyBegin(), byRecipient.keyEnd()),
        (QSet<QString> {QStringLiteral("emergency@alpha.example"), QStringLiteral("oncall@beta.example")}));
    for (const QString &to :
        {QStringLiteral("emergency@alpha.example"), QStringLiteral("oncall@beta.example")}) {
        QStringList subjects = byRecipient.values(to);
        subjects.sort();
        QCOMPARE(subjects,
            (QStringList {QStringLiteral("[MailAdmin] New outage: a2 controller failure"),
                QStringLiteral("[MailAdmin] Resolved outage: a2 controller failure"),
                QStringLiteral("[MailAdmin] Update outage: a2 controller failure")}));
    }
    // Each company's mail carries its own count.
    for (const Received &r : readMaildir(box)) {
        if (r.to == QLatin1String("oncall@beta.example"))
            QVERIFY2(r.text.contains("of your 6 mailboxes (Beta Mail)"), r.text.constData());
        if (r.to == QLatin1String("emergency@alpha.example"))
            QVERIFY(r.text.contains("of your 14 mailboxes (Alpha Hosting)"));
    }
    smtp.terminate();
    smtp.waitForFinished();
}

void TestIncidents::maintenanceReminder()
{
    const qint64 now = auth::Clock::now();
    const auto created = m_op->post(QStringLiteral("/api/v1/incidents"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("maintenance")},
            {QStringLiteral("title"), QStringLiteral("Cluster B firmware")},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap"), QStringLiteral("pop")}},
            {QStringLiteral("clusters"), QJsonArray {double(m_clusterB)}},
            {QStringLiteral("starts_at"), json::isoTime(now + 7200)},
            {QStringLiteral("expected_end_at"), json::isoTime(now + 9000)},
            {QStringLiteral("remind_before_minutes"), 180}});
    QVERIFY2(created.status == 201, created.body.constData());
    const qint64 id = idOf(created);
    QCOMPARE(created.json().value(QLatin1String("status")).toString(), QStringLiteral("scheduled"));
    // Maintenance contacts of Alpha (on B through alpha-b) and Gamma hear of it; emergency contacts do not,
    // except the one that chose maintenance notices... which is an emergency contact, so it does not.
    const auto first = m_op->get(QStringLiteral("/api/v1/incidents/%1/deliveries").arg(id));
    QStringList emails;
    for (const QJsonValue &d : first.items())
        emails << d.toObject().value(QLatin1String("email")).toString();
    emails.sort();
    QCOMPARE(
        emails, (QStringList {QStringLiteral("maint@alpha.example"), QStringLiteral("maint@gamma.example")}));
    // The reminder is due three hours before the start: now.
    notify::IncidentNotifier notifier(m_server->db());
    QCOMPARE(notifier.tick(now).value(), 2);
    QCOMPARE(notifier.tick(now).value(), 0); // once
    const auto after = m_op->get(QStringLiteral("/api/v1/incidents/%1").arg(id));
    const QJsonArray updates = after.json().value(QLatin1String("updates")).toArray();
    QCOMPARE(updates.last().toObject().value(QLatin1String("kind")).toString(), QStringLiteral("reminder"));
    QCOMPARE(after.json().value(QLatin1String("status")).toString(), QStringLiteral("scheduled"));
    // At its start it opens.
    QCOMPARE(notifier.tick(now + 7300).value(), 2);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/incidents/%1").arg(id))
                 .json()
                 .value(QLatin1String("status"))
                 .toString(),
        QStringLiteral("open"));
}

void TestIncidents::statusFeed()
{
    HttpClient anonymous = m_server->client();
    const auto feed = anonymous.get(QStringLiteral("/api/v1/status/incidents"));
    QCOMPARE(feed.status, 200);
    const QJsonArray items = feed.json().value(QLatin1String("incidents")).toArray();
    QVERIFY(items.size() >= 3);
    // No customer data: no company, domain or address.
    for (const QByteArray &secret : {QByteArray("Alpha"), QByteArray("Beta"), QByteArray("alpha.example"),
             QByteArray("@"), QByteArray("companies"), QByteArray("mailboxes")})
        QVERIFY2(!feed.body.contains(secret), secret.constData());
    QVERIFY(feed.body.contains("mail store a2"));
    const auto atom = anonymous.get(QStringLiteral("/api/v1/status/incidents.atom"));
    QCOMPARE(atom.status, 200);
    QVERIFY(atom.header("content-type").startsWith("application/atom+xml"));
    QXmlStreamReader xml(atom.body);
    int entries = 0;
    bool feedId = false, feedTitle = false, feedUpdated = false, inEntry = false;
    QSet<QString> entryParts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            QCOMPARE(xml.namespaceUri().toString(), QStringLiteral("http://www.w3.org/2005/Atom"));
            const QString name = xml.name().toString();
            if (name == QLatin1String("entry")) {
                inEntry = true;
                entryParts.clear();
                ++entries;
            } else if (inEntry) {
                entryParts.insert(name);
            } else {
                feedId = feedId || name == QLatin1String("id");
                feedTitle = feedTitle || name == QLatin1String("title");
                feedUpdated = feedUpdated || name == QLatin1String("updated");
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("entry")) {
            inEntry = false;
            QVERIFY(entryParts.contains(QStringLiteral("id")) && entryParts.contains(QStringLiteral("title"))
                && entryParts.contains(QStringLiteral("updated")));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(feedId && feedTitle && feedUpdated);
    QCOMPARE(entries, int(items.size()));
}

void TestIncidents::badInputChangesNothing()
{
    const QByteArray before = m_server->digest();
    struct Bad
    {
        QJsonObject body;
        QString field;
        QString code;
    };
    const QList<Bad> cases = {
        {QJsonObject {{QStringLiteral("title"), QStringLiteral("x")}}, QStringLiteral("kind"),
            QStringLiteral("required")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("fire")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
             {QStringLiteral("stores"), QJsonArray {double(m_storeB)}}},
            QStringLiteral("kind"), QStringLiteral("invalid_choice")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}}},
            QStringLiteral("stores"), QStringLiteral("required")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("smtp")}},
             {QStringLiteral("stores"), QJsonArray {double(m_storeB)}}},
            QStringLiteral("services[0]"), QStringLiteral("invalid_choice")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
             {QStringLiteral("stores"), QJsonArray {99999}}},
            QStringLiteral("stores[0]"), QStringLiteral("not_found")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
             {QStringLiteral("stores"), QJsonArray {double(m_storeB)}},
             {QStringLiteral("starts_at"), QStringLiteral("2026-12-01T10:00:00Z")},
             {QStringLiteral("expected_end_at"), QStringLiteral("2026-12-01T09:00:00Z")}},
            QStringLiteral("expected_end_at"), QStringLiteral("before_start")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
             {QStringLiteral("domains"), QJsonArray {QStringLiteral("nowhere.example")}}},
            QStringLiteral("domains[0]"), QStringLiteral("not_found")},
        {QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
             {QStringLiteral("title"), QStringLiteral("x")},
             {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
             {QStringLiteral("stores"), QJsonArray {double(m_storeB)}},
             {QStringLiteral("starts_at"), QStringLiteral("yesterday")}},
            QStringLiteral("starts_at"), QStringLiteral("invalid")},
    };
    for (const Bad &b : cases) {
        const auto r = m_op->post(QStringLiteral("/api/v1/incidents"), b.body);
        QVERIFY2(r.status == 422, r.body.constData());
        QVERIFY2(r.fieldCode(b.field) == b.code, r.body.constData());
        const auto p = m_op->post(QStringLiteral("/api/v1/incidents/preview"), b.body);
        QCOMPARE(p.status, 422);
    }
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/mail-stores"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("zz")},
                         {QStringLiteral("cluster_id"), 424242}})
                 .fieldCode(QStringLiteral("cluster_id")),
        QStringLiteral("not_found"));
    QCOMPARE(
        m_op->post(QStringLiteral("/api/v1/incidents/%1/updates").arg(m_outage), QJsonObject {}).status, 422);
    QCOMPARE(m_server->digest(), before);
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
