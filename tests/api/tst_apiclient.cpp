#include "AccessCalls.h"
#include "AlertCalls.h"
#include "ApiClient.h"
#include "CompanyCalls.h"
#include "DirectoryCalls.h"
#include "FakeNetwork.h"
#include "IncidentCalls.h"
#include "PlacementCalls.h"
#include "Session.h"
#include "StatsCalls.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <QSignalSpy>
#include <QTest>

using namespace mailadmin;
using testing::CannedReply;
using testing::FakeNetwork;

namespace {

QJsonObject bodyOf(const FakeNetwork::Seen &seen)
{
    return seen.body.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(seen.body).object();
}

// Sends one call through `send` (which hands it the callback) and waits for the answer.
template<typename Send> api::ApiResult answerOf(Send send)
{
    api::ApiResult result;
    bool answered = false;
    send([&](const api::ApiResult &r) {
        result = r;
        answered = true;
    });
    [&] { QTRY_VERIFY(answered); }();
    return result;
}

} // namespace

// The API client against a fake network: headers, typed errors, timeouts, retries, and requests held while
// the session is renewed.
class TestApiClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void sendsTokenVersionAndJson();
    void parsesSuccess();
    void problemDetails_data();
    void problemDetails();
    void staleVersionCarriesCurrent();
    void brokenJsonIsBadReply();
    void timeoutAborts();
    void retriesGetsButNotWrites();
    void unauthorizedIsHeldAndResumed();
    void abandonedRequestsFail();
    void callbacksNeedTheirContext();
    void sessionSignInLoadsMe();
    void typedCallsSendTheirPathAndBody();
    void incidentCallsSendTheirPathAndBody();
    void placementCallsSendTheirPathAndBody();
    void listAndEditorPaths_data();
    void listAndEditorPaths();
    void bulkStepsCarryPathAndBody();
    void typedCallsAgainstServer();
    void placementAndIncidentCallsAgainstServer();

private:
    FakeNetwork *m_net = nullptr;
    api::ApiClient *m_client = nullptr;
};

void TestApiClient::init()
{
    m_net = new FakeNetwork;
    m_client = new api::ApiClient(m_net);
    m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
    m_client->setRetryDelays({10, 10});
    m_client->setToken(QStringLiteral("tok"));
}

void TestApiClient::cleanup()
{
    delete m_client;
}

void TestApiClient::sendsTokenVersionAndJson()
{
    m_net->enqueue(CannedReply::json(200, "{\"id\": 1}"));
    bool done = false;
    m_client->patch(QStringLiteral("/users/anna@bäckerei.de"), QJsonObject {{QStringLiteral("quota"), 5}}, 7,
        this, [&](const api::ApiResult &) { done = true; });
    QTRY_VERIFY(done);
    const FakeNetwork::Seen &seen = m_net->requests().first();
    QCOMPARE(seen.method, QByteArray("PATCH"));
    QCOMPARE(seen.url.path(), QStringLiteral("/api/v1/users/anna@bäckerei.de"));
    QCOMPARE(seen.header("Authorization"), QByteArray("Bearer tok"));
    QCOMPARE(seen.header("If-Match"), QByteArray("\"7\""));
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(seen.body, QByteArray("{\"quota\":5}"));
}

void TestApiClient::parsesSuccess()
{
    CannedReply reply = CannedReply::json(200, "{\"address\": \"a@b.example\", \"version\": 4}");
    reply.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"4\"")));
    m_net->enqueue(reply);
    api::ApiResult result;
    bool done = false;
    m_client->get(QStringLiteral("/users/a@b.example"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(result.ok());
    QCOMPARE(result.status, 200);
    QCOMPARE(result.version, 4);
    QCOMPARE(result.json.value(QLatin1String("address")).toString(), QStringLiteral("a@b.example"));
    QVERIFY(m_client->isOnline());
}

void TestApiClient::problemDetails_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("422")
        << 422
        << QByteArray("{\"type\":\"urn:mailadmin:problem:validation\",\"status\":422,\"title\":\"Some fields "
                      "are not valid\","
                      "\"errors\":[{\"field\":\"quota\",\"code\":\"over_limit\",\"message\":\"Too big.\"}]}")
        << "quota"
        << "Some fields";
    QTest::newRow("403") << 403 << QByteArray("{\"status\":403,\"title\":\"Not allowed\",\"detail\":\"no\"}")
                         << QString() << "role";
    QTest::newRow("500")
        << 500 << QByteArray("{\"status\":500,\"title\":\"Internal server error\",\"instance\":\"abc123\"}")
        << QString() << "abc123";
    QTest::newRow("429") << 429 << QByteArray("{\"status\":429,\"title\":\"Too many requests\"}") << QString()
                         << "Try again";
}

