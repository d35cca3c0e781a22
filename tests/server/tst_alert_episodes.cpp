#include "TestServer.h"
#include "store/AlertRepository.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <latch>
#include <thread>
#include <tuple>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Alert episodes (one subject's alerts in consecutive periods, grouped) and acknowledging or resolving many
// alerts in one request, over real sockets against a real server: the grouping, scoping, all-or-nothing
// answers, the audit and two bulk requests racing on the same alerts.
class TestAlertEpisodes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void consecutiveHoursAreOneEpisode();
    void interleavedSubjectsStayApart();
    void dailyAndHourlyAreSeparate();
    void statusAndPaging();
    void bulkAcknowledge();
    void forbiddenIdChangesNothing();
    void badInputChangesNothing();
    void racingBulkAcknowledges();

private:
    // An open alert filed as the spike detector files it; `hour` counts hours from a fixed midnight.
    qint64 addAlert(const QString &address, const QString &span, qint64 period, qint64 observed,
        const QString &severity = QStringLiteral("warning"), bool otherCompany = false);
    QString newUser(const QString &domain);
    QList<QJsonObject> episodes(HttpClient &client, const QString &query);
    QString statusOf(qint64 id);
    qint64 auditCount(qint64 id);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<HttpClient> m_admin; // company admin of company A
    qint64 m_a = 0, m_b = 0;
    QHash<QString, QPair<qint64, qint64>> m_users; // address → (domain id, user id)
    int m_serial = 0;
};

namespace {
const QString kPassword = QStringLiteral("Quiet-Harbor-Lamp-31");
const QString kDomainA = QStringLiteral("episodes-a.example");
const QString kDomainB = QStringLiteral("episodes-b.example");
constexpr qint64 kMidnight = 1795824000; // 2026-11-28T00:00:00Z
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

QList<qint64> idsOf(const QJsonValue &array)
{
    QList<qint64> out;
    for (const QJsonValue &v : array.toArray())
        out << qint64(v.toDouble());
    return out;
}
QJsonArray toArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(double(id));
    return out;
}
} // namespace

QString TestAlertEpisodes::newUser(const QString &domain)
{
    const QString local = QStringLiteral("u%1").arg(++m_serial);
    const auto r = m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
        QJsonObject {{QStringLiteral("local_part"), local}});
    if (r.status != 201)
        qFatal("fixture user failed: %d %s", r.status, r.body.constData());
    const QString address = local + QLatin1Char('@') + domain;
    const QJsonObject d = m_op->get(QStringLiteral("/api/v1/domains/") + domain).json();
    m_users.insert(address,
        {qint64(d.value(QLatin1String("id")).toDouble()),
            qint64(r.json().value(QLatin1String("id")).toDouble())});
    return address;
}

qint64 TestAlertEpisodes::addAlert(const QString &address, const QString &span, qint64 period,
    qint64 observed, const QString &severity, bool otherCompany)
{
    const auto ids = m_users.value(address);
    const QJsonObject alert {{QStringLiteral("company_id"), double(otherCompany ? m_b : m_a)},
        {QStringLiteral("domain_id"), double(ids.first)}, {QStringLiteral("user_id"), double(ids.second)},
        {QStringLiteral("scope"), QStringLiteral("user")}, {QStringLiteral("subject"), address},
        {QStringLiteral("span"), span},
        {QStringLiteral("period_start_epoch"),
            double(kMidnight + period * (span == QLatin1String("day") ? kDay : kHour))},
        {QStringLiteral("observed"), double(observed)}, {QStringLiteral("baseline_median"), 2},
        {QStringLiteral("baseline_mad"), 1}, {QStringLiteral("threshold"), 60},
        {QStringLiteral("factor"), double(observed) / 2}, {QStringLiteral("severity"), severity},
        {QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("note"), QString()}};
    const Result<qint64> id = store::AlertRepository(m_server->db()).insertIfNew(alert, kMidnight);
    if (!id.ok() || id.value() <= 0)
        qFatal("fixture alert failed");
    return id.value();
}

QList<QJsonObject> TestAlertEpisodes::episodes(HttpClient &client, const QString &query)
{
    const auto r = client.get(QStringLiteral("/api/v1/alerts/episodes") + query);
    if (r.status != 200)
        qWarning("episodes: %d %s", r.status, r.body.constData());
    QList<QJsonObject> out;
    for (const QJsonValue &v : r.items())
        out << v.toObject();
    return out;
}

QString TestAlertEpisodes::statusOf(qint64 id)
{
    return m_op->get(QStringLiteral("/api/v1/alerts/%1").arg(id))
        .json()
        .value(QLatin1String("status"))
        .toString();
}

