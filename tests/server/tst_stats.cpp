#include "Csv.h"
#include "Json.h"
#include "TestServer.h"
#include "auth/SessionManager.h"
#include "notify/Notifier.h"
#include "stats/IngestService.h"
#include "stats/SpikeDetector.h"
#include "store/Database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Stats end to end on a real server: ingestion (array, NDJSON, idempotent), rollups across hour and day
// boundaries, every answer and its CSV, role scoping, spike detection and the alert lifecycle, and the
// alert and report mails received by a real SMTP server.
class TestStats : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void ingestArrayAndNdjson();
    void idempotentBatch();
    void largeBatchFoldedLater();
    void rollupsAcrossBoundaries();
    void loginsByGranularity();
    void lastLoginKeptCurrent();
    void activeAndInactive();
    void quota();
    void activityHistory();
    void spikesAndAlertLifecycle();
    void thresholdsPerCompany();
    void csvEqualsJson();
    void scoping();
    void alertAndReportMails();

private:
    HttpClient::Reply ingest(
        const QByteArray &body, const QByteArray &type = "application/json", const QByteArray &key = {});
    static QJsonObject login(const QString &user, const QString &time,
        const QString &protocol = QStringLiteral("imap"), bool success = true);
    static QJsonObject message(
        const QString &user, const QString &time, int recipients = 1, qint64 bytes = 1000);
    static QByteArray array(const QList<QJsonObject> &events);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<HttpClient> m_collector;
    qint64 m_company = 0;
    qint64 m_other = 0;
};

QJsonObject TestStats::login(const QString &user, const QString &time, const QString &protocol, bool success)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("login")}, {QStringLiteral("time"), time},
        {QStringLiteral("user"), user}, {QStringLiteral("protocol"), protocol},
        {QStringLiteral("success"), success}, {QStringLiteral("remote"), QStringLiteral("203.0.113.9")}};
}

QJsonObject TestStats::message(const QString &user, const QString &time, int recipients, qint64 bytes)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("message")}, {QStringLiteral("time"), time},
        {QStringLiteral("user"), user}, {QStringLiteral("recipients"), recipients},
        {QStringLiteral("bytes"), double(bytes)}};
}

QByteArray TestStats::array(const QList<QJsonObject> &events)
{
    QJsonArray a;
    for (const QJsonObject &e : events)
        a.append(e);
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

HttpClient::Reply TestStats::ingest(const QByteArray &body, const QByteArray &type, const QByteArray &key)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key});
    return m_collector->raw(
        QStringLiteral("POST"), QStringLiteral("/api/v1/ingest/events"), body, type, headers);
}

void TestStats::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    m_company = qint64(m_op->post(QStringLiteral("/api/v1/companies"),
                               QJsonObject {{QStringLiteral("name"), QStringLiteral("Stats Co")}})
                           .json()
                           .value(QLatin1String("id"))
                           .toDouble());
    m_other = qint64(m_op->post(QStringLiteral("/api/v1/companies"),
                             QJsonObject {{QStringLiteral("name"), QStringLiteral("Other Co")}})
                         .json()
                         .value(QLatin1String("id"))
                         .toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("stats.example")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_other),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("other.example")}})
                 .status,
        201);
    for (const QString &local : {QStringLiteral("ann"), QStringLiteral("bob"), QStringLiteral("cat"),
             QStringLiteral("dan"), QStringLiteral("spiky")})
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/stats.example/users"),
                         QJsonObject {{QStringLiteral("local_part"), local}})
                     .status,
            201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/other.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("zed")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("shipper")},
                         {QStringLiteral("role"), QStringLiteral("collector")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("password"), QStringLiteral("Blue-Pipe-Carrier-77")}})
                 .status,
        201);
    m_collector = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_collector->signIn(QStringLiteral("shipper"), QStringLiteral("Blue-Pipe-Carrier-77")), 201);
}

void TestStats::cleanupTestCase()
{
    m_collector.reset();
    m_op.reset();
    m_server.reset();
}

