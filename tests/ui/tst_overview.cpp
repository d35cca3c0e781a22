#include "CompanyOverviewModel.h"
#include "CompanyStatusActions.h"
#include "CredentialStore.h"
#include "FileDialog.h"
#include "Format.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "OverviewPage.h"
#include "UiHarness.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace mailadmin;
using models::CompanyOverviewModel;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The operator's page across all companies against a real server with the demo companies and a few more:
// its rows and figures are the server's, header clicks sort through the server, search and paging work,
// a company opens, and suspend, resume, delete and restore change the server's company and its row.
class TestOverview : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowsAndFiguresMatchTheServer();
    void headerClickSortsOnTheServer();
    void searchAndPaging();
    void opensTheCompany();
    void actionsChangeTheCompany();
    void exportsCsv();
    void onlyOperatorsHaveThePage();

private:
    // The overview as the server answers it, in the order asked.
    QJsonArray serverRows(const QString &query = QString()) const
    {
        return m_op->get(QStringLiteral("/api/v1/operator/companies?limit=1000") + query).items();
    }
    QJsonObject serverCompany(qint64 id) const
    {
        return m_op->get(QStringLiteral("/api/v1/companies/%1").arg(id)).json();
    }
    static QStringList names(const CompanyOverviewModel *model)
    {
        QStringList list;
        for (int row = 0; row < model->rowCount(); ++row)
            list << model->nameAt(row);
        return list;
    }
    static QStringList names(const QJsonArray &rows)
    {
        QStringList list;
        for (const QJsonValue &v : rows)
            list << v.toObject().value(QLatin1String("name")).toString();
        return list;
    }
    static bool loaded(const CompanyOverviewModel *model)
    {
        return model->isLoaded() && !model->isLoading() && model->rowCount() == model->total();
    }
    int rowOf(const CompanyOverviewModel *model, const QString &name) const
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->nameAt(row) == name)
                return row;
        }
        return -1;
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    qint64 m_zeta = 0;
};

void TestOverview::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    // Beside the demo companies: one with a few small mailboxes, one with none at all.
    const auto zeta = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Zeta Mail")},
            {QStringLiteral("default_quota"), 1073741824.0}});
    QCOMPARE(zeta.status, 201);
    m_zeta = qint64(zeta.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_zeta),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("zeta.example")}})
                 .status,
        201);
    for (const char *user : {"ann", "bob", "cyd"}) {
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/zeta.example/users"),
                         QJsonObject {{QStringLiteral("local_part"), QLatin1String(user)}})
                     .status,
            201);
    }
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("Empty Relay")}})
                 .status,
        201);
    QVERIFY(serverRows().size() >= 4);
}

void TestOverview::cleanupTestCase()
{
    m_op.reset();
    m_server.reset();
}

