#include "TestServer.h"
#include "auth/Clock.h"

#include <QJsonArray>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// The directory API end to end against a real server on a loopback port over a temporary SQLite file.
class TestServerApi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void statusNeedsNoLogin();
    void signInAndOut();
    void wrongPasswordsAreThrottled();
    void tokensExpire();
    void companyLifecycle();
    void domainsAndUsers();
    void staleVersionIsRefused();
    void softDeleteAndRestore();
    void limitsAnswer422();
    void pagingSearchAndSort();
    void passwordsAndSuspension();
    void brandsAndLogos();
    void adminsAndRoles();
    void auditRecordsChanges();
    void transportErrors();
    void listRowsMatchSingleObjects();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    qint64 m_company = 0;
};

namespace {
QString kOpLogin = QString::fromLatin1(TestServer::kOperator);
QString kOpPassword = QString::fromLatin1(TestServer::kPassword);
QByteArray tinySvg()
{
    return QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" "
                      "height=\"4\"/></svg>");
}
} // namespace

void TestServerApi::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    QVERIFY(!m_op->token().isEmpty());
    const auto reply = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Acme Hosting")}});
    QCOMPARE(reply.status, 201);
    m_company = qint64(reply.json().value(QLatin1String("id")).toDouble());
}

void TestServerApi::cleanupTestCase()
{
    auth::Clock::resetForTesting();
    m_op.reset();
    m_server.reset();
}

void TestServerApi::statusNeedsNoLogin()
{
    HttpClient anonymous = m_server->client();
    const auto reply = anonymous.get(QStringLiteral("/api/v1/status"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("database")).toString(), QStringLiteral("sqlite"));
    QVERIFY(reply.json().contains(QLatin1String("uptime_seconds")));
    QVERIFY(!reply.header("X-Request-Id").isEmpty());
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/me")).header("Content-Type"),
        QByteArray("application/problem+json"));
}

void TestServerApi::signInAndOut()
{
    HttpClient c = m_server->client();
    QCOMPARE(c.signIn(kOpLogin, kOpPassword), 201);
    QCOMPARE(c.token().size(), 43); // 256 bits, base64url
    const auto me = c.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QLatin1String("role")).toString(), QStringLiteral("operator"));
    QVERIFY(me.json().value(QLatin1String("actions")).toArray().contains(QStringLiteral("company.create")));
    QCOMPARE(c.del(QStringLiteral("/api/v1/sessions/current"), 0).status, 204);
    QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 401);
}

void TestServerApi::wrongPasswordsAreThrottled()
{
    HttpClient c = m_server->client();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(c.signIn(QStringLiteral("nobody"), QStringLiteral("wrong")), 401);
    const auto reply = c.post(QStringLiteral("/api/v1/sessions"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("nobody")},
            {QStringLiteral("password"), QStringLiteral("wrong")}});
    QCOMPARE(reply.status, 429);
    QVERIFY(reply.header("Retry-After").toInt() > 0);
    QVERIFY(reply.header("Retry-After").toInt() <= 900);
    // The throttle is per login and per address: from this address even the right password waits now.
    QCOMPARE(c.signIn(kOpLogin, kOpPassword), 429);
    auth::Clock::advanceForTesting(16 * 60);
    QCOMPARE(c.signIn(kOpLogin, kOpPassword), 201);
}

void TestServerApi::tokensExpire()
{
    HttpClient c = m_server->client();
    QCOMPARE(c.signIn(kOpLogin, kOpPassword), 201);
    auth::Clock::advanceForTesting(29 * 60);
    QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 200);
    auth::Clock::advanceForTesting(31 * 60);
    QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 401); // idle for 31 minutes
    QCOMPARE(c.signIn(kOpLogin, kOpPassword), 201);
    for (int i = 0; i < 25; ++i) {
        auth::Clock::advanceForTesting(29 * 60);
        if (c.get(QStringLiteral("/api/v1/me")).status != 200)
            break;
    }
    QCOMPARE(c.get(QStringLiteral("/api/v1/me")).status, 401); // past 12 hours even when active
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
}