void TestStats::ingestArrayAndNdjson()
{
    auto r = ingest(array({login(QStringLiteral("ann@stats.example"), QStringLiteral("2026-11-01T10:00:00Z")),
        login(QStringLiteral("ANN@stats.example"), QStringLiteral("2026-11-01T10:05:00Z"),
            QStringLiteral("pop")),
        message(QStringLiteral("ann@stats.example"), QStringLiteral("2026-11-01T10:06:00Z"), 3, 5000),
        login(QStringLiteral("ghost@stats.example"), QStringLiteral("2026-11-01T10:07:00Z"))}));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("accepted")).toInt(), 3);
    QCOMPARE(r.json().value(QLatin1String("unmatched")).toInt(), 1);
    QCOMPARE(r.json().value(QLatin1String("unmatched_users")).toArray().first().toString(),
        QStringLiteral("ghost@stats.example"));
    const QByteArray ndjson
        = QJsonDocument(login(QStringLiteral("bob@stats.example"), QStringLiteral("2026-11-01T11:00:00Z"),
                            QStringLiteral("webmail")))
              .toJson(QJsonDocument::Compact)
        + "\n"
          "{not json\n"
        + QJsonDocument(login(QStringLiteral("bob@stats.example"), QStringLiteral("2026-11-01T11:00:00Z"),
                            QStringLiteral("ftp")))
              .toJson(QJsonDocument::Compact)
        + "\n"
        + QJsonDocument(
            message(QStringLiteral("bob@stats.example"), QStringLiteral("2026-11-01T11:01:00Z"), 0))
              .toJson(QJsonDocument::Compact)
        + "\n"
          "{\"type\": \"login\", \"time\": \"yesterday\", \"user\": \"bob@stats.example\"}\n";
    r = ingest(ndjson, "application/x-ndjson");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("accepted")).toInt(), 1);
    const QJsonArray rejected = r.json().value(QLatin1String("rejected")).toArray();
    QCOMPARE(rejected.size(), 4);
    QCOMPARE(rejected.at(0).toObject().value(QLatin1String("line")).toInt(), 2);
    QCOMPARE(rejected.at(1).toObject().value(QLatin1String("line")).toInt(), 3);
    QVERIFY(rejected.at(1)
                .toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(QStringLiteral("protocol")));
    QVERIFY(rejected.at(2)
                .toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(QStringLiteral("recipients")));
    QVERIFY(
        rejected.at(3).toObject().value(QLatin1String("reason")).toString().contains(QStringLiteral("time")));
    // Only collectors ingest; too many events is 413; other media types 415.
    QCOMPARE(
        m_op->raw(QStringLiteral("POST"), QStringLiteral("/api/v1/ingest/events"), "[]", "application/json")
            .status,
        403);
    QCOMPARE(ingest("[]", "text/plain").status, 415);
    QByteArray big = "[";
    for (int i = 0; i < 10001; ++i)
        big += (i ? "," : "") + QByteArray("{}");
    big += "]";
    QCOMPARE(ingest(big).status, 413);
}

void TestStats::idempotentBatch()
{
    const QByteArray body
        = array({login(QStringLiteral("cat@stats.example"), QStringLiteral("2026-11-02T08:00:00Z"))});
    auto first = ingest(body, "application/json", "batch-42");
    QCOMPARE(first.json().value(QLatin1String("accepted")).toInt(), 1);
    auto again = ingest(body, "application/json", "batch-42");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(again.json(), first.json());
    const auto series = m_op->get(QStringLiteral(
        "/api/v1/stats/logins?user=cat@stats.example&from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z"));
    QCOMPARE(series.json().value(QLatin1String("totals")).toObject().value(QLatin1String("imap")).toInt(), 1);
}

void TestStats::largeBatchFoldedLater()
{
    // 3,000 logins: stored at once as raw events, in the rollups with the next fold, counted once.
    QByteArray ndjson;
    for (int i = 0; i < 3000; ++i)
        ndjson += QJsonDocument(login(QStringLiteral("cat@stats.example"), json::isoTime(1792454400 + i),
                                    i % 2 ? QStringLiteral("imap") : QStringLiteral("pop")))
                      .toJson(QJsonDocument::Compact)
            + "\n";
    const QString path = QStringLiteral(
        "/api/v1/stats/logins?user=cat@stats.example&from=2026-10-20T00:00:00Z&to=2026-10-21T00:00:00Z");
    const auto total = [&] {
        const QJsonObject t = m_op->get(path).json().value(QLatin1String("totals")).toObject();
        return t.value(QLatin1String("imap")).toInt() + t.value(QLatin1String("pop")).toInt();
    };
    QCOMPARE(ingest(ndjson, "application/x-ndjson", "big-1").json().value(QLatin1String("accepted")).toInt(),
        3000);
    QCOMPARE(total(), 0);
    QCOMPARE(
        m_op
            ->get(QStringLiteral(
                "/api/v1/users/cat@stats.example/activity?from=2026-10-20T00:00:00Z&to=2026-10-21T00:00:00Z"))
            .json()
            .value(QLatin1String("total"))
            .toInt(),
        3000);
    auth::SessionManager sessions(m_server->db());
    const service::IngestService ingestService(service::Context {m_server->db(), sessions});
    QCOMPARE(ingestService.foldPending().value(), 3000);
    QCOMPARE(total(), 3000);
    QCOMPARE(ingestService.foldPending().value(), 0);
    // The same batch again is a replay; a small batch after it folds the backlog with itself.
    QCOMPARE(ingest(ndjson, "application/x-ndjson", "big-1").header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(
        ingest(array({login(QStringLiteral("cat@stats.example"), QStringLiteral("2026-10-20T12:00:00Z"))}))
            .json()
            .value(QLatin1String("accepted"))
            .toInt(),
        1);
    QCOMPARE(total(), 3001);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/users/cat@stats.example"))
                 .json()
                 .value(QLatin1String("last_login"))
                 .toObject()
                 .value(QLatin1String("imap"))
                 .toString(),
        QStringLiteral("2026-11-02T08:00:00Z")); // an older login does not move the last one back
}

