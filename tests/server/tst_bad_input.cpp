#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Bad requests across the routes: each gets the right status and field error, and nothing stored changes
// (a digest of every directory table is the same before and after).
class TestBadInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rejected_data();
    void rejected();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
};

namespace {
const QString kCompany = QStringLiteral("/api/v1/companies/1");
const QString kDomain = QStringLiteral("/api/v1/domains/shop.example");
const QString kUsers = QStringLiteral("/api/v1/domains/shop.example/users");
const QString kUser = QStringLiteral("/api/v1/users/anna@shop.example");
const QString kContacts = QStringLiteral("/api/v1/companies/1/contacts");
const QString kBrands = QStringLiteral("/api/v1/brands");
const QString kBrand = QStringLiteral("/api/v1/brands/1");
const QString kAdmins = QStringLiteral("/api/v1/admins");

QByteArray j(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QJsonObject user(const QString &key, const QJsonValue &value)
{
    return QJsonObject {{QStringLiteral("local_part"), QStringLiteral("new.user")}, {key, value}};
}
QJsonObject contact(const QString &key, const QJsonValue &value)
{
    QJsonObject o {{QStringLiteral("type"), QStringLiteral("abuse")},
        {QStringLiteral("name"), QStringLiteral("Abuse desk")},
        {QStringLiteral("email"), QStringLiteral("abuse@shop.example")}};
    o.insert(key, value);
    return o;
}
QJsonObject brand(const QString &key, const QJsonValue &value)
{
    QJsonObject o {{QStringLiteral("name"), QStringLiteral("Another")}, {QStringLiteral("company_id"), 1}};
    o.insert(key, value);
    return o;
}
} // namespace

void TestBadInput::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("Shop Co")}})
                 .status,
        201);
    QCOMPARE(m_op->post(kCompany + QStringLiteral("/domains"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("shop.example")},
                         {QStringLiteral("quota_maximum"), 10737418240.0}})
                 .status,
        201);
    QCOMPARE(
        m_op->post(kUsers, QJsonObject {{QStringLiteral("local_part"), QStringLiteral("anna")}}).status, 201);
    QCOMPARE(m_op->post(kContacts, contact(QStringLiteral("notes"), QString())).status, 201);
    QCOMPARE(m_op->post(kBrands,
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("Shop Mail")},
                         {QStringLiteral("company_id"), 1}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/bulletins"),
                     QJsonObject {{QStringLiteral("company_id"), 1},
                         {QStringLiteral("name"), QStringLiteral("News")},
                         {QStringLiteral("type"), QStringLiteral("manual")},
                         {QStringLiteral("text"), QStringLiteral("Subject: News\n\nHello {name}\n")}})
                 .status,
        201);
}

void TestBadInput::cleanupTestCase()
{
    m_op.reset();
    m_server.reset();
}

