#include "ApiClient.h"
#include "FakeNetwork.h"
#include "NavigationModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace mailadmin;
using testing::CannedReply;
using testing::FakeNetwork;

// The navigation tree: companies at the top for operators, their domains (with user counts) loaded when
// a company is expanded.
class TestNavigationModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void companiesThenDomains();
    void domainsAtTopForCompanyAdmins();
};

void TestNavigationModel::companiesThenDomains()
{
    auto *net = new FakeNetwork;
    api::ApiClient client(net);
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    models::NavigationModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    net->enqueue(CannedReply::json(200,
        "{\"items\":[{\"id\":1,\"name\":\"Northwind\",\"domain_count\":2},{\"id\":2,\"name\":\"Bluebird\","
        "\"domain_count\":0}],"
        "\"total\":2,\"offset\":0,\"limit\":200}"));
    net->enqueue(CannedReply::json(200,
        "{\"items\":[{\"id\":7,\"name\":\"xn--bckerei-5wa.de\",\"user_count\":1234,\"company_id\":1},"
        "{\"id\":8,\"name\":\"shop.example\",\"user_count\":5,\"company_id\":1}],\"total\":2,\"offset\":0,"
        "\"limit\":200}"));
    net->enqueue(CannedReply::json(200, "{\"items\":[],\"total\":0,\"offset\":0,\"limit\":200}"));
    model.load(true);
    QTRY_COMPARE(model.rowCount(), 2);
    const QModelIndex northwind = model.index(0, 0);
    QCOMPARE(northwind.data().toString(), QStringLiteral("Northwind"));
    // Expanding a company fetches its domains (the model tester may already have asked).
    if (model.canFetchMore(northwind))
        model.fetchMore(northwind);
    QTRY_COMPARE(model.rowCount(northwind), 2);
    QCOMPARE(net->requests().at(1).url.path(), QStringLiteral("/api/v1/companies/1/domains"));
    QCOMPARE(net->requests().size(), 3); // companies, then each company's domains once
    const QModelIndex bakery = model.index(0, 0, northwind);
    QCOMPARE(bakery.data().toString(), QStringLiteral("bäckerei.de (1,234)"));
    QCOMPARE(bakery.data(models::NavigationModel::KeyRole).toString(), QStringLiteral("xn--bckerei-5wa.de"));
    QCOMPARE(model.parent(bakery), northwind);
    QVERIFY(!model.hasChildren(bakery));
    QVERIFY(!model.canFetchMore(northwind));
    model.updateDomain(QJsonObject {
        {QStringLiteral("name"), QStringLiteral("shop.example")}, {QStringLiteral("user_count"), 6}});
    QCOMPARE(model.index(1, 0, northwind).data().toString(), QStringLiteral("shop.example (6)"));
}

void TestNavigationModel::domainsAtTopForCompanyAdmins()
{
    auto *net = new FakeNetwork;
    api::ApiClient client(net);
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    models::NavigationModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    net->enqueue(CannedReply::json(200,
        "{\"items\":[{\"id\":8,\"name\":\"shop.example\",\"user_count\":5}],\"total\":1,\"offset\":0,"
        "\"limit\":200}"));
    model.load(false);
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(net->requests().last().url.path(), QStringLiteral("/api/v1/domains"));
    QCOMPARE(model.index(0, 0).data(models::NavigationModel::KindRole).toInt(),
        int(models::NavigationModel::Kind::Domain));
    QVERIFY(model.findDomain(QStringLiteral("shop.example")).isValid());
}

QTEST_GUILESS_MAIN(TestNavigationModel)
#include "tst_navigationmodel.moc"