void TestOverview::rowsAndFiguresMatchTheServer()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::OverviewPage page(ui.context);
    auto *model = page.companies();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model->isLoaded()); // nothing is asked before the page is shown
    page.show();
    QTRY_VERIFY(loaded(model));
    const QJsonArray rows = serverRows();
    QCOMPARE(model->total(), qint64(rows.size()));
    QCOMPARE(names(model), names(rows)); // by name, as the server sorts by default

    const QLocale locale;
    bool someStorage = false;
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject s = rows.at(row).toObject();
        const auto cell = [&](int column) { return model->index(row, column).data().toString(); };
        const auto figure
            = [&](const char *field) { return qint64(s.value(QLatin1String(field)).toDouble()); };
        QCOMPARE(model->companyIdAt(row), figure("id"));
        QCOMPARE(cell(CompanyOverviewModel::Status), QStringLiteral("Active"));
        QCOMPARE(cell(CompanyOverviewModel::Mailboxes), locale.toString(figure("mailboxes")));
        QCOMPARE(cell(CompanyOverviewModel::ActiveUsers), locale.toString(figure("active_users")));
        QCOMPARE(cell(CompanyOverviewModel::Used), format::bytes(figure("used_bytes")));
        QCOMPARE(cell(CompanyOverviewModel::OpenAlerts), locale.toString(figure("open_alerts")));
        QCOMPARE(cell(CompanyOverviewModel::OpenIncidents), locale.toString(figure("open_incidents")));
        if (figure("quota_bytes") > 0) {
            QCOMPARE(cell(CompanyOverviewModel::Quota), format::bytes(figure("quota_bytes")));
            const double share = 100.0 * double(figure("used_bytes")) / double(figure("quota_bytes"));
            const QString shown = cell(CompanyOverviewModel::UsedShare);
            QVERIFY2(shown.endsWith(QStringLiteral(" %")), qPrintable(shown));
            QVERIFY2(qAbs(locale.toDouble(shown.chopped(2)) - share) < 0.5, qPrintable(shown));
        } else {
            QCOMPARE(cell(CompanyOverviewModel::Quota), QStringLiteral("No quota"));
            QVERIFY(cell(CompanyOverviewModel::UsedShare).isEmpty());
        }
        someStorage = someStorage || figure("used_bytes") > 0;
    }
    QVERIFY(someStorage); // the demo mailboxes hold mail
    // Figures read as numbers, not raw bytes.
    const int demo = rowOf(model, names(rows).first());
    QVERIFY(
        !model->index(demo, CompanyOverviewModel::Used).data().toString().contains(QStringLiteral("000000")));
    QCOMPARE(
        model->index(0, CompanyOverviewModel::Mailboxes).data(Qt::TextAlignmentRole).value<Qt::Alignment>()
            & Qt::AlignRight,
        Qt::AlignRight);
    QCOMPARE(CompanyOverviewModel::percent(1, 0), QString());
    QCOMPARE(CompanyOverviewModel::percent(1, 400), QStringLiteral("0.3 %"));
    QCOMPARE(CompanyOverviewModel::percent(1, 2), QStringLiteral("50.0 %"));
}

void TestOverview::headerClickSortsOnTheServer()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::OverviewPage page(ui.context);
    auto *model = page.companies();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1200, 600);
    page.show();
    QTRY_VERIFY(loaded(model));
    QHeaderView *header = page.table()->horizontalHeader();
    QVERIFY(header->isSortIndicatorShown());
    QCOMPARE(header->sortIndicatorSection(), int(CompanyOverviewModel::Name));
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    const auto click = [&](int column) {
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    struct Case
    {
        int column;
        const char *field;
    };
    for (const Case &c : {Case {CompanyOverviewModel::Mailboxes, "mailboxes"},
             Case {CompanyOverviewModel::Used, "used_bytes"}, Case {CompanyOverviewModel::Name, "name"},
             Case {CompanyOverviewModel::OpenAlerts, "open_alerts"}}) {
        const QString field = QLatin1String(c.field);
        click(c.column);
        QTRY_VERIFY(loaded(model) && model->sortField() == field);
        // Figures first show the biggest, names A to Z.
        const Qt::SortOrder first = field == QLatin1String("name") ? Qt::AscendingOrder : Qt::DescendingOrder;
        QCOMPARE(model->sortOrder(), first);
        const auto expected = [&](Qt::SortOrder order) {
            return names(serverRows(QStringLiteral("&sort=")
                + (order == Qt::DescendingOrder ? QStringLiteral("-") : QString()) + field));
        };
        QCOMPARE(names(model), expected(first));
        click(c.column);
        QTRY_VERIFY(loaded(model) && model->sortOrder() != first);
        QCOMPARE(names(model), expected(model->sortOrder()));
    }
    // Descending mailboxes puts the demo's biggest company first and the empty one last.
    model->sort(CompanyOverviewModel::Mailboxes, Qt::DescendingOrder);
    QTRY_VERIFY(loaded(model) && model->sortField() == QLatin1String("mailboxes"));
    QCOMPARE(model->nameAt(model->rowCount() - 1), QStringLiteral("Empty Relay"));
    // A column the server cannot sort by asks nothing.
    click(CompanyOverviewModel::Quota);
    QVERIFY(!model->isLoading());
    QCOMPARE(model->sortField(), QStringLiteral("mailboxes"));
    QCOMPARE(header->sortIndicatorSection(), int(CompanyOverviewModel::Mailboxes));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
}

