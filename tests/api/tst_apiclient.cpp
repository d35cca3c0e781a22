#include "ApiClient.h"
#include "FakeNetwork.h"
#include "Session.h"

#include <QSignalSpy>
#include <QTest>

using namespace mailadmin;
using testing::CannedReply;
using testing::FakeNetwork;

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

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
