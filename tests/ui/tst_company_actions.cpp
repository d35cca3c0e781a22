#include "AccessPages.h"
#include "DomainPage.h"
#include "ListPage.h"
#include "MessageBox.h"
#include "PagedListModel.h"
#include "UiHarness.h"

#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The company page's Suspend…, Resume and Delete… and the deleted items page's Restore company against a real
// server: each button is enabled only when it applies and for operators, and each changes the server's
// company.
class TestCompanyActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void operatorSuspendsResumesDeletesRestores();
    void companyAdminHasNoButtons();

private:
    QJsonObject serverCompany()
    {
        return m_op->get(QStringLiteral("/api/v1/companies/%1").arg(m_company)).json();
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    qint64 m_company = 0;
};

void TestCompanyActions::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Button Co")}});
    QCOMPARE(company.status, 201);
    m_company = qint64(company.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("button.example")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/button.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("ann")}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("boss@button")},
                         {QStringLiteral("role"), QStringLiteral("company_admin")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("password"), QLatin1String(TestServer::kPassword)}})
                 .status,
        201);
}

void TestCompanyActions::cleanupTestCase()
{
    m_op.reset();
    m_server.reset();
}

void TestCompanyActions::operatorSuspendsResumesDeletesRestores()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::CompanyPage page(ui.context);
    page.openCompany(m_company);
    QVERIFY(QTest::qWaitFor([&] { return page.companyId() == m_company; }, 10000));
    auto *suspend = page.findChild<QPushButton *>(QStringLiteral("suspendCompanyButton"));
    auto *resume = page.findChild<QPushButton *>(QStringLiteral("resumeCompanyButton"));
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("deleteCompanyButton"));
    QVERIFY(suspend && resume && remove);
    QVERIFY(suspend->isEnabled());
    QVERIFY(!resume->isEnabled());
    QVERIFY(remove->isEnabled());

    ui::MessageBox::setNextText(QStringLiteral("Invoices unpaid"));
    suspend->click();
    QVERIFY(QTest::qWaitFor([&] { return resume->isEnabled(); }, 10000));
    QVERIFY(!suspend->isEnabled());
    QCOMPARE(serverCompany().value(QLatin1String("status")).toString(), QStringLiteral("suspended"));
    QCOMPARE(serverCompany().value(QLatin1String("suspended_reason")).toString(),
        QStringLiteral("Invoices unpaid"));

    // A cancelled reason sends nothing.
    resume->click();
    QVERIFY(QTest::qWaitFor([&] { return suspend->isEnabled(); }, 10000));
    QCOMPARE(serverCompany().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    ui::MessageBox::setNextText(QString(), false);
    suspend->click();
    QTest::qWait(200);
    QCOMPARE(serverCompany().value(QLatin1String("status")).toString(), QStringLiteral("active"));

    // The confirmation names what goes with the company; No keeps it.
    ui::MessageBox::setNextAnswer(QMessageBox::No);
    remove->click();
    QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("1 domain")));
    QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("1 mailbox")));
    QTest::qWait(200);
    QVERIFY(serverCompany().value(QLatin1String("deleted_at")).isNull());
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    remove->click();
    QVERIFY(QTest::qWaitFor([&] { return !remove->isEnabled(); }, 10000));
    QVERIFY(!suspend->isEnabled());
    QVERIFY(!resume->isEnabled());
    QVERIFY(!serverCompany().value(QLatin1String("deleted_at")).isNull());
    // The company page offers Restore at once; the deleted items page restores it here.
    auto *restoreHere = page.findChild<QPushButton *>(QStringLiteral("restoreCompanyButton"));
    QVERIFY(restoreHere && restoreHere->isEnabled());

    ui::DeletedItemsPage deleted(ui.context);
    deleted.refresh();
    ui::ListPage *list = deleted.companiesList();
    QVERIFY(!list->isHidden());
    QVERIFY(QTest::qWaitFor([&] { return list->model()->rowCount() == 1; }, 10000));
    QCOMPARE(list->model()->objectAt(0).value(QLatin1String("name")).toString(), QStringLiteral("Button Co"));
    list->table()->selectRow(0);
    auto *restore = deleted.findChild<QPushButton *>(QStringLiteral("restoreCompanyButton"));
    QVERIFY(restore && restore->isEnabled());
    restore->click();
    QVERIFY(
        QTest::qWaitFor([&] { return serverCompany().value(QLatin1String("deleted_at")).isNull(); }, 10000));
    QVERIFY(QTest::qWaitFor(
        [&] { return list->model()->rowCount() == 0 && !list->model()->isLoading(); }, 10000));
}

void TestCompanyActions::companyAdminHasNoButtons()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QStringLiteral("boss@button")));
    ui::CompanyPage page(ui.context);
    page.openCompany(m_company);
    QVERIFY(QTest::qWaitFor([&] { return page.companyId() == m_company; }, 10000));
    for (const char *name :
        {"suspendCompanyButton", "resumeCompanyButton", "deleteCompanyButton", "restoreCompanyButton"}) {
        auto *button = page.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY(button);
        QVERIFY(!button->isEnabled());
        QVERIFY(!button->isVisibleTo(&page));
    }
    ui::DeletedItemsPage deleted(ui.context);
    deleted.refresh();
    QVERIFY(deleted.companiesList()->isHidden());
}

QTEST_MAIN(TestCompanyActions)
#include "tst_company_actions.moc"