qint64 TestAlertEpisodes::auditCount(qint64 id)
{
    QSqlQuery q(m_server->db().connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit WHERE object_type = 'alert' AND object_id = ?"));
    q.addBindValue(QString::number(id));
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestAlertEpisodes::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    for (const auto &[name, domain, id] : {std::tuple {QStringLiteral("Episode A"), kDomainA, &m_a},
             std::tuple {QStringLiteral("Episode B"), kDomainB, &m_b}}) {
        const auto company
            = m_op->post(QStringLiteral("/api/v1/companies"), QJsonObject {{QStringLiteral("name"), name}});
        QCOMPARE(company.status, 201);
        *id = qint64(company.json().value(QLatin1String("id")).toDouble());
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(*id),
                         QJsonObject {{QStringLiteral("name"), domain}})
                     .status,
            201);
    }
    QCOMPARE(
        m_op->post(QStringLiteral("/api/v1/admins"),
                QJsonObject {{QStringLiteral("login"), QStringLiteral("episodes-admin")},
                    {QStringLiteral("role"), QStringLiteral("company_admin")},
                    {QStringLiteral("company_id"), double(m_a)}, {QStringLiteral("password"), kPassword}})
            .status,
        201);
    m_admin = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_admin->signIn(QStringLiteral("episodes-admin"), kPassword), 201);
}

void TestAlertEpisodes::cleanupTestCase()
{
    m_admin.reset();
    m_op.reset();
    m_server.reset();
}

void TestAlertEpisodes::init()
{
    // Each test starts from no alerts.
    QSqlQuery q(m_server->db().connection());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM alerts")));
}

