#include "ApiClient.h"
#include "FakeNetwork.h"
#include "UserListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace mailadmin;
using testing::CannedReply;
using testing::FakeNetwork;

// The lazy users model: pages of 200 on demand, server-side search, filter and sort, the total, and edits
// reflected in place.
class TestUserListModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init();
    void cleanup();
    void pagesOnDemand();
    void searchFilterAndSortGoToTheServer();
    void staleAnswersAreDropped();
    void editsShowInPlace();
    void formatsCells();

private:
    static QByteArray page(int offset, int count, int total);
    QUrlQuery lastQuery() const { return QUrlQuery(m_net->requests().last().url); }

    FakeNetwork *m_net = nullptr;
    api::ApiClient *m_client = nullptr;
    models::UserListModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

QByteArray TestUserListModel::page(int offset, int count, int total)
{
    QJsonArray items;
    for (int i = offset; i < offset + count; ++i) {
        items.append(QJsonObject {
            {QStringLiteral("address"), QStringLiteral("user%1@big.example").arg(i, 5, 10, QLatin1Char('0'))},
            {QStringLiteral("display_name"), QStringLiteral("User %1").arg(i)},
            {QStringLiteral("type"), QStringLiteral("mailbox")},
            {QStringLiteral("status"), QStringLiteral("active")}, {QStringLiteral("quota"), 1073741824.0},
            {QStringLiteral("used_bytes"), 536870912.0}, {QStringLiteral("version"), 1},
            {QStringLiteral("last_login"),
                QJsonObject {{QStringLiteral("imap"), QStringLiteral("2026-11-20T10:00:00Z")},
                    {QStringLiteral("pop"), QJsonValue::Null}}}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("total"), total},
                             {QStringLiteral("offset"), offset}, {QStringLiteral("limit"), 200}})
        .toJson(QJsonDocument::Compact);
}

void TestUserListModel::init()
{
    m_net = new FakeNetwork;
    m_client = new api::ApiClient(m_net);
    m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    m_model = new models::UserListModel(m_client);
    m_tester
        = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void TestUserListModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_client;
}

void TestUserListModel::pagesOnDemand()
{
    QSignalSpy total(m_model, &models::PagedListModel::totalChanged);
    m_net->enqueue(CannedReply::json(200, page(0, 200, 450)));
    m_net->enqueue(CannedReply::json(200, page(200, 200, 450)));
    m_net->enqueue(CannedReply::json(200, page(400, 50, 450)));
    m_model->setDomain(QStringLiteral("big.example"));
    QTRY_COMPARE(m_model->rowCount(), 200);
    QCOMPARE(m_model->total(), 450);
    QCOMPARE(total.count(), 1);
    QCOMPARE(m_net->requests().first().url.path(), QStringLiteral("/api/v1/domains/big.example/users"));
    // The view asks for more as it scrolls (the model tester asks too); one page is in flight at a time.
    QVERIFY(m_model->canFetchMore({}));
    m_model->fetchMore({});
    QVERIFY(!m_model->canFetchMore({}));
    QTRY_VERIFY(m_model->rowCount() >= 400);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    QTRY_COMPARE(m_model->rowCount(), 450);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->addressAt(449), QStringLiteral("user00449@big.example"));
    QCOMPARE(m_net->requests().size(), 3);
    QStringList offsets;
    for (const auto &r : m_net->requests()) {
        const QUrlQuery q(r.url);
        QCOMPARE(q.queryItemValue(QStringLiteral("limit")), QStringLiteral("200"));
        offsets << q.queryItemValue(QStringLiteral("offset"));
    }
    QCOMPARE(offsets, (QStringList {QStringLiteral("0"), QStringLiteral("200"), QStringLiteral("400")}));
}