void TestBadInput::rejected_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("ifMatch");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    const QString post = QStringLiteral("POST"), patch = QStringLiteral("PATCH"), get = QStringLiteral("GET");
    const auto row = [&](const char *name, const QString &m, const QString &p, const QByteArray &b, int v,
                         int s, const char *f, const char *c) {
        QTest::newRow(name) << m << p << b << v << s << QString::fromLatin1(f) << QString::fromLatin1(c);
    };
    const QString domains = kCompany + QStringLiteral("/domains");
    const auto dom = [](const QJsonValue &name) { return j(QJsonObject {{QStringLiteral("name"), name}}); };

    // Domain names.
    row("domain: single label", post, domains, dom(QStringLiteral("localhost")), 0, 422, "name", "invalid");
    row("domain: underscore", post, domains, dom(QStringLiteral("my_shop.example")), 0, 422, "name",
        "invalid");
    row("domain: leading hyphen", post, domains, dom(QStringLiteral("-shop.example")), 0, 422, "name",
        "invalid");
    row("domain: empty label", post, domains, dom(QStringLiteral("shop..example")), 0, 422, "name",
        "invalid");
    row("domain: numeric tld", post, domains, dom(QStringLiteral("shop.123")), 0, 422, "name", "invalid");
    row("domain: long label", post, domains,
        dom(QString(QString(64, QLatin1Char('a')) + QStringLiteral(".example"))), 0, 422, "name", "invalid");
    row("domain: space", post, domains, dom(QStringLiteral("my shop.example")), 0, 422, "name", "invalid");
    row("domain: empty", post, domains, dom(QString()), 0, 422, "name", "required");
    row("domain: number", post, domains, dom(42), 0, 422, "name", "type");
    row("domain: missing", post, domains, "{}", 0, 422, "name", "required");
    row("domain: control char", post, domains, dom(QStringLiteral("sh\u0007op.example")), 0, 422, "name",
        "invalid");
    row("domain: alias invalid", post, domains,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("ok.example")},
            {QStringLiteral("aliases"), QJsonArray {QStringLiteral("bad_alias")}}}),
        0, 422, "aliases[0]", "invalid");
    row("domain: alias of itself", post, domains,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("ok.example")},
            {QStringLiteral("aliases"), QJsonArray {QStringLiteral("OK.example")}}}),
        0, 422, "aliases[0]", "duplicate");
    row("domain: aliases not a list", post, domains,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("ok.example")},
            {QStringLiteral("aliases"), QStringLiteral("a.example")}}),
        0, 422, "aliases", "type");
    row("domain: rename", patch, kDomain,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("other.example")}}), 1, 422, "name",
        "read_only");
    row("domain: negative limit", patch, kDomain, j(QJsonObject {{QStringLiteral("user_limit"), -5}}), 1, 422,
        "user_limit", "out_of_range");
    row("domain: disabled as string", patch, kDomain,
        j(QJsonObject {{QStringLiteral("disabled"), QStringLiteral("yes")}}), 1, 422, "disabled", "type");
    row("domain: default over max", patch, kDomain,
        j(QJsonObject {{QStringLiteral("default_quota"), 2.0e10}}), 1, 422, "default_quota", "over_limit");
    row("domain: unknown field", patch, kDomain,
        j(QJsonObject {{QStringLiteral("colour"), QStringLiteral("red")}}), 1, 422, "colour",
        "unknown_field");
    row("domain: user_count read-only", patch, kDomain, j(QJsonObject {{QStringLiteral("user_count"), 3}}), 1,
        422, "user_count", "read_only");

    // Users: local parts, addresses, quotas, types, lists.
    row("user: local leading dot", post, kUsers,
        j(user(QStringLiteral("local_part"), QStringLiteral(".anna"))), 0, 422, "local_part", "invalid");
    row("user: local double dot", post, kUsers,
        j(user(QStringLiteral("local_part"), QStringLiteral("an..na"))), 0, 422, "local_part", "invalid");
    row("user: local space", post, kUsers, j(user(QStringLiteral("local_part"), QStringLiteral("an na"))), 0,
        422, "local_part", "invalid");
    row("user: local unicode", post, kUsers, j(user(QStringLiteral("local_part"), QStringLiteral("jürgen"))),
        0, 422, "local_part", "invalid");
    row("user: local too long", post, kUsers,
        j(user(QStringLiteral("local_part"), QString(65, QLatin1Char('a')))), 0, 422, "local_part",
        "too_long");
    row("user: local with at", post, kUsers, j(user(QStringLiteral("local_part"), QStringLiteral("a@b"))), 0,
        422, "local_part", "invalid");
    row("user: bad type", post, kUsers, j(user(QStringLiteral("type"), QStringLiteral("robot"))), 0, 422,
        "type", "invalid_choice");
    row("user: quota string", post, kUsers, j(user(QStringLiteral("quota"), QStringLiteral("1GB"))), 0, 422,
        "quota", "type");
    row("user: quota fraction", post, kUsers, j(user(QStringLiteral("quota"), 1.5)), 0, 422, "quota", "type");
    row("user: quota negative", post, kUsers, j(user(QStringLiteral("quota"), -1)), 0, 422, "quota",
        "out_of_range");
    row("user: quota over domain max", post, kUsers, j(user(QStringLiteral("quota"), 2.0e10)), 0, 422,
        "quota", "over_limit");
    row("user: quota absurd", post, kUsers, j(user(QStringLiteral("quota"), 1.0e18)), 0, 422, "quota",
        "out_of_range");
    row("user: forward bad email", post, kUsers,
        j(user(QStringLiteral("forward_recipients"), QJsonArray {QStringLiteral("not-an-email")})), 0, 422,
        "forward_recipients[0]", "invalid");
    row("user: forward to self", post, kUsers,
        j(user(QStringLiteral("forward_recipients"), QJsonArray {QStringLiteral("new.user@shop.example")})),
        0, 422, "forward_recipients[0]", "loop");
    row("user: forward number", post, kUsers, j(user(QStringLiteral("forward_recipients"), QJsonArray {5})),
        0, 422, "forward_recipients[0]", "type");
    row("user: alias other domain", post, kUsers,
        j(user(QStringLiteral("aliases"), QJsonArray {QStringLiteral("x@elsewhere.example")})), 0, 422,
        "aliases[0]", "wrong_domain");
    row("user: alias taken", post, kUsers,
        j(user(QStringLiteral("aliases"), QJsonArray {QStringLiteral("anna@shop.example")})), 0, 422,
        "aliases[0]", "taken");
    row("user: service bad state", post, kUsers,
        j(user(QStringLiteral("services"), QJsonObject {{QStringLiteral("imap"), QStringLiteral("on")}})), 0,
        422, "services.imap", "invalid_choice");
    row("user: service unknown", post, kUsers,
        j(user(QStringLiteral("services"), QJsonObject {{QStringLiteral("ftp"), QStringLiteral("enabled")}})),
        0, 422, "services.ftp", "unknown_field");
    row("user: services array", post, kUsers, j(user(QStringLiteral("services"), QJsonArray {})), 0, 422,
        "services", "type");
    row("user: name control char", post, kUsers,
        j(user(QStringLiteral("display_name"), QStringLiteral("Anna\u0000B"))), 0, 422, "display_name",
        "control_characters");
    row("user: name newline", post, kUsers,
        j(user(QStringLiteral("display_name"), QStringLiteral("Anna\nB"))), 0, 422, "display_name",
        "control_characters");
    row("user: name too long", post, kUsers,
        j(user(QStringLiteral("display_name"), QString(300, QLatin1Char('n')))), 0, 422, "display_name",
        "too_long");
    row("user: weak password", post, kUsers, j(user(QStringLiteral("password"), QStringLiteral("abc"))), 0,
        422, "password", "weak_password");
    row("user: status read-only", patch, kUser,
        j(QJsonObject {{QStringLiteral("status"), QStringLiteral("active")}}), 1, 422, "status", "read_only");
    row("user: address read-only", patch, kUser,
        j(QJsonObject {{QStringLiteral("address"), QStringLiteral("b@shop.example")}}), 1, 422, "address",
        "read_only");
    row("user: type fixed", patch, kUser,
        j(QJsonObject {{QStringLiteral("type"), QStringLiteral("forward")}}), 1, 422, "type", "read_only");
    row("user: brand missing", patch, kUser, j(QJsonObject {{QStringLiteral("brand_id"), 999}}), 1, 422,
        "brand_id", "not_found");
    row("user: brand string", patch, kUser,
        j(QJsonObject {{QStringLiteral("brand_id"), QStringLiteral("1")}}), 1, 422, "brand_id", "type");
    row("user: notes bad control", patch, kUser,
        j(QJsonObject {{QStringLiteral("notes"), QStringLiteral("a\u001bb")}}), 1, 422, "notes",
        "control_characters");
    row("user: too many forwards", patch, kUser,
        j(QJsonObject {{QStringLiteral("forward_recipients"),
            [] {
                QJsonArray a;
                for (int i = 0; i < 101; ++i)
                    a.append(QStringLiteral("f%1@example.net").arg(i));
                return a;
            }()}}),
        1, 422, "forward_recipients", "too_many");
    row("user: password not string", post, kUser + QStringLiteral("/password"),
        j(QJsonObject {{QStringLiteral("password"), 12345678}}), 0, 422, "password", "type");
    row("user: password missing", post, kUser + QStringLiteral("/password"), "{}", 0, 422, "password",
        "required");
    row("user: password extra field", post, kUser + QStringLiteral("/password"),
        j(QJsonObject {{QStringLiteral("password"), QStringLiteral("Green-Owl-77-lake")},
            {QStringLiteral("hint"), QStringLiteral("x")}}),
        0, 422, "hint", "unknown_field");

    // Contacts: e-mail addresses, phone numbers, types, lengths.
    row("contact: bad type", post, kContacts, j(contact(QStringLiteral("type"), QStringLiteral("sales"))), 0,
        422, "type", "invalid_choice");
    row("contact: bad email", post, kContacts,
        j(contact(QStringLiteral("email"), QStringLiteral("abuse at shop"))), 0, 422, "email", "invalid");
    row("contact: email no domain", post, kContacts,
        j(contact(QStringLiteral("email"), QStringLiteral("abuse@"))), 0, 422, "email", "invalid");
    row("contact: phone letters", post, kContacts,
        j(contact(QStringLiteral("phone"), QStringLiteral("call me"))), 0, 422, "phone", "invalid");
    row("contact: phone short", post, kContacts, j(contact(QStringLiteral("phone"), QStringLiteral("12"))), 0,
        422, "phone", "invalid");
    row("contact: name too long", post, kContacts,
        j(contact(QStringLiteral("name"), QString(129, QLatin1Char('x')))), 0, 422, "name", "too_long");
    row("contact: notes too long", post, kContacts,
        j(contact(QStringLiteral("notes"), QString(1025, QLatin1Char('x')))), 0, 422, "notes", "too_long");
    row("contact: name empty", post, kContacts, j(contact(QStringLiteral("name"), QStringLiteral("  "))), 0,
        422, "name", "required");

    // Brands: colours, URLs, e-mail, logos.
    row("brand: colour name", post, kBrands,
        j(brand(QStringLiteral("primary_colour"), QStringLiteral("red"))), 0, 422, "primary_colour",
        "invalid");
    row("brand: colour short", post, kBrands,
        j(brand(QStringLiteral("accent_colour"), QStringLiteral("#abc"))), 0, 422, "accent_colour",
        "invalid");
    row("brand: url scheme", post, kBrands,
        j(brand(QStringLiteral("support_url"), QStringLiteral("javascript:alert(1)"))), 0, 422, "support_url",
        "invalid");
    row("brand: url relative", post, kBrands,
        j(brand(QStringLiteral("support_url"), QStringLiteral("/help"))), 0, 422, "support_url", "invalid");
    row("brand: url credentials", post, kBrands,
        j(brand(QStringLiteral("support_url"), QStringLiteral("https://u:p@example.com"))), 0, 422,
        "support_url", "invalid");
    row("brand: support email", post, kBrands,
        j(brand(QStringLiteral("support_email"), QStringLiteral("help"))), 0, 422, "support_email",
        "invalid");
    row("brand: logo not base64", post, kBrands, j(brand(QStringLiteral("logo"), QStringLiteral("@@@"))), 0,
        422, "logo", "invalid");
    row("brand: logo gif", post, kBrands,
        j(brand(
            QStringLiteral("logo"), QString::fromLatin1(QByteArray("GIF89a\x01\x00\x01\x00").toBase64()))),
        0, 422, "logo", "invalid_image");
    row("brand: logo script svg", post, kBrands,
        j(brand(QStringLiteral("logo"),
            QString::fromLatin1(
                QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>").toBase64()))),
        0, 422, "logo", "invalid_image");
    row("brand: duplicate name", post, kBrands,
        j(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("SHOP MAIL")}, {QStringLiteral("company_id"), 1}}),
        0, 409, "", "");
    row("brand: message too long", patch, kBrand,
        j(QJsonObject {{QStringLiteral("login_message"), QString(2001, QLatin1Char('m'))}}), 1, 422,
        "login_message", "too_long");

    // Companies and admins.
    row("company: send limit high", patch, kCompany,
        j(QJsonObject {{QStringLiteral("smtp_send_limit"), 10001}}), 1, 422, "smtp_send_limit",
        "out_of_range");
    row("company: service map value", patch, kCompany,
        j(QJsonObject {{QStringLiteral("service_defaults"), QJsonObject {{QStringLiteral("pop"), true}}}}), 1,
        422, "service_defaults.pop", "invalid_choice");
    row("company: name taken", post, QStringLiteral("/api/v1/companies"),
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("shop co")}}), 0, 409, "", "");
    row("admin: bad login", post, kAdmins,
        j(QJsonObject {{QStringLiteral("login"), QStringLiteral("a b")},
            {QStringLiteral("role"), QStringLiteral("support")}, {QStringLiteral("company_id"), 1}}),
        0, 422, "login", "invalid");
    row("admin: bad role", post, kAdmins,
        j(QJsonObject {{QStringLiteral("login"), QStringLiteral("ab1")},
            {QStringLiteral("role"), QStringLiteral("king")}}),
        0, 422, "role", "invalid_choice");
    row("admin: company role without company", post, kAdmins,
        j(QJsonObject {{QStringLiteral("login"), QStringLiteral("ab1")},
            {QStringLiteral("role"), QStringLiteral("support")}}),
        0, 422, "company_id", "required");
    row("admin: domain of nowhere", post, kAdmins,
        j(QJsonObject {{QStringLiteral("login"), QStringLiteral("ab1")},
            {QStringLiteral("role"), QStringLiteral("domain_admin")}, {QStringLiteral("company_id"), 1},
            {QStringLiteral("domains"), QJsonArray {QStringLiteral("nowhere.example")}}}),
        0, 422, "domains[0]", "not_found");

    // Clusters, mail stores, moves and incidents.
    const QString clusters = QStringLiteral("/api/v1/clusters");
    const QString stores = QStringLiteral("/api/v1/mail-stores");
    const QString incidents = QStringLiteral("/api/v1/incidents");
    const auto outage = [](const QString &key, const QJsonValue &value) {
        QJsonObject o {{QStringLiteral("kind"), QStringLiteral("outage")},
            {QStringLiteral("title"), QStringLiteral("Down")},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
            {QStringLiteral("stores"), QJsonArray {1}}};
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return j(o);
    };
    row("cluster: empty name", post, clusters, j(QJsonObject {{QStringLiteral("name"), QString()}}), 0, 422,
        "name", "required");
    row("cluster: unknown field", post, clusters,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("C")}, {QStringLiteral("store_count"), 3}}), 0,
        422, "store_count", "read_only");
    row("cluster: name taken", post, clusters,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("DEFAULT")}}), 0, 409, "", "");
    row("store: no cluster", post, stores, j(QJsonObject {{QStringLiteral("name"), QStringLiteral("s9")}}), 0,
        422, "cluster_id", "required");
    row("store: unknown cluster", post, stores,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("s9")}, {QStringLiteral("cluster_id"), 999}}),
        0, 422, "cluster_id", "not_found");
    row("store: bad service", post, stores,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("s9")}, {QStringLiteral("cluster_id"), 1},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("ftp")}}}),
        0, 422, "services[0]", "invalid_choice");
    row("store: services twice", post, stores,
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("s9")}, {QStringLiteral("cluster_id"), 1},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap"), QStringLiteral("imap")}}}),
        0, 422, "services[1]", "duplicate");
    row("store: delete while in use", QStringLiteral("DELETE"), stores + QStringLiteral("/1"), {}, 1, 409, "",
        "");
    row("cluster: delete while in use", QStringLiteral("DELETE"), clusters + QStringLiteral("/1"), {}, 1, 409,
        "", "");
    row("move: no store", post, kUser + QStringLiteral("/move"), "{}", 0, 422, "store_id", "required");
    row("move: store as text", post, kUser + QStringLiteral("/move"),
        j(QJsonObject {{QStringLiteral("store_id"), QStringLiteral("a2")}}), 0, 422, "store_id", "type");
    row("move: unknown store", post, kUser + QStringLiteral("/move"),
        j(QJsonObject {{QStringLiteral("store_id"), 999}}), 0, 422, "store_id", "not_in_cluster");
    row("domain: cluster unknown", post, domains,
        j(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("new.example")}, {QStringLiteral("cluster_id"), 999}}),
        0, 422, "cluster_id", "not_found");
    row("contact: bad notice kind", post, kContacts,
        j(contact(QStringLiteral("notice_kinds"), QJsonArray {QStringLiteral("newsletter")})), 0, 422,
        "notice_kinds[0]", "invalid_choice");
    row("contact: notice kinds not a list", post, kContacts,
        j(contact(QStringLiteral("notice_kinds"), QStringLiteral("outage"))), 0, 422, "notice_kinds", "type");
    row("incident: no kind", post, incidents, outage(QStringLiteral("kind"), QJsonValue::Undefined), 0, 422,
        "kind", "required");
    row("incident: bad kind", post, incidents, outage(QStringLiteral("kind"), QStringLiteral("fire")), 0, 422,
        "kind", "invalid_choice");
    row("incident: no title", post, incidents, outage(QStringLiteral("title"), QString()), 0, 422, "title",
        "required");
    row("incident: no services", post, incidents, outage(QStringLiteral("services"), QJsonArray()), 0, 422,
        "services", "required");
    row("incident: bad service", post, incidents,
        outage(QStringLiteral("services"), QJsonArray {QStringLiteral("smtp")}), 0, 422, "services[0]",
        "invalid_choice");
    row("incident: nothing affected", post, incidents, outage(QStringLiteral("stores"), QJsonArray()), 0, 422,
        "stores", "required");
    row("incident: store not a number", post, incidents,
        outage(QStringLiteral("stores"), QJsonArray {QStringLiteral("a2")}), 0, 422, "stores[0]", "type");
    row("incident: unknown store", post, incidents, outage(QStringLiteral("stores"), QJsonArray {999}), 0,
        422, "stores[0]", "not_found");
    row("incident: unknown cluster", post, incidents, outage(QStringLiteral("clusters"), QJsonArray {999}), 0,
        422, "clusters[0]", "not_found");
    row("incident: unknown company", post, incidents, outage(QStringLiteral("companies"), QJsonArray {999}),
        0, 422, "companies[0]", "not_found");
    row("incident: bad severity", post, incidents, outage(QStringLiteral("severity"), QStringLiteral("huge")),
        0, 422, "severity", "invalid_choice");
    row("incident: bad start", post, incidents, outage(QStringLiteral("starts_at"), QStringLiteral("soon")),
        0, 422, "starts_at", "invalid");
    row("incident: reminder too long", post, incidents,
        outage(QStringLiteral("remind_before_minutes"), 100000), 0, 422, "remind_before_minutes",
        "out_of_range");
    row("incident: status is read-only", post, incidents,
        outage(QStringLiteral("status"), QStringLiteral("resolved")), 0, 422, "status", "read_only");
    row("incident preview: bad kind", post, incidents + QStringLiteral("/preview"),
        outage(QStringLiteral("kind"), QStringLiteral("fire")), 0, 422, "kind", "invalid_choice");
    row("incident update: unknown incident", post, incidents + QStringLiteral("/999/updates"),
        j(QJsonObject {{QStringLiteral("body"), QStringLiteral("x")}}), 0, 404, "", "");
    row("incident list: bad status", get, incidents + QStringLiteral("?status=burning"), {}, 0, 400, "status",
        "invalid_choice");
    row("incident deliveries: bad state", get, incidents + QStringLiteral("/1/deliveries?state=lost"), {}, 0,
        404, "", "");

    // Bulletins.
    const QString bulletins = QStringLiteral("/api/v1/bulletins");
    const auto bulletin = [](const QString &text) {
        return j(
            QJsonObject {{QStringLiteral("company_id"), 1}, {QStringLiteral("name"), QStringLiteral("B")},
                {QStringLiteral("type"), QStringLiteral("manual")}, {QStringLiteral("text"), text}});
    };
    row("bulletin: no headers", post, bulletins, bulletin(QStringLiteral("just text")), 0, 422, "text",
        "invalid_message");
    row("bulletin: bad header line", post, bulletins,
        bulletin(QStringLiteral("Subject: x\nno colon\n\nbody")), 0, 422, "text", "invalid_header");
    row("bulletin: no subject", post, bulletins, bulletin(QStringLiteral("From: a@b.example\n\nbody")), 0,
        422, "text", "no_subject");
    row("bulletin: no body", post, bulletins, bulletin(QStringLiteral("Subject: x\n\n")), 0, 422, "text",
        "no_body");
    row("bulletin: unknown placeholder", post, bulletins, bulletin(QStringLiteral("Subject: {user}\n\nbody")),
        0, 422, "text", "unknown_placeholder");
    row("bulletin: duplicate name", post, bulletins,
        j(QJsonObject {{QStringLiteral("company_id"), 1}, {QStringLiteral("name"), QStringLiteral("news")},
            {QStringLiteral("type"), QStringLiteral("manual")},
            {QStringLiteral("text"), QStringLiteral("Subject: x\n\nbody")}}),
        0, 409, "", "");
    row("bulletin post: bad target", post, bulletins + QStringLiteral("/1/posts"),
        j(QJsonObject {{QStringLiteral("target"), QStringLiteral("everyone")}}), 0, 422, "target",
        "invalid_choice");
    row("bulletin post: unknown incident", post, bulletins + QStringLiteral("/1/posts"),
        j(QJsonObject {
            {QStringLiteral("target"), QStringLiteral("incident")}, {QStringLiteral("incident_id"), 99}}),
        0, 422, "incident_id", "not_found");
    row("bulletin test: bad address", post, bulletins + QStringLiteral("/1/test"),
        j(QJsonObject {{QStringLiteral("address"), QStringLiteral("nobody")}}), 0, 422, "address", "invalid");
    row("bulletin patch: stale version", patch, bulletins + QStringLiteral("/1"),
        j(QJsonObject {{QStringLiteral("name"), QStringLiteral("Other")}}), 7, 412, "", "");
    row("bulletin deliveries: bad state", get, bulletins + QStringLiteral("/1/deliveries?state=lost"), {}, 0,
        400, "state", "invalid_choice");

    // Transport-level mistakes change nothing either.
    row("json: truncated", post, kUsers, "{\"local_part\": ", 0, 400, "", "");
    row("json: array body", post, kUsers, "[]", 0, 400, "", "");
    row("json: not utf-8 object", post, kUsers, "\xff\xfe{}", 0, 400, "", "");
    row("patch without If-Match", patch, kUser, j(QJsonObject {{QStringLiteral("quota"), 1}}), 0, 428, "",
        "");
    row("patch with stale If-Match", patch, kUser, j(QJsonObject {{QStringLiteral("quota"), 1048576}}), 7,
        412, "", "");
    row("list: limit zero", get, kUsers + QStringLiteral("?limit=0"), {}, 0, 400, "limit", "out_of_range");
    row("list: offset negative", get, kUsers + QStringLiteral("?offset=-1"), {}, 0, 400, "offset",
        "out_of_range");
    row("list: bad status", get, kUsers + QStringLiteral("?status=gone"), {}, 0, 400, "status",
        "invalid_choice");
    row("list: bad sort", get, kUsers + QStringLiteral("?sort=password_hash"), {}, 0, 400, "sort",
        "invalid_choice");
}

void TestBadInput::rejected()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, ifMatch);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, code);
    const QByteArray before = m_server->digest();
    QList<QPair<QByteArray, QByteArray>> headers;
    if (ifMatch > 0)
        headers.append({"If-Match", '"' + QByteArray::number(ifMatch) + '"'});
    const HttpClient::Reply reply = m_op->raw(
        method, path, body, body.isEmpty() ? QByteArray() : QByteArray("application/json"), headers);
    QVERIFY2(
        reply.status == status, QByteArray(QByteArray::number(reply.status) + ' ' + reply.body).constData());
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
    if (!field.isEmpty())
        QVERIFY2(reply.fieldCode(field) == code, reply.body.constData());
    QCOMPARE(m_server->digest(), before);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_bad_input.moc"