void TestAlertEpisodes::consecutiveHoursAreOneEpisode()
{
    const QString nina = newUser(kDomainA);
    QList<qint64> first;
    for (int h = 10; h <= 15; ++h) // 10:00 to 15:00: six hours in a row
        first << addAlert(nina, QStringLiteral("hour"), h, 100 + h,
            h == 12 ? QStringLiteral("critical") : QStringLiteral("warning"));
    // 16:00 quiet, then 17:00 and 18:00: a second episode.
    const qint64 late1 = addAlert(nina, QStringLiteral("hour"), 17, 90);
    const qint64 late2 = addAlert(nina, QStringLiteral("hour"), 18, 95);

    const QList<QJsonObject> list = episodes(*m_op, QStringLiteral("?subject=") + nina);
    QCOMPARE(list.size(), 2);
    // Newest first.
    QCOMPARE(list.at(0).value(QLatin1String("first_period_start")).toString(),
        QStringLiteral("2026-11-28T17:00:00Z"));
    QCOMPARE(list.at(0).value(QLatin1String("last_period_start")).toString(),
        QStringLiteral("2026-11-28T18:00:00Z"));
    QCOMPARE(idsOf(list.at(0).value(QLatin1String("alert_ids"))), (QList<qint64> {late1, late2}));
    const QJsonObject six = list.at(1);
    QCOMPARE(
        six.value(QLatin1String("first_period_start")).toString(), QStringLiteral("2026-11-28T10:00:00Z"));
    QCOMPARE(
        six.value(QLatin1String("last_period_start")).toString(), QStringLiteral("2026-11-28T15:00:00Z"));
    QCOMPARE(six.value(QLatin1String("period_count")).toInt(), 6);
    QCOMPARE(idsOf(six.value(QLatin1String("alert_ids"))), first);
    QCOMPARE(idsOf(six.value(QLatin1String("open_alert_ids"))), first);
    QCOMPARE(six.value(QLatin1String("peak_observed")).toInt(), 115);
    QCOMPARE(six.value(QLatin1String("max_factor")).toDouble(), 57.5);
    QCOMPARE(six.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(six.value(QLatin1String("status")).toString(), QStringLiteral("open"));
    QCOMPARE(six.value(QLatin1String("scope")).toString(), QStringLiteral("user"));
    QCOMPARE(six.value(QLatin1String("span")).toString(), QStringLiteral("hour"));
    QCOMPARE(six.value(QLatin1String("domain")).toString(), kDomainA);
    QCOMPARE(qint64(six.value(QLatin1String("company_id")).toDouble()), m_a);
    QCOMPARE(qint64(six.value(QLatin1String("user_id")).toDouble()), m_users.value(nina).second);
    const QJsonArray hours = six.value(QLatin1String("alerts")).toArray();
    QCOMPARE(hours.size(), 6);
    QCOMPARE(hours.at(2).toObject().value(QLatin1String("period_start")).toString(),
        QStringLiteral("2026-11-28T12:00:00Z"));
    QCOMPARE(hours.at(2).toObject().value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
    // The list of alerts still has one row per alert.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/alerts?subject=") + nina)
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        8);
}

void TestAlertEpisodes::interleavedSubjectsStayApart()
{
    const QString a = newUser(kDomainA);
    const QString b = newUser(kDomainA);
    // Both spike at the same hours, one after the other when sorted by time: still one episode each.
    for (int h = 0; h < 4; ++h) {
        addAlert(a, QStringLiteral("hour"), h, 100);
        addAlert(b, QStringLiteral("hour"), h, 200);
    }
    addAlert(b, QStringLiteral("hour"), 5, 200); // after a gap
    const QList<QJsonObject> list = episodes(*m_op, QStringLiteral("?sort=first_period_start"));
    QCOMPARE(list.size(), 3);
    QHash<QString, QList<int>> counts;
    for (const QJsonObject &e : list)
        counts[e.value(QLatin1String("subject")).toString()]
            << e.value(QLatin1String("period_count")).toInt();
    QCOMPARE(counts.value(a), QList<int> {4});
    std::sort(counts[b].begin(), counts[b].end());
    QCOMPARE(counts.value(b), (QList<int> {1, 4}));
    // Sorted by first period, oldest first.
    QVERIFY(list.first().value(QLatin1String("first_period_start")).toString()
        <= list.last().value(QLatin1String("first_period_start")).toString());
}

void TestAlertEpisodes::dailyAndHourlyAreSeparate()
{
    const QString u = newUser(kDomainA);
    addAlert(u, QStringLiteral("day"), 0, 900);
    addAlert(u, QStringLiteral("day"), 1, 800);
    addAlert(u, QStringLiteral("day"), 3, 700); // a day's gap
    addAlert(u, QStringLiteral("hour"), 0, 300); // the first day's first hour
    addAlert(u, QStringLiteral("hour"), 24, 300); // a day later: not consecutive hours
    const QList<QJsonObject> days = episodes(*m_op, QStringLiteral("?span=day&subject=") + u);
    QCOMPARE(days.size(), 2);
    QCOMPARE(days.at(1).value(QLatin1String("period_count")).toInt(), 2);
    QCOMPARE(days.at(1).value(QLatin1String("last_period_start")).toString(),
        QStringLiteral("2026-11-29T00:00:00Z"));
    QCOMPARE(days.at(0).value(QLatin1String("period_count")).toInt(), 1);
    const QList<QJsonObject> hours = episodes(*m_op, QStringLiteral("?span=hour&subject=") + u);
    QCOMPARE(hours.size(), 2);
    for (const QJsonObject &e : hours)
        QCOMPARE(e.value(QLatin1String("period_count")).toInt(), 1);
    QCOMPARE(episodes(*m_op, QStringLiteral("?subject=") + u).size(), 4);
}

void TestAlertEpisodes::statusAndPaging()
{
    const QString u = newUser(kDomainA);
    const QString other = newUser(kDomainB);
    QList<qint64> ids;
    for (int h = 0; h < 3; ++h)
        ids << addAlert(u, QStringLiteral("hour"), h, 100);
    for (int h = 10; h < 12; ++h)
        addAlert(u, QStringLiteral("hour"), h, 100);
    addAlert(other, QStringLiteral("hour"), 0, 100, QStringLiteral("warning"), true);
    // One acknowledged alert keeps its episode open while others are open.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/alerts/%1/acknowledge").arg(ids.at(0))).status, 200);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=open&subject=") + u).size(), 2);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=acknowledged&subject=") + u).size(), 0);
    const QJsonObject e = episodes(*m_op, QStringLiteral("?sort=first_period_start&subject=") + u).first();
    QCOMPARE(idsOf(e.value(QLatin1String("open_alert_ids"))), ids.mid(1));
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/alerts/acknowledge"),
                     QJsonObject {{QStringLiteral("ids"), toArray(ids.mid(1))}})
                 .status,
        200);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=acknowledged&subject=") + u).size(), 1);

    // Paging, and the company admin sees only their company's episodes.
    const auto page = m_op->get(QStringLiteral("/api/v1/alerts/episodes?limit=1&offset=1"));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json().value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(page.items().size(), 1);
    QCOMPARE(page.json().value(QLatin1String("limit")).toInt(), 1);
    const auto past = m_op->get(QStringLiteral("/api/v1/alerts/episodes?offset=50"));
    QCOMPARE(past.json().value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(past.items().size(), 0);
    // Resolving one hour of the acknowledged episode leaves it acknowledged; resolving all, resolved.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/alerts/resolve"),
                     QJsonObject {{QStringLiteral("ids"), toArray(ids.mid(0, 1))}})
                 .status,
        200);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=acknowledged&subject=") + u).size(), 1);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=resolved&subject=") + u).size(), 0);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/alerts/resolve"),
                     QJsonObject {{QStringLiteral("ids"), toArray(ids.mid(1))}})
                 .status,
        200);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=resolved&subject=") + u).size(), 1);
    QCOMPARE(episodes(*m_op, QStringLiteral("?status=open&subject=") + u).size(), 1); // 10:00–11:00
    const auto mine = m_admin->get(QStringLiteral("/api/v1/alerts/episodes"));
    QCOMPARE(mine.json().value(QLatin1String("total")).toInt(), 2);
    for (const QJsonValue &v : mine.items())
        QCOMPARE(qint64(v.toObject().value(QLatin1String("company_id")).toDouble()), m_a);
    QCOMPARE(m_admin->get(QStringLiteral("/api/v1/alerts/episodes?company_id=%1").arg(m_b))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        0);
    // The list's conventions for unknown filters and sort keys.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/alerts/episodes?sort=nope")).status, 400);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/alerts/episodes?status=maybe")).status, 400);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/alerts/episodes?sort=-peak_observed")).status, 200);
}

