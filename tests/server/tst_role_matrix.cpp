#include "TestServer.h"
#include "store/AlertRepository.h"
#include "store/Database.h"
#include "store/OutageRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Every route × every role. Allowed → 2xx; denied → 403; an object of another company → 404 for a role that
// could act on it in its own company, so existence never leaks. The expectations are written out here by
// hand, independent of the server's own permission table.
class TestRoleMatrix : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void matrix_data();
    void matrix();
    void listsStayInScope();
    void everyRouteIsCovered();

private:
    struct Request
    {
        QString method;
        QString path;
        QJsonObject body;
        int ifMatch = 0;
    };
    struct Case
    {
        QString method;
        QString pattern;
        QStringList allowed;
        std::function<Request(bool other)> make;
        bool hasOther = true;
    };

    QString newDomain(qint64 company);
    QString newUser(const QString &domain, const QString &status = QString());
    // An open outbound alert on company A's first domain (or company B's), as the spike detector files it.
    qint64 newAlert(bool other);
    // An open incident touching only company A (or only B), and a failed notice of it.
    qint64 newIncident(bool other);
    qint64 failedDelivery(qint64 incident);
    qint64 newCluster();
    // A suggested incident of the outage detector, on a cluster of its own.
    qint64 newSuggestion();
    qint64 newStore(qint64 cluster);
    int etag(const QString &path) { return m_op->get(path).etag(); }
    qint64 idOf(const HttpClient::Reply &reply)
    {
        return qint64(reply.json().value(QLatin1String("id")).toDouble());
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    QHash<QString, HttpClient *> m_clients;
    std::vector<std::unique_ptr<HttpClient>> m_owned;
    qint64 m_a = 0, m_b = 0;
    qint64 m_clusterOfA = 0, m_clusterOnlyB = 0, m_spareStore = 0;
    int m_serial = 0;
    QList<Case> m_cases;
};

namespace {
// The roles that look after mail, and the collector (a log shipper's login), which may only post events.
const QStringList kStaff = {QStringLiteral("operator"), QStringLiteral("company_admin"),
    QStringLiteral("company_readonly"), QStringLiteral("support"), QStringLiteral("domain_admin")};
const QStringList kRoles = kStaff + QStringList {QStringLiteral("collector")};
const QString kDomainA = QStringLiteral("a1.example");
const QString kDomainB = QStringLiteral("b1.example");
const QString kPassword = QStringLiteral("Matrix-Pass-2026");
QString svgBase64()
{
    return QString::fromLatin1(QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").toBase64());
}
} // namespace

QString TestRoleMatrix::newDomain(qint64 company)
{
    const QString name = QStringLiteral("d%1.example").arg(++m_serial);
    const auto r = m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(company),
        QJsonObject {{QStringLiteral("name"), name}});
    if (r.status != 201)
        qFatal("fixture domain failed: %d %s", r.status, r.body.constData());
    return name;
}

QString TestRoleMatrix::newUser(const QString &domain, const QString &status)
{
    const QString local = QStringLiteral("u%1").arg(++m_serial);
    const auto r = m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
        QJsonObject {{QStringLiteral("local_part"), local}});
    if (r.status != 201)
        qFatal("fixture user failed: %d %s", r.status, r.body.constData());
    const QString address = local + QLatin1Char('@') + domain;
    const QString path = QStringLiteral("/api/v1/users/") + address;
    if (status == QLatin1String("suspended"))
        m_op->post(path + QStringLiteral("/suspend"));
    if (status == QLatin1String("deleted"))
        m_op->del(path, etag(path));
    return address;
}

qint64 TestRoleMatrix::newAlert(bool other)
{
    const QJsonObject domain
        = m_op->get(QStringLiteral("/api/v1/domains/") + (other ? kDomainB : kDomainA)).json();
    const QJsonObject alert {{QStringLiteral("company_id"), double(other ? m_b : m_a)},
        {QStringLiteral("domain_id"), domain.value(QLatin1String("id")).toDouble()},
        {QStringLiteral("user_id"), QJsonValue::Null}, {QStringLiteral("scope"), QStringLiteral("domain")},
        {QStringLiteral("subject"), domain.value(QLatin1String("name")).toString()},
        {QStringLiteral("span"), QStringLiteral("hour")},
        {QStringLiteral("period_start_epoch"), double(++m_serial * 3600)}, {QStringLiteral("observed"), 900},
        {QStringLiteral("baseline_median"), 20}, {QStringLiteral("baseline_mad"), 4},
        {QStringLiteral("threshold"), 500}, {QStringLiteral("factor"), 45},
        {QStringLiteral("severity"), QStringLiteral("critical")},
        {QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("note"), QString()}};
    const Result<qint64> id = store::AlertRepository(m_server->db()).insertIfNew(alert, 1796083200);
    if (!id.ok() || id.value() <= 0)
        qFatal("fixture alert failed");
    return id.value();
}