void TestOverview::searchAndPaging()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    const qint64 all = serverRows().size();
    {
        // Page by page, as a view asks while it scrolls.
        CompanyOverviewModel model(ui.api);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        model.load();
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 2);
        QCOMPARE(model.total(), all);
        while (model.rowCount() < all) {
            QVERIFY(model.canFetchMore({}));
            const int before = model.rowCount();
            model.fetchMore({});
            QTRY_VERIFY(!model.isLoading() && model.rowCount() > before);
        }
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(names(&model), names(serverRows()));
    }

    ui::OverviewPage page(ui.context);
    auto *model = page.companies();
    page.show();
    QTRY_VERIFY(loaded(model));
    QLineEdit *search = page.searchEdit();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("zeta"));
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!model->isLoading() && model->total() == 1 && model->rowCount() == 1);
    QCOMPARE(model->nameAt(0), QStringLiteral("Zeta Mail"));
    QCOMPARE(model->index(0, CompanyOverviewModel::Mailboxes).data().toString(), QStringLiteral("3"));
    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_VERIFY(!model->isLoading() && model->total() == all);
}

void TestOverview::opensTheCompany()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::OverviewPage page(ui.context);
    auto *model = page.companies();
    page.resize(1200, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(loaded(model));
    QSignalSpy opened(ui.context, &ui::AppContext::openCompany);
    auto *open = page.findChild<QPushButton *>(QStringLiteral("openCompanyButton"));
    QVERIFY(open);
    QVERIFY(!open->isEnabled()); // nothing selected
    const int row = rowOf(model, QStringLiteral("Zeta Mail"));
    QVERIFY(row >= 0);
    QTableView *table = page.table();
    table->setFocus();
    table->selectRow(row);
    QVERIFY(open->isEnabled());
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toLongLong(), m_zeta);
    const QPoint at = table->visualRect(model->index(row, 0)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(opened.size(), 2);
    open->click();
    QCOMPARE(opened.size(), 3);
    QCOMPARE(opened.at(2).at(0).toLongLong(), m_zeta);
    // Two rows: nothing to open or act on.
    table->selectAll();
    QVERIFY(!open->isEnabled());
}

