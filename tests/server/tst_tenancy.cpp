#include "TestServer.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Tenants stay apart: every admin but an operator belongs to one company, a collector writes only inside
// its own, and the settings a company pays for are the operator's to change.
class TestTenancy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void collectorsBelongToOneCompany_data();
    void collectorsBelongToOneCompany();
    void roleChangeToCollectorKeepsTheCompany();
    void collectorWritesOnlyInItsCompany();
    void collectorWithoutCompanyIngestsNothing();
    void operatorSettingsAreTheOperators_data();
    void operatorSettingsAreTheOperators();
    void companyAdminMayChangeTheRest();

private:
    qint64 usedBytes(const QString &address);
    HttpClient::Reply ingest(HttpClient &client, const QJsonArray &events);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<HttpClient> m_adminA;
    std::unique_ptr<HttpClient> m_collectorA;
    qint64 m_a = 0, m_b = 0;
};

namespace {
const QString kPassword = QStringLiteral("Amber-Signal-Tower-64");
QJsonObject quota(const QString &user, double bytes)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("quota")},
        {QStringLiteral("time"), QStringLiteral("2026-11-20T06:00:00Z")}, {QStringLiteral("user"), user},
        {QStringLiteral("used_bytes"), bytes}};
}
} // namespace

HttpClient::Reply TestTenancy::ingest(HttpClient &client, const QJsonArray &events)
{
    return client.raw(QStringLiteral("POST"), QStringLiteral("/api/v1/ingest/events"),
        QJsonDocument(events).toJson(QJsonDocument::Compact), "application/json");
}

qint64 TestTenancy::usedBytes(const QString &address)
{
    return qint64(m_op->get(QStringLiteral("/api/v1/users/") + address)
                      .json()
                      .value(QLatin1String("used_bytes"))
                      .toDouble());
}

void TestTenancy::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    for (auto [name, id, domain] :
        {std::tuple {QStringLiteral("Alpha"), &m_a, QStringLiteral("alpha.example")},
            std::tuple {QStringLiteral("Beta"), &m_b, QStringLiteral("beta.example")}}) {
        const auto c
            = m_op->post(QStringLiteral("/api/v1/companies"), QJsonObject {{QStringLiteral("name"), name}});
        QCOMPARE(c.status, 201);
        *id = qint64(c.json().value(QLatin1String("id")).toDouble());
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(*id),
                         QJsonObject {{QStringLiteral("name"), domain}})
                     .status,
            201);
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
                         QJsonObject {{QStringLiteral("local_part"), QStringLiteral("ann")}})
                     .status,
            201);
    }
    QCOMPARE(
        m_op->post(QStringLiteral("/api/v1/admins"),
                QJsonObject {{QStringLiteral("login"), QStringLiteral("boss@alpha")},
                    {QStringLiteral("role"), QStringLiteral("company_admin")},
                    {QStringLiteral("company_id"), double(m_a)}, {QStringLiteral("password"), kPassword}})
            .status,
        201);
    m_adminA = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_adminA->signIn(QStringLiteral("boss@alpha"), kPassword), 201);
    // A company admin makes its log shipper; it lands in the admin's own company.
    const auto shipper = m_adminA->post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("shipper@alpha")},
            {QStringLiteral("role"), QStringLiteral("collector")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(shipper.status, 201);
    QCOMPARE(qint64(shipper.json().value(QLatin1String("company_id")).toDouble()), m_a);
    m_collectorA = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_collectorA->signIn(QStringLiteral("shipper@alpha"), kPassword), 201);
}

void TestTenancy::cleanupTestCase()
{
    m_collectorA.reset();
    m_adminA.reset();
    m_op.reset();
    m_server.reset();
}