qint64 TestRoleMatrix::newIncident(bool other)
{
    const auto r = m_op->post(QStringLiteral("/api/v1/incidents"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
            {QStringLiteral("title"), QStringLiteral("Incident %1").arg(++m_serial)},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
            {QStringLiteral("companies"), QJsonArray {double(other ? m_b : m_a)}}});
    if (r.status != 201)
        qFatal("fixture incident failed: %s", r.body.constData());
    return idOf(r);
}

qint64 TestRoleMatrix::failedDelivery(qint64 incident)
{
    const auto list = m_op->get(QStringLiteral("/api/v1/incidents/%1/deliveries").arg(incident));
    if (list.items().isEmpty())
        qFatal("fixture delivery missing: %s", list.body.constData());
    const qint64 id = qint64(list.items().first().toObject().value(QLatin1String("id")).toDouble());
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "UPDATE outbox SET attempts = 1, last_error = 'refused' WHERE id = (SELECT outbox_id FROM "
        "notice_deliveries WHERE id = ?)"));
    q.bind(id);
    if (!q.exec().ok())
        qFatal("fixture delivery failed");
    return id;
}

qint64 TestRoleMatrix::newCluster()
{
    return idOf(m_op->post(QStringLiteral("/api/v1/clusters"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Cluster %1").arg(++m_serial)}}));
}

qint64 TestRoleMatrix::newSuggestion()
{
    const qint64 cluster = newCluster();
    const Result<qint64> id
        = store::OutageRepository(m_server->db())
              .open(store::LoginScope {'c', cluster},
                  QJsonObject {{QStringLiteral("signal"), QStringLiteral("success_fall")},
                      {QStringLiteral("started_at"), 1796083200.0},
                      {QStringLiteral("suggested_at"), 1796083400.0},
                      {QStringLiteral("last_anomaly_at"), 1796083380.0}, {QStringLiteral("observed_ok"), 3},
                      {QStringLiteral("observed_failed"), 1}, {QStringLiteral("expected_ok"), 240.0},
                      {QStringLiteral("expected_failed"), 4.0}, {QStringLiteral("level"), 1.0}});
    if (!id.ok() || id.value() <= 0)
        qFatal("fixture suggestion failed");
    return id.value();
}

qint64 TestRoleMatrix::newStore(qint64 cluster)
{
    return idOf(m_op->post(QStringLiteral("/api/v1/mail-stores"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("store%1").arg(++m_serial)},
            {QStringLiteral("cluster_id"), double(cluster)}}));
}

void TestRoleMatrix::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    m_a = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Company A")}}));
    m_b = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Company B")}}));
    QVERIFY(m_a > 0 && m_b > 0);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_a),
                     QJsonObject {{QStringLiteral("name"), kDomainA}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_b),
                     QJsonObject {{QStringLiteral("name"), kDomainB}})
                 .status,
        201);
    // Reports have somewhere to go, so "send now" can be asked of either company.
    for (qint64 company : {m_a, m_b}) {
        const QString schedule = QStringLiteral("/api/v1/companies/%1/report-schedule").arg(company);
        QCOMPARE(m_op->patch(schedule,
                         QJsonObject {{QStringLiteral("recipients"),
                             QJsonArray {QStringLiteral("reports@example.com")}}},
                         etag(schedule))
                     .status,
            200);
    }
    // Where mail lives: A's domains are on the default cluster (with a second store to move mailboxes to);
    // another cluster holds only a domain of B. Both companies have an emergency contact for notices.
    m_clusterOfA = qint64(m_op->get(QStringLiteral("/api/v1/domains/") + kDomainA)
                              .json()
                              .value(QLatin1String("cluster_id"))
                              .toDouble());
    m_spareStore = newStore(m_clusterOfA);
    m_clusterOnlyB = newCluster();
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_b),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("b-only.example")},
                         {QStringLiteral("cluster_id"), double(m_clusterOnlyB)}})
                 .status,
        201);
    for (qint64 company : {m_a, m_b})
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/contacts").arg(company),
                         QJsonObject {{QStringLiteral("type"), QStringLiteral("emergency")},
                             {QStringLiteral("name"), QStringLiteral("On call")},
                             {QStringLiteral("email"), QStringLiteral("oncall@example.com")}})
                     .status,
            201);
    m_clients.insert(QStringLiteral("operator"), m_op.get());
    for (const QString &role : kRoles.mid(1)) {
        QJsonObject admin {{QStringLiteral("login"), QString(role + QStringLiteral("@a"))},
            {QStringLiteral("role"), role}, {QStringLiteral("company_id"), double(m_a)},
            {QStringLiteral("password"), kPassword}};
        if (role == QLatin1String("domain_admin"))
            admin.insert(QStringLiteral("domains"), QJsonArray {kDomainA});
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"), admin).status, 201);
        auto client = std::make_unique<HttpClient>(m_server->client());
        QCOMPARE(client->signIn(role + QStringLiteral("@a"), kPassword), 201);
        m_clients.insert(role, client.get());
        m_owned.push_back(std::move(client));
    }

    const auto company = [this](bool other) { return other ? m_b : m_a; };
    const auto domainOf = [](bool other) { return other ? kDomainB : kDomainA; };
    const auto contact = [this, company](bool other) {
        return idOf(m_op->post(QStringLiteral("/api/v1/companies/%1/contacts").arg(company(other)),
            QJsonObject {{QStringLiteral("type"), QStringLiteral("abuse")},
                {QStringLiteral("name"), QStringLiteral("Abuse")},
                {QStringLiteral("email"), QStringLiteral("abuse@example.com")}}));
    };
    const auto brand = [this, company](bool other) {
        return idOf(m_op->post(QStringLiteral("/api/v1/brands"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("Brand %1").arg(++m_serial)},
                {QStringLiteral("company_id"), double(company(other))},
                {QStringLiteral("logo"), svgBase64()}}));
    };
    const auto admin = [this, company](bool other) {
        return idOf(m_op->post(QStringLiteral("/api/v1/admins"),
            QJsonObject {{QStringLiteral("login"), QStringLiteral("helper%1").arg(++m_serial)},
                {QStringLiteral("role"), QStringLiteral("support")},
                {QStringLiteral("company_id"), double(company(other))}}));
    };
    const QString v1 = QStringLiteral("/api/v1");
    const QStringList readers
        = {QStringLiteral("operator"), QStringLiteral("company_admin"), QStringLiteral("company_readonly")};
    const QStringList writers = {QStringLiteral("operator"), QStringLiteral("company_admin")};
    const QStringList userWriters
        = {QStringLiteral("operator"), QStringLiteral("company_admin"), QStringLiteral("domain_admin")};
    const QStringList userCare = {QStringLiteral("operator"), QStringLiteral("company_admin"),
        QStringLiteral("support"), QStringLiteral("domain_admin")};
    const QStringList brandReaders = {QStringLiteral("operator"), QStringLiteral("company_admin"),
        QStringLiteral("company_readonly"), QStringLiteral("domain_admin")};
    const QStringList companyReaders = {QStringLiteral("operator"), QStringLiteral("company_admin"),
        QStringLiteral("company_readonly"), QStringLiteral("support")};
    const QStringList operatorOnly = {QStringLiteral("operator")};
    const QString incident = QStringLiteral("/api/v1/incidents/{id}");
    const auto incidentPath = [this](bool o, const QString &tail) -> QString {
        return QStringLiteral("/api/v1/incidents/%1").arg(newIncident(o)) + tail;
    };
    const QJsonObject newOutage {{QStringLiteral("kind"), QStringLiteral("outage")},
        {QStringLiteral("title"), QStringLiteral("Store down")},
        {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
        {QStringLiteral("companies"), QJsonArray {double(m_a)}}};

    const auto bulletin = [this, company](bool other) {
        const auto r = m_op->post(QStringLiteral("/api/v1/bulletins"),
            QJsonObject {{QStringLiteral("company_id"), double(company(other))},
                {QStringLiteral("name"), QStringLiteral("Bulletin %1").arg(++m_serial)},
                {QStringLiteral("type"), QStringLiteral("manual")},
                {QStringLiteral("text"), QStringLiteral("Subject: Hello {name}\n\nNews for {account}.\n")}});
        if (r.status != 201)
            qFatal("fixture bulletin failed: %d %s", r.status, r.body.constData());
        return QStringLiteral("/api/v1/bulletins/%1").arg(idOf(r));
    };
    const QString bulletinPath = QStringLiteral("/api/v1/bulletins/{id}");
    m_cases = {
        {QStringLiteral("GET"), QStringLiteral("/api/v1/me"), kRoles,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/me"), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies"), companyReaders,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/companies"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies"), {QStringLiteral("operator")},
            [=, this](bool) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/companies"),
                    {{QStringLiteral("name"), QStringLiteral("New %1").arg(++m_serial)}}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies/{id}"), companyReaders,
            [=](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/companies/%1").arg(company(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/companies/{id}"), writers,
            [=, this](bool o) {
                const QString p = v1 + QStringLiteral("/companies/%1").arg(company(o));
                return Request {QStringLiteral("PATCH"), p,
                    {{QStringLiteral("notes"), QStringLiteral("n%1").arg(++m_serial)}}, etag(p)};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/operator/companies"), {QStringLiteral("operator")},
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/operator/companies"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies/{id}/suspend"),
            {QStringLiteral("operator")},
            [=, this](bool) {
                const qint64 id = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("Suspend %1").arg(++m_serial)}}));
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/companies/%1/suspend").arg(id),
                    {{QStringLiteral("reason"), QStringLiteral("matrix")}}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies/{id}/resume"),
            {QStringLiteral("operator")},
            [=, this](bool) {
                const qint64 id = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("Resume %1").arg(++m_serial)}}));
                m_op->post(QStringLiteral("/api/v1/companies/%1/suspend").arg(id));
                return Request {
                    QStringLiteral("POST"), v1 + QStringLiteral("/companies/%1/resume").arg(id), {}, 0};
            },
            false},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/companies/{id}"), {QStringLiteral("operator")},
            [=, this](bool) {
                const qint64 id = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("Delete %1").arg(++m_serial)}}));
                const QString p = v1 + QStringLiteral("/companies/%1").arg(id);
                return Request {QStringLiteral("DELETE"), p, {}, etag(p)};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies/{id}/restore"),
            {QStringLiteral("operator")},
            [=, this](bool) {
                const qint64 id = idOf(m_op->post(QStringLiteral("/api/v1/companies"),
                    QJsonObject {{QStringLiteral("name"), QStringLiteral("Restore %1").arg(++m_serial)}}));
                m_op->del(QStringLiteral("/api/v1/companies/%1").arg(id), 1);
                return Request {
                    QStringLiteral("POST"), v1 + QStringLiteral("/companies/%1/restore").arg(id), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies/{id}/contacts"), readers,
            [=](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/companies/%1/contacts").arg(company(o)), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies/{id}/contacts"), writers,
            [=](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/companies/%1/contacts").arg(company(o)),
                    {{QStringLiteral("type"), QStringLiteral("billing")},
                        {QStringLiteral("name"), QStringLiteral("B")},
                        {QStringLiteral("email"), QStringLiteral("b@example.com")}},
                    0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies/{id}/contacts/{contact}"), readers,
            [=](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/companies/%1/contacts/%2").arg(company(o)).arg(contact(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/companies/{id}/contacts/{contact}"), writers,
            [=](bool o) {
                return Request {QStringLiteral("PATCH"),
                    v1 + QStringLiteral("/companies/%1/contacts/%2").arg(company(o)).arg(contact(o)),
                    {{QStringLiteral("notes"), QStringLiteral("x")}}, 1};
            }},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/companies/{id}/contacts/{contact}"), writers,
            [=](bool o) {
                return Request {QStringLiteral("DELETE"),
                    v1 + QStringLiteral("/companies/%1/contacts/%2").arg(company(o)).arg(contact(o)), {}, 1};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies/{id}/domains"), kStaff,
            [=](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/companies/%1/domains").arg(company(o)), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies/{id}/domains"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/companies/%1/domains").arg(company(o)),
                    {{QStringLiteral("name"), QStringLiteral("new%1.example").arg(++m_serial)}}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/domains"), kStaff,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/domains"), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/domains/{name}"), kStaff,
            [=](bool o) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/domains/") + domainOf(o), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/domains/{name}"), userWriters,
            [=, this](bool o) {
                const QString p = v1 + QStringLiteral("/domains/") + domainOf(o);
                return Request {QStringLiteral("PATCH"), p,
                    {{QStringLiteral("notes"), QStringLiteral("n%1").arg(++m_serial)}}, etag(p)};
            }},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/domains/{name}"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("DELETE"),
                    v1 + QStringLiteral("/domains/") + newDomain(company(o)), {}, 1};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/domains/{name}/restore"), writers,
            [=, this](bool o) {
                const QString p = v1 + QStringLiteral("/domains/") + newDomain(company(o));
                m_op->del(p, 1);
                return Request {QStringLiteral("POST"), p + QStringLiteral("/restore"), {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/domains/{name}/users"), kStaff,
            [=](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/domains/%1/users").arg(domainOf(o)), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/domains/{name}/users"), userWriters,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/domains/%1/users").arg(domainOf(o)),
                    {{QStringLiteral("local_part"), QStringLiteral("n%1").arg(++m_serial)}}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/users"), kStaff,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/users"), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/users/{address}"), kStaff,
            [=, this](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/users/") + newUser(domainOf(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/users/{address}"), userWriters,
            [=, this](bool o) {
                return Request {QStringLiteral("PATCH"),
                    v1 + QStringLiteral("/users/") + newUser(domainOf(o)),
                    {{QStringLiteral("display_name"), QStringLiteral("X")}}, 1};
            }},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/users/{address}"), userWriters,
            [=, this](bool o) {
                return Request {
                    QStringLiteral("DELETE"), v1 + QStringLiteral("/users/") + newUser(domainOf(o)), {}, 1};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/restore"), userWriters,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1
                        + QStringLiteral("/users/%1/restore")
                              .arg(newUser(domainOf(o), QStringLiteral("deleted"))),
                    {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/suspend"), userCare,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/users/%1/suspend").arg(newUser(domainOf(o))), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/unsuspend"), userCare,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1
                        + QStringLiteral("/users/%1/unsuspend")
                              .arg(newUser(domainOf(o), QStringLiteral("suspended"))),
                    {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/password"), userCare,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/users/%1/password").arg(newUser(domainOf(o))),
                    {{QStringLiteral("password"), QStringLiteral("Fresh-Cedar-88-wind")}}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/users/{address}/outbound"), kStaff,
            [=, this](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/users/%1/outbound").arg(newUser(domainOf(o))), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/outbound/hold"), userCare,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/users/%1/outbound/hold").arg(newUser(domainOf(o))), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/outbound/release"), userCare,
            [=, this](bool o) {
                const QString address = newUser(domainOf(o));
                m_op->post(v1 + QStringLiteral("/users/%1/outbound/hold").arg(address));
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/users/%1/outbound/release").arg(address), {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/brands"), brandReaders,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/brands"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/brands"), writers,
            [=, this](bool) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/brands"),
                    {{QStringLiteral("name"), QStringLiteral("N%1").arg(++m_serial)},
                        {QStringLiteral("company_id"), double(m_a)}},
                    0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/brands/{id}"), brandReaders,
            [=](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/brands/%1").arg(brand(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/brands/{id}"), writers,
            [=](bool o) {
                return Request {QStringLiteral("PATCH"), v1 + QStringLiteral("/brands/%1").arg(brand(o)),
                    {{QStringLiteral("product_name"), QStringLiteral("P")}}, 1};
            }},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/brands/{id}"), writers,
            [=](bool o) {
                return Request {
                    QStringLiteral("DELETE"), v1 + QStringLiteral("/brands/%1").arg(brand(o)), {}, 1};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/brands/{id}/logo"), brandReaders,
            [=](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/brands/%1/logo").arg(brand(o)), {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/admins"), readers,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/admins"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/admins"), writers,
            [=, this](bool) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/admins"),
                    {{QStringLiteral("login"), QStringLiteral("made%1").arg(++m_serial)},
                        {QStringLiteral("role"), QStringLiteral("support")},
                        {QStringLiteral("company_id"), double(m_a)}},
                    0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/admins/{id}"), readers,
            [=](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/admins/%1").arg(admin(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/admins/{id}"), writers,
            [=](bool o) {
                return Request {QStringLiteral("PATCH"), v1 + QStringLiteral("/admins/%1").arg(admin(o)),
                    {{QStringLiteral("display_name"), QStringLiteral("D")}}, 1};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/admins/{id}/password"), writers,
            [=](bool o) {
                return Request {
                    QStringLiteral("POST"), v1 + QStringLiteral("/admins/%1/password").arg(admin(o)), {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/audit"), brandReaders,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/audit"), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/alerts"), kStaff,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/alerts"), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/alerts/episodes"), kStaff,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/alerts/episodes"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/alerts/acknowledge"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/alerts/acknowledge"),
                    {{QStringLiteral("ids"), QJsonArray {double(newAlert(o))}}}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/alerts/resolve"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/alerts/resolve"),
                    {{QStringLiteral("ids"), QJsonArray {double(newAlert(o))}}}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/alerts/{id}"), kStaff,
            [=, this](bool o) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/alerts/%1").arg(newAlert(o)), {}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/alerts/{id}/acknowledge"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/alerts/%1/acknowledge").arg(newAlert(o)),
                    {{QStringLiteral("note"), QStringLiteral("Looking into it")}}, 0};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/alerts/{id}/resolve"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/alerts/%1/resolve").arg(newAlert(o)), {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies/{id}/spike-thresholds"), companyReaders,
            [=](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/companies/%1/spike-thresholds").arg(company(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/companies/{id}/spike-thresholds"), writers,
            [=, this](bool o) {
                const QString p = v1 + QStringLiteral("/companies/%1/spike-thresholds").arg(company(o));
                return Request {QStringLiteral("PATCH"), p,
                    {{QStringLiteral("user_daily_floor"), 200 + (++m_serial)}}, etag(p)};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/companies/{id}/report-schedule"), companyReaders,
            [=](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/companies/%1/report-schedule").arg(company(o)), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/companies/{id}/report-schedule"), writers,
            [=, this](bool o) {
                const QString p = v1 + QStringLiteral("/companies/%1/report-schedule").arg(company(o));
                return Request {QStringLiteral("PATCH"), p,
                    {{QStringLiteral("time_of_day"), QStringLiteral("0%1:30").arg((++m_serial) % 10)}},
                    etag(p)};
            }},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/companies/{id}/report-schedule/send"), writers,
            [=](bool o) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/companies/%1/report-schedule/send").arg(company(o)), {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/clusters"), readers,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/clusters"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/clusters"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/clusters"),
                    {{QStringLiteral("name"), QStringLiteral("C%1").arg(++m_serial)}}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/clusters/{id}"), readers,
            [=, this](bool o) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/clusters/%1").arg(o ? m_clusterOnlyB : m_clusterOfA), {}, 0};
            }},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/clusters/{id}"), operatorOnly,
            [=, this](bool) {
                const QString p = v1 + QStringLiteral("/clusters/%1").arg(m_clusterOfA);
                return Request {QStringLiteral("PATCH"), p,
                    {{QStringLiteral("description"), QStringLiteral("d%1").arg(++m_serial)}}, etag(p)};
            },
            false},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/clusters/{id}"), operatorOnly,
            [=, this](bool) {
                return Request {
                    QStringLiteral("DELETE"), v1 + QStringLiteral("/clusters/%1").arg(newCluster()), {}, 1};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/mail-stores"), operatorOnly,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/mail-stores"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/mail-stores"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/mail-stores"),
                    {{QStringLiteral("name"), QStringLiteral("s%1").arg(++m_serial)},
                        {QStringLiteral("cluster_id"), double(m_clusterOnlyB)}},
                    0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/mail-stores/{id}"), operatorOnly,
            [=, this](bool) {
                return Request {
                    QStringLiteral("GET"), v1 + QStringLiteral("/mail-stores/%1").arg(m_spareStore), {}, 0};
            },
            false},
        {QStringLiteral("PATCH"), QStringLiteral("/api/v1/mail-stores/{id}"), operatorOnly,
            [=, this](bool) {
                const QString p = v1 + QStringLiteral("/mail-stores/%1").arg(m_spareStore);
                return Request {QStringLiteral("PATCH"), p,
                    {{QStringLiteral("host"), QStringLiteral("h%1.example.net").arg(++m_serial)}}, etag(p)};
            },
            false},
        {QStringLiteral("DELETE"), QStringLiteral("/api/v1/mail-stores/{id}"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("DELETE"),
                    v1 + QStringLiteral("/mail-stores/%1").arg(newStore(m_clusterOnlyB)), {}, 1};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/move"), operatorOnly,
            [=, this](bool o) {
                const QString address = newUser(domainOf(o));
                const QJsonObject user = m_op->get(v1 + QStringLiteral("/users/") + address).json();
                const qint64 current = qint64(user.value(QLatin1String("store_id")).toDouble());
                qint64 target = m_spareStore;
                if (o || current == m_spareStore) {
                    // Another store of the user's own cluster.
                    const auto stores = m_op->get(v1
                        + QStringLiteral("/mail-stores?cluster_id=%1")
                              .arg(qint64(m_op->get(v1 + QStringLiteral("/domains/") + domainOf(o))
                                              .json()
                                              .value(QLatin1String("cluster_id"))
                                              .toDouble())));
                    for (const QJsonValue &s : stores.items()) {
                        const qint64 id = qint64(s.toObject().value(QLatin1String("id")).toDouble());
                        if (id != current)
                            target = id;
                    }
                }
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/users/%1/move").arg(address),
                    {{QStringLiteral("store_id"), double(target)}}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/incidents"), kStaff,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/incidents"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/incidents"), operatorOnly,
            [=](bool) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/incidents"), newOutage, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/incidents/preview"), operatorOnly,
            [=](bool) {
                return Request {
                    QStringLiteral("POST"), v1 + QStringLiteral("/incidents/preview"), newOutage, 0};
            },
            false},
        {QStringLiteral("GET"), incident, kStaff,
            [=](bool o) {
                return Request {QStringLiteral("GET"), incidentPath(o, QString()), {}, 0};
            }},
        {QStringLiteral("PATCH"), incident, operatorOnly,
            [=](bool o) {
                return Request {QStringLiteral("PATCH"), incidentPath(o, QString()),
                    {{QStringLiteral("severity"), QStringLiteral("critical")}}, 1};
            }},
        {QStringLiteral("POST"), incident + QStringLiteral("/updates"), operatorOnly,
            [=](bool o) {
                return Request {QStringLiteral("POST"), incidentPath(o, QStringLiteral("/updates")),
                    {{QStringLiteral("body"), QStringLiteral("Still working on it.")}}, 0};
            }},
        {QStringLiteral("POST"), incident + QStringLiteral("/resolve"), operatorOnly,
            [=](bool o) {
                return Request {QStringLiteral("POST"), incidentPath(o, QStringLiteral("/resolve")),
                    {{QStringLiteral("note"), QStringLiteral("Fixed.")}}, 0};
            }},
        {QStringLiteral("GET"), incident + QStringLiteral("/impact"), kStaff,
            [=](bool o) {
                return Request {QStringLiteral("GET"), incidentPath(o, QStringLiteral("/impact")), {}, 0};
            }},
        {QStringLiteral("GET"), incident + QStringLiteral("/mailboxes"), kStaff,
            [=](bool o) {
                return Request {QStringLiteral("GET"), incidentPath(o, QStringLiteral("/mailboxes")), {}, 0};
            }},
        {QStringLiteral("GET"), incident + QStringLiteral("/deliveries"), readers,
            [=](bool o) {
                return Request {QStringLiteral("GET"), incidentPath(o, QStringLiteral("/deliveries")), {}, 0};
            }},
        {QStringLiteral("POST"), incident + QStringLiteral("/deliveries/{delivery}/retry"), operatorOnly,
            [=, this](bool o) {
                const qint64 id = newIncident(o);
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/incidents/%1/deliveries/%2/retry").arg(id).arg(failedDelivery(id)),
                    {}, 0};
            }},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/outage-suggestions"), operatorOnly,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/outage-suggestions"), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/outage-suggestions/{id}"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("GET"),
                    v1 + QStringLiteral("/outage-suggestions/%1").arg(newSuggestion()), {}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/outage-suggestions/{id}/evidence"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("GET"),
                    v1
                        + QStringLiteral("/outage-suggestions/%1/"
                                         "evidence?from=2026-12-01T10:00:00Z&to=2026-12-01T11:00:00Z")
                              .arg(newSuggestion()),
                    {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/outage-suggestions/{id}/confirm"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/outage-suggestions/%1/confirm").arg(newSuggestion()), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/outage-suggestions/{id}/dismiss"), operatorOnly,
            [=, this](bool) {
                return Request {QStringLiteral("POST"),
                    v1 + QStringLiteral("/outage-suggestions/%1/dismiss").arg(newSuggestion()),
                    {{QStringLiteral("note"), QStringLiteral("A planned restart.")}}, 0};
            },
            false},
        {QStringLiteral("GET"), QStringLiteral("/api/v1/bulletins"), writers,
            [=](bool) {
                return Request {QStringLiteral("GET"), v1 + QStringLiteral("/bulletins"), {}, 0};
            },
            false},
        {QStringLiteral("POST"), QStringLiteral("/api/v1/bulletins"), writers,
            [=, this](bool o) {
                return Request {QStringLiteral("POST"), v1 + QStringLiteral("/bulletins"),
                    {{QStringLiteral("company_id"), double(company(o))},
                        {QStringLiteral("name"), QStringLiteral("New bulletin %1").arg(++m_serial)},
                        {QStringLiteral("type"), QStringLiteral("auto")},
                        {QStringLiteral("text"), QStringLiteral("Subject: Welcome\n\nHello {account}.\n")}},
                    0};
            }},
        {QStringLiteral("GET"), bulletinPath, writers,
            [=](bool o) {
                return Request {QStringLiteral("GET"), bulletin(o), {}, 0};
            }},
        {QStringLiteral("PATCH"), bulletinPath, writers,
            [=](bool o) {
                return Request {QStringLiteral("PATCH"), bulletin(o),
                    {{QStringLiteral("text"), QStringLiteral("Subject: Changed\n\nNew text.\n")}}, 1};
            }},
        {QStringLiteral("DELETE"), bulletinPath, writers,
            [=](bool o) {
                return Request {QStringLiteral("DELETE"), bulletin(o), {}, 1};
            }},
        {QStringLiteral("POST"), bulletinPath + QStringLiteral("/posts"), writers,
            [=](bool o) {
                return Request {QStringLiteral("POST"), bulletin(o) + QStringLiteral("/posts"),
                    {{QStringLiteral("target"), QStringLiteral("all")}}, 0};
            }},
        {QStringLiteral("GET"), bulletinPath + QStringLiteral("/posts"), writers,
            [=](bool o) {
                return Request {QStringLiteral("GET"), bulletin(o) + QStringLiteral("/posts"), {}, 0};
            }},
        {QStringLiteral("POST"), bulletinPath + QStringLiteral("/test"), writers,
            [=](bool o) {
                return Request {QStringLiteral("POST"), bulletin(o) + QStringLiteral("/test"),
                    {{QStringLiteral("address"), QStringLiteral("desk@example.com")}}, 0};
            }},
        {QStringLiteral("GET"), bulletinPath + QStringLiteral("/deliveries"), writers,
            [=](bool o) {
                return Request {QStringLiteral("GET"), bulletin(o) + QStringLiteral("/deliveries"), {}, 0};
            }},
    };
}