void TestStats::rollupsAcrossBoundaries()
{
    // 23:59:59 and 00:00:01 fall in different hours and days; two users in one domain add up.
    QCOMPARE(ingest(array({login(QStringLiteral("dan@stats.example"), QStringLiteral("2026-11-03T23:59:59Z")),
                        login(QStringLiteral("dan@stats.example"), QStringLiteral("2026-11-04T00:00:01Z")),
                        login(QStringLiteral("dan@stats.example"), QStringLiteral("2026-11-04T00:30:00Z"),
                            QStringLiteral("smtp")),
                        login(QStringLiteral("dan@stats.example"), QStringLiteral("2026-11-04T01:00:00Z"),
                            QStringLiteral("imap"), false),
                        login(QStringLiteral("bob@stats.example"), QStringLiteral("2026-11-04T00:10:00Z"))}))
                 .json()
                 .value(QLatin1String("accepted"))
                 .toInt(),
        5);
    const auto days
        = m_op->get(QStringLiteral(
                        "/api/v1/stats/"
                        "logins?user=dan@stats.example&from=2026-11-03T00:00:00Z&to=2026-11-05T00:00:00Z"))
              .json();
    const QJsonArray d = days.value(QLatin1String("series")).toArray();
    QCOMPARE(d.size(), 2);
    QCOMPARE(
        d.at(0).toObject().value(QLatin1String("period")).toString(), QStringLiteral("2026-11-03T00:00:00Z"));
    QCOMPARE(d.at(0).toObject().value(QLatin1String("imap")).toInt(), 1);
    QCOMPARE(d.at(1).toObject().value(QLatin1String("imap")).toInt(), 1);
    QCOMPARE(d.at(1).toObject().value(QLatin1String("smtp")).toInt(), 1);
    QCOMPARE(d.at(1).toObject().value(QLatin1String("failed")).toInt(), 1);
    const auto hours = m_op->get(QStringLiteral("/api/v1/stats/"
                                                "logins?user=dan@stats.example&granularity=hour&from=2026-11-"
                                                "03T23:00:00Z&to=2026-11-04T02:00:00Z"))
                           .json();
    const QJsonArray h = hours.value(QLatin1String("series")).toArray();
    QCOMPARE(h.size(), 3);
    QCOMPARE(h.at(0).toObject().value(QLatin1String("imap")).toInt(), 1);
    QCOMPARE(h.at(1).toObject().value(QLatin1String("imap")).toInt(), 1);
    QCOMPARE(h.at(1).toObject().value(QLatin1String("smtp")).toInt(), 1);
    QCOMPARE(h.at(2).toObject().value(QLatin1String("failed")).toInt(), 1);
    const auto domain
        = m_op->get(QStringLiteral(
                        "/api/v1/stats/"
                        "logins?domain=stats.example&from=2026-11-04T00:00:00Z&to=2026-11-05T00:00:00Z"))
              .json();
    QCOMPARE(domain.value(QLatin1String("totals")).toObject().value(QLatin1String("imap")).toInt(),
        2); // dan and bob
    const auto company
        = m_op->get(QStringLiteral(
                        "/api/v1/stats/logins?company=%1&from=2026-11-04T00:00:00Z&to=2026-11-05T00:00:00Z")
                        .arg(m_company))
              .json();
    QCOMPARE(company.value(QLatin1String("totals")).toObject().value(QLatin1String("imap")).toInt(), 2);
    QCOMPARE(company.value(QLatin1String("totals")).toObject().value(QLatin1String("failed")).toInt(), 1);
}

