#include "TestServer.h"
#include "auth/Clock.h"
#include "mail/OutboundPolicy.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Suspending, resuming, deleting and restoring a company through the API: who may, versions, conflicts and
// the audit; and what the mail servers see through their views and the policy service while it lasts.
class TestCompanyOps : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void onlyOperators();
    void badInputChangesNothing();
    void suspendAndResume();
    void deleteAndRestore();
    void restoreKeepsSuspension();
    void unknownCompany();
    void operatorOverview();

private:
    qint64 count(const QString &sql, const QString &value);
    int passdbRows(const QString &address)
    {
        return int(count(QStringLiteral("SELECT COUNT(*) FROM mail_passdb WHERE address = ?"), address));
    }
    bool domainServed(const QString &domain)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM mail_domains WHERE domain = ?"), domain) > 0;
    }
    QByteArray policy(const QString &address);
    int version();
    QJsonObject lastAudit(const QString &action);
    bool listed(const QString &path, const QString &key, const QString &value);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<HttpClient> m_boss;
    qint64 m_company = 0;
    QString m_path;
    const QString m_user = QStringLiteral("ann@ops.example");
};

void TestCompanyOps::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Ops Co")}});
    QCOMPARE(company.status, 201);
    m_company = qint64(company.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(company.json().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    m_path = QStringLiteral("/api/v1/companies/%1").arg(m_company);
    QCOMPARE(m_op->post(m_path + QStringLiteral("/domains"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("ops.example")},
                         {QStringLiteral("aliases"), QJsonArray {QStringLiteral("ops-alias.example")}}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/ops.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("ann")},
                         {QStringLiteral("password"), QStringLiteral("Blue-Kite-42-river")}})
                 .status,
        201);
    // A second company, which nothing here may touch.
    const auto other = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Other Co")}});
    QCOMPARE(other.status, 201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains")
                            .arg(qint64(other.json().value(QLatin1String("id")).toDouble())),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("other.example")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("boss@ops")},
                         {QStringLiteral("role"), QStringLiteral("company_admin")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("password"), QLatin1String(TestServer::kPassword)}})
                 .status,
        201);
    m_boss = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_boss->signIn(QStringLiteral("boss@ops"), QLatin1String(TestServer::kPassword)), 201);
    QCOMPARE(passdbRows(m_user), 4);
    QVERIFY(domainServed(QStringLiteral("ops.example")));
    QVERIFY(domainServed(QStringLiteral("ops-alias.example")));
    QCOMPARE(policy(m_user), QByteArray("DUNNO"));
}

void TestCompanyOps::cleanupTestCase()
{
    m_boss.reset();
    m_op.reset();
    m_server.reset();
}

qint64 TestCompanyOps::count(const QString &sql, const QString &value)
{
    store::Statement q = m_server->db().prepare(sql);
    q.bind(value);
    if (!q.exec().ok() || !q.next())
        return -1;
    return q.toInt(0);
}

QByteArray TestCompanyOps::policy(const QString &address)
{
    mail::OutboundPolicy policy(m_server->db());
    const mail::OutboundPolicy::Attributes request {{"request", "smtpd_access_policy"},
        {"protocol_state", "RCPT"}, {"sasl_username", address.toUtf8()}, {"sender", address.toUtf8()}};
    const std::optional<QByteArray> action = policy.decide(request, [](QByteArray) {});
    return action.value_or(QByteArray("(later)"));
}

int TestCompanyOps::version()
{
    return m_op->get(m_path).etag();
}

QJsonObject TestCompanyOps::lastAudit(const QString &action)
{
    const auto audit = m_op->get(QStringLiteral("/api/v1/audit?object_type=company&object_id=%1&action=%2")
                                     .arg(m_company)
                                     .arg(action));
    return audit.items().isEmpty() ? QJsonObject() : audit.items().first().toObject();
}