void TestServerApi::companyLifecycle()
{
    const QString path = QStringLiteral("/api/v1/companies/%1").arg(m_company);
    auto company = m_op->get(path);
    QCOMPARE(company.status, 200);
    QCOMPARE(company.etag(), 1);
    QCOMPARE(company.json()
                 .value(QLatin1String("service_defaults"))
                 .toObject()
                 .value(QLatin1String("pop"))
                 .toString(),
        QStringLiteral("enabled"));
    auto changed = m_op->patch(path,
        QJsonObject {{QStringLiteral("smtp_send_limit"), 250},
            {QStringLiteral("service_defaults"),
                QJsonObject {{QStringLiteral("pop"), QStringLiteral("disabled")}}}},
        1);
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.etag(), 2);
    QCOMPARE(changed.json().value(QLatin1String("smtp_send_limit")).toInt(), 250);
    QCOMPARE(changed.json()
                 .value(QLatin1String("service_defaults"))
                 .toObject()
                 .value(QLatin1String("pop"))
                 .toString(),
        QStringLiteral("disabled"));
    QCOMPARE(changed.json()
                 .value(QLatin1String("service_defaults"))
                 .toObject()
                 .value(QLatin1String("imap"))
                 .toString(),
        QStringLiteral("enabled"));
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("ACME hosting")}})
                 .status,
        409);

    // Contacts: typed, at most 100.
    const QString contacts = path + QStringLiteral("/contacts");
    auto contact = m_op->post(contacts,
        QJsonObject {{QStringLiteral("type"), QStringLiteral("emergency")},
            {QStringLiteral("name"), QStringLiteral("Night desk")},
            {QStringLiteral("email"), QStringLiteral("night@acme.example")},
            {QStringLiteral("phone"), QStringLiteral("+1 555 0100")}});
    QCOMPARE(contact.status, 201);
    const qint64 contactId = qint64(contact.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(m_op->get(contacts).json().value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(m_op->patch(contacts + QStringLiteral("/%1").arg(contactId),
                     QJsonObject {{QStringLiteral("notes"), QStringLiteral("24/7")}}, 1)
                 .status,
        200);
    QCOMPARE(m_op->del(contacts + QStringLiteral("/%1").arg(contactId), 2).status, 204);
    QCOMPARE(m_op->get(contacts + QStringLiteral("/%1").arg(contactId)).status, 404);
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(m_op->post(contacts,
                         QJsonObject {{QStringLiteral("type"), QStringLiteral("billing")},
                             {QStringLiteral("name"), QStringLiteral("Billing %1").arg(i)},
                             {QStringLiteral("email"), QStringLiteral("billing%1@acme.example").arg(i)}})
                     .status,
            201);
    }
    auto over = m_op->post(contacts,
        QJsonObject {{QStringLiteral("type"), QStringLiteral("billing")},
            {QStringLiteral("name"), QStringLiteral("One too many")},
            {QStringLiteral("email"), QStringLiteral("extra@acme.example")}});
    QCOMPARE(over.status, 422);
    QCOMPARE(over.fieldCode(QStringLiteral("type")), QStringLiteral("limit_reached"));
}