void TestStats::loginsByGranularity()
{
    const QString range
        = QStringLiteral("company=%1&from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z").arg(m_company);
    const auto day = m_op->get(QStringLiteral("/api/v1/stats/logins?granularity=day&") + range).json();
    const auto week = m_op->get(QStringLiteral("/api/v1/stats/logins?granularity=week&") + range).json();
    const auto month = m_op->get(QStringLiteral("/api/v1/stats/logins?granularity=month&") + range).json();
    QCOMPARE(day.value(QLatin1String("series")).toArray().size(), 61); // every day, zeros included
    QCOMPARE(month.value(QLatin1String("series")).toArray().size(), 2);
    QCOMPARE(month.value(QLatin1String("series"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("period"))
                 .toString(),
        QStringLiteral("2026-11-01T00:00:00Z"));
    // Weeks start on Monday: 2026-09-28 is the Monday before 1 October.
    QCOMPARE(week.value(QLatin1String("series"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("period"))
                 .toString(),
        QStringLiteral("2026-09-28T00:00:00Z"));
    for (const char *p : {"imap", "pop", "webmail", "smtp", "failed"}) {
        const QString key = QString::fromLatin1(p);
        QCOMPARE(week.value(QLatin1String("totals")).toObject().value(key),
            day.value(QLatin1String("totals")).toObject().value(key));
        QCOMPARE(month.value(QLatin1String("totals")).toObject().value(key),
            day.value(QLatin1String("totals")).toObject().value(key));
    }
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/stats/logins?granularity=year&") + range).status, 400);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/stats/logins?colour=red&") + range).status, 400);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/stats/logins?company=%1&domain=stats.example").arg(m_company))
                 .status,
        400);
}

void TestStats::lastLoginKeptCurrent()
{
    const QJsonObject dan = m_op->get(QStringLiteral("/api/v1/users/dan@stats.example")).json();
    QCOMPARE(dan.value(QLatin1String("last_login")).toObject().value(QLatin1String("imap")).toString(),
        QStringLiteral("2026-11-04T00:00:01Z"));
    QCOMPARE(dan.value(QLatin1String("last_login")).toObject().value(QLatin1String("smtp")).toString(),
        QStringLiteral("2026-11-04T00:30:00Z"));
    QVERIFY(dan.value(QLatin1String("last_login")).toObject().value(QLatin1String("pop")).isNull());
    // An older event does not move it back, and a login does not change the version editors hold.
    const int version = dan.value(QLatin1String("version")).toInt();
    ingest(array({login(QStringLiteral("dan@stats.example"), QStringLiteral("2026-10-01T00:00:00Z"))}));
    const QJsonObject after = m_op->get(QStringLiteral("/api/v1/users/dan@stats.example")).json();
    QCOMPARE(after.value(QLatin1String("last_login")).toObject().value(QLatin1String("imap")).toString(),
        QStringLiteral("2026-11-04T00:00:01Z"));
    QCOMPARE(after.value(QLatin1String("version")).toInt(), version);
}

void TestStats::activeAndInactive()
{
    const QString recent = json::isoTime(auth::Clock::now() - 2 * 86400);
    ingest(array({login(QStringLiteral("ann@stats.example"), recent, QStringLiteral("webmail"))}));
    const auto active = m_op->get(QStringLiteral("/api/v1/stats/active?domain=stats.example&days=7")).json();
    QCOMPARE(active.value(QLatin1String("active")).toInt(), 1);
    QCOMPARE(active.value(QLatin1String("users")).toInt(), 5);
    const auto inactive = m_op->get(QStringLiteral("/api/v1/stats/inactive?domain=stats.example&days=7"));
    // Three with old logins; the mailbox created for this test that never signed in is not idle for a week.
    QCOMPARE(inactive.json().value(QLatin1String("total")).toInt(), 3);
    for (const QJsonValue &u : inactive.items())
        QVERIFY(
            u.toObject().value(QLatin1String("address")).toString() != QLatin1String("ann@stats.example"));
    // Each of them signed in once, long enough ago.
    for (const QJsonValue &u : inactive.items()) {
        bool seen = false;
        for (const QJsonValue &t : u.toObject().value(QLatin1String("last_login")).toObject())
            seen = seen || !t.isNull();
        QVERIFY(seen);
    }
}

