#include "CredentialStore.h"
#include "MainWindow.h"
#include "NavigationModel.h"
#include "UiHarness.h"
#include "UserListModel.h"
#include "UserPage.h"
#include "UsersPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace mailadmin;
using testing::TestServer;
using testing::UiHarness;

// What the window offers follows the signed-in role: an executive sees no enabled edit action, support can
// reset passwords and suspend but not delete, a domain admin sees only their domains.
class TestRoles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void roles_data();
    void roles();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestRoles::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
}

void TestRoles::cleanupTestCase()
{
    m_server.reset();
}

void TestRoles::roles_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("areas");
    QTest::addColumn<bool>("canSave");
    QTest::addColumn<bool>("canDelete");
    QTest::addColumn<bool>("canResetPassword");
    QTest::newRow("company admin") << "company_admin"
                                   << QStringList {QStringLiteral("dashboard"), QStringLiteral("company"),
                                          QStringLiteral("contacts"), QStringLiteral("domains"),
                                          QStringLiteral("users"), QStringLiteral("stats"),
                                          QStringLiteral("alerts"), QStringLiteral("inactive"),
                                          QStringLiteral("brands"), QStringLiteral("admins"),
                                          QStringLiteral("audit"), QStringLiteral("deleted"),
                                          QStringLiteral("incidents"), QStringLiteral("bulletins")}
                                   << true << true << true;
    QTest::newRow("executive") << "company_readonly"
                               << QStringList {QStringLiteral("dashboard"), QStringLiteral("company"),
                                      QStringLiteral("contacts"), QStringLiteral("domains"),
                                      QStringLiteral("users"), QStringLiteral("stats"),
                                      QStringLiteral("alerts"), QStringLiteral("inactive"),
                                      QStringLiteral("brands"), QStringLiteral("admins"),
                                      QStringLiteral("audit"), QStringLiteral("incidents")}
                               << false << false << false;
    QTest::newRow("support") << "support"
                             << QStringList {QStringLiteral("dashboard"), QStringLiteral("company"),
                                    QStringLiteral("domains"), QStringLiteral("users"),
                                    QStringLiteral("stats"), QStringLiteral("alerts"),
                                    QStringLiteral("inactive"), QStringLiteral("incidents")}
                             << false << false << true;
    QTest::newRow("domain admin") << "domain_admin"
                                  << QStringList {QStringLiteral("dashboard"), QStringLiteral("domains"),
                                         QStringLiteral("users"), QStringLiteral("stats"),
                                         QStringLiteral("alerts"), QStringLiteral("inactive"),
                                         QStringLiteral("brands"), QStringLiteral("audit"),
                                         QStringLiteral("deleted"), QStringLiteral("incidents")}
                                  << true << true << true;
    QTest::newRow("operator") << "operator"
                              << QStringList {QStringLiteral("overview"), QStringLiteral("dashboard"),
                                     QStringLiteral("company"), QStringLiteral("contacts"),
                                     QStringLiteral("companies"), QStringLiteral("domains"),
                                     QStringLiteral("users"), QStringLiteral("stats"),
                                     QStringLiteral("alerts"), QStringLiteral("inactive"),
                                     QStringLiteral("brands"), QStringLiteral("admins"),
                                     QStringLiteral("audit"), QStringLiteral("deleted"),
                                     QStringLiteral("incidents"), QStringLiteral("bulletins"),
                                     QStringLiteral("clusters"), QStringLiteral("stores")}
                              << true << true << true;
}

void TestRoles::roles()
{
    QFETCH(QString, role);
    QFETCH(QStringList, areas);
    QFETCH(bool, canSave);
    QFETCH(bool, canDelete);
    QFETCH(bool, canResetPassword);
    UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(testing::demoLogin(role.toLatin1().constData())));
    api::CredentialStore credentials;
    credentials.setDisabled(true);
    api::ServerProfile profile;
    profile.name = QStringLiteral("Live server");
    profile.url = QUrl(m_server->baseUrl());
    ui::MainWindow window(ui.context, profile, &credentials);
    window.show();
    QCOMPARE(window.availablePages(), areas);
    // The environment is in the title and the band at all times.
    QVERIFY(window.windowTitle().contains(QStringLiteral("LIVE")));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("environmentBand"))
                ->text()
                .startsWith(QStringLiteral("LIVE")));

    // A domain admin's navigation lists only their domains.
    if (role == QLatin1String("domain_admin")) {
        QTRY_COMPARE(window.navigation()->rowCount(), int(ui.session->me().domains.size()));
    }

    // Open a user of the role's scope and look at the actions offered.
    window.showPage(QStringLiteral("users"));
    QTRY_VERIFY(window.usersPage()->users()->rowCount() > 0);
    const QString address = window.usersPage()->users()->addressAt(0);
    window.openUser(address);
    QTRY_VERIFY(window.userPage()->version() > 0);
    ui::UserPage *page = window.userPage();
    const auto visibleAndEnabled = [page](const char *name) {
        auto *b = page->findChild<QPushButton *>(QString::fromLatin1(name));
        return b && b->isVisibleTo(page) && b->isEnabled();
    };
    const auto visible = [page](const char *name) {
        auto *b = page->findChild<QPushButton *>(QString::fromLatin1(name));
        return b && b->isVisibleTo(page);
    };
    QCOMPARE(visible("saveButton"), canSave);
    QVERIFY(!visibleAndEnabled("saveButton")); // nothing edited yet
    QCOMPARE(visible("deleteButton"), canDelete);
    QCOMPARE(visibleAndEnabled("resetPasswordButton"), canResetPassword);
    // Read-only roles get read-only fields.
    auto *name = page->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"));
    QCOMPARE(name->isReadOnly(), !canSave);
    // The users list offers only permitted bulk actions.
    auto *bulkDelete = window.usersPage()->findChild<QPushButton *>(QStringLiteral("deleteButton"));
    QCOMPARE(bulkDelete->isVisibleTo(window.usersPage()), canDelete);
    window.close();
}

QTEST_MAIN(TestRoles)
#include "tst_roles.moc"
