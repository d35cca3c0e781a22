#include "BulkDialog.h"
#include "CredentialStore.h"
#include "Csv.h"
#include "FileDialog.h"
#include "JumpBox.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "PagedListModel.h"
#include "UiHarness.h"
#include "User360Page.h"
#include "UserListModel.h"
#include "UserPage.h"
#include "UsersPage.h"
#include "auth/Clock.h"

#include <QAction>
#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The main window's shared behaviour: the jump box, bulk actions with a report, CSV export of a filtered
// list, the offline banner, and signing in again when the session ends, without losing the page's work.
class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void jumpBoxFindsUsersAndDomains();
    void bulkSuspendWithReport();
    void exportFollowsTheFilter();
    void offlineBannerAndRetry();
    // Before the session test, which moves the server's clock past the audit page's date range.
    void auditShowsOwnChangesWithoutRefresh();
    void expiredSessionAsksAndContinues();
    void onlyTheCurrentPageIsVisible();
    void usersAreaIsEveryDomainAfterShowUsers();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<ui::MainWindow> m_window;
    api::CredentialStore m_credentials;
    QTemporaryDir m_dir;
    QString m_domain;
};

void TestMainWindow::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    m_credentials.setDisabled(true);
    QVERIFY(m_ui->signIn(testing::demoLogin("company_admin")));
    api::ServerProfile profile;
    profile.name = QStringLiteral("Test");
    profile.url = QUrl(m_server->baseUrl());
    profile.environment = api::ServerProfile::Environment::Test;
    m_window = std::make_unique<ui::MainWindow>(m_ui->context, profile, &m_credentials);
    m_window->show();
    HttpClient c = m_server->operatorClient();
    m_domain = c.get(QStringLiteral("/api/v1/domains?company_id=1&sort=-user_count&limit=1"))
                   .items()
                   .first()
                   .toObject()
                   .value(QLatin1String("name"))
                   .toString();
}

void TestMainWindow::cleanupTestCase()
{
    ui::MessageBox::setNextAnswer(QMessageBox::Discard);
    m_window.reset();
    m_ui.reset();
    m_server.reset();
}

void TestMainWindow::jumpBoxFindsUsersAndDomains()
{
    HttpClient c = m_server->operatorClient();
    const QString address = c.get(QStringLiteral("/api/v1/domains/%1/users?limit=1").arg(m_domain))
                                .items()
                                .first()
                                .toObject()
                                .value(QLatin1String("address"))
                                .toString();
    ui::JumpBox *jump = m_window->jumpBox();
    jump->popup();
    QVERIFY(jump->isVisible());
    jump->setText(address.left(address.indexOf(QLatin1Char('@'))));
    QTRY_VERIFY(jump->results()->count() > 0);
    bool found = false;
    for (int i = 0; i < jump->results()->count(); ++i) {
        if (jump->results()->item(i)->text().startsWith(address)) {
            jump->results()->setCurrentRow(i);
            found = true;
        }
    }
    QVERIFY(found);
    jump->activateCurrent();
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("user"));
    QTRY_COMPARE(m_window->userPage()->address(), address);
}

void TestMainWindow::bulkSuspendWithReport()
{
    m_window->openDomainUsers(m_domain);
    ui::UsersPage *page = m_window->usersPage();
    QTRY_VERIFY(page->users()->rowCount() >= 5);
    QTableView *table = page->findChild<QTableView *>(QStringLiteral("tableView"));
    QStringList chosen;
    table->selectionModel()->clearSelection();
    for (int row = 0; row < 5; ++row) {
        table->selectionModel()->select(
            page->users()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        chosen << page->users()->addressAt(row);
    }
    // One of them is suspended already: the report says so for that one only.
    HttpClient c = m_server->operatorClient();
    c.post(QStringLiteral("/api/v1/users/%1/suspend").arg(chosen.at(2)));
    // Cancelling the reason suspends nobody.
    ui::MessageBox::setNextText(QString(), false);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("suspendButton")), Qt::LeftButton);
    QCOMPARE(c.get(QStringLiteral("/api/v1/users/") + chosen.at(0)).json().value(QLatin1String("status")).toString(),
        QStringLiteral("active"));
    ui::MessageBox::setNextText(QStringLiteral("Compromised passwords"));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("suspendButton")), Qt::LeftButton);
    ui::BulkDialog *dialog = page->lastBulkDialog();
    QVERIFY(dialog);
    QTableWidget *report = dialog->findChild<QTableWidget *>(QStringLiteral("reportTableWidget"));
    QTRY_VERIFY(report->isVisibleTo(dialog));
    QCOMPARE(report->rowCount(), 5);
    int failed = 0;
    for (int i = 0; i < 5; ++i)
        failed += report->item(i, 1)->text() == QLatin1String("Failed") ? 1 : 0;
    QCOMPARE(failed, 1);
    for (const QString &address : chosen)
        QCOMPARE(c.get(QStringLiteral("/api/v1/users/") + address)
                     .json()
                     .value(QLatin1String("status"))
                     .toString(),
            QStringLiteral("suspended"));
    // Each suspension keeps the reason in the audit.
    const QJsonObject entry
        = c.get(QStringLiteral("/api/v1/audit?object_type=user&action=suspend&object_id=%1").arg(chosen.at(0)))
              .items()
              .first()
              .toObject();
    QCOMPARE(entry.value(QLatin1String("changes")).toObject().value(QLatin1String("reason")).toObject()
                 .value(QLatin1String("after"))
                 .toString(),
        QStringLiteral("Compromised passwords"));
    dialog->close();
}