void TestServerApi::domainsAndUsers()
{
    const QString domains = QStringLiteral("/api/v1/companies/%1/domains").arg(m_company);
    auto domain = m_op->post(domains,
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Bäckerei-Acme.DE")},
            {QStringLiteral("aliases"), QJsonArray {QStringLiteral("acme-bakery.example")}}});
    QCOMPARE(domain.status, 201);
    QCOMPARE(
        domain.json().value(QLatin1String("name")).toString(), QStringLiteral("xn--bckerei-acme-gcb.de"));
    QCOMPARE(
        domain.json().value(QLatin1String("display_name")).toString(), QStringLiteral("bäckerei-acme.de"));
    // The Unicode and the punycode spelling reach the same domain.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/domains/bäckerei-acme.de")).status, 200);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/domains/xn--bckerei-acme-gcb.de")).status, 200);
    QCOMPARE(
        m_op->post(domains, QJsonObject {{QStringLiteral("name"), QStringLiteral("acme-bakery.example")}})
            .status,
        409);

    const QString users = QStringLiteral("/api/v1/domains/xn--bckerei-acme-gcb.de/users");
    auto user = m_op->post(users,
        QJsonObject {{QStringLiteral("local_part"), QStringLiteral("Anna.Berg")},
            {QStringLiteral("display_name"), QStringLiteral("Anna Berg")},
            {QStringLiteral("aliases"), QJsonArray {QStringLiteral("anna@acme-bakery.example")}},
            {QStringLiteral("password"), QStringLiteral("Blue-Kite-42-river")}});
    QCOMPARE(user.status, 201);
    const QJsonObject u = user.json();
    QCOMPARE(
        u.value(QLatin1String("address")).toString(), QStringLiteral("anna.berg@xn--bckerei-acme-gcb.de"));
    QCOMPARE(u.value(QLatin1String("type")).toString(), QStringLiteral("mailbox"));
    QCOMPARE(u.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(u.value(QLatin1String("password_set")).toBool(), true);
    QVERIFY(!u.contains(QLatin1String("password")));
    QVERIFY(!u.contains(QLatin1String("password_hash")));
    // Services come from the company defaults (pop was disabled above).
    QCOMPARE(u.value(QLatin1String("services")).toObject().value(QLatin1String("pop")).toString(),
        QStringLiteral("disabled"));
    QVERIFY(u.value(QLatin1String("last_login")).toObject().contains(QLatin1String("imap")));
    // An alias is an address too: no second user may take it.
    auto clash = m_op->post(users,
        QJsonObject {{QStringLiteral("local_part"), QStringLiteral("x")},
            {QStringLiteral("aliases"), QJsonArray {QStringLiteral("anna@acme-bakery.example")}}});
    QCOMPARE(clash.status, 422);
    QCOMPARE(clash.fieldCode(QStringLiteral("aliases[0]")), QStringLiteral("taken"));
    QCOMPARE(
        m_op->post(users, QJsonObject {{QStringLiteral("local_part"), QStringLiteral("anna.berg")}}).status,
        409);

    auto forward = m_op->post(users,
        QJsonObject {{QStringLiteral("local_part"), QStringLiteral("sales")},
            {QStringLiteral("type"), QStringLiteral("forward")}});
    QCOMPARE(forward.status, 422);
    QCOMPARE(forward.fieldCode(QStringLiteral("forward_recipients")), QStringLiteral("required"));
    QCOMPARE(
        m_op->post(users,
                QJsonObject {{QStringLiteral("local_part"), QStringLiteral("sales")},
                    {QStringLiteral("type"), QStringLiteral("forward")},
                    {QStringLiteral("forward_recipients"), QJsonArray {QStringLiteral("boss@example.net")}}})
            .status,
        201);
}

void TestServerApi::staleVersionIsRefused()
{
    const QString path = QStringLiteral("/api/v1/users/anna.berg@xn--bckerei-acme-gcb.de");
    const auto before = m_op->get(path);
    const int version = before.etag();
    QVERIFY(version > 0);
    QCOMPARE(m_op->patch(path, QJsonObject {{QStringLiteral("display_name"), QStringLiteral("A")}}, 0).status,
        428);
    auto first = m_op->patch(
        path, QJsonObject {{QStringLiteral("display_name"), QStringLiteral("Anna B. Berg")}}, version);
    QCOMPARE(first.status, 200);
    auto second = m_op->patch(path, QJsonObject {{QStringLiteral("quota"), 2147483648.0}}, version);
    QCOMPARE(second.status, 412);
    QCOMPARE(second.json()
                 .value(QLatin1String("current"))
                 .toObject()
                 .value(QLatin1String("display_name"))
                 .toString(),
        QStringLiteral("Anna B. Berg"));
    QCOMPARE(second.etag(), version + 1);
    QCOMPARE(m_op->get(path).json().value(QLatin1String("quota")).toDouble(),
        before.json().value(QLatin1String("quota")).toDouble());
    QCOMPARE(
        m_op->patch(path, QJsonObject {{QStringLiteral("quota"), 2147483648.0}}, version + 1).status, 200);
}

