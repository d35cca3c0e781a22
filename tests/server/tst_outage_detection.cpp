#include "Json.h"
#include "TestServer.h"
#include "auth/Clock.h"
#include "stats/OutageDetector.h"
#include "store/Database.h"
#include "store/OutageRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <thread>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Outage detection against a real server: a collector ingests four days of logins for two mail stores, the
// last minutes showing failed logins on one of them; the detector (as the server runs it) suggests exactly
// one incident, for that store only, and never a second for the same anomaly; nobody but operators sees it;
// the evidence shows the observed logins against the baseline; confirming opens a normal incident with that
// store's impact, and bad input changes nothing.
class TestOutageDetection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void suggestsOnceForTheFailingStore();
    void onlyOperatorsSeeSuggestions();
    void evidenceShowsObservedAndBaseline();
    void badInputChangesNothing();
    void confirmOpensTheIncident();
    void parallelConfirmsOpenOneIncident();

private:
    qint64 idOf(const HttpClient::Reply &r) { return qint64(r.json().value(QLatin1String("id")).toDouble()); }
    void ingest(const QJsonArray &events);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op, m_collector, m_admin;
    qint64 m_company = 0, m_failing = 0, m_quiet = 0, m_suggestion = 0;
    qint64 m_now = 0;
    QStringList m_failingUsers, m_quietUsers;
};

void TestOutageDetection::ingest(const QJsonArray &events)
{
    // Batches small enough to be folded at once, as a collector sends them.
    for (qsizetype i = 0; i < events.size(); i += 1500) {
        QJsonArray batch;
        for (qsizetype j = i; j < std::min(events.size(), i + 1500); ++j)
            batch.append(events.at(j));
        const auto r = m_collector->raw(QStringLiteral("POST"), QStringLiteral("/api/v1/ingest/events"),
            QJsonDocument(batch).toJson(QJsonDocument::Compact), "application/json");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value(QLatin1String("accepted")).toInt(), int(batch.size()));
    }
}

void TestOutageDetection::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const qint64 cluster = idOf(m_op->post(QStringLiteral("/api/v1/clusters"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Cluster D")}}));
    QVERIFY(cluster > 0);
    for (const QString &name : {QStringLiteral("d1"), QStringLiteral("d2")}) {
        const auto r = m_op->post(QStringLiteral("/api/v1/mail-stores"),
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("cluster_id"), double(cluster)}});
        QVERIFY2(r.status == 201, r.body.constData());
    }
    m_company = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Delta Mail")}}));
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("delta.example")},
                         {QStringLiteral("cluster_id"), double(cluster)}})
                 .status,
        201);
    // Placement spreads the mailboxes over both stores.
    QHash<qint64, QStringList> byStore;
    for (int i = 0; i < 4; ++i) {
        const auto r = m_op->post(QStringLiteral("/api/v1/domains/delta.example/users"),
            QJsonObject {{QStringLiteral("local_part"), QStringLiteral("u%1").arg(i)}});
        QVERIFY2(r.status == 201, r.body.constData());
        byStore[qint64(r.json().value(QLatin1String("store_id")).toDouble())]
            << r.json().value(QLatin1String("address")).toString();
    }
    QCOMPARE(byStore.size(), 2);
    m_failing = byStore.keys().first();
    m_quiet = byStore.keys().last();
    m_failingUsers = byStore.value(m_failing);
    m_quietUsers = byStore.value(m_quiet);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("shipper")},
                         {QStringLiteral("role"), QStringLiteral("collector")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("password"), QStringLiteral("Blue-Pipe-Carrier-77")}})
                 .status,
        201);
    m_collector = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_collector->signIn(QStringLiteral("shipper"), QStringLiteral("Blue-Pipe-Carrier-77")), 201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("admin@delta")},
                         {QStringLiteral("role"), QStringLiteral("company_admin")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("password"), QStringLiteral("Green-Delta-Harbour-31")}})
                 .status,
        201);
    m_admin = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_admin->signIn(QStringLiteral("admin@delta"), QStringLiteral("Green-Delta-Harbour-31")), 201);

    // The last minute the detector judges now, and the hour before it on this day and the three before:
    // six successful logins a minute per store, a failed one now and then. In the last four minutes the
    // failing store's logins fail (twenty a minute, one success).
    m_now = auth::Clock::now();
    const qint64 last = (m_now - service::OutageDetector::kSettleSeconds) / 60 - 1;
    QJsonArray events;
    const auto login = [&](qint64 at, const QString &user, bool success) {
        events.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("login")},
            {QStringLiteral("time"), json::isoTime(at)}, {QStringLiteral("user"), user},
            {QStringLiteral("protocol"), QStringLiteral("imap")}, {QStringLiteral("success"), success},
            {QStringLiteral("remote"), QStringLiteral("192.0.2.7")}});
    };
    for (int day = 3; day >= 0; --day) {
        // Earlier days run on past the same minute: the detector reads them around it.
        const qint64 end = last - day * 1440 + (day > 0 ? service::OutageDetector::kSmoothMinutes : 0);
        for (qint64 minute = last - day * 1440 - 63; minute <= end; ++minute) {
            const bool outage = day == 0 && minute > last - 4;
            for (const QStringList *users : {&m_failingUsers, &m_quietUsers}) {
                const bool failing = outage && users == &m_failingUsers;
                for (int i = 0; i < (failing ? 1 : 6); ++i)
                    login(minute * 60 + 5 + i * 8, users->at(i % 2), true);
                for (int i = 0; i < (failing ? 20 : minute % 5 == 0 ? 1 : 0); ++i)
                    login(minute * 60 + 3 + i * 2, users->at(i % 2), false);
            }
        }
    }
    ingest(events);
}

