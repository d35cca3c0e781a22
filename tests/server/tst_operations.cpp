#include "TestServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// What an administrator watches: Prometheus metrics that count every request by route and status without a
// customer's name in them, the database's health in /status, and an OpenAPI document that lists exactly the
// routes docs/api.md documents.
class TestOperations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void statusSaysTheDatabaseAnswers();
    void metricsCountRequestsByRouteAndStatus();
    void metricsCarryNoCustomerData();
    void metricsHaveTheServerGauges();
    void openApiListsEveryDocumentedRoute();
    void openApiOperationsAreComplete();

private:
    static double sample(const QByteArray &metrics, const QString &line);
    std::unique_ptr<TestServer> m_server;
};

void TestOperations::initTestCase()
{
    m_server = std::make_unique<TestServer>();
}

double TestOperations::sample(const QByteArray &metrics, const QString &prefix)
{
    for (const QByteArray &line : metrics.split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(prefix + QLatin1Char(' ')))
            return text.mid(prefix.size() + 1).toDouble();
    }
    return -1;
}

void TestOperations::statusSaysTheDatabaseAnswers()
{
    const auto reply = m_server->client().get(QStringLiteral("/api/v1/status"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("database_ok")).toBool(), true);
}

void TestOperations::metricsCountRequestsByRouteAndStatus()
{
    const HttpClient client = m_server->client();
    const QString ok = QStringLiteral(
        "mailadmind_http_requests_total{method=\"GET\",route=\"/api/v1/status\",status=\"200\"}");
    const QString unauthorised = QStringLiteral(
        "mailadmind_http_requests_total{method=\"GET\",route=\"/api/v1/domains/{name}\",status=\"401\"}");
    const QByteArray before = client.get(QStringLiteral("/metrics")).body;
    const double okBefore = qMax(0.0, sample(before, ok));
    const double unauthorisedBefore = qMax(0.0, sample(before, unauthorised));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(client.get(QStringLiteral("/api/v1/status")).status, 200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(client.get(QStringLiteral("/api/v1/domains/example.com")).status, 401);
    QCOMPARE(client.get(QStringLiteral("/api/v1/no-such-thing")).status, 404);

    const auto scrape = client.get(QStringLiteral("/metrics"));
    QCOMPARE(scrape.status, 200);
    QVERIFY(scrape.header("content-type").startsWith("text/plain; version=0.0.4"));
    QCOMPARE(sample(scrape.body, ok), okBefore + 5);
    QCOMPARE(sample(scrape.body, unauthorised), unauthorisedBefore + 3);
    QVERIFY(
        sample(scrape.body,
            QStringLiteral("mailadmind_http_requests_total{method=\"*\",route=\"unmatched\",status=\"404\"}"))
        >= 1);
    // The histogram is cumulative and its +Inf bucket equals the count.
    const QString histogram = QStringLiteral("mailadmind_http_request_duration_seconds");
    const QString labels = QStringLiteral("method=\"GET\",route=\"/api/v1/status\"");
    const double count
        = sample(scrape.body, histogram + QStringLiteral("_count{") + labels + QLatin1Char('}'));
    QVERIFY(count >= okBefore + 5);
    QCOMPARE(sample(scrape.body,
                 histogram + QStringLiteral("_bucket{") + labels + QStringLiteral(",le=\"+Inf\"}")),
        count);
    double previous = 0;
    static const QRegularExpression bucket(
        QStringLiteral("_bucket\\{method=\"GET\",route=\"/api/v1/status\",le=\"[^\"]+\"\\} (\\d+)"));
    for (auto it = bucket.globalMatch(QString::fromUtf8(scrape.body)); it.hasNext();) {
        const double value = it.next().captured(1).toDouble();
        QVERIFY(value >= previous);
        previous = value;
    }
    QCOMPARE(previous, count);
}

void TestOperations::metricsCarryNoCustomerData()
{
    HttpClient op = m_server->operatorClient();
    const auto company = op.post(
        QStringLiteral("/api/v1/companies"), {{QStringLiteral("name"), QStringLiteral("Hidden Reseller")}});
    QCOMPARE(company.status, 201);
    QCOMPARE(op.get(QStringLiteral("/api/v1/domains/secret-customer.example")).status, 404);
    QCOMPARE(op.get(QStringLiteral("/api/v1/users/ceo@secret-customer.example")).status, 404);
    const QByteArray metrics = m_server->client().get(QStringLiteral("/metrics")).body;
    QVERIFY(!metrics.contains("secret-customer"));
    QVERIFY(!metrics.contains("Hidden Reseller"));
    QVERIFY(metrics.contains("route=\"/api/v1/users/{address}\",status=\"404\""));
}

void TestOperations::metricsHaveTheServerGauges()
{
    const QByteArray metrics = m_server->client().get(QStringLiteral("/metrics")).body;
    QCOMPARE(sample(metrics, QStringLiteral("mailadmind_database_up")), 1.0);
    // The operator's session of the test above is alive.
    QVERIFY(sample(metrics, QStringLiteral("mailadmind_sessions")) >= 1);
    QCOMPARE(sample(metrics, QStringLiteral("mailadmind_outbox_pending")), 0.0);
    for (const char *name :
        {"mailadmind_ingest_events_total{kind=\"login\"}", "mailadmind_ingest_events_total{kind=\"message\"}",
            "mailadmind_fold_lag_events{kind=\"login\"}"})
        QVERIFY2(sample(metrics, QLatin1String(name)) >= 0, name);
    // Every sample's family has its TYPE line.
    static const QRegularExpression family(QStringLiteral("^(mailadmind_[a-z_]+?)(_bucket|_sum|_count)?[{ ]"),
        QRegularExpression::MultilineOption);
    for (auto it = family.globalMatch(QString::fromUtf8(metrics)); it.hasNext();) {
        const QString name = it.next().captured(1);
        const QByteArray type = QByteArray("# TYPE ") + name.toUtf8() + ' ';
        QVERIFY2(metrics.contains(type), qPrintable(name));
    }
}

void TestOperations::openApiListsEveryDocumentedRoute()
{
    const auto reply = m_server->client().get(QStringLiteral("/api/v1/openapi.json"));
    QCOMPARE(reply.status, 200);
    const QJsonObject doc = reply.json();
    QCOMPARE(doc.value(QLatin1String("openapi")).toString(), QStringLiteral("3.1.0"));
    QSet<QString> served;
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto op = operations.begin(); op != operations.end(); ++op)
            served.insert(op.key().toUpper() + QLatin1Char(' ') + path.key());
    }
    QFile file(qEnvironmentVariable("MAILADMIN_SOURCE_DIR") + QStringLiteral("/docs/api.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QSet<QString> documented;
    static const QRegularExpression heading(
        QStringLiteral("^### (GET|POST|PATCH|PUT|DELETE) (/\\S+)"), QRegularExpression::MultilineOption);
    for (auto it = heading.globalMatch(QString::fromUtf8(file.readAll())); it.hasNext();) {
        const auto m = it.next();
        documented.insert(m.captured(1) + QLatin1Char(' ') + m.captured(2));
    }
    QVERIFY(documented.size() > 50);
    for (const QString &route : documented)
        QVERIFY2(
            served.contains(route), qPrintable(QStringLiteral("documented, not in openapi.json: ") + route));
    for (const QString &route : served)
        QVERIFY2(documented.contains(route), qPrintable(QStringLiteral("served, not documented: ") + route));
}

void TestOperations::openApiOperationsAreComplete()
{
    const QJsonObject paths = m_server->client()
                                  .get(QStringLiteral("/api/v1/openapi.json"))
                                  .json()
                                  .value(QLatin1String("paths"))
                                  .toObject();
    QSet<QString> ids;
    static const QRegularExpression braces(QStringLiteral("\\{([a-z_]+)\\}"));
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        for (const QJsonValue &value : path.value().toObject()) {
            const QJsonObject op = value.toObject();
            const QString id = op.value(QLatin1String("operationId")).toString();
            QVERIFY2(!id.isEmpty() && !ids.contains(id), qPrintable(path.key()));
            ids.insert(id);
            QSet<QString> declared;
            for (const QJsonValue &p : op.value(QLatin1String("parameters")).toArray()) {
                if (p.toObject().value(QLatin1String("in")).toString() == QLatin1String("path"))
                    declared.insert(p.toObject().value(QLatin1String("name")).toString());
            }
            QSet<QString> inPath;
            for (auto it = braces.globalMatch(path.key()); it.hasNext();)
                inPath.insert(it.next().captured(1));
            QCOMPARE(declared, inPath);
            QVERIFY(op.value(QLatin1String("responses")).toObject().contains(QLatin1String("default")));
        }
    }
    // Public routes ask for no token; the others for the bearer token.
    const auto security = [&](const char *path, const char *method) {
        return paths.value(QLatin1String(path))
            .toObject()
            .value(QLatin1String(method))
            .toObject()
            .value(QLatin1String("security"))
            .toArray();
    };
    QVERIFY(security("/api/v1/status", "get").isEmpty());
    QCOMPARE(security("/api/v1/users/{address}", "get").size(), 1);
    // A PATCH that needs the version says so.
    bool ifMatch = false;
    for (const QJsonValue &p : paths.value(QLatin1String("/api/v1/users/{address}"))
                                   .toObject()
                                   .value(QLatin1String("patch"))
                                   .toObject()
                                   .value(QLatin1String("parameters"))
                                   .toArray())
        ifMatch |= p.toObject().value(QLatin1String("name")).toString() == QLatin1String("If-Match");
    QVERIFY(ifMatch);
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