bool TestCompanyOps::listed(const QString &path, const QString &key, const QString &value)
{
    const auto reply = m_op->get(path);
    for (const QJsonValue &item : reply.items()) {
        if (item.toObject().value(key).toVariant().toString() == value)
            return true;
    }
    return false;
}

void TestCompanyOps::onlyOperators()
{
    const QByteArray before = m_server->digest();
    // A company admin may edit its company but not take it (and itself) off the platform.
    QCOMPARE(m_boss->post(m_path + QStringLiteral("/suspend"), {}, version()).status, 403);
    QCOMPARE(m_boss->del(m_path, version()).status, 403);
    QCOMPARE(m_boss->post(m_path + QStringLiteral("/restore"), {}, version()).status, 403);
    QCOMPARE(m_boss->get(QStringLiteral("/api/v1/companies?deleted=true")).status, 403);
    QCOMPARE(m_server->digest(), before);
}

void TestCompanyOps::badInputChangesNothing()
{
    const QByteArray before = m_server->digest();
    auto r = m_op->post(m_path + QStringLiteral("/suspend"), QJsonObject {{QStringLiteral("reason"), 12}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.fieldCode(QStringLiteral("reason")), QStringLiteral("type"));
    r = m_op->post(m_path + QStringLiteral("/suspend"),
        QJsonObject {{QStringLiteral("reason"), QString(501, QLatin1Char('x'))}});
    QCOMPARE(r.fieldCode(QStringLiteral("reason")), QStringLiteral("too_long"));
    r = m_op->post(
        m_path + QStringLiteral("/suspend"), QJsonObject {{QStringLiteral("why"), QStringLiteral("x")}});
    QCOMPARE(r.fieldCode(QStringLiteral("why")), QStringLiteral("unknown_field"));
    QCOMPARE(m_op->post(m_path + QStringLiteral("/suspend"), {}, version() + 1).status, 412);
    QCOMPARE(m_op->del(m_path, version() + 1).status, 412);
    QCOMPARE(m_op->del(m_path, 0).status, 428);
    QCOMPARE(m_op->post(m_path + QStringLiteral("/resume")).status, 409);
    QCOMPARE(m_op->post(m_path + QStringLiteral("/restore")).status, 409);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/companies?deleted=maybe")).status, 400);
    QCOMPARE(m_server->digest(), before);
}

void TestCompanyOps::suspendAndResume()
{
    const auto r = m_op->post(m_path + QStringLiteral("/suspend"),
        QJsonObject {{QStringLiteral("reason"), QStringLiteral("Invoices unpaid")}}, version());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("suspended"));
    QCOMPARE(r.json().value(QLatin1String("suspended_reason")).toString(), QStringLiteral("Invoices unpaid"));
    const QJsonObject entry = lastAudit(QStringLiteral("suspend"));
    QCOMPARE(entry.value(QLatin1String("actor")).toString(), QLatin1String(TestServer::kOperator));
    QCOMPARE(entry.value(QLatin1String("changes")).toObject().value(QLatin1String("reason")).toString(),
        QStringLiteral("Invoices unpaid"));

    QCOMPARE(passdbRows(m_user), 0);
    QVERIFY(!domainServed(QStringLiteral("ops.example")));
    QVERIFY(!domainServed(QStringLiteral("ops-alias.example")));
    QVERIFY(domainServed(QStringLiteral("other.example")));
    QVERIFY(policy(m_user).startsWith("REJECT"));
    HttpClient boss = m_server->client();
    QCOMPARE(boss.signIn(QStringLiteral("boss@ops"), QLatin1String(TestServer::kPassword)), 401);
    // Still listed, with its status, for the operator.
    QVERIFY(listed(QStringLiteral("/api/v1/companies"), QStringLiteral("name"), QStringLiteral("Ops Co")));
    QCOMPARE(m_op->post(m_path + QStringLiteral("/suspend")).status, 409);

    const auto back = m_op->post(m_path + QStringLiteral("/resume"), {}, version());
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QVERIFY(!lastAudit(QStringLiteral("resume")).isEmpty());
    QCOMPARE(passdbRows(m_user), 4);
    QVERIFY(domainServed(QStringLiteral("ops.example")));
    QCOMPARE(policy(m_user), QByteArray("DUNNO"));
    QCOMPARE(boss.signIn(QStringLiteral("boss@ops"), QLatin1String(TestServer::kPassword)), 201);
}