void TestAlertEpisodes::bulkAcknowledge()
{
    const QString u = newUser(kDomainA);
    QList<qint64> ids;
    for (int h = 0; h < 5; ++h)
        ids << addAlert(u, QStringLiteral("hour"), h, 100);
    const auto r = m_admin->post(QStringLiteral("/api/v1/alerts/acknowledge"),
        QJsonObject {
            {QStringLiteral("ids"), toArray(ids)}, {QStringLiteral("note"), QStringLiteral("Newsletter")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 5);
    QList<qint64> answered;
    for (const QJsonValue &v : r.items())
        answered << qint64(v.toObject().value(QLatin1String("id")).toDouble());
    QCOMPARE(answered, ids); // in the order asked
    for (qint64 id : ids) {
        const QJsonObject a = m_op->get(QStringLiteral("/api/v1/alerts/%1").arg(id)).json();
        QCOMPARE(a.value(QLatin1String("status")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(a.value(QLatin1String("acknowledged_by")).toString(), QStringLiteral("episodes-admin"));
        QCOMPARE(a.value(QLatin1String("note")).toString(), QStringLiteral("Newsletter"));
        QCOMPARE(auditCount(id), 1);
    }
    // Again: all are acknowledged already, 409, nothing changes; resolving them works.
    const auto again = m_admin->post(
        QStringLiteral("/api/v1/alerts/acknowledge"), QJsonObject {{QStringLiteral("ids"), toArray(ids)}});
    QCOMPARE(again.status, 409);
    QVERIFY(again.body.contains("no alert was changed"));
    QCOMPARE(again.header("Content-Type"), QByteArray("application/problem+json"));
    const auto resolved = m_admin->post(QStringLiteral("/api/v1/alerts/resolve"),
        QJsonObject {{QStringLiteral("ids"), toArray(ids.mid(0, 2))}});
    QCOMPARE(resolved.status, 200);
    QCOMPARE(statusOf(ids.at(0)), QStringLiteral("resolved"));
    QCOMPARE(statusOf(ids.at(2)), QStringLiteral("acknowledged"));
    QCOMPARE(auditCount(ids.at(0)), 2);
}

void TestAlertEpisodes::forbiddenIdChangesNothing()
{
    const QString mine = newUser(kDomainA);
    const QString theirs = newUser(kDomainB);
    const qint64 a1 = addAlert(mine, QStringLiteral("hour"), 0, 100);
    const qint64 a2 = addAlert(mine, QStringLiteral("hour"), 1, 100);
    const qint64 b1 = addAlert(theirs, QStringLiteral("hour"), 0, 100, QStringLiteral("warning"), true);
    const QByteArray before = m_server->digest();
    const auto r = m_admin->post(QStringLiteral("/api/v1/alerts/acknowledge"),
        QJsonObject {{QStringLiteral("ids"), QJsonArray {double(a1), double(b1), double(a2)}},
            {QStringLiteral("note"), QStringLiteral("All of them")}});
    QCOMPARE(r.status, 404);
    QVERIFY2(r.body.contains(QByteArray::number(b1)), r.body.constData());
    QVERIFY(r.body.contains("no alert was changed"));
    for (qint64 id : {a1, a2, b1}) {
        QCOMPARE(statusOf(id), QStringLiteral("open"));
        QCOMPARE(auditCount(id), 0);
    }
    QCOMPARE(m_server->digest(), before);
    // Unknown ids the same; a role without alert.write is refused before anything is looked at.
    QCOMPARE(m_admin
                 ->post(QStringLiteral("/api/v1/alerts/resolve"),
                     QJsonObject {{QStringLiteral("ids"), QJsonArray {double(a1), 999999.0}}})
                 .status,
        404);
    QCOMPARE(statusOf(a1), QStringLiteral("open"));
    // The operator may act on both companies' alerts at once.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/alerts/acknowledge"),
                     QJsonObject {{QStringLiteral("ids"), QJsonArray {double(a1), double(b1)}}})
                 .status,
        200);
    QCOMPARE(statusOf(b1), QStringLiteral("acknowledged"));
}

void TestAlertEpisodes::badInputChangesNothing()
{
    const QString u = newUser(kDomainA);
    const qint64 id = addAlert(u, QStringLiteral("hour"), 0, 100);
    const QList<QJsonObject> bodies = {QJsonObject {}, QJsonObject {{QStringLiteral("ids"), QJsonArray {}}},
        QJsonObject {{QStringLiteral("ids"), QJsonArray {QStringLiteral("1")}}},
        QJsonObject {{QStringLiteral("ids"), QJsonArray {-3}}},
        QJsonObject {{QStringLiteral("ids"), QJsonArray {1.5}}},
        QJsonObject {{QStringLiteral("ids"), double(id)}},
        QJsonObject {{QStringLiteral("ids"), QJsonArray {double(id)}}, {QStringLiteral("note"), 7}},
        QJsonObject {{QStringLiteral("ids"), QJsonArray {double(id)}},
            {QStringLiteral("status"), QStringLiteral("x")}}};
    QJsonArray many;
    for (int i = 0; i < 1001; ++i)
        many.append(double(id));
    const QByteArray before = m_server->digest();
    for (const QJsonObject &body :
        bodies + QList<QJsonObject> {QJsonObject {{QStringLiteral("ids"), many}}}) {
        const auto r = m_op->post(QStringLiteral("/api/v1/alerts/acknowledge"), body);
        QVERIFY2(r.status == 422, r.body.constData());
        QVERIFY(!r.json().value(QLatin1String("errors")).toArray().isEmpty());
    }
    QCOMPARE(statusOf(id), QStringLiteral("open"));
    QCOMPARE(m_server->digest(), before);
}

void TestAlertEpisodes::racingBulkAcknowledges()
{
    const QString u = newUser(kDomainA);
    for (int round = 0; round < 5; ++round) {
        QList<qint64> ids;
        for (int h = 0; h < 20; ++h)
            ids << addAlert(u, QStringLiteral("hour"), round * 100 + h, 100);
        const QJsonObject body {{QStringLiteral("ids"), toArray(ids)}};
        HttpClient::Reply replies[2];
        std::latch start(2);
        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&, t] {
                HttpClient client = m_server->client();
                client.setToken(t == 0 ? m_op->token() : m_admin->token());
                client.get(QStringLiteral("/api/v1/status")); // connected before the start
                start.arrive_and_wait();
                replies[t] = client.post(QStringLiteral("/api/v1/alerts/acknowledge"), body);
            });
        }
        for (std::thread &t : threads)
            t.join();
        const QList<int> statuses = {replies[0].status, replies[1].status};
        QVERIFY2(statuses.count(200) == 1 && statuses.count(409) == 1,
            qPrintable(QStringLiteral("%1 %2").arg(statuses.at(0)).arg(statuses.at(1))));
        const HttpClient::Reply &winner = replies[0].status == 200 ? replies[0] : replies[1];
        const QString by
            = replies[0].status == 200 ? QStringLiteral("root") : QStringLiteral("episodes-admin");
        QCOMPARE(winner.items().size(), ids.size());
        // Each alert acknowledged once, all by the winner.
        for (qint64 id : ids) {
            const QJsonObject a = m_op->get(QStringLiteral("/api/v1/alerts/%1").arg(id)).json();
            QCOMPARE(a.value(QLatin1String("acknowledged_by")).toString(), by);
            QCOMPARE(a.value(QLatin1String("version")).toInt(), 2);
            QCOMPARE(auditCount(id), 1);
        }
    }
}

QTEST_GUILESS_MAIN(TestAlertEpisodes)
#include "tst_alert_episodes.moc"