void TestStats::quota()
{
    const QString t1 = json::isoTime(auth::Clock::now() - 3 * 86400);
    const QString t2 = json::isoTime(auth::Clock::now() - 1 * 86400);
    const qint64 gib = qint64(1024) * 1024 * 1024;
    QJsonArray events;
    const auto sample = [](const QString &user, const QString &time, double used) {
        return QJsonObject {{QStringLiteral("type"), QStringLiteral("quota")}, {QStringLiteral("time"), time},
            {QStringLiteral("user"), user}, {QStringLiteral("used_bytes"), used},
            {QStringLiteral("messages"), 10}};
    };
    QCOMPARE(ingest(array({sample(QStringLiteral("ann@stats.example"), t1, 0.2 * double(gib)),
                        sample(QStringLiteral("ann@stats.example"), t2, 0.95 * double(gib)),
                        sample(QStringLiteral("bob@stats.example"), t2, 0.55 * double(gib))}))
                 .json()
                 .value(QLatin1String("accepted"))
                 .toInt(),
        3);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/users/ann@stats.example"))
                 .json()
                 .value(QLatin1String("used_bytes"))
                 .toDouble(),
        double(qint64(0.95 * double(gib))));
    const QJsonArray buckets
        = m_op->get(QStringLiteral("/api/v1/stats/quota/distribution?domain=stats.example"))
              .json()
              .value(QLatin1String("buckets"))
              .toArray();
    QCOMPARE(buckets.size(), 11);
    QCOMPARE(buckets.at(9).toObject().value(QLatin1String("users")).toInt(), 1); // ann, 95 %
    QCOMPARE(buckets.at(5).toObject().value(QLatin1String("users")).toInt(), 1); // bob, 55 %
    QCOMPARE(buckets.at(0).toObject().value(QLatin1String("users")).toInt(), 3);
    const auto top = m_op->get(QStringLiteral("/api/v1/stats/quota/top?domain=stats.example&limit=2"));
    QCOMPARE(top.items().first().toObject().value(QLatin1String("address")).toString(),
        QStringLiteral("ann@stats.example"));
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/stats/quota/top?domain=stats.example&percent=90"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    // The trend carries the last known figure forward over days without samples.
    const QJsonArray trend
        = m_op->get(QStringLiteral("/api/v1/stats/quota/trend?user=ann@stats.example&from=%1")
                        .arg(json::isoTime(auth::Clock::now() - 5 * 86400)))
              .json()
              .value(QLatin1String("series"))
              .toArray();
    QCOMPARE(trend.size(), 6); // five days back through today
    QVERIFY(trend.at(0).toObject().value(QLatin1String("used_bytes")).isNull());
    QVERIFY(trend.at(1).toObject().value(QLatin1String("used_bytes")).isNull());
    QCOMPARE(trend.at(2).toObject().value(QLatin1String("used_bytes")).toDouble(),
        double(qint64(0.2 * double(gib))));
    QCOMPARE(trend.at(3).toObject().value(QLatin1String("used_bytes")).toDouble(),
        double(qint64(0.2 * double(gib))));
    QCOMPARE(trend.at(4).toObject().value(QLatin1String("used_bytes")).toDouble(),
        double(qint64(0.95 * double(gib))));
    QCOMPARE(trend.at(5).toObject().value(QLatin1String("used_bytes")).toDouble(),
        double(qint64(0.95 * double(gib))));
    const QJsonArray domainTrend
        = m_op->get(QStringLiteral("/api/v1/stats/quota/trend?domain=stats.example&from=%1")
                        .arg(json::isoTime(auth::Clock::now() - 2 * 86400)))
              .json()
              .value(QLatin1String("series"))
              .toArray();
    QCOMPARE(domainTrend.last().toObject().value(QLatin1String("used_bytes")).toDouble(),
        double(qint64(0.95 * double(gib)) + qint64(0.55 * double(gib))));
}

void TestStats::activityHistory()
{
    const auto history = m_op->get(QStringLiteral("/api/v1/users/dan@stats.example/activity?limit=2"));
    QCOMPARE(history.status, 200);
    QCOMPARE(history.json().value(QLatin1String("total")).toInt(), 5);
    QCOMPARE(history.items().size(), 2);
    QCOMPARE(history.items().first().toObject().value(QLatin1String("time")).toString(),
        QStringLiteral("2026-11-04T01:00:00Z"));
    QCOMPARE(history.items().first().toObject().value(QLatin1String("success")).toBool(), false);
    QCOMPARE(history.items().first().toObject().value(QLatin1String("remote_address")).toString(),
        QStringLiteral("203.0.113.9"));
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/users/dan@stats.example/activity?protocol=smtp"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/users/dan@stats.example/activity?result=failure"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
}