void TestMainWindow::exportFollowsTheFilter()
{
    // The toolbar's export is there only where a list is.
    auto *exportAction = m_window->findChild<QAction *>(QStringLiteral("exportListAction"));
    QVERIFY(exportAction);
    m_window->showPage(QStringLiteral("dashboard"));
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("dashboard"));
    QVERIFY(!exportAction->isEnabled());
    m_window->openDomainUsers(m_domain);
    QTRY_VERIFY(exportAction->isEnabled());
    ui::UsersPage *page = m_window->usersPage();
    page->users()->setFilter(QStringLiteral("status"), QStringLiteral("suspended"));
    QTRY_VERIFY(page->users()->rowCount() > 0);
    const qint64 total = page->users()->total();
    const QString file = m_dir.filePath(QStringLiteral("suspended.csv"));
    ui::FileDialog::setNextFileName(file);
    page->exportCsv();
    QTRY_VERIFY(QFile::exists(file) && QFileInfo(file).size() > 0);
    QTest::qWait(200);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const csv::ParseResult rows = csv::parse(in.readAll());
    QVERIFY(rows.error.isEmpty());
    QCOMPARE(rows.rows.size(), total + 1);
    QCOMPARE(rows.rows.first(), page->users()->exportHeader());
    const qsizetype status = rows.rows.first().indexOf(QStringLiteral("status"));
    QVERIFY(status >= 0);
    for (const QStringList &row : rows.rows.mid(1))
        QCOMPARE(row.at(status), QStringLiteral("suspended"));
    // The export equals what the table shows for the rows it has loaded.
    for (int r = 0; r < page->users()->rowCount(); ++r)
        QCOMPARE(rows.rows.at(r + 1), page->users()->exportRow(page->users()->objectAt(r)));
    page->users()->setFilter(QStringLiteral("status"), QString());
}

void TestMainWindow::offlineBannerAndRetry()
{
    QFrame *banner = m_window->offlineBanner();
    // Answers still on their way from the real server would report it online again; let them land first.
    QTRY_COMPARE(m_ui->api->pendingCount(), 0);
    QVERIFY(!banner->isVisibleTo(m_window.get()));
    // The server "goes away": point the client at a closed port, then come back.
    const QUrl good = m_ui->api->baseUrl();
    m_ui->api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    auto *name = m_window->userPage()->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"));
    m_window->openUser(m_window->userPage()->address());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisibleTo(m_window.get()), 10000);
    m_ui->api->setBaseUrl(good);
    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("retryButton")), Qt::LeftButton);
    QTRY_VERIFY(!banner->isVisibleTo(m_window.get()));
    QVERIFY(name);
}