void TestOverview::actionsChangeTheCompany()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::OverviewPage page(ui.context);
    auto *model = page.companies();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    QTRY_VERIFY(loaded(model));
    auto *suspend = page.findChild<QPushButton *>(QStringLiteral("suspendCompanyButton"));
    auto *resume = page.findChild<QPushButton *>(QStringLiteral("resumeCompanyButton"));
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("deleteCompanyButton"));
    auto *restore = page.findChild<QPushButton *>(QStringLiteral("restoreCompanyButton"));
    QVERIFY(suspend && resume && remove && restore);
    for (QPushButton *b : {suspend, resume, remove, restore}) {
        QVERIFY(b->isVisibleTo(&page));
        QVERIFY(!b->isEnabled()); // nothing selected
    }
    const int row = rowOf(model, QStringLiteral("Zeta Mail"));
    QVERIFY(row >= 0);
    const auto status = [&] { return model->index(row, CompanyOverviewModel::Status).data().toString(); };
    page.table()->selectRow(row);
    QTRY_VERIFY(suspend->isEnabled());
    QVERIFY(!resume->isEnabled());
    QVERIFY(remove->isEnabled());
    QVERIFY(!restore->isEnabled());

    // Suspend asks for the reason; the row and the server say suspended.
    ui::MessageBox::setNextText(QStringLiteral("Invoices unpaid"));
    suspend->click();
    QTRY_COMPARE(status(), QStringLiteral("Suspended"));
    // The word fits the column fitted to "Active" when the list came.
    QVERIFY2(page.table()->columnWidth(CompanyOverviewModel::Status)
            >= static_cast<QAbstractItemView *>(page.table())
                   ->sizeHintForColumn(CompanyOverviewModel::Status),
        qPrintable(QString::number(page.table()->columnWidth(CompanyOverviewModel::Status))));
    QCOMPARE(model->index(row, CompanyOverviewModel::Status).data(Qt::DecorationRole).value<QColor>(),
        QColor(0xe5, 0xa5, 0x0a));
    QCOMPARE(serverCompany(m_zeta).value(QLatin1String("status")).toString(), QStringLiteral("suspended"));
    QCOMPARE(model->index(row, CompanyOverviewModel::Status).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Suspended: Invoices unpaid"));
    QVERIFY(resume->isEnabled());
    QVERIFY(!suspend->isEnabled());
    QCOMPARE(model->index(row, CompanyOverviewModel::Mailboxes).data().toString(), QStringLiteral("3"));
    const QJsonArray suspendedRows = serverRows(QStringLiteral("&q=zeta"));
    QCOMPARE(suspendedRows.first().toObject().value(QLatin1String("status")).toString(),
        QStringLiteral("suspended"));

    resume->click();
    QTRY_COMPARE(status(), QStringLiteral("Active"));
    QCOMPARE(serverCompany(m_zeta).value(QLatin1String("status")).toString(), QStringLiteral("active"));

    // Delete asks first; No keeps the company.
    ui::MessageBox::setNextAnswer(QMessageBox::No);
    remove->click();
    QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("1 domain")));
    QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("3 mailbox")));
    QTest::qWait(200);
    QVERIFY(serverCompany(m_zeta).value(QLatin1String("deleted_at")).isNull());
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    remove->click();
    QTRY_COMPARE(status(), QStringLiteral("Deleted"));
    QVERIFY(!serverCompany(m_zeta).value(QLatin1String("deleted_at")).isNull());
    QVERIFY(restore->isEnabled());
    QVERIFY(!suspend->isEnabled() && !resume->isEnabled() && !remove->isEnabled());
    QVERIFY(rowOf(model, QStringLiteral("Zeta Mail")) == row); // stays listed, marked, to be restored
    QCOMPARE(serverRows(QStringLiteral("&q=zeta")).size(), 0);

    // Choosing another row and back asks the server again: the deleted company still offers Restore.
    page.table()->selectRow(row == 0 ? 1 : 0);
    QTRY_VERIFY(!restore->isEnabled() && suspend->isEnabled());
    page.table()->selectRow(row);
    QTRY_VERIFY(restore->isEnabled());

    restore->click();
    QTRY_COMPARE(status(), QStringLiteral("Active"));
    QVERIFY(serverCompany(m_zeta).value(QLatin1String("deleted_at")).isNull());
    QCOMPARE(serverRows(QStringLiteral("&q=zeta")).size(), 1);
    QTRY_VERIFY(suspend->isEnabled() && remove->isEnabled() && !restore->isEnabled());

    // Refused by the server (another operator suspended it meanwhile): the message says so and the buttons
    // follow the server.
    const QJsonObject now = serverCompany(m_zeta);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/suspend").arg(m_zeta), {},
                     now.value(QLatin1String("version")).toInt())
                 .status,
        200);
    ui::MessageBox::setNextText(QStringLiteral("Twice"));
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    suspend->click();
    QTRY_VERIFY(resume->isEnabled());
    QVERIFY2(!ui::MessageBox::lastText().startsWith(QStringLiteral("Why is")),
        qPrintable(ui::MessageBox::lastText()));
    QTRY_COMPARE(status(), QStringLiteral("Suspended"));
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/resume").arg(m_zeta)).status, 200);
}