void TestStats::spikesAndAlertLifecycle()
{
    // Fourteen ordinary days of about 20 messages, then 600 in one day, between 02:00 and 03:00 of it: the
    // day of four hours ago, so that hour is past whenever the test runs (the server refuses future events).
    const qint64 today = (auth::Clock::now() - 4 * 3600) / 86400;
    QList<QJsonObject> events;
    for (int d = 15; d >= 1; --d) {
        for (int m = 0; m < 18 + (d % 5); ++m) {
            events.append(message(QStringLiteral("spiky@stats.example"),
                json::isoTime((today - d) * 86400 + 9 * 3600 + m * 60)));
            events.append(message(QStringLiteral("bob@stats.example"),
                json::isoTime((today - d) * 86400 + 10 * 3600 + m * 60)));
        }
    }
    QCOMPARE(ingest(array(events)).json().value(QLatin1String("rejected_count")).toInt(), 0);
    events.clear();
    for (int m = 0; m < 600; ++m)
        events.append(message(
            QStringLiteral("spiky@stats.example"), json::isoTime(today * 86400 + 2 * 3600 + (m % 3600)), 5));
    for (int m = 0; m < 25; ++m)
        events.append(
            message(QStringLiteral("bob@stats.example"), json::isoTime(today * 86400 + 3 * 3600 + m)));
    QCOMPARE(ingest(array(events)).json().value(QLatin1String("accepted")).toInt(), 625);
    auth::SessionManager sessions(m_server->db());
    service::SpikeDetector detector(service::Context {m_server->db(), sessions});
    QVERIFY(detector.judgeDay(today).value() >= 1);
    QVERIFY(detector.judgeHour(today * 24 + 2).ok());
    QCOMPARE(detector.judgeDay(today).value(), 0); // judged once
    const auto alerts = m_op->get(QStringLiteral("/api/v1/alerts?scope=user&span=day"));
    QCOMPARE(alerts.json().value(QLatin1String("total")).toInt(), 1); // bob's ordinary day is not a spike
    const QJsonObject a = alerts.items().first().toObject();
    QCOMPARE(a.value(QLatin1String("subject")).toString(), QStringLiteral("spiky@stats.example"));
    QCOMPARE(a.value(QLatin1String("observed")).toInt(), 600);
    QVERIFY(a.value(QLatin1String("baseline_median")).toDouble() >= 18
        && a.value(QLatin1String("baseline_median")).toDouble() <= 22);
    QVERIFY(a.value(QLatin1String("factor")).toDouble() > 25);
    QCOMPARE(a.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(a.value(QLatin1String("status")).toString(), QStringLiteral("open"));
    QCOMPARE(a.value(QLatin1String("domain")).toString(), QStringLiteral("stats.example"));
    // The hourly alert sees the same burst.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/alerts?scope=user&span=hour"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    // The outbound series shows the baseline band next to the spike.
    const QJsonArray series = m_op->get(QStringLiteral("/api/v1/stats/outbound?user=spiky@stats.example"))
                                  .json()
                                  .value(QLatin1String("series"))
                                  .toArray();
    QJsonObject burst;
    for (const QJsonValue &row : series)
        if (row.toObject().value(QLatin1String("period")).toString() == json::isoTime(today * 86400))
            burst = row.toObject();
    QCOMPARE(burst.value(QLatin1String("messages")).toInt(), 600);
    QVERIFY(burst.value(QLatin1String("baseline_high")).toDouble() < 100);
    // Lifecycle: open → acknowledged → resolved, with who and notes.
    const QString path
        = QStringLiteral("/api/v1/alerts/%1").arg(qint64(a.value(QLatin1String("id")).toDouble()));
    auto ack = m_op->post(path + QStringLiteral("/acknowledge"),
        QJsonObject {{QStringLiteral("note"), QStringLiteral("Asked the customer")}});
    QCOMPARE(ack.status, 200);
    QCOMPARE(ack.json().value(QLatin1String("acknowledged_by")).toString(), QStringLiteral("root"));
    auto resolved = m_op->post(path + QStringLiteral("/resolve"),
        QJsonObject {{QStringLiteral("note"), QStringLiteral("Compromised password, reset")}});
    QCOMPARE(resolved.json().value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
    QVERIFY(resolved.json().value(QLatin1String("note")).toString().contains(QStringLiteral("Compromised")));
    QCOMPARE(m_op->post(path + QStringLiteral("/resolve")).status, 409);
    QCOMPARE(
        m_op->post(path + QStringLiteral("/acknowledge"), QJsonObject {{QStringLiteral("colour"), 1}}).status,
        422);
}

void TestStats::thresholdsPerCompany()
{
    const QString path = QStringLiteral("/api/v1/companies/%1/spike-thresholds").arg(m_company);
    auto t = m_op->get(path);
    QCOMPARE(t.status, 200);
    QCOMPARE(t.json().value(QLatin1String("user_daily_floor")).toInt(), 200);
    QCOMPARE(m_op->patch(path, QJsonObject {{QStringLiteral("user_daily_floor"), 20}}, 0).status, 428);
    auto bad = m_op->patch(path,
        QJsonObject {{QStringLiteral("user_daily_floor"), -1},
            {QStringLiteral("mad_multiplier"), QStringLiteral("x")}},
        t.etag());
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json().value(QLatin1String("errors")).toArray().size(), 2);
    auto changed = m_op->patch(path,
        QJsonObject {{QStringLiteral("user_daily_floor"), 20}, {QStringLiteral("minimum_factor"), 1.5}},
        t.etag());
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json().value(QLatin1String("user_daily_floor")).toInt(), 20);
    QCOMPARE(m_op->patch(path, QJsonObject {{QStringLiteral("user_daily_floor"), 30}}, t.etag()).status, 412);
    // The other company keeps the defaults.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/companies/%1/spike-thresholds").arg(m_other))
                 .json()
                 .value(QLatin1String("user_daily_floor"))
                 .toInt(),
        200);
}