void TestServerApi::softDeleteAndRestore()
{
    const QString path = QStringLiteral("/api/v1/users/sales@xn--bckerei-acme-gcb.de");
    const int version = m_op->get(path).etag();
    auto deleted = m_op->del(path, version);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json().value(QLatin1String("status")).toString(), QStringLiteral("deleted"));
    QCOMPARE(m_op->get(path).status, 404);
    auto trash = m_op->get(QStringLiteral("/api/v1/users?status=deleted"));
    QCOMPARE(trash.json().value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(m_op->post(path + QStringLiteral("/restore")).status, 200);
    QCOMPARE(m_op->get(path).json().value(QLatin1String("status")).toString(), QStringLiteral("active"));

    // A domain: gone from lists and lookups, restorable for 30 days, then not.
    const QString domain = QStringLiteral("/api/v1/domains/xn--bckerei-acme-gcb.de");
    QCOMPARE(m_op->del(domain, m_op->get(domain).etag()).status, 200);
    QCOMPARE(m_op->get(domain).status, 404);
    QCOMPARE(m_op->get(path).status, 404);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/domains?deleted=true"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    auth::Clock::advanceForTesting(29 * 86400);
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    QCOMPARE(m_op->post(domain + QStringLiteral("/restore")).status, 200);
    QCOMPARE(m_op->get(path).status, 200);
    QCOMPARE(m_op->del(domain, m_op->get(domain).etag()).status, 200);
    auth::Clock::advanceForTesting(31 * 86400);
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    QCOMPARE(m_op->post(domain + QStringLiteral("/restore")).status, 404);
}

void TestServerApi::limitsAnswer422()
{
    const QString domains = QStringLiteral("/api/v1/companies/%1/domains").arg(m_company);
    auto d = m_op->post(domains,
        QJsonObject {{QStringLiteral("name"), QStringLiteral("limits.example")},
            {QStringLiteral("user_limit"), 2}, {QStringLiteral("quota_maximum"), 1073741824.0},
            {QStringLiteral("default_quota"), 536870912.0}});
    QCOMPARE(d.status, 201);
    const QString users = QStringLiteral("/api/v1/domains/limits.example/users");
    QCOMPARE(
        m_op->post(users, QJsonObject {{QStringLiteral("local_part"), QStringLiteral("a")}}).status, 201);
    auto big = m_op->post(users,
        QJsonObject {
            {QStringLiteral("local_part"), QStringLiteral("b")}, {QStringLiteral("quota"), 2147483648.0}});
    QCOMPARE(big.status, 422);
    QCOMPARE(big.fieldCode(QStringLiteral("quota")), QStringLiteral("over_limit"));
    QCOMPARE(
        m_op->post(users, QJsonObject {{QStringLiteral("local_part"), QStringLiteral("b")}}).status, 201);
    auto third = m_op->post(users, QJsonObject {{QStringLiteral("local_part"), QStringLiteral("c")}});
    QCOMPARE(third.status, 422);
    QCOMPARE(third.fieldCode(QStringLiteral("local_part")), QStringLiteral("limit_reached"));
    // A domain maximum above the company's, and a limit below what is in use.
    auto over = m_op->patch(QStringLiteral("/api/v1/domains/limits.example"),
        QJsonObject {{QStringLiteral("quota_maximum"), 1.0e13}}, 1);
    QCOMPARE(over.status, 422);
    QCOMPARE(over.fieldCode(QStringLiteral("quota_maximum")), QStringLiteral("over_limit"));
    auto below = m_op->patch(
        QStringLiteral("/api/v1/domains/limits.example"), QJsonObject {{QStringLiteral("user_limit"), 1}}, 1);
    QCOMPARE(below.status, 422);
    QCOMPARE(below.fieldCode(QStringLiteral("user_limit")), QStringLiteral("below_usage"));
    auto company = m_op->patch(QStringLiteral("/api/v1/companies/%1").arg(m_company),
        QJsonObject {{QStringLiteral("default_quota"), 1.0e12}, {QStringLiteral("quota_maximum"), 1.0e9}},
        m_op->get(QStringLiteral("/api/v1/companies/%1").arg(m_company)).etag());
    QCOMPARE(company.status, 422);
    QVERIFY(!company.fieldCode(QStringLiteral("default_quota")).isEmpty());
}