void TestRoleMatrix::cleanupTestCase()
{
    m_clients.clear();
    m_owned.clear();
    m_op.reset();
    m_server.reset();
}

void TestRoleMatrix::matrix_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("other");
    for (int i = 0; i < m_cases.size(); ++i) {
        for (const QString &role : kRoles) {
            const QByteArray name = (m_cases.at(i).method + QLatin1Char(' ') + m_cases.at(i).pattern
                + QStringLiteral(" as ") + role)
                                        .toUtf8();
            QTest::newRow(name.constData()) << i << role << false;
            if (m_cases.at(i).hasOther)
                QTest::newRow(QByteArray(name + " on another company").constData()) << i << role << true;
        }
    }
}

void TestRoleMatrix::matrix()
{
    QFETCH(int, index);
    QFETCH(QString, role);
    QFETCH(bool, other);
    const Case &c = m_cases.at(index);
    const Request request = c.make(other);
    HttpClient *client = m_clients.value(role);
    HttpClient::Reply reply;
    if (request.method == QLatin1String("GET"))
        reply = client->get(request.path);
    else if (request.method == QLatin1String("POST"))
        reply = client->post(request.path, request.body, request.ifMatch);
    else if (request.method == QLatin1String("PATCH"))
        reply = client->patch(request.path, request.body, request.ifMatch);
    else
        reply = client->del(request.path, request.ifMatch);
    const bool allowed = c.allowed.contains(role);
    int expected = 0;
    if (!allowed)
        expected = 403;
    else if (other && role != QLatin1String("operator"))
        expected = 404;
    const QByteArray message = QByteArray::number(reply.status) + ' ' + reply.body.left(300);
    if (expected == 0)
        QVERIFY2(reply.status >= 200 && reply.status < 300, message.constData());
    else
        QVERIFY2(reply.status == expected, message.constData());
}