void TestTenancy::collectorsBelongToOneCompany_data()
{
    QTest::addColumn<bool>("asOperator");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QJsonValue>("company");
    QTest::addColumn<QString>("code");
    QTest::newRow("company admin, company null")
        << false << QStringLiteral("collector") << QJsonValue(QJsonValue::Null) << QStringLiteral("required");
    QTest::newRow("company admin, other company")
        << false << QStringLiteral("collector") << QJsonValue(-1.0) << QStringLiteral("not_found");
    QTest::newRow("operator, no company") << true << QStringLiteral("collector")
                                          << QJsonValue(QJsonValue::Undefined) << QStringLiteral("required");
    QTest::newRow("operator, support without company")
        << true << QStringLiteral("support") << QJsonValue(QJsonValue::Null) << QStringLiteral("required");
}

void TestTenancy::collectorsBelongToOneCompany()
{
    QFETCH(bool, asOperator);
    QFETCH(QString, role);
    QFETCH(QJsonValue, company);
    QFETCH(QString, code);
    QJsonObject body {{QStringLiteral("login"), QStringLiteral("stray")}, {QStringLiteral("role"), role},
        {QStringLiteral("password"), kPassword}};
    if (company.isDouble())
        body.insert(QStringLiteral("company_id"), double(m_b)); // a company the company admin cannot reach
    else if (company.isNull())
        body.insert(QStringLiteral("company_id"), QJsonValue::Null);
    const QByteArray before = m_server->digest();
    const auto r = (asOperator ? *m_op : *m_adminA).post(QStringLiteral("/api/v1/admins"), body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.fieldCode(QStringLiteral("company_id")), code);
    QCOMPARE(m_server->digest(), before);
}

void TestTenancy::roleChangeToCollectorKeepsTheCompany()
{
    const auto made = m_adminA->post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("helper@alpha")},
            {QStringLiteral("role"), QStringLiteral("support")}});
    QCOMPARE(made.status, 201);
    const QString path
        = QStringLiteral("/api/v1/admins/%1").arg(made.json().value(QLatin1String("id")).toInt());
    // Leaving the company on the way to collector, or at any time, is refused; nothing changes.
    const QByteArray before = m_server->digest();
    for (HttpClient *client : {m_adminA.get(), m_op.get()}) {
        auto r = client->patch(path,
            QJsonObject {{QStringLiteral("role"), QStringLiteral("collector")},
                {QStringLiteral("company_id"), QJsonValue::Null}},
            1);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCode(QStringLiteral("company_id")), QStringLiteral("required"));
        r = client->patch(path, QJsonObject {{QStringLiteral("company_id"), QJsonValue::Null}}, 1);
        QCOMPARE(r.status, 422);
    }
    QCOMPARE(m_adminA->patch(path, QJsonObject {{QStringLiteral("company_id"), double(m_b)}}, 1).status, 422);
    QCOMPARE(m_server->digest(), before);
    // The role change itself is fine: the collector stays in Alpha.
    const auto changed
        = m_adminA->patch(path, QJsonObject {{QStringLiteral("role"), QStringLiteral("collector")}}, 1);
    QCOMPARE(changed.status, 200);
    QCOMPARE(qint64(changed.json().value(QLatin1String("company_id")).toDouble()), m_a);
}

void TestTenancy::collectorWritesOnlyInItsCompany()
{
    const qint64 betaBefore = usedBytes(QStringLiteral("ann@beta.example"));
    const auto r = ingest(*m_collectorA,
        QJsonArray {quota(QStringLiteral("ann@alpha.example"), 1000),
            quota(QStringLiteral("ann@beta.example"), 25e9), quota(QStringLiteral("ghost@beta.example"), 5),
            quota(QStringLiteral("ghost@nowhere.example"), 5),
            quota(QStringLiteral("ghost@alpha.example"), 5)});
    QCOMPARE(r.status, 200);
    const QJsonObject report = r.json();
    QCOMPARE(report.value(QLatin1String("accepted")).toInt(), 1);
    // An unknown user of its own domain is unmatched; anything outside the company is rejected, existing or
    // not, with the same reason, so the answer tells nothing about other companies.
    QCOMPARE(report.value(QLatin1String("unmatched")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("rejected_count")).toInt(), 3);
    const QJsonArray rejected = report.value(QLatin1String("rejected")).toArray();
    QCOMPARE(rejected.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rejected.at(i).toObject().value(QLatin1String("line")).toInt(), i + 2);
        QCOMPARE(rejected.at(i).toObject().value(QLatin1String("reason")).toString(),
            QStringLiteral("user is not in this collector's company"));
    }
    QCOMPARE(usedBytes(QStringLiteral("ann@beta.example")), betaBefore);
    QCOMPARE(usedBytes(QStringLiteral("ann@alpha.example")), qint64(1000));
}