void TestServerApi::pagingSearchAndSort()
{
    const QString domains = QStringLiteral("/api/v1/companies/%1/domains").arg(m_company);
    QCOMPARE(
        m_op->post(domains, QJsonObject {{QStringLiteral("name"), QStringLiteral("paging.example")}}).status,
        201);
    const QString users = QStringLiteral("/api/v1/domains/paging.example/users");
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(m_op->post(users,
                         QJsonObject {{QStringLiteral("local_part"),
                                          QStringLiteral("user%1").arg(i, 2, 10, QLatin1Char('0'))},
                             {QStringLiteral("display_name"), QStringLiteral("Person %1").arg(25 - i)},
                             {QStringLiteral("type"),
                                 i % 5 == 0 ? QStringLiteral("filter") : QStringLiteral("mailbox")}})
                     .status,
            201);
    }
    auto page = m_op->get(users + QStringLiteral("?limit=10&offset=20"));
    QCOMPARE(page.json().value(QLatin1String("total")).toInt(), 25);
    QCOMPARE(page.items().size(), 5);
    QCOMPARE(page.items().first().toObject().value(QLatin1String("local_part")).toString(),
        QStringLiteral("user20"));
    auto desc = m_op->get(users + QStringLiteral("?sort=-address&limit=1"));
    QCOMPARE(desc.items().first().toObject().value(QLatin1String("local_part")).toString(),
        QStringLiteral("user24"));
    QCOMPARE(m_op->get(users + QStringLiteral("?q=USER1")).json().value(QLatin1String("total")).toInt(), 10);
    QCOMPARE(m_op->get(users + QStringLiteral("?q=*3*")).json().value(QLatin1String("total")).toInt(),
        6); // user03, user13, user23 and Person 3, 13, 23
    // Runs of three or more characters are looked up in the trigram index; the pattern still decides.
    const auto total = [&](const QString &query) {
        return m_op->get(users + QStringLiteral("?q=") + query).json().value(QLatin1String("total")).toInt();
    };
    QCOMPARE(total(QStringLiteral("*er1*")), 10); // user10 to user19
    QCOMPARE(total(QStringLiteral("*son 1*")), 11); // Person 1 and 10 to 19
    QCOMPARE(total(QStringLiteral("*user*2*")), 7); // user02, user12, user20 to user24
    QCOMPARE(total(QStringLiteral("*ging.exa*")), 25);
    QCOMPARE(total(QStringLiteral("*\"quoted\"*")), 0);
    const QString renamed = QStringLiteral("/api/v1/users/user15@paging.example");
    QCOMPARE(
        m_op->patch(renamed, QJsonObject {{QStringLiteral("display_name"), QStringLiteral("Zebra Quill")}},
                m_op->get(renamed).etag())
            .status,
        200);
    QCOMPARE(total(QStringLiteral("*bra qui*")), 1);
    QCOMPARE(total(QStringLiteral("*son 10*")), 0); // user15 was Person 10
    QCOMPARE(
        m_op->post(users,
                QJsonObject {{QStringLiteral("local_part"), QStringLiteral("desk")},
                    {QStringLiteral("display_name"), QStringLiteral("Ünïcode \U0001F600\U0001F600 Desk")}})
            .status,
        201);
    QCOMPARE(total(QStringLiteral("*ünïc*")), 1);
    // Two characters outside the BMP are four UTF-16 units but too short for a trigram: still found.
    QCOMPARE(total(QStringLiteral("*\U0001F600\U0001F600*")), 1);
    QCOMPARE(
        m_op->get(users + QStringLiteral("?q=person 2")).json().value(QLatin1String("total")).toInt(), 7);
    QCOMPARE(
        m_op->get(users + QStringLiteral("?type=filter")).json().value(QLatin1String("total")).toInt(), 5);
    auto bad = m_op->get(users + QStringLiteral("?limit=5000"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.fieldCode(QStringLiteral("limit")), QStringLiteral("out_of_range"));
    QCOMPARE(m_op->get(users + QStringLiteral("?sort=password")).status, 400);
    QCOMPARE(m_op->get(users + QStringLiteral("?colour=red")).status, 400);
    // The jump box: search every domain in scope by prefix.
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/users?q=user0&limit=3"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        10);
    QCOMPARE(
        m_op->get(QStringLiteral("/api/v1/domains?q=pag")).json().value(QLatin1String("total")).toInt(), 1);
}