void TestRoleMatrix::listsStayInScope()
{
    // Lists never show another company's objects, and a domain admin sees only the listed domains.
    for (const QString &role : kStaff.mid(1)) {
        HttpClient *c = m_clients.value(role);
        const auto domains = c->get(QStringLiteral("/api/v1/domains?limit=1000"));
        QCOMPARE(domains.status, 200);
        for (const QJsonValue &d : domains.items()) {
            QCOMPARE(qint64(d.toObject().value(QLatin1String("company_id")).toDouble()), m_a);
            if (role == QLatin1String("domain_admin"))
                QCOMPARE(d.toObject().value(QLatin1String("name")).toString(), kDomainA);
        }
        const auto users = c->get(QStringLiteral("/api/v1/users?limit=1000"));
        for (const QJsonValue &u : users.items())
            QVERIFY(!u.toObject().value(QLatin1String("address")).toString().endsWith(kDomainB));
        if (role == QLatin1String("support"))
            continue;
        const auto audit = c->get(QStringLiteral("/api/v1/audit?limit=1000"));
        for (const QJsonValue &e : audit.items())
            QCOMPARE(qint64(e.toObject().value(QLatin1String("company_id")).toDouble()), m_a);
    }
    const auto opDomains = m_op->get(QStringLiteral("/api/v1/domains?q=b1"));
    QCOMPARE(opDomains.json().value(QLatin1String("total")).toInt(), 1);
}

