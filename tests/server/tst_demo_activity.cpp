#include "Json.h"
#include "TestServer.h"
#include "auth/Clock.h"
#include "auth/SessionManager.h"
#include "service/DemoSeeder.h"
#include "stats/DemoActivity.h"
#include "stats/OutageDetector.h"
#include "stats/SpikeDetector.h"
#include "store/OutageRepository.h"

#include <QTest>

using namespace mailadmin;
using testing::TestServer;

// The demo's generated activity: rollups that add up at every level, raw events that match their rollups,
// and a spike detector that finds the injected spikes and little else.
class TestDemoActivity : public QObject
{
    Q_OBJECT
    static constexpr qint64 kAt = 1799244000; // 2027-01-06T14:00:00Z
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rollupsAddUp();
    void rawEventsMatchRollups();
    void detectorFindsInjectedSpikes();
    void outagesHaveGroundTruthAndAreFound();
    void secondRunIsRefused();

private:
    qint64 scalar(const QString &sql, const QVariantList &values = {});

    std::unique_ptr<TestServer> m_server;
    stats::ActivitySummary m_summary;
    qint64 m_first = 0;
    qint64 m_today = 0;
};

qint64 TestDemoActivity::scalar(const QString &sql, const QVariantList &values)
{
    store::Statement q = m_server->db().prepare(sql);
    for (const QVariant &v : values)
        q.bind(v);
    if (!q.exec().ok() || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.toInt(0);
}

void TestDemoActivity::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    // The activity is drawn around now; a fixed instant (a Wednesday, 14:00 UTC) makes every run judge the
    // same minutes. At other hours the small stores of this demo see a few logins a minute at night, and
    // whether the detector finds the ongoing outage within its first 14 minutes then depends on the hour
    // (bench/outage_detection.cpp measures the detector over whole weeks).
    auth::Clock::advanceForTesting(kAt - QDateTime::currentSecsSinceEpoch());
    service::DemoOptions demo;
    demo.seed = 3;
    demo.companies = 2;
    demo.domains = 8;
    demo.users = 3000;
    demo.adminPassword = QString::fromLatin1(TestServer::kPassword);
    QVERIFY(service::DemoSeeder(m_server->db()).seed(demo).ok());
    stats::ActivityOptions options;
    options.seed = 3;
    options.days = 40;
    options.rawDays = 3;
    options.userIncidents = 8;
    options.domainIncidents = 2;
    const Result<stats::ActivitySummary> written = stats::DemoActivity(m_server->db()).write(options);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().detail));
    m_summary = written.value();
    m_today = auth::Clock::now() / 86400;
    m_first = m_today - 39;
    QVERIFY(m_summary.activeUsers > 2000);
    QVERIFY(m_summary.rawEvents > 1000);
    QCOMPARE(m_summary.incidents.size(), 10);
}

void TestDemoActivity::cleanupTestCase()
{
    m_server.reset();
    auth::Clock::resetForTesting();
}

void TestDemoActivity::rollupsAddUp()
{
    const QStringList counters = {QStringLiteral("logins_imap"), QStringLiteral("logins_pop"),
        QStringLiteral("logins_webmail"), QStringLiteral("logins_smtp"), QStringLiteral("failed_logins"),
        QStringLiteral("messages"), QStringLiteral("recipients"), QStringLiteral("bytes")};
    for (const QString &c : counters) {
        // Users add up to their domain, every day.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily d WHERE d.scope = 'd' AND d.%1 <> "
                                       "(SELECT COALESCE(SUM(s.%1), 0) FROM stats_daily s "
                                       "JOIN users u ON u.id = s.scope_id WHERE s.scope = 'u' AND s.bucket = "
                                       "d.bucket AND u.domain_id = d.scope_id)")
                            .arg(c)),
            0);
        // Domains add up to their company.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily c WHERE c.scope = 'c' AND c.%1 <> "
                                       "(SELECT COALESCE(SUM(s.%1), 0) FROM stats_daily s "
                                       "JOIN domains d ON d.id = s.scope_id WHERE s.scope = 'd' AND s.bucket "
                                       "= c.bucket AND d.company_id = c.scope_id)")
                            .arg(c)),
            0);
        // A day's hours add up to the day, for domains and companies.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily d WHERE d.scope IN ('d', 'c') AND "
                                       "d.%1 <> (SELECT COALESCE(SUM(h.%1), 0) FROM "
                                       "stats_hourly h WHERE h.scope = d.scope AND h.scope_id = d.scope_id "
                                       "AND h.bucket >= d.bucket * 24 AND h.bucket < "
                                       "d.bucket * 24 + 24)")
                            .arg(c)),
            0);
    }
    // Weekdays are busier than weekends, and every day of the period is there.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT bucket) FROM stats_daily WHERE scope = 'c'")), 40);
    // Storage grows: the last day holds more than the first.
    QVERIFY(scalar(QStringLiteral("SELECT SUM(used_bytes) FROM stats_daily WHERE scope = 'c' AND bucket = ?"),
                {m_today})
        > scalar(QStringLiteral("SELECT SUM(used_bytes) FROM stats_daily WHERE scope = 'c' AND bucket = ?"),
            {m_first}));
    // Some users have been idle all month.
    QVERIFY(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE type = 'mailbox' AND deleted_at IS NULL "
                                  "AND (last_login_at IS NULL OR last_login_at < ?)"),
                {auth::Clock::now() - 30 * 86400})
        > 100);
}