void TestServerApi::passwordsAndSuspension()
{
    const QString path = QStringLiteral("/api/v1/users/user01@paging.example");
    auto weak = m_op->post(path + QStringLiteral("/password"),
        QJsonObject {{QStringLiteral("password"), QStringLiteral("user01")}});
    QCOMPARE(weak.status, 422);
    QVERIFY(weak.json().value(QLatin1String("errors")).toArray().size() >= 2);
    QCOMPARE(weak.fieldCode(QStringLiteral("password")), QStringLiteral("weak_password"));
    auto good = m_op->post(path + QStringLiteral("/password"),
        QJsonObject {{QStringLiteral("password"), QStringLiteral("Green-Owl-77-lake")}});
    QCOMPARE(good.status, 200);
    QCOMPARE(good.json().value(QLatin1String("password_set")).toBool(), true);
    QCOMPARE(m_op->post(path + QStringLiteral("/suspend")).json().value(QLatin1String("status")).toString(),
        QStringLiteral("suspended"));
    QCOMPARE(m_op->post(path + QStringLiteral("/suspend")).status, 409);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/domains/paging.example/users?status=suspended"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        1);
    QCOMPARE(m_op->post(path + QStringLiteral("/unsuspend")).json().value(QLatin1String("status")).toString(),
        QStringLiteral("active"));
}

void TestServerApi::brandsAndLogos()
{
    auto brand = m_op->post(QStringLiteral("/api/v1/brands"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Acme Mail")},
            {QStringLiteral("company_id"), double(m_company)},
            {QStringLiteral("primary_colour"), QStringLiteral("#1A73E8")},
            {QStringLiteral("logo"), QString::fromLatin1(tinySvg().toBase64())}});
    QCOMPARE(brand.status, 201);
    QCOMPARE(brand.json().value(QLatin1String("logo_type")).toString(), QStringLiteral("image/svg+xml"));
    QCOMPARE(brand.json().value(QLatin1String("primary_colour")).toString(), QStringLiteral("#1a73e8"));
    const qint64 id = qint64(brand.json().value(QLatin1String("id")).toDouble());
    const QString path = QStringLiteral("/api/v1/brands/%1").arg(id);
    auto logo = m_op->get(path + QStringLiteral("/logo"));
    QCOMPARE(logo.status, 200);
    QCOMPARE(logo.body, tinySvg());
    QCOMPARE(logo.header("Content-Type"), QByteArray("image/svg+xml"));
    auto bad = m_op->patch(path,
        QJsonObject {{QStringLiteral("logo"), QString::fromLatin1(QByteArray("GIF89a....").toBase64())}}, 1);
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.fieldCode(QStringLiteral("logo")), QStringLiteral("invalid_image"));
    auto huge = m_op->patch(path,
        QJsonObject {{QStringLiteral("logo"), QString::fromLatin1(QByteArray(300 * 1024, 'x').toBase64())}},
        1);
    QCOMPARE(huge.status, 422);
    QCOMPARE(huge.fieldCode(QStringLiteral("logo")), QStringLiteral("too_large"));
    // Assigned brands cannot be deleted.
    const QString domain = QStringLiteral("/api/v1/domains/paging.example");
    QCOMPARE(
        m_op->patch(domain, QJsonObject {{QStringLiteral("brand_id"), double(id)}}, m_op->get(domain).etag())
            .status,
        200);
    QCOMPARE(m_op->del(path, 1).status, 409);
    QCOMPARE(m_op->patch(domain, QJsonObject {{QStringLiteral("brand_id"), QJsonValue::Null}},
                     m_op->get(domain).etag())
                 .status,
        200);
    QCOMPARE(m_op->del(path, 1).status, 204);
    auto missing = m_op->patch(
        domain, QJsonObject {{QStringLiteral("brand_id"), double(id)}}, m_op->get(domain).etag());
    QCOMPARE(missing.status, 422);
    QCOMPARE(missing.fieldCode(QStringLiteral("brand_id")), QStringLiteral("not_found"));
}