void TestOverview::exportsCsv()
{
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::OverviewPage page(ui.context);
    page.show();
    QTRY_VERIFY(loaded(page.companies()));
    auto *exportButton = page.findChild<QPushButton *>(QStringLiteral("exportButton"));
    QVERIFY(exportButton && exportButton->isEnabled());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("companies.csv"));
    ui::FileDialog::setNextFileName(file);
    QSignalSpy done(ui.context, &ui::AppContext::showStatus);
    exportButton->click();
    QTRY_COMPARE(done.size(), 1);
    QVERIFY2(done.first().first().toString().contains(QStringLiteral("Exported")),
        qPrintable(done.first().first().toString()));
    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QCOMPARE(text.count(QLatin1Char('\n')), serverRows().size() + 1);
    // Raw figures under the server's field names.
    QVERIFY2(text.startsWith(QStringLiteral("id,name,status,mailboxes,active_users,used_bytes,")),
        qPrintable(text.left(200)));
    QVERIFY(text.contains(QStringLiteral("Zeta Mail")));
}

void TestOverview::onlyOperatorsHaveThePage()
{
    api::CredentialStore credentials;
    credentials.setDisabled(true);
    api::ServerProfile profile;
    profile.name = QStringLiteral("Test server");
    profile.url = QUrl(m_server->baseUrl());
    {
        UiHarness ui(m_server.get());
        QVERIFY(ui.signIn(testing::demoLogin("company_admin")));
        ui::MainWindow window(ui.context, profile, &credentials);
        window.show();
        QVERIFY(!window.availablePages().contains(QStringLiteral("overview")));
        QVERIFY(!window.showPage(QStringLiteral("overview")));
        QVERIFY(window.currentPageName() != QLatin1String("overview"));
        QTRY_COMPARE(ui.api->pendingCount(), 0);
        QVERIFY(!window.overviewPage()->companies()->isLoaded()); // never asked the server
    }
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(QLatin1String(TestServer::kOperator)));
    ui::MainWindow window(ui.context, profile, &credentials);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.availablePages().first(), QStringLiteral("overview"));
    QVERIFY(window.currentPageName() != QLatin1String("overview"));
    // Ctrl+0, before the dashboard's Ctrl+1.
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    QTRY_COMPARE(window.currentPageName(), QStringLiteral("overview"));
    QTRY_VERIFY(loaded(window.overviewPage()->companies()));
    QCOMPARE(window.overviewPage()->companies()->total(), qint64(serverRows().size()));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(window.currentPageName(), QStringLiteral("dashboard"));
    // Opening a company from the list shows the company page.
    QVERIFY(window.showPage(QStringLiteral("overview")));
    auto *page = window.overviewPage();
    const int row = rowOf(page->companies(), QStringLiteral("Zeta Mail"));
    QVERIFY(row >= 0);
    page->table()->setFocus();
    page->table()->selectRow(row);
    QTest::keyClick(page->table(), Qt::Key_Return);
    QTRY_COMPARE(window.currentPageName(), QStringLiteral("company"));
    QTRY_COMPARE(ui.api->pendingCount(), 0);
    // The actions by keyboard, with the window's other buttons (the incident banner's Details…) shown.
    QVERIFY(window.showPage(QStringLiteral("overview")));
    QTRY_VERIFY(loaded(page->companies()));
    const int zeta = rowOf(page->companies(), QStringLiteral("Zeta Mail"));
    const auto status
        = [&] { return page->companies()->index(zeta, CompanyOverviewModel::Status).data().toString(); };
    page->table()->setFocus();
    page->table()->selectRow(zeta);
    auto *suspend = page->findChild<QPushButton *>(QStringLiteral("suspendCompanyButton"));
    QTRY_VERIFY(suspend->isEnabled());
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(page->table(), Qt::Key_T, Qt::AltModifier);
    QTRY_COMPARE(status(), QStringLiteral("Deleted"));
    QTest::keyClick(page->table(), Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(status(), QStringLiteral("Active"));
    QVERIFY(serverCompany(m_zeta).value(QLatin1String("deleted_at")).isNull());
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