void TestStats::csvEqualsJson()
{
    const QString query
        = QStringLiteral("/api/v1/stats/logins?company=%1&from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z")
              .arg(m_company);
    const QJsonArray series = m_op->get(query).json().value(QLatin1String("series")).toArray();
    const auto csvReply = m_op->get(query + QStringLiteral("&format=csv"));
    QCOMPARE(csvReply.status, 200);
    QVERIFY(csvReply.header("Content-Type").startsWith("text/csv"));
    const csv::ParseResult parsed = csv::parse(csvReply.body);
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.rows.first(),
        (QStringList {QStringLiteral("period"), QStringLiteral("imap"), QStringLiteral("pop"),
            QStringLiteral("webmail"), QStringLiteral("smtp"), QStringLiteral("failed")}));
    QCOMPARE(parsed.rows.size(), series.size() + 1);
    for (int i = 0; i < series.size(); ++i) {
        const QJsonObject o = series.at(i).toObject();
        QCOMPARE(parsed.rows.at(i + 1).at(0), o.value(QLatin1String("period")).toString());
        QCOMPARE(parsed.rows.at(i + 1).at(1).toInt(), o.value(QLatin1String("imap")).toInt());
        QCOMPARE(parsed.rows.at(i + 1).at(5).toInt(), o.value(QLatin1String("failed")).toInt());
    }
    // A user list as CSV streams every row, not one page.
    const auto inactive
        = m_op->get(QStringLiteral("/api/v1/stats/inactive?domain=stats.example&days=7&limit=1&format=csv"));
    const csv::ParseResult rows = csv::parse(inactive.body);
    QCOMPARE(rows.rows.size(),
        1
            + m_op->get(QStringLiteral("/api/v1/stats/inactive?domain=stats.example&days=7"))
                  .json()
                  .value(QLatin1String("total"))
                  .toInt());
}

void TestStats::scoping()
{
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("other-admin")},
                         {QStringLiteral("role"), QStringLiteral("company_admin")},
                         {QStringLiteral("company_id"), double(m_other)},
                         {QStringLiteral("password"), QStringLiteral("Quiet-Harbor-Lamp-31")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("stats-da")},
                         {QStringLiteral("role"), QStringLiteral("domain_admin")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("domains"), QJsonArray {QStringLiteral("stats.example")}},
                         {QStringLiteral("password"), QStringLiteral("Stats-Domain-2026")}})
                 .status,
        201);
    HttpClient other = m_server->client();
    QCOMPARE(other.signIn(QStringLiteral("other-admin"), QStringLiteral("Quiet-Harbor-Lamp-31")), 201);
    HttpClient da = m_server->client();
    QCOMPARE(da.signIn(QStringLiteral("stats-da"), QStringLiteral("Stats-Domain-2026")), 201);
    const QStringList paths = {QStringLiteral("/api/v1/stats/logins?%1"),
        QStringLiteral("/api/v1/stats/active?%1"), QStringLiteral("/api/v1/stats/inactive?%1"),
        QStringLiteral("/api/v1/stats/quota/distribution?%1"), QStringLiteral("/api/v1/stats/quota/top?%1"),
        QStringLiteral("/api/v1/stats/quota/trend?%1"), QStringLiteral("/api/v1/stats/outbound?%1"),
        QStringLiteral("/api/v1/stats/senders?%1")};
    for (const QString &p : paths) {
        // Another company's company, domain or user: not found.
        QCOMPARE(other.get(p.arg(QStringLiteral("company=%1").arg(m_company))).status, 404);
        QCOMPARE(other.get(p.arg(QStringLiteral("domain=stats.example"))).status, 404);
        QCOMPARE(other.get(p.arg(QStringLiteral("user=ann@stats.example"))).status, 404);
        QCOMPARE(other.get(p.arg(QString())).status, 200); // its own company by default
        // A domain admin asks about their domains only.
        QCOMPARE(da.get(p.arg(QStringLiteral("domain=stats.example"))).status, 200);
        QCOMPARE(da.get(p.arg(QString())).status, 403);
        // A collector only sends events.
        QCOMPARE(m_collector->get(p.arg(QStringLiteral("domain=stats.example"))).status, 403);
    }
    QCOMPARE(other.get(QStringLiteral("/api/v1/users/ann@stats.example/activity")).status, 404);
    QCOMPARE(other.get(QStringLiteral("/api/v1/alerts")).json().value(QLatin1String("total")).toInt(), 0);
    QCOMPARE(da.get(QStringLiteral("/api/v1/alerts")).status, 200);
    QCOMPARE(other.get(QStringLiteral("/api/v1/alerts/1")).status, 404);
    QCOMPARE(other.post(QStringLiteral("/api/v1/alerts/1/acknowledge")).status, 404);
}