void TestRoleMatrix::everyRouteIsCovered()
{
    // Routes the matrix does not walk: public ones, and sign-out (which ends the session it runs in).
    QSet<QString> covered = {QStringLiteral("GET /api/v1/status"), QStringLiteral("GET /api/v1/openapi.json"),
        QStringLiteral("POST /api/v1/sessions"), QStringLiteral("DELETE /api/v1/sessions/current"),
        QStringLiteral("GET /api/v1/status/incidents"), QStringLiteral("GET /api/v1/status/incidents.atom")};
    for (const Case &c : m_cases)
        covered.insert(c.method + QLatin1Char(' ') + c.pattern);
    // The route list as the server documents it in docs/api.md.
    QFile doc(QString::fromLocal8Bit(qgetenv("MAILADMIN_SOURCE_DIR")) + QStringLiteral("/docs/api.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), "docs/api.md is missing");
    const QString text = QString::fromUtf8(doc.readAll());
    static const QRegularExpression heading(
        QStringLiteral("^### (GET|POST|PATCH|DELETE) (/api/v1/\\S+)"), QRegularExpression::MultilineOption);
    int documented = 0;
    for (auto it = heading.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString route = m.captured(1) + QLatin1Char(' ') + m.captured(2);
        if (route.startsWith(QLatin1String("POST /api/v1/ingest")) || route.contains(QLatin1String("/stats"))
            || route.endsWith(QLatin1String("/activity")))
            continue; // stats questions have their own scoping tests (tst_stats)
        ++documented;
        QVERIFY2(covered.contains(route), qPrintable(QStringLiteral("not in the role matrix: ") + route));
    }
    QVERIFY(documented >= covered.size());
}

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "tst_role_matrix.moc"