void TestServerApi::adminsAndRoles()
{
    auto admin = m_op->post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("boss@acme")},
            {QStringLiteral("role"), QStringLiteral("company_admin")},
            {QStringLiteral("company_id"), double(m_company)}});
    QCOMPARE(admin.status, 201);
    const QString password = admin.json().value(QLatin1String("password")).toString();
    QVERIFY(password.size() >= 16);
    const qint64 id = qint64(admin.json().value(QLatin1String("id")).toDouble());
    HttpClient boss = m_server->client();
    QCOMPARE(boss.signIn(QStringLiteral("boss@acme"), password), 201);
    QCOMPARE(boss.get(QStringLiteral("/api/v1/me")).json().value(QLatin1String("company_name")).toString(),
        QStringLiteral("Acme Hosting"));
    // A company admin cannot mint operators.
    auto escalate = boss.post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("evil")},
            {QStringLiteral("role"), QStringLiteral("operator")}});
    QCOMPARE(escalate.status, 422);
    QCOMPARE(escalate.fieldCode(QStringLiteral("role")), QStringLiteral("not_allowed"));
    // A domain admin sees only the listed domains.
    auto scoped = boss.post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("paging-admin")},
            {QStringLiteral("role"), QStringLiteral("domain_admin")},
            {QStringLiteral("domains"), QJsonArray {QStringLiteral("paging.example")}},
            {QStringLiteral("password"), QStringLiteral("Quiet-Fox-19-hill")}});
    QCOMPARE(scoped.status, 201);
    HttpClient da = m_server->client();
    QCOMPARE(da.signIn(QStringLiteral("paging-admin"), QStringLiteral("Quiet-Fox-19-hill")), 201);
    QCOMPARE(da.get(QStringLiteral("/api/v1/domains")).json().value(QLatin1String("total")).toInt(), 1);
    QCOMPARE(da.get(QStringLiteral("/api/v1/domains/limits.example")).status, 404);
    QCOMPARE(da.get(QStringLiteral("/api/v1/users/a@limits.example")).status, 404);
    QCOMPARE(da.get(QStringLiteral("/api/v1/users/user02@paging.example")).status, 200);
    // Disabling ends the admin's sessions at once.
    QCOMPARE(m_op->patch(QStringLiteral("/api/v1/admins/%1").arg(id),
                     QJsonObject {{QStringLiteral("disabled"), true}}, 1)
                 .status,
        200);
    QCOMPARE(boss.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(boss.signIn(QStringLiteral("boss@acme"), password), 401);
    // A reset password is shown once and works.
    QCOMPARE(m_op->patch(QStringLiteral("/api/v1/admins/%1").arg(id),
                     QJsonObject {{QStringLiteral("disabled"), false}}, 2)
                 .status,
        200);
    auto reset = m_op->post(QStringLiteral("/api/v1/admins/%1/password").arg(id));
    QCOMPARE(reset.status, 200);
    QCOMPARE(
        boss.signIn(QStringLiteral("boss@acme"), reset.json().value(QLatin1String("password")).toString()),
        201);
}