void TestUserListModel::searchFilterAndSortGoToTheServer()
{
    m_net->enqueue(CannedReply::json(200, page(0, 10, 10)));
    m_model->setDomain(QStringLiteral("big.example"));
    QTRY_COMPARE(m_model->rowCount(), 10);
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    m_net->enqueue(CannedReply::json(200, page(0, 3, 3)));
    m_model->setSearch(QStringLiteral("user0000"));
    QCOMPARE(reset.count(), 1);
    QTRY_COMPARE(m_model->rowCount(), 3);
    QCOMPARE(lastQuery().queryItemValue(QStringLiteral("q")), QStringLiteral("user0000"));
    m_net->enqueue(CannedReply::json(200, page(0, 1, 1)));
    m_model->setFilter(QStringLiteral("status"), QStringLiteral("suspended"));
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(lastQuery().queryItemValue(QStringLiteral("status")), QStringLiteral("suspended"));
    m_net->enqueue(CannedReply::json(200, page(0, 1, 1)));
    m_model->sort(models::UserListModel::Quota, Qt::DescendingOrder);
    QTRY_COMPARE(m_net->requests().size(), 4);
    QCOMPARE(lastQuery().queryItemValue(QStringLiteral("sort")), QStringLiteral("-quota"));
    QCOMPARE(lastQuery().queryItemValue(QStringLiteral("q")), QStringLiteral("user0000"));
    // A column the server cannot sort by does not send a request.
    m_model->sort(models::UserListModel::LastLogin, Qt::AscendingOrder);
    QTest::qWait(20);
    QCOMPARE(m_net->requests().size(), 4);
}

void TestUserListModel::staleAnswersAreDropped()
{
    CannedReply slow = CannedReply::json(200, page(0, 200, 1000));
    slow.delayMs = 100;
    m_net->enqueue(slow);
    m_model->setDomain(QStringLiteral("big.example"));
    m_net->enqueue(CannedReply::json(200, page(0, 2, 2)));
    m_model->setSearch(QStringLiteral("x"));
    QTRY_COMPARE(m_model->rowCount(), 2);
    QTest::qWait(150);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->total(), 2);
}

void TestUserListModel::editsShowInPlace()
{
    m_net->enqueue(CannedReply::json(200, page(0, 5, 5)));
    m_model->setDomain(QStringLiteral("big.example"));
    QTRY_COMPARE(m_model->rowCount(), 5);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QJsonObject edited = m_model->objectAt(2);
    edited.insert(QStringLiteral("display_name"), QStringLiteral("Renamed"));
    m_model->updateObject(edited);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(
        m_model->index(2, models::UserListModel::DisplayName).data().toString(), QStringLiteral("Renamed"));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    m_model->removeKey(m_model->addressAt(0));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->total(), 4);
}

void TestUserListModel::formatsCells()
{
    m_net->enqueue(CannedReply::json(200, page(0, 1, 1)));
    m_model->setDomain(QStringLiteral("big.example"));
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, models::UserListModel::Quota).data().toString(), QStringLiteral("1 GB"));
    QCOMPARE(
        m_model->index(0, models::UserListModel::Used).data().toString(), QStringLiteral("512 MB (50%)"));
    QCOMPARE(m_model->index(0, models::UserListModel::Type).data().toString(), QStringLiteral("Mailbox"));
    QVERIFY(m_model->index(0, models::UserListModel::LastLogin)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("POP: never")));
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Address"));
    // The export carries the raw values under the API's names, not the cells' text.
    const QStringList header = m_model->exportHeader();
    const QStringList exported = m_model->exportRow(m_model->objectAt(0));
    QCOMPARE(exported.size(), header.size());
    QCOMPARE(exported.at(header.indexOf(QStringLiteral("quota"))), QStringLiteral("1073741824"));
    QCOMPARE(exported.at(header.indexOf(QStringLiteral("used_bytes"))), QStringLiteral("536870912"));
    QCOMPARE(exported.at(header.indexOf(QStringLiteral("type"))), QStringLiteral("mailbox"));
}

QTEST_GUILESS_MAIN(TestUserListModel)
#include "tst_userlistmodel.moc"