void TestStats::alertAndReportMails()
{
    // A real SMTP server on loopback (python3-aiosmtpd) storing what it receives in a Maildir.
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

    // An abuse contact receives the alert.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/contacts").arg(m_company),
                     QJsonObject {{QStringLiteral("type"), QStringLiteral("abuse")},
                         {QStringLiteral("name"), QStringLiteral("Abuse desk")},
                         {QStringLiteral("email"), QStringLiteral("abuse@stats.example")}})
                 .status,
        201);
    notify::SmtpSettings settings;
    settings.url = QStringLiteral("smtp://127.0.0.1:%1").arg(port);
    settings.from = QStringLiteral("mailadmin@stats.example");
    notify::Notifier notifier(m_server->db(), settings);
    QVERIFY(notifier.queueAlertMails().value() >= 1);
    QVERIFY(notifier.deliver(auth::Clock::now()).value() >= 1);

    // The daily report: scheduled through the API, sent now, received, its CSV parsed.
    const QString schedule = QStringLiteral("/api/v1/companies/%1/report-schedule").arg(m_company);
    const int version = m_op->get(schedule).etag();
    auto set = m_op->patch(schedule,
        QJsonObject {{QStringLiteral("enabled"), true},
            {QStringLiteral("time_of_day"), QStringLiteral("06:15")},
            {QStringLiteral("recipients"), QJsonArray {QStringLiteral("Boss@Stats.example")}}},
        version);
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(QLatin1String("recipients")).toArray().first().toString(),
        QStringLiteral("boss@stats.example"));
    QCOMPARE(m_op->patch(schedule, QJsonObject {{QStringLiteral("time_of_day"), QStringLiteral("25:00")}},
                     set.etag())
                 .status,
        422);
    // Yesterday's activity for ann: three logins and two messages.
    const qint64 yesterday = auth::Clock::now() / 86400 - 1;
    ingest(array({login(QStringLiteral("ann@stats.example"), json::isoTime(yesterday * 86400 + 3600)),
        login(QStringLiteral("ann@stats.example"), json::isoTime(yesterday * 86400 + 7200),
            QStringLiteral("pop")),
        login(QStringLiteral("ann@stats.example"), json::isoTime(yesterday * 86400 + 7300),
            QStringLiteral("pop")),
        message(QStringLiteral("ann@stats.example"), json::isoTime(yesterday * 86400 + 7400)),
        message(QStringLiteral("ann@stats.example"), json::isoTime(yesterday * 86400 + 7500))}));
    QCOMPARE(m_op->post(schedule + QStringLiteral("/send")).status, 202);
    QVERIFY(notifier.deliver(auth::Clock::now()).value() >= 1);

    QStringList files;
    QTRY_VERIFY_WITH_TIMEOUT(
        (files = QDir(maildir.filePath(QStringLiteral("box/new"))).entryList(QDir::Files)).size() >= 2,
        10000);
    QByteArray alertMail, reportMail;
    for (const QString &f : files) {
        QFile file(maildir.filePath(QStringLiteral("box/new/") + f));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        if (text.contains("X-RcptTo: abuse@stats.example"))
            alertMail = text;
        if (text.contains("X-RcptTo: boss@stats.example"))
            reportMail = text;
    }
    QVERIFY(alertMail.contains("outbound spike"));
    QVERIFY(reportMail.contains("Daily report for Stats Co"));
    // The attachment: the base64 part after the CSV headers.
    const qsizetype start = reportMail.indexOf("Content-Disposition: attachment");
    QVERIFY(start > 0);
    const qsizetype body = reportMail.indexOf("\n\n", start) >= 0 ? reportMail.indexOf("\n\n", start)
                                                                  : reportMail.indexOf("\r\n\r\n", start);
    const qsizetype end = reportMail.indexOf("--mailadmin-", body);
    const QByteArray csvData
        = QByteArray::fromBase64(reportMail.mid(body, end - body).simplified().replace(' ', ""));
    const csv::ParseResult parsed = csv::parse(csvData);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.rows.first().first(), QStringLiteral("address"));
    QCOMPARE(parsed.rows.size(), 6); // header + five users
    bool sawAnn = false;
    for (const QStringList &row : parsed.rows) {
        if (row.first() == QLatin1String("ann@stats.example")) {
            QCOMPARE(row.at(5), QStringLiteral("1")); // imap
            QCOMPARE(row.at(6), QStringLiteral("2")); // pop
            QCOMPARE(row.at(10), QStringLiteral("2")); // messages
            sawAnn = true;
        }
    }
    QVERIFY(sawAnn);
    smtp.terminate();
    smtp.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