void TestOutageDetection::cleanupTestCase()
{
    m_admin.reset();
    m_collector.reset();
    m_op.reset();
    m_server.reset();
}

void TestOutageDetection::suggestsOnceForTheFailingStore()
{
    // What the server does every 15 seconds; once more a few seconds later finds nothing new.
    const Result<int> first = service::OutageDetector(m_server->db()).judgeRecent(m_now);
    QVERIFY(first.ok());
    QCOMPARE(first.value(), 1);
    const Result<int> again = service::OutageDetector(m_server->db()).judgeRecent(m_now + 5);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), 0);
    const auto list = m_op->get(QStringLiteral("/api/v1/outage-suggestions"));
    QCOMPARE(list.status, 200);
    const QJsonArray items = list.json().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject s = items.first().toObject();
    QCOMPARE(s.value(QLatin1String("scope")).toString(), QStringLiteral("store"));
    QCOMPARE(qint64(s.value(QLatin1String("scope_id")).toDouble()), m_failing);
    QCOMPARE(s.value(QLatin1String("signal")).toString(), QStringLiteral("failed_rise"));
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("suggested"));
    QVERIFY(s.value(QLatin1String("ongoing")).toBool());
    QVERIFY(s.value(QLatin1String("expected_ok")).toDouble() > 10);
    m_suggestion = qint64(s.value(QLatin1String("id")).toDouble());
    // The quiet store has none; a suggestion opens no incident and queues no notice.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/outage-suggestions?ongoing=true"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt(), 0);
    store::Statement notices = m_server->db().prepare(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    if (notices.exec().ok() && notices.next())
        QCOMPARE(notices.toInt(0), 0);
}

void TestOutageDetection::onlyOperatorsSeeSuggestions()
{
    QCOMPARE(m_admin->get(QStringLiteral("/api/v1/outage-suggestions")).status, 403);
    QCOMPARE(m_admin->get(QStringLiteral("/api/v1/outage-suggestions/%1").arg(m_suggestion)).status, 403);
    QCOMPARE(
        m_admin->post(QStringLiteral("/api/v1/outage-suggestions/%1/confirm").arg(m_suggestion)).status, 403);
    QCOMPARE(m_collector->get(QStringLiteral("/api/v1/outage-suggestions")).status, 403);
    // The company's admin sees no incident banner either.
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt(), 0);
}

void TestOutageDetection::evidenceShowsObservedAndBaseline()
{
    const auto r = m_op->get(QStringLiteral("/api/v1/outage-suggestions/%1/evidence").arg(m_suggestion));
    QVERIFY2(r.status == 200, r.body.constData());
    const QJsonArray points = r.json().value(QLatin1String("points")).toArray();
    QVERIFY(points.size() >= 60);
    const QJsonObject last = points.last().toObject();
    QVERIFY(last.value(QLatin1String("anomalous")).toBool());
    QVERIFY(last.value(QLatin1String("failed")).toDouble()
        > last.value(QLatin1String("failed_ceiling")).toDouble());
    // Six a minute over three minutes, as on the days before.
    QVERIFY2(std::abs(last.value(QLatin1String("expected_ok")).toDouble() - 18.0) < 1.0,
        QJsonDocument(last).toJson().constData());
    // An hour earlier the series was normal and inside its band.
    const QJsonObject before = points.at(points.size() - 30).toObject();
    QVERIFY(!before.value(QLatin1String("anomalous")).toBool());
    QVERIFY(
        before.value(QLatin1String("ok")).toDouble() >= before.value(QLatin1String("ok_floor")).toDouble());
}