void TestCompanyOps::deleteAndRestore()
{
    const auto gone = m_op->del(m_path, version());
    QCOMPARE(gone.status, 200);
    QVERIFY(!gone.json().value(QLatin1String("deleted_at")).isNull());
    QVERIFY(!lastAudit(QStringLiteral("delete")).isEmpty());
    QVERIFY(!listed(QStringLiteral("/api/v1/companies"), QStringLiteral("name"), QStringLiteral("Ops Co")));
    QVERIFY(listed(QStringLiteral("/api/v1/companies"), QStringLiteral("name"), QStringLiteral("Other Co")));
    QVERIFY(listed(
        QStringLiteral("/api/v1/companies?deleted=true"), QStringLiteral("name"), QStringLiteral("Ops Co")));
    QVERIFY(
        !listed(QStringLiteral("/api/v1/domains"), QStringLiteral("name"), QStringLiteral("ops.example")));
    QVERIFY(
        listed(QStringLiteral("/api/v1/domains"), QStringLiteral("name"), QStringLiteral("other.example")));
    QVERIFY(!listed(QStringLiteral("/api/v1/users"), QStringLiteral("address"), m_user));
    QCOMPARE(passdbRows(m_user), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM mail_mailboxes WHERE address = ?"), m_user), 0);
    QVERIFY(!domainServed(QStringLiteral("ops.example")));
    QVERIFY(policy(m_user).startsWith("REJECT"));
    HttpClient boss = m_server->client();
    QCOMPARE(boss.signIn(QStringLiteral("boss@ops"), QLatin1String(TestServer::kPassword)), 401);
    QCOMPARE(m_op->del(m_path, version()).status, 409);
    QCOMPARE(m_op->post(m_path + QStringLiteral("/suspend")).status, 409);
    // Nothing was destroyed: the rows are all still there.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users WHERE address = ?"), m_user), 1);

    const auto back = m_op->post(m_path + QStringLiteral("/restore"), {}, version());
    QCOMPARE(back.status, 200);
    QVERIFY(back.json().value(QLatin1String("deleted_at")).isNull());
    QVERIFY(!lastAudit(QStringLiteral("restore")).isEmpty());
    QVERIFY(listed(QStringLiteral("/api/v1/companies"), QStringLiteral("name"), QStringLiteral("Ops Co")));
    QVERIFY(!listed(
        QStringLiteral("/api/v1/companies?deleted=true"), QStringLiteral("name"), QStringLiteral("Ops Co")));
    QVERIFY(listed(QStringLiteral("/api/v1/domains"), QStringLiteral("name"), QStringLiteral("ops.example")));
    QVERIFY(listed(QStringLiteral("/api/v1/users"), QStringLiteral("address"), m_user));
    QCOMPARE(passdbRows(m_user), 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM mail_mailboxes WHERE address = ?"), m_user), 1);
    QVERIFY(domainServed(QStringLiteral("ops.example")));
    QCOMPARE(policy(m_user), QByteArray("DUNNO"));
    QCOMPARE(boss.signIn(QStringLiteral("boss@ops"), QLatin1String(TestServer::kPassword)), 201);
}

void TestCompanyOps::restoreKeepsSuspension()
{
    QCOMPARE(m_op->post(m_path + QStringLiteral("/suspend"), {}, version()).status, 200);
    QCOMPARE(m_op->del(m_path, version()).status, 200);
    const auto back = m_op->post(m_path + QStringLiteral("/restore"), {}, version());
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json().value(QLatin1String("status")).toString(), QStringLiteral("suspended"));
    QCOMPARE(passdbRows(m_user), 0);
    QCOMPARE(m_op->post(m_path + QStringLiteral("/resume"), {}, version()).status, 200);
    QCOMPARE(passdbRows(m_user), 4);
}

void TestCompanyOps::unknownCompany()
{
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/999999/suspend")).status, 404);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/999999/resume")).status, 404);
    QCOMPARE(m_op->del(QStringLiteral("/api/v1/companies/999999"), 1).status, 404);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/999999/restore")).status, 404);
}