void TestDemoActivity::rawEventsMatchRollups()
{
    const qint64 firstRaw = m_today - 2;
    // Logins and messages of raw days, user by user, equal the users' rollups.
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily s WHERE s.scope = 'u' AND s.bucket >= ? AND "
                              "s.logins_imap + s.logins_pop + "
                              "s.logins_webmail + s.logins_smtp + s.failed_logins <> (SELECT COUNT(*) FROM "
                              "login_events e WHERE e.user_id = "
                              "s.scope_id AND e.at >= s.bucket * 86400 AND e.at < s.bucket * 86400 + 86400)"),
            {firstRaw}),
        0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily s WHERE s.scope = 'u' AND s.bucket >= ? "
                                   "AND s.messages <> (SELECT COUNT(*) FROM "
                                   "message_events e WHERE e.user_id = s.scope_id AND e.at >= s.bucket * "
                                   "86400 AND e.at < s.bucket * 86400 + 86400)"),
                 {firstRaw}),
        0);
    // Nothing lies in the future; last login per protocol is the latest raw login where there is one.
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM login_events WHERE at > ?"), {auth::Clock::now()}), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users u WHERE u.last_login_imap <> (SELECT "
                                   "MAX(e.at) FROM login_events e WHERE e.user_id = u.id "
                                   "AND e.protocol = 'imap' AND e.success = 1)")),
        0);
}

void TestDemoActivity::detectorFindsInjectedSpikes()
{
    auth::SessionManager sessions(m_server->db());
    QVERIFY(service::SpikeDetector(service::Context {m_server->db(), sessions})
                .scan(m_first, m_today, true)
                .ok());
    store::Statement q
        = m_server->db().prepare(QStringLiteral("SELECT a.scope, a.subject, d.name, a.period_start FROM "
                                                "alerts a JOIN domains d ON d.id = a.domain_id"));
    QVERIFY(q.exec().ok());
    int alerts = 0, right = 0;
    QSet<int> found;
    while (q.next()) {
        ++alerts;
        const QString scope = q.toString(0), subject = q.toString(1), domain = q.toString(2),
                      day = json::isoTime(q.toInt(3)).left(10);
        bool matched = false;
        for (int i = 0; i < m_summary.incidents.size(); ++i) {
            const QJsonObject incident = m_summary.incidents.at(i).toObject();
            if (incident.value(QLatin1String("day")).toString() != day)
                continue;
            if (scope == QLatin1String("user")
                    ? incident.value(QLatin1String("subject")).toString() == subject
                    : incident.value(QLatin1String("domain")).toString() == domain)
                matched = true;
            if (incident.value(QLatin1String("scope")).toString() == scope
                && incident.value(QLatin1String("subject")).toString() == subject)
                found.insert(i);
        }
        if (matched)
            ++right;
    }
    QVERIFY(alerts > 0);
    const double precision = double(right) / alerts;
    const double recall = double(found.size()) / double(m_summary.incidents.size());
    QVERIFY2(precision >= 0.95,
        qPrintable(QStringLiteral("precision %1 (%2 of %3 alerts)").arg(precision).arg(right).arg(alerts)));
    QVERIFY2(recall >= 0.95, qPrintable(QStringLiteral("recall %1").arg(recall)));
}

void TestDemoActivity::outagesHaveGroundTruthAndAreFound()
{
    // Four outages on mail stores, recorded as the ground truth, the last one still going.
    const Result<QList<store::OutageTruth>> truth = store::OutageRepository(m_server->db()).truth();
    QVERIFY(truth.ok());
    QCOMPARE(truth->size(), 4);
    QCOMPARE(m_summary.outages.size(), 4);
    const qint64 now = auth::Clock::now();
    QVERIFY(truth->last().startedAt < now && truth->last().endedAt > now);
    // Judged as the server would have, each is suggested on its own store and nothing else is.
    const qint64 last = now / 60 - 1;
    const Result<int> suggested = service::OutageDetector(m_server->db()).scan(last - 2 * 1440 + 1, last);
    QVERIFY(suggested.ok());
    const Result<store::Page> page = store::OutageRepository(m_server->db()).list(QString(), false, 0, 100);
    QVERIFY(page.ok());
    int matching = 0;
    for (const store::Record &r : page->items) {
        const qint64 at = json::parseIsoTime(r.data.value(QLatin1String("suggested_at")).toString());
        for (const store::OutageTruth &t : truth.value())
            matching += r.data.value(QLatin1String("scope")).toString() == QLatin1String("store")
                && qint64(r.data.value(QLatin1String("scope_id")).toDouble()) == t.storeId
                && at >= t.startedAt && at <= t.endedAt + 300;
    }
    QCOMPARE(matching, int(page->items.size()));
    QVERIFY(matching >= 3);
    // The ongoing one waits for an operator.
    const Result<store::Page> open
        = store::OutageRepository(m_server->db()).list(QStringLiteral("suggested"), true, 0, 10);
    QVERIFY(open.ok());
    QCOMPARE(open->items.size(), 1);
}

void TestDemoActivity::secondRunIsRefused()
{
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily"));
    const Result<stats::ActivitySummary> again
        = stats::DemoActivity(m_server->db()).write(stats::ActivityOptions());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stats_daily")), before);
}

QTEST_GUILESS_MAIN(TestDemoActivity)
#include "tst_demo_activity.moc"