void TestApiClient::problemDetails()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    CannedReply reply = CannedReply::problem(status, body);
    reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
    m_net->enqueue(reply);
    api::ApiResult result;
    bool done = false;
    m_client->post(QStringLiteral("/companies"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, api::ApiError::Kind::Http);
    QCOMPARE(result.error.status, status);
    if (!field.isEmpty()) {
        QCOMPARE(result.error.fields.first().field, field);
        QCOMPARE(result.error.fieldMessage(field), QStringLiteral("Too big."));
    }
    QVERIFY2(result.error.message().contains(messagePart), qPrintable(result.error.message()));
}

void TestApiClient::staleVersionCarriesCurrent()
{
    m_net->enqueue(CannedReply::problem(412,
        "{\"status\":412,\"title\":\"The object has changed\",\"current\":{\"version\":9,\"quota\":1}}"));
    api::ApiResult result;
    bool done = false;
    m_client->patch(QStringLiteral("/users/a@b.example"), {}, 8, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(result.error.status, 412);
    QCOMPARE(result.error.current.value(QLatin1String("version")).toInt(), 9);
}

void TestApiClient::brokenJsonIsBadReply()
{
    m_net->enqueue(CannedReply::json(200, "{\"items\": [1, 2"));
    api::ApiResult result;
    bool done = false;
    m_client->get(QStringLiteral("/users"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(result.error.kind, api::ApiError::Kind::BadReply);
    QVERIFY(!result.error.message().isEmpty());
}

void TestApiClient::timeoutAborts()
{
    m_client->setTimeout(50);
    m_client->setRetryDelays({});
    m_net->enqueue(CannedReply::silence());
    QSignalSpy offline(m_client, &api::ApiClient::onlineChanged);
    api::ApiResult result;
    bool done = false;
    m_client->get(QStringLiteral("/status"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 2000);
    QCOMPARE(result.error.kind, api::ApiError::Kind::Timeout);
    QVERIFY(result.error.isConnectivity());
    QCOMPARE(offline.count(), 1);
    QCOMPARE(offline.first().first().toBool(), false);
    QCOMPARE(m_client->pendingCount(), 0);
}

void TestApiClient::retriesGetsButNotWrites()
{
    m_net->enqueue(CannedReply::failure(QNetworkReply::ConnectionRefusedError));
    m_net->enqueue(CannedReply::failure(QNetworkReply::ConnectionRefusedError));
    m_net->enqueue(CannedReply::json(200, "{\"ok\": true}"));
    QSignalSpy online(m_client, &api::ApiClient::onlineChanged);
    api::ApiResult result;
    bool done = false;
    m_client->get(QStringLiteral("/status"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY(result.ok());
    QCOMPARE(m_net->requests().size(), 3);
    QCOMPARE(online.count(), 2); // offline, then online again
    // A write is never repeated behind the admin's back.
    m_net->enqueue(CannedReply::failure(QNetworkReply::ConnectionRefusedError));
    done = false;
    m_client->post(QStringLiteral("/companies"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(result.error.kind, api::ApiError::Kind::Unreachable);
    QCOMPARE(m_net->requests().size(), 4);
}

void TestApiClient::unauthorizedIsHeldAndResumed()
{
    m_net->enqueue(CannedReply::problem(401, "{\"status\":401}"));
    QSignalSpy expired(m_client, &api::ApiClient::sessionExpired);
    api::ApiResult result;
    bool done = false;
    m_client->get(QStringLiteral("/users/a@b.example"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(expired.count(), 1);
    QVERIFY(!done); // held, not failed
    m_net->enqueue(CannedReply::json(200, "{\"address\": \"a@b.example\"}"));
    m_client->resumeAfterSignIn(QStringLiteral("fresh"));
    QTRY_VERIFY(done);
    QVERIFY(result.ok());
    QCOMPARE(m_net->requests().last().header("Authorization"), QByteArray("Bearer fresh"));
}

void TestApiClient::abandonedRequestsFail()
{
    m_net->enqueue(CannedReply::problem(401, "{\"status\":401}"));
    api::ApiResult result;
    bool done = false;
    m_client->get(QStringLiteral("/me"), {}, this, [&](const api::ApiResult &r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(m_net->pending(), 0);
    QTest::qWait(20);
    QVERIFY(!done);
    m_client->abandonHeldRequests();
    QVERIFY(done);
    QCOMPARE(result.error.status, 401);
}

void TestApiClient::callbacksNeedTheirContext()
{
    m_net->enqueue(CannedReply::json(200, "{}"));
    auto *context = new QObject;
    bool called = false;
    m_client->get(QStringLiteral("/status"), {}, context, [&](const api::ApiResult &) { called = true; });
    delete context;
    QTRY_COMPARE(m_client->pendingCount(), 0);
    QVERIFY(!called);
}

void TestApiClient::sessionSignInLoadsMe()
{
    api::Session session(m_client);
    m_client->setToken({});
    m_net->enqueue(CannedReply::json(201, "{\"token\": \"T1\", \"expires_at\": \"2026-12-01T00:00:00Z\"}"));
    m_net->enqueue(CannedReply::json(200,
        "{\"id\": 3, \"login\": \"admin@northwind\", \"role\": \"company_admin\", \"company_id\": 1, "
        "\"actions\": [\"user.read\", \"user.update\"]}"));
    api::ApiError error;
    bool done = false;
    session.signIn(
        QStringLiteral("admin@northwind"), QStringLiteral("pw"), this, [&](const api::ApiError &e) {
            error = e;
            done = true;
        });
    QTRY_VERIFY(done);
    QVERIFY(error.isNone());
    QVERIFY(session.isSignedIn());
    QVERIFY(session.can(QStringLiteral("user.update")));
    QVERIFY(!session.can(QStringLiteral("user.delete")));
    QCOMPARE(m_client->token(), QStringLiteral("T1"));
    QVERIFY(
        m_net->requests().first().header("Authorization").isEmpty()); // the sign-in itself carries no token
    QCOMPARE(m_net->requests().at(1).header("Authorization"), QByteArray("Bearer T1"));
}

void TestApiClient::typedCallsSendTheirPathAndBody()
{
    for (int i = 0; i < 7; ++i)
        m_net->enqueue(CannedReply::json(200, "{}"));
    int answered = 0;
    auto count = [&](const api::ApiResult &) { ++answered; };
    const api::DirectoryCalls directory(m_client);
    directory.setQuota(QStringLiteral("anna@example.com"), qint64(3) << 30, 4, this, count);
    directory.suspendUser(QStringLiteral("anna@example.com"), QStringLiteral("Spam"), 5, this, count);
    directory.suspendUser(QStringLiteral("ben@example.com"), QString(), 0, this, count);
    directory.deleteUser(QStringLiteral("anna@example.com"), 6, this, count);
    api::AlertCalls(m_client).transitionAlert(
        42, api::AlertCalls::Transition::Resolve, QStringLiteral("Owner warned"), this, count);
    directory.holdOutbound(QStringLiteral("ben@example.com"), this, count);
    directory.restoreDomain(QStringLiteral("example.com"), this, count);
    QTRY_COMPARE(answered, 7);
    const QList<FakeNetwork::Seen> seen = m_net->requests();
    QCOMPARE(seen.size(), 7);

    QCOMPARE(seen[0].method, QByteArray("PATCH"));
    QCOMPARE(seen[0].url.path(), QStringLiteral("/api/v1/users/anna@example.com"));
    QCOMPARE(bodyOf(seen[0]), QJsonObject({{QStringLiteral("quota"), double(qint64(3) << 30)}}));
    QCOMPARE(seen[0].header("If-Match"), QByteArray("\"4\""));

    QCOMPARE(seen[1].method, QByteArray("POST"));
    QCOMPARE(seen[1].url.path(), QStringLiteral("/api/v1/users/anna@example.com/suspend"));
    QCOMPARE(bodyOf(seen[1]), QJsonObject({{QStringLiteral("reason"), QStringLiteral("Spam")}}));
    QCOMPARE(seen[1].header("If-Match"), QByteArray("\"5\""));
    // No reason: no reason key at all.
    QCOMPARE(bodyOf(seen[2]), QJsonObject());
    QVERIFY(seen[2].header("If-Match").isEmpty());

    QCOMPARE(seen[3].method, QByteArray("DELETE"));
    QCOMPARE(seen[3].url.path(), QStringLiteral("/api/v1/users/anna@example.com"));
    QCOMPARE(seen[3].header("If-Match"), QByteArray("\"6\""));

    QCOMPARE(seen[4].method, QByteArray("POST"));
    QCOMPARE(seen[4].url.path(), QStringLiteral("/api/v1/alerts/42/resolve"));
    QCOMPARE(bodyOf(seen[4]), QJsonObject({{QStringLiteral("note"), QStringLiteral("Owner warned")}}));

    QCOMPARE(seen[5].url.path(), QStringLiteral("/api/v1/users/ben@example.com/outbound/hold"));

    QCOMPARE(seen[6].method, QByteArray("POST"));
    QCOMPARE(seen[6].url.path(), QStringLiteral("/api/v1/domains/example.com/restore"));
    QCOMPARE(bodyOf(seen[6]), QJsonObject());
}

void TestApiClient::incidentCallsSendTheirPathAndBody()
{
    for (int i = 0; i < 10; ++i)
        m_net->enqueue(CannedReply::json(200, "{}"));
    int answered = 0;
    auto count = [&](const api::ApiResult &) { ++answered; };
    const api::IncidentCalls incidents(m_client);
    const QJsonObject incident {{QStringLiteral("kind"), QStringLiteral("outage")}};
    incidents.listIncidents(QStringLiteral("open"), 20, this, count);
    incidents.listIncidents(QString(), 100, this, count);
    incidents.previewIncident(incident, this, count);
    incidents.createIncident(incident, this, count);
    incidents.postUpdate(7, QStringLiteral("Disks replaced"), this, count);
    incidents.resolveIncident(7, QStringLiteral("All mail delivered"), this, count);
    incidents.retryDelivery(7, 31, this, count);
    incidents.suggestionEvidence(5, this, count);
    incidents.decideSuggestion(
        5, api::IncidentCalls::Decision::Dismiss, QStringLiteral("Planned"), this, count);
    incidents.decideSuggestion(5, api::IncidentCalls::Decision::Confirm, QString(), this, count);
    QTRY_COMPARE(answered, 10);
    const QList<FakeNetwork::Seen> seen = m_net->requests();
    QCOMPARE(seen.size(), 10);

    QCOMPARE(seen[0].method, QByteArray("GET"));
    QCOMPARE(seen[0].url.path(), QStringLiteral("/api/v1/incidents"));
    QCOMPARE(seen[0].url.query(), QStringLiteral("status=open&limit=20"));
    // No status: every incident.
    QCOMPARE(seen[1].url.query(), QStringLiteral("limit=100"));

    QCOMPARE(seen[2].method, QByteArray("POST"));
    QCOMPARE(seen[2].url.path(), QStringLiteral("/api/v1/incidents/preview"));
    QCOMPARE(bodyOf(seen[2]), incident);
    QCOMPARE(seen[3].url.path(), QStringLiteral("/api/v1/incidents"));
    QCOMPARE(bodyOf(seen[3]), incident);

    QCOMPARE(seen[4].url.path(), QStringLiteral("/api/v1/incidents/7/updates"));
    QCOMPARE(bodyOf(seen[4]), QJsonObject({{QStringLiteral("body"), QStringLiteral("Disks replaced")}}));
    QCOMPARE(seen[5].url.path(), QStringLiteral("/api/v1/incidents/7/resolve"));
    QCOMPARE(bodyOf(seen[5]), QJsonObject({{QStringLiteral("note"), QStringLiteral("All mail delivered")}}));
    QCOMPARE(seen[6].method, QByteArray("POST"));
    QCOMPARE(seen[6].url.path(), QStringLiteral("/api/v1/incidents/7/deliveries/31/retry"));
    QCOMPARE(bodyOf(seen[6]), QJsonObject());

    QCOMPARE(seen[7].method, QByteArray("GET"));
    QCOMPARE(seen[7].url.path(), QStringLiteral("/api/v1/outage-suggestions/5/evidence"));
    QCOMPARE(seen[8].url.path(), QStringLiteral("/api/v1/outage-suggestions/5/dismiss"));
    QCOMPARE(bodyOf(seen[8]), QJsonObject({{QStringLiteral("note"), QStringLiteral("Planned")}}));
    // A confirmation without a note sends no note.
    QCOMPARE(seen[9].url.path(), QStringLiteral("/api/v1/outage-suggestions/5/confirm"));
    QCOMPARE(bodyOf(seen[9]), QJsonObject());
}

void TestApiClient::placementCallsSendTheirPathAndBody()
{
    for (int i = 0; i < 6; ++i)
        m_net->enqueue(CannedReply::json(200, "{}"));
    int answered = 0;
    auto count = [&](const api::ApiResult &) { ++answered; };
    const api::PlacementCalls placement(m_client);
    placement.listClusters(1000, this, count);
    placement.listMailStores(1000, this, count);
    placement.createCluster(QStringLiteral("fra1"), this, count);
    placement.createMailStore(QStringLiteral("store-a"), 3, QStringLiteral("imap-a.example.net"),
        QStringLiteral("maildir:/srv/mail/a/%d/%n"), this, count);
    placement.getMailStore(4, this, count);
    placement.setMailStoreAccepting(4, false, 8, this, count);
    QTRY_COMPARE(answered, 6);
    const QList<FakeNetwork::Seen> seen = m_net->requests();
    QCOMPARE(seen.size(), 6);

    QCOMPARE(seen[0].url.path(), QStringLiteral("/api/v1/clusters"));
    QCOMPARE(seen[0].url.query(), QStringLiteral("limit=1000"));
    QCOMPARE(seen[1].url.path(), QStringLiteral("/api/v1/mail-stores"));
    QCOMPARE(seen[1].url.query(), QStringLiteral("limit=1000"));

    QCOMPARE(seen[2].method, QByteArray("POST"));
    QCOMPARE(seen[2].url.path(), QStringLiteral("/api/v1/clusters"));
    QCOMPARE(bodyOf(seen[2]), QJsonObject({{QStringLiteral("name"), QStringLiteral("fra1")}}));
    QCOMPARE(seen[3].url.path(), QStringLiteral("/api/v1/mail-stores"));
    QCOMPARE(bodyOf(seen[3]),
        QJsonObject({{QStringLiteral("name"), QStringLiteral("store-a")}, {QStringLiteral("cluster_id"), 3.0},
            {QStringLiteral("host"), QStringLiteral("imap-a.example.net")},
            {QStringLiteral("mail_location"), QStringLiteral("maildir:/srv/mail/a/%d/%n")}}));

    QCOMPARE(seen[4].method, QByteArray("GET"));
    QCOMPARE(seen[4].url.path(), QStringLiteral("/api/v1/mail-stores/4"));
    QCOMPARE(seen[5].method, QByteArray("PATCH"));
    QCOMPARE(seen[5].url.path(), QStringLiteral("/api/v1/mail-stores/4"));
    QCOMPARE(bodyOf(seen[5]), QJsonObject({{QStringLiteral("accepting"), false}}));
    QCOMPARE(seen[5].header("If-Match"), QByteArray("\"8\""));
}

void TestApiClient::listAndEditorPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("companies") << api::CompanyCalls::listPath() << QStringLiteral("/companies");
    QTest::newRow("company domains") << api::DirectoryCalls::companyDomainsPath(12)
                                     << QStringLiteral("/companies/12/domains");
    QTest::newRow("company contacts")
        << api::DirectoryCalls::companyContactsPath(12) << QStringLiteral("/companies/12/contacts");
    QTest::newRow("contact") << api::DirectoryCalls::contactPath(12, 3)
                             << QStringLiteral("/companies/12/contacts/3");
    QTest::newRow("user activity") << api::DirectoryCalls::userActivityPath(QStringLiteral(
        "anna@example.com")) << QStringLiteral("/users/anna@example.com/activity");
    QTest::newRow("admins") << api::access::adminsPath() << QStringLiteral("/admins");
    QTest::newRow("admin") << api::access::adminPath(9) << QStringLiteral("/admins/9");
    QTest::newRow("admin password") << api::access::adminPasswordPath(9)
                                    << QStringLiteral("/admins/9/password");
    QTest::newRow("audit") << api::access::auditPath() << QStringLiteral("/audit");
    QTest::newRow("incidents") << api::IncidentCalls::incidentsPath() << QStringLiteral("/incidents");
    QTest::newRow("incident mailboxes")
        << api::IncidentCalls::mailboxesPath(7) << QStringLiteral("/incidents/7/mailboxes");
    QTest::newRow("incident impact") << api::IncidentCalls::impactPath(7)
                                     << QStringLiteral("/incidents/7/impact");
    QTest::newRow("incident deliveries")
        << api::IncidentCalls::deliveriesPath(7) << QStringLiteral("/incidents/7/deliveries");
    QTest::newRow("outage suggestions")
        << api::IncidentCalls::outageSuggestionsPath() << QStringLiteral("/outage-suggestions");
    QTest::newRow("clusters") << api::PlacementCalls::clustersPath() << QStringLiteral("/clusters");
    QTest::newRow("mail stores") << api::PlacementCalls::mailStoresPath() << QStringLiteral("/mail-stores");
    QTest::newRow("logins") << api::StatsCalls::seriesPath(api::SeriesQuery::Series::Logins)
                            << QStringLiteral("/stats/logins");
    QTest::newRow("active") << api::StatsCalls::activePath() << QStringLiteral("/stats/active");
    QTest::newRow("quota distribution")
        << api::StatsCalls::quotaDistributionPath() << QStringLiteral("/stats/quota/distribution");
    QTest::newRow("senders") << api::StatsCalls::sendersPath() << QStringLiteral("/stats/senders");
    QTest::newRow("inactive") << api::StatsCalls::inactivePath() << QStringLiteral("/stats/inactive");
}

void TestApiClient::listAndEditorPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(path, expected);
}

void TestApiClient::bulkStepsCarryPathAndBody()
{
    const auto quota = api::DirectoryCalls::setQuotaStep(QStringLiteral("anna@example.com"), 1024, 3);
    QCOMPARE(quota.method, QByteArray("PATCH"));
    QCOMPARE(quota.path, QStringLiteral("/users/anna@example.com"));
    QCOMPARE(quota.body, QJsonObject({{QStringLiteral("quota"), 1024.0}}));
    QCOMPARE(quota.ifMatch, 3);
    QCOMPARE(quota.label, QStringLiteral("anna@example.com"));

    const auto suspend = api::DirectoryCalls::suspendUserStep(QStringLiteral("anna@example.com"), QString());
    QCOMPARE(suspend.path, QStringLiteral("/users/anna@example.com/suspend"));
    QVERIFY(suspend.body.isEmpty());

    const auto remove = api::DirectoryCalls::deleteUserStep(QStringLiteral("anna@example.com"), 9);
    QCOMPARE(remove.method, QByteArray("DELETE"));
    QCOMPARE(remove.ifMatch, 9);

    const QJsonObject user {{QStringLiteral("local_part"), QStringLiteral("cleo")}};
    const auto create = api::DirectoryCalls::createUserStep(QStringLiteral("example.com"), user);
    QCOMPARE(create.method, QByteArray("POST"));
    QCOMPARE(create.path, QStringLiteral("/domains/example.com/users"));
    QCOMPARE(create.body, user);
    QCOMPARE(create.label, QStringLiteral("cleo"));

    const auto restore = api::DirectoryCalls::restoreUserStep(QStringLiteral("anna@example.com"));
    QCOMPARE(restore.method, QByteArray("POST"));
    QCOMPARE(restore.path, QStringLiteral("/users/anna@example.com/restore"));
    QVERIFY(restore.body.isEmpty());
    QCOMPARE(restore.ifMatch, 0);
    QCOMPARE(restore.label, QStringLiteral("anna@example.com"));
}

// The same calls against a real mailadmind: the server understands what they send.
void TestApiClient::typedCallsAgainstServer()
{
    testing::TestServer server(true);
    api::ApiClient client(new QNetworkAccessManager);
    client.setBaseUrl(QUrl(server.baseUrl()));
    client.setToken(server.operatorClient().token());

    api::ApiResult listed;
    bool done = false;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
    client.get(QStringLiteral("/users"), query, this, [&](const api::ApiResult &r) {
        listed = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(listed.ok(), qPrintable(listed.error.message()));
    const QJsonArray items = listed.json.value(QLatin1String("items")).toArray();
    QVERIFY(!items.isEmpty());
    const QString address = items.first().toObject().value(QLatin1String("address")).toString();
    QVERIFY(!address.isEmpty());

    const api::DirectoryCalls directory(&client);
    api::ApiResult user = answerOf([&](auto cb) { directory.getUser(address, this, cb); });
    QVERIFY2(user.ok(), qPrintable(user.error.message()));

    const qint64 quota = qint64(3) << 30;
    user = answerOf([&](auto cb) { directory.setQuota(address, quota, user.version, this, cb); });
    QVERIFY2(user.ok(), qPrintable(user.error.message()));
    QCOMPARE(qint64(user.json.value(QLatin1String("quota")).toDouble()), quota);

    // A stale version is refused and changes nothing.
    api::ApiResult stale
        = answerOf([&](auto cb) { directory.setQuota(address, 1024, user.version - 1, this, cb); });
    QCOMPARE(stale.error.status, 412);

    user = answerOf([&](auto cb) { directory.suspendUser(address, QStringLiteral("Test"), 0, this, cb); });
    QVERIFY2(user.ok(), qPrintable(user.error.message()));
    QCOMPARE(user.json.value(QLatin1String("status")).toString(), QStringLiteral("suspended"));
    user = answerOf([&](auto cb) { directory.unsuspendUser(address, 0, this, cb); });
    QCOMPARE(user.json.value(QLatin1String("status")).toString(), QStringLiteral("active"));

    user = answerOf([&](auto cb) { directory.getUser(address, this, cb); });
    user = answerOf([&](auto cb) { directory.deleteUser(address, user.version, this, cb); });
    QVERIFY2(user.ok(), qPrintable(user.error.message()));
    QCOMPARE(user.json.value(QLatin1String("status")).toString(), QStringLiteral("deleted"));
    QCOMPARE(qint64(user.json.value(QLatin1String("quota")).toDouble()), quota);
}

// Clusters, mail stores and an incident on them through the typed calls, against a real mailadmind.
void TestApiClient::placementAndIncidentCallsAgainstServer()
{
    testing::TestServer server;
    api::ApiClient client(new QNetworkAccessManager);
    client.setBaseUrl(QUrl(server.baseUrl()));
    client.setToken(server.operatorClient().token());
    const api::PlacementCalls placement(&client);
    const api::ApiResult cluster
        = answerOf([&](auto cb) { placement.createCluster(QStringLiteral("Cluster A"), this, cb); });
    QVERIFY2(cluster.ok(), qPrintable(cluster.error.message()));
    const qint64 clusterId = qint64(cluster.json.value(QLatin1String("id")).toDouble());
    api::ApiResult store = answerOf([&](auto cb) {
        placement.createMailStore(QStringLiteral("a1"), clusterId, QStringLiteral("a1.example.net"),
            QStringLiteral("maildir:/srv/mail/a1/%d/%n"), this, cb);
    });
    QVERIFY2(store.ok(), qPrintable(store.error.message()));
    const qint64 storeId = qint64(store.json.value(QLatin1String("id")).toDouble());
    QCOMPARE(store.json.value(QLatin1String("host")).toString(), QStringLiteral("a1.example.net"));

    // Both lists hold what was just created (next to the server's default cluster and store).
    const auto lists = [](const api::ApiResult &list, qint64 id) {
        for (const QJsonValue &v : list.json.value(QLatin1String("items")).toArray()) {
            if (qint64(v.toObject().value(QLatin1String("id")).toDouble()) == id)
                return true;
        }
        return false;
    };
    QVERIFY(lists(answerOf([&](auto cb) { placement.listClusters(1000, this, cb); }), clusterId));
    QVERIFY(lists(answerOf([&](auto cb) { placement.listMailStores(1000, this, cb); }), storeId));

    store = answerOf([&](auto cb) { placement.getMailStore(storeId, this, cb); });
    QVERIFY2(store.ok(), qPrintable(store.error.message()));
    const bool accepting = store.json.value(QLatin1String("accepting")).toBool();
    store = answerOf(
        [&](auto cb) { placement.setMailStoreAccepting(storeId, !accepting, store.version, this, cb); });
    QVERIFY2(store.ok(), qPrintable(store.error.message()));
    QCOMPARE(store.json.value(QLatin1String("accepting")).toBool(), !accepting);

    const api::IncidentCalls incidents(&client);
    const QJsonObject incident {{QStringLiteral("kind"), QStringLiteral("outage")},
        {QStringLiteral("title"), QStringLiteral("Store a1 down")},
        {QStringLiteral("description"), QStringLiteral("The a1 volume is offline.")},
        {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
        {QStringLiteral("stores"), QJsonArray {double(storeId)}}};
    const api::ApiResult preview = answerOf([&](auto cb) { incidents.previewIncident(incident, this, cb); });
    QVERIFY2(preview.ok(), qPrintable(preview.error.message()));
    QVERIFY(!preview.json.value(QLatin1String("subject")).toString().isEmpty());

    api::ApiResult created = answerOf([&](auto cb) { incidents.createIncident(incident, this, cb); });
    QVERIFY2(created.ok(), qPrintable(created.error.message()));
    const qint64 id = qint64(created.json.value(QLatin1String("id")).toDouble());
    const api::ApiResult open
        = answerOf([&](auto cb) { incidents.listIncidents(QStringLiteral("open"), 20, this, cb); });
    QCOMPARE(open.json.value(QLatin1String("items")).toArray().size(), 1);

    api::ApiResult current
        = answerOf([&](auto cb) { incidents.postUpdate(id, QStringLiteral("Disks replaced"), this, cb); });
    QVERIFY2(current.ok(), qPrintable(current.error.message()));
    QCOMPARE(current.json.value(QLatin1String("updates")).toArray().size(), 2);
    current = answerOf([&](auto cb) { incidents.resolveIncident(id, QStringLiteral("Back up"), this, cb); });
    QVERIFY2(current.ok(), qPrintable(current.error.message()));
    QCOMPARE(current.json.value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
    current = answerOf([&](auto cb) { incidents.getIncident(id, this, cb); });
    QCOMPARE(current.json.value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