void TestTenancy::collectorWithoutCompanyIngestsNothing()
{
    // A collector stored without a company (as older versions allowed) has no scope, not the whole server.
    QCOMPARE(
        m_op->post(QStringLiteral("/api/v1/admins"),
                QJsonObject {{QStringLiteral("login"), QStringLiteral("legacy")},
                    {QStringLiteral("role"), QStringLiteral("collector")},
                    {QStringLiteral("company_id"), double(m_b)}, {QStringLiteral("password"), kPassword}})
            .status,
        201);
    QSqlQuery q(m_server->db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE admins SET company_id = NULL WHERE login = 'legacy'")));
    HttpClient legacy = m_server->client();
    QCOMPARE(legacy.signIn(QStringLiteral("legacy"), kPassword), 201);
    const qint64 before = usedBytes(QStringLiteral("ann@beta.example"));
    const auto r = ingest(legacy, QJsonArray {quota(QStringLiteral("ann@beta.example"), 25e9)});
    QCOMPARE(r.status, 403);
    QCOMPARE(usedBytes(QStringLiteral("ann@beta.example")), before);
}

void TestTenancy::operatorSettingsAreTheOperators_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::newRow("user limit") << QStringLiteral("user_limit") << 100000.0;
    QTest::newRow("alias limit") << QStringLiteral("alias_limit") << 100000.0;
    QTest::newRow("send limit") << QStringLiteral("smtp_send_limit") << 10000.0;
    QTest::newRow("quota maximum") << QStringLiteral("quota_maximum") << 1.0e12;
    QTest::newRow("lowering too") << QStringLiteral("smtp_send_limit") << 1.0;
}

void TestTenancy::operatorSettingsAreTheOperators()
{
    QFETCH(QString, field);
    QFETCH(double, value);
    const QString path = QStringLiteral("/api/v1/companies/%1").arg(m_a);
    const QByteArray before = m_server->digest();
    const auto r = m_adminA->patch(path,
        QJsonObject {{field, value}, {QStringLiteral("notes"), QStringLiteral("raised")}},
        m_adminA->get(path).etag());
    QCOMPARE(r.status, 403);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(r.fieldCode(field), QStringLiteral("operator_only"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QLatin1String("operator")));
    QCOMPARE(m_server->digest(), before);
    // The operator sets it.
    const auto set = m_op->patch(path, QJsonObject {{field, value}}, m_op->get(path).etag());
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value(field).toDouble(), value);
}

void TestTenancy::companyAdminMayChangeTheRest()
{
    const QString path = QStringLiteral("/api/v1/companies/%1").arg(m_a);
    const QJsonObject current = m_adminA->get(path).json();
    // Saving the whole form sends the operator's values back unchanged: that is not a change.
    const auto r = m_adminA->patch(path,
        QJsonObject {{QStringLiteral("user_limit"), current.value(QLatin1String("user_limit"))},
            {QStringLiteral("smtp_send_limit"), current.value(QLatin1String("smtp_send_limit"))},
            {QStringLiteral("quota_maximum"), current.value(QLatin1String("quota_maximum"))},
            {QStringLiteral("notes"), QStringLiteral("Our notes")}},
        m_adminA->get(path).etag());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("notes")).toString(), QStringLiteral("Our notes"));
}

QTEST_GUILESS_MAIN(TestTenancy)
#include "tst_tenancy.moc"