void TestServerApi::auditRecordsChanges()
{
    auto entries = m_op->get(
        QStringLiteral("/api/v1/audit?object_type=user&object_id=anna.berg@xn--bckerei-acme-gcb.de"));
    QCOMPARE(entries.status, 200);
    const QJsonArray items = entries.items();
    QVERIFY(items.size() >= 3);
    bool sawQuota = false;
    for (const QJsonValue &v : items) {
        const QJsonObject e = v.toObject();
        QCOMPARE(e.value(QLatin1String("actor")).toString(), kOpLogin);
        const QJsonObject quota
            = e.value(QLatin1String("changes")).toObject().value(QLatin1String("quota")).toObject();
        if (e.value(QLatin1String("action")).toString() == QLatin1String("update") && !quota.isEmpty()) {
            QCOMPARE(quota.value(QLatin1String("after")).toDouble(), 2147483648.0);
            QVERIFY(quota.contains(QLatin1String("before")));
            sawQuota = true;
        }
    }
    QVERIFY(sawQuota);
    // Newest first, and the time filter works.
    QVERIFY(items.first().toObject().value(QLatin1String("at")).toString()
        >= items.last().toObject().value(QLatin1String("at")).toString());
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/audit?from=2999-01-01T00:00:00Z"))
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
        0);
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/audit?from=yesterday")).status, 400);
    QVERIFY(m_op->get(QStringLiteral("/api/v1/audit?actor=root&action=create"))
                .json()
                .value(QLatin1String("total"))
                .toInt()
        > 5);
}

void TestServerApi::transportErrors()
{
    const QString companies = QStringLiteral("/api/v1/companies");
    auto wrongType
        = m_op->raw(QStringLiteral("POST"), companies, "name=x", "application/x-www-form-urlencoded");
    QCOMPARE(wrongType.status, 415);
    auto broken = m_op->raw(QStringLiteral("POST"), companies, "{\"name\": ", "application/json");
    QCOMPARE(broken.status, 400);
    QCOMPARE(broken.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(broken.json().value(QLatin1String("status")).toInt(), 400);
    QVERIFY(broken.json()
                .value(QLatin1String("type"))
                .toString()
                .startsWith(QLatin1String("urn:mailadmin:problem:")));
    auto array = m_op->raw(QStringLiteral("POST"), companies, "[1,2]", "application/json");
    QCOMPARE(array.status, 400);
    auto method = m_op->raw(QStringLiteral("PUT"), companies, "{}", "application/json");
    QCOMPARE(method.status, 405);
    QCOMPARE(method.header("Allow"), QByteArray("GET, POST, HEAD"));
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/nothing-here")).status, 404);
    auto huge
        = m_op->raw(QStringLiteral("POST"), companies, QByteArray(9 * 1024 * 1024, ' '), "application/json");
    QCOMPARE(huge.status, 413);
    QCOMPARE(m_op->raw(QStringLiteral("PATCH"), QStringLiteral("/api/v1/companies/%1").arg(m_company), "{}",
                     "application/json", {{"If-Match", "yesterday"}})
                 .status,
        400);
}

void TestServerApi::listRowsMatchSingleObjects()
{
    // User lists are written straight to JSON text; they must say exactly what the single-object answers say.
    const QString users = QStringLiteral("/api/v1/domains/paging.example/users");
    QCOMPARE(m_op->post(users,
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("tricky")},
                         {QStringLiteral("display_name"), QStringLiteral("Zoë \"Q\" \\ Back/slash ✓")},
                         {QStringLiteral("notes"), QStringLiteral("line one\nline\ttwo")},
                         {QStringLiteral("aliases"), QJsonArray {QStringLiteral("tr@paging.example")}}})
                 .status,
        201);
    const auto list = m_op->get(users + QStringLiteral("?limit=1000"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.items().size(), list.json().value(QLatin1String("total")).toInt());
    for (const QJsonValue &v : list.items()) {
        const QJsonObject row = v.toObject();
        const QJsonObject single
            = m_op->get(QStringLiteral("/api/v1/users/") + row.value(QLatin1String("address")).toString())
                  .json();
        QCOMPARE(row, single);
    }
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_server_api.moc"