void TestMainWindow::expiredSessionAsksAndContinues()
{
    m_window->openDomainUsers(m_domain);
    ui::UsersPage *page = m_window->usersPage();
    QTRY_VERIFY(page->users()->rowCount() > 0);
    auth::Clock::advanceForTesting(31 * 60); // idle past 30 minutes
    page->users()->setSearch(QStringLiteral("a"));
    QWidget *prompt = nullptr;
    QTRY_VERIFY((prompt = m_window->findChild<QDialog *>(QStringLiteral("resumeDialog"))) != nullptr);
    QVERIFY(page->users()->isLoading()); // the list waits for the sign-in, it did not fail
    auto *password = prompt->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    QVERIFY(prompt->findChild<QLineEdit *>(QStringLiteral("loginLineEdit"))->isReadOnly());
    QTest::keyClicks(password, QString::fromLatin1(TestServer::kPassword));
    QTest::mouseClick(prompt->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY(!page->users()->isLoading());
    QVERIFY(page->users()->rowCount() > 0);
    QTRY_VERIFY(m_window->findChild<QDialog *>(QStringLiteral("resumeDialog")) == nullptr);
}

// Whatever path leads to a page, it is the only page of the stack that is shown: a second visible page is
// drawn beneath the first one in a real window.
void TestMainWindow::onlyTheCurrentPageIsVisible()
{
    auto *stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(stack);
    const auto visiblePages = [stack] {
        QStringList shown;
        for (int i = 0; i < stack->count(); ++i) {
            if (stack->widget(i)->isVisible())
                shown << QString::fromLatin1(stack->widget(i)->metaObject()->className());
        }
        return shown;
    };
    HttpClient c = m_server->operatorClient();
    const QString address = c.get(QStringLiteral("/api/v1/domains/%1/users?limit=1").arg(m_domain))
                                .items()
                                .first()
                                .toObject()
                                .value(QLatin1String("address"))
                                .toString();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showPage(QStringLiteral("dashboard"));
    QCOMPARE(visiblePages().size(), 1);
    m_window->openUser(address);
    QTRY_VERIFY(!m_ui->api->pendingCount());
    QCOMPARE(visiblePages().size(), 1);
    // The button that leads away has the focus; hiding its page hands the focus to the areas list.
    auto *activity = m_window->userPage()->findChild<QPushButton *>(QStringLiteral("activityButton"));
    QVERIFY(activity);
    activity->setFocus();
    QTRY_VERIFY(activity->hasFocus());
    QTest::mouseClick(activity, Qt::LeftButton);
    QTRY_VERIFY(!m_ui->api->pendingCount());
    QCOMPARE(m_window->currentPageName(), QStringLiteral("user360"));
    QCOMPARE(visiblePages(), QStringList {QStringLiteral("mailadmin::ui::User360Page")});
    m_window->openDomainUsers(m_domain);
    QTRY_VERIFY(!m_ui->api->pendingCount());
    QCOMPARE(visiblePages(), QStringList {QStringLiteral("mailadmin::ui::UsersPage")});
    for (const QString &name : m_window->availablePages()) {
        m_window->showPage(name);
        QTRY_VERIFY(!m_ui->api->pendingCount());
        QCOMPARE(visiblePages().size(), 1);
    }
}

// Domain → Show users narrows the Users page to that domain; the Users area (list or Ctrl+6) is every
// domain's users again.
void TestMainWindow::usersAreaIsEveryDomainAfterShowUsers()
{
    auto *title = m_window->usersPage()->findChild<QLabel *>(QStringLiteral("titleLabel"));
    m_window->openDomainUsers(m_domain);
    QCOMPARE(m_window->usersPage()->domain(), m_domain);
    QVERIFY(title->text().contains(m_domain));
    auto *areas = m_window->findChild<QListWidget *>(QStringLiteral("areasListWidget"));
    QVERIFY(areas->selectedItems().isEmpty());
    QListWidgetItem *users = nullptr;
    for (int i = 0; i < areas->count(); ++i) {
        if (areas->item(i)->data(Qt::UserRole).toString() == QLatin1String("users"))
            users = areas->item(i);
    }
    QVERIFY(users);
    QTest::mouseClick(areas->viewport(), Qt::LeftButton, {}, areas->visualItemRect(users).center());
    QCOMPARE(m_window->currentPageName(), QStringLiteral("users"));
    QVERIFY(m_window->usersPage()->domain().isEmpty());
    QCOMPARE(title->text(), QStringLiteral("Users"));
    QTRY_VERIFY(!m_ui->api->pendingCount());
    // Users of other domains are listed too.
    QSet<QString> domains;
    auto *model = m_window->usersPage()->users();
    for (int row = 0; row < model->rowCount(); ++row)
        domains.insert(model->addressAt(row).section(QLatin1Char('@'), 1));
    QVERIFY2(domains.size() > 1, qPrintable(QStringList(domains.values()).join(QLatin1Char(' '))));
    // The shortcut path (Go menu) does the same.
    m_window->openDomainUsers(m_domain);
    QVERIFY(m_window->showPage(QStringLiteral("users")));
    QVERIFY(m_window->usersPage()->domain().isEmpty());
}

// The admin's own change is in the audit log the next time it is shown, without F5.
void TestMainWindow::auditShowsOwnChangesWithoutRefresh()
{
    QVERIFY(m_window->showPage(QStringLiteral("audit")));
    auto *audit = qobject_cast<ui::ListPage *>(m_window->page(QStringLiteral("audit")));
    QVERIFY(audit);
    // What the same admin sees through the API, now and after the change.
    HttpClient admin = m_server->client();
    QCOMPARE(
        admin.signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)), 201);
    const auto serverTotal = [&admin] {
        return qint64(admin.get(QStringLiteral("/api/v1/audit?limit=1"))
                          .json()
                          .value(QLatin1String("total"))
                          .toDouble());
    };
    QTRY_COMPARE(audit->model()->total(), serverTotal());
    const QString address
        = admin.get(QStringLiteral("/api/v1/domains/%1/users?limit=1&sort=address").arg(m_domain))
              .items()
              .first()
              .toObject()
              .value(QLatin1String("address"))
              .toString();
    m_window->openUserActivity(address);
    QTRY_VERIFY(!m_ui->api->pendingCount());
    QCOMPARE(m_window->currentPageName(), QStringLiteral("user360"));
    const qint64 before = serverTotal();
    m_window->user360Page()->changeQuota(qint64(3) * 1024 * 1024 * 1024 + 4096);
    QTRY_COMPARE(serverTotal(), before + 1);
    QVERIFY(m_window->showPage(QStringLiteral("audit")));
    QTRY_COMPARE(audit->model()->total(), before + 1);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