void TestOutageDetection::badInputChangesNothing()
{
    const QByteArray before = m_server->digest();
    const QString one = QStringLiteral("/api/v1/outage-suggestions/%1").arg(m_suggestion);
    QCOMPARE(m_op->post(one + QStringLiteral("/confirm"), QJsonObject {{QStringLiteral("colour"), 1}}).status,
        422);
    QCOMPARE(m_op->post(one + QStringLiteral("/confirm"),
                     QJsonObject {{QStringLiteral("severity"), QStringLiteral("huge")}})
                 .status,
        422);
    QCOMPARE(m_op->post(one + QStringLiteral("/dismiss"),
                     QJsonObject {{QStringLiteral("note"), QString(2001, QLatin1Char('x'))}})
                 .status,
        422);
    QCOMPARE(
        m_op->post(one + QStringLiteral("/dismiss"), QJsonObject {{QStringLiteral("note"), 5}}).status, 422);
    QCOMPARE(m_op->get(one + QStringLiteral("/evidence?from=yesterday")).status, 422);
    QCOMPARE(
        m_op->get(one + QStringLiteral("/evidence?from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z")).status,
        422);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/outage-suggestions?status=maybe")).status, 400);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/outage-suggestions/999/confirm")).status, 404);
    QCOMPARE(m_server->digest(), before);
    QCOMPARE(m_op->get(one).json().value(QLatin1String("status")).toString(), QStringLiteral("suggested"));
}

void TestOutageDetection::confirmOpensTheIncident()
{
    const QString one = QStringLiteral("/api/v1/outage-suggestions/%1").arg(m_suggestion);
    const auto r = m_op->post(one + QStringLiteral("/confirm"),
        QJsonObject {{QStringLiteral("severity"), QStringLiteral("critical")}});
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("confirmed"));
    const qint64 incident = qint64(r.json().value(QLatin1String("incident_id")).toDouble());
    QVERIFY(incident > 0);
    const QJsonObject opened = m_op->get(QStringLiteral("/api/v1/incidents/%1").arg(incident)).json();
    QCOMPARE(opened.value(QLatin1String("status")).toString(), QStringLiteral("open"));
    QCOMPARE(opened.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(opened.value(QLatin1String("stores")).toArray(), QJsonArray {double(m_failing)});
    // Its impact: exactly the failing store's mailboxes, which the company's admin now sees.
    const QJsonArray impact = m_op->get(QStringLiteral("/api/v1/incidents/%1/impact").arg(incident))
                                  .json()
                                  .value(QLatin1String("items"))
                                  .toArray();
    QCOMPARE(impact.size(), 1);
    QCOMPARE(impact.first().toObject().value(QLatin1String("mailboxes")).toInt(), int(m_failingUsers.size()));
    QCOMPARE(
        m_admin->get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt(), 1);
    // Decided once: a second confirmation or a dismissal is refused and opens nothing.
    QCOMPARE(m_op->post(one + QStringLiteral("/confirm")).status, 409);
    QCOMPARE(m_op->post(one + QStringLiteral("/dismiss")).status, 409);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt(), 1);
}

void TestOutageDetection::parallelConfirmsOpenOneIncident()
{
    const Result<qint64> id
        = store::OutageRepository(m_server->db())
              .open(store::LoginScope {'s', m_quiet},
                  QJsonObject {{QStringLiteral("signal"), QStringLiteral("success_fall")},
                      {QStringLiteral("started_at"), double(m_now - 300)},
                      {QStringLiteral("suggested_at"), double(m_now - 100)},
                      {QStringLiteral("last_anomaly_at"), double(m_now - 120)},
                      {QStringLiteral("observed_ok"), 2}, {QStringLiteral("observed_failed"), 0},
                      {QStringLiteral("expected_ok"), 36.0}, {QStringLiteral("expected_failed"), 0.0},
                      {QStringLiteral("level"), 1.0}});
    QVERIFY(id.ok() && id.value() > 0);
    const int before
        = m_op->get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt();
    // Two operators confirm at the same moment: one incident opens, the other is told it was decided.
    HttpClient a = m_server->operatorClient(), b = m_server->operatorClient();
    int statusA = 0, statusB = 0;
    const QString path = QStringLiteral("/api/v1/outage-suggestions/%1/confirm").arg(id.value());
    std::thread ta([&] { statusA = a.post(path).status; });
    std::thread tb([&] { statusB = b.post(path).status; });
    ta.join();
    tb.join();
    QCOMPARE(QList<int>({std::min(statusA, statusB), std::max(statusA, statusB)}), QList<int>({200, 409}));
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/incidents")).json().value(QLatin1String("total")).toInt(),
        before + 1);
}

QTEST_GUILESS_MAIN(TestOutageDetection)
#include "tst_outage_detection.moc"