void TestCompanyOps::operatorOverview()
{
    QCOMPARE(m_boss->get(QStringLiteral("/api/v1/operator/companies")).status, 403);
    // Ann logged in an hour ago and uses 300 bytes; an open alert on her company.
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "UPDATE users SET last_login_at = ?, used_bytes = 300, quota = 1000 WHERE address = ?"));
    q.bind(auth::Clock::now() - 3600).bind(m_user);
    QVERIFY(q.exec().ok());
    store::Statement alert = m_server->db().prepare(QStringLiteral(
        "INSERT INTO alerts (company_id, domain_id, user_id, scope, subject, span, period_start, observed, "
        "baseline_median, baseline_mad, threshold, factor, severity, status, created_at, updated_at) "
        "VALUES (?, 0, 0, 'company', 'Ops Co', 'hour', 0, 500, 2, 1, 60, 250, 'critical', 'open', 0, 0)"));
    alert.bind(m_company);
    QVERIFY(alert.exec().ok());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/ops.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("bob")}})
                 .status,
        201);

    // A forward is not a mailbox, here as on the dashboard.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/ops.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("sales")},
                         {QStringLiteral("type"), QStringLiteral("forward")},
                         {QStringLiteral("forward_recipients"),
                             QJsonArray {QStringLiteral("desk@elsewhere.example")}}})
                 .status,
        201);

    const auto r = m_op->get(QStringLiteral("/api/v1/operator/companies?sort=-mailboxes"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.items().size(), 2);
    const QJsonObject ops = r.items().first().toObject();
    QCOMPARE(ops.value(QLatin1String("name")).toString(), QStringLiteral("Ops Co"));
    QCOMPARE(ops.value(QLatin1String("mailboxes")).toInt(), 2);
    QCOMPARE(ops.value(QLatin1String("active_users")).toInt(), 1);
    // The same figures as the company's dashboard.
    const QJsonObject active
        = m_op->get(QStringLiteral("/api/v1/stats/active?company=%1&days=7").arg(m_company)).json();
    QCOMPARE(ops.value(QLatin1String("mailboxes")).toInt(), active.value(QLatin1String("users")).toInt());
    QCOMPARE(ops.value(QLatin1String("active_users")).toInt(), active.value(QLatin1String("active")).toInt());
    QCOMPARE(ops.value(QLatin1String("used_bytes")).toInt(), 300);
    QVERIFY(ops.value(QLatin1String("quota_bytes")).toDouble() >= 1000);
    QCOMPARE(ops.value(QLatin1String("open_alerts")).toInt(), 1);
    QCOMPARE(ops.value(QLatin1String("open_incidents")).toInt(), 0);
    QCOMPARE(ops.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    const QJsonObject other = r.items().last().toObject();
    QCOMPARE(other.value(QLatin1String("name")).toString(), QStringLiteral("Other Co"));
    QCOMPARE(other.value(QLatin1String("mailboxes")).toInt(), 0);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/operator/companies?sort=password")).status, 400);

    // A deleted company leaves the dashboard.
    QCOMPARE(m_op->del(m_path, version()).status, 200);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/operator/companies")).items().size(), 1);
    QCOMPARE(m_op->post(m_path + QStringLiteral("/restore"), {}, version()).status, 200);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/operator/companies")).items().size(), 2);
}

QTEST_GUILESS_MAIN(TestCompanyOps)
#include "tst_company_ops.moc"
