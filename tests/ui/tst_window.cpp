#include "AlertsPage.h"
#include "ApiClient.h"
#include "Application.h"
#include "CompanyOverviewModel.h"
#include "CredentialStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "OverviewPage.h"
#include "ServerProfile.h"
#include "TestServer.h"
#include "UiHarness.h"
#include "UserPage.h"
#include "UsersPage.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mailadmin;
using testing::TestServer;

namespace {

// Share of pixels that differ visibly between two pictures of the same size.
double differingShare(const QImage &a, const QImage &b)
{
    if (a.size() != b.size() || a.isNull())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    qint64 differing = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            const int d = qMax(qAbs(qRed(p[col]) - qRed(q[col])),
                qMax(qAbs(qGreen(p[col]) - qGreen(q[col])), qAbs(qBlue(p[col]) - qBlue(q[col]))));
            if (d > 40)
                ++differing;
        }
    }
    return double(differing) / double(x.width() * x.height());
}

} // namespace

// The client in a real X window (xcb under Xvfb, not offscreen): sign in through the dialog with Enter
// against a real server, visit every page, and compare what the screen shows with the page rendered
// alone. A page drawn over another one, or not drawn at all, differs.
class TestWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInWithEnter();
    void everyPageIsDrawnAlone();
    void operatorPagesAreDrawnAlone();

private:
    // Waits until nothing is asked of the server, then until the screen shows the page as it renders.
    bool screenShowsPage(const QString &name) { return screenShowsPage(m_app->window(), m_app->api(), name); }
    bool screenShowsPage(ui::MainWindow *window, api::ApiClient *api, const QString &name);
    ui::LoginDialog *loginDialog() const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<app::Application> m_app;
    QTemporaryDir m_failures;
    QStringList m_visited; // the areas seen by the company admin
};

void TestWindow::initTestCase()
{
    QVERIFY2(QGuiApplication::platformName() == QLatin1String("xcb"),
        "the window test needs a real X display (run it under xvfb-run with QT_QPA_PLATFORM=xcb)");
    m_server = std::make_unique<TestServer>(true);
    // The profile a returning admin has saved (not the demo).
    QSettings settings(QSettings::UserScope, QStringLiteral("MailAdmin"), QStringLiteral("mailadmin"));
    api::ServerProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.url = QUrl(m_server->baseUrl());
    profile.environment = api::ServerProfile::Environment::Test;
    profile.lastLogin = QStringLiteral("admin@northwind");
    api::ProfileStore store(settings);
    store.save({profile});
    store.setLastUsed(profile.name);
    settings.sync();
    m_failures.setAutoRemove(false);
}

void TestWindow::cleanupTestCase()
{
    ui::MessageBox::setNextAnswer(QMessageBox::Discard);
    if (m_app && m_app->window())
        m_app->window()->setAttribute(Qt::WA_DeleteOnClose, false);
    m_app.reset();
    m_server.reset();
    if (QDir(m_failures.path()).isEmpty())
        m_failures.remove();
}

ui::LoginDialog *TestWindow::loginDialog() const
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<ui::LoginDialog *>(w); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void TestWindow::signInWithEnter()
{
    m_app = std::make_unique<app::Application>(app::Options {});
    m_app->start();
    QTRY_VERIFY(loginDialog());
    ui::LoginDialog *dialog = loginDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *login = dialog->findChild<QLineEdit *>(QStringLiteral("loginLineEdit"));
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    QCOMPARE(login->text(), QStringLiteral("admin@northwind"));

    // A wrong password says so, in the same dialog; nothing else opens (a Servers dialog that did would
    // be closed again here and counted, rather than wait for a click forever).
    int profilesDialogs = 0;
    QTimer watch;
    watch.setInterval(20);
    connect(&watch, &QTimer::timeout, this, [&profilesDialogs] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<ui::ProfilesDialog *>(w); d && d->isVisible()) {
                ++profilesDialogs;
                d->reject();
            }
        }
    });
    watch.start();
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("not-the-password"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(dialog->widget()->message().contains(QStringLiteral("login or password is wrong")));
    QCOMPARE(profilesDialogs, 0);

    // The right one, and Enter: the main window opens and the client keeps running.
    password->selectAll();
    QTest::keyClicks(password, QString::fromLatin1(TestServer::kPassword));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_app->window(), 15000);
    QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    QTRY_VERIFY(!loginDialog());
    // Keyboard focus as an admin's clicks give it: pages hand it on when they are hidden.
    m_app->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_app->window()));
    QTRY_COMPARE(m_app->api()->pendingCount(), 0);
    QCOMPARE(m_app->window()->currentPageName(), QStringLiteral("dashboard"));
    QCOMPARE(profilesDialogs, 0);
}

bool TestWindow::screenShowsPage(ui::MainWindow *window, api::ApiClient *api, const QString &name)
{
    if (!QTest::qWaitFor([api] { return api->pendingCount() == 0; }, 15000)) {
        qWarning() << name << ": the server's answers did not all come";
        return false;
    }
    QWidget *page = window->page(name);
    if (!page || !page->isVisible()) {
        qWarning() << name << ": the page is not shown";
        return false;
    }
    QImage shown;
    QImage alone;
    double share = 1.0;
    const auto same = [&] {
        const QPoint at = page->mapTo(window, QPoint(0, 0));
        shown = window->screen()
                    ->grabWindow(window->winId(), at.x(), at.y(), page->width(), page->height())
                    .toImage();
        alone = page->grab().toImage();
        if (shown.size() != alone.size())
            alone = alone.scaled(shown.size());
        share = differingShare(shown, alone);
        // A text cursor may blink between the two pictures; anything larger is another drawing.
        return share < 0.0002;
    };
    if (QTest::qWaitFor(same, 10000)) {
        qInfo().noquote() << name
                          << QStringLiteral(": %1 % of the pixels differ").arg(share * 100, 0, 'f', 3);
        return true;
    }
    const QDir dir(m_failures.path());
    shown.save(dir.filePath(name + QStringLiteral("-screen.png")));
    alone.save(dir.filePath(name + QStringLiteral("-page.png")));
    qWarning().noquote() << name
                         << QStringLiteral(": %1 % of the pixels differ; pictures in %2")
                                .arg(share * 100, 0, 'f', 2)
                                .arg(dir.path());
    return false;
}

void TestWindow::everyPageIsDrawnAlone()
{
    ui::MainWindow *window = m_app->window();
    QVERIFY(window);
    QStringList &visited = m_visited;
    const QStringList areas = window->availablePages();
    QVERIFY(areas.size() >= 10);
    for (const QString &name : areas) {
        QVERIFY(window->showPage(name));
        if (name == QLatin1String("alerts")) {
            // One episode with its evidence, when there is one.
            auto *alerts = window->alertsPage();
            QTRY_COMPARE(m_app->api()->pendingCount(), 0);
            if (alerts->episodes()->rowCount() > 0)
                alerts->table()->selectRow(0);
        }
        QVERIFY2(screenShowsPage(name), qPrintable(name));
        visited << name;
    }
    // The pages opened from an object, the way an admin reaches them: domain → users → user → activity.
    const QString domain = m_server->operatorClient()
                               .get(QStringLiteral("/api/v1/domains?company_id=1&sort=-user_count&limit=1"))
                               .items()
                               .first()
                               .toObject()
                               .value(QLatin1String("name"))
                               .toString();
    QVERIFY(!domain.isEmpty());
    window->openDomain(domain);
    QVERIFY2(screenShowsPage(QStringLiteral("domain")), "domain");
    window->openDomainUsers(domain);
    QVERIFY2(screenShowsPage(QStringLiteral("users")), "users of a domain");
    auto *users = window->usersPage()->table();
    QTRY_VERIFY(users->model()->rowCount() > 0);
    const QModelIndex first = users->model()->index(0, 0);
    const QPoint at = users->visualRect(first).center();
    QTest::mouseClick(users->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(users->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(window->currentPageName(), QStringLiteral("user"));
    QVERIFY2(screenShowsPage(QStringLiteral("user")), "user");
    auto *activity = window->userPage()->findChild<QPushButton *>(QStringLiteral("activityButton"));
    QVERIFY(activity);
    activity->setFocus();
    QTRY_VERIFY(activity->hasFocus());
    QTest::mouseClick(activity, Qt::LeftButton);
    QTRY_COMPARE(window->currentPageName(), QStringLiteral("user360"));
    QVERIFY2(screenShowsPage(QStringLiteral("user360")), "user360");
    // And back to an area from there.
    QVERIFY(window->showPage(QStringLiteral("brands")));
    QVERIFY2(screenShowsPage(QStringLiteral("brands")), "brands after user360");
}

// The operator's areas that a company admin does not have (the overview across all companies first), in the
// operator's own window over the same server.
void TestWindow::operatorPagesAreDrawnAlone()
{
    QVERIFY(!m_visited.isEmpty());
    testing::UiHarness ui(m_server.get());
    QVERIFY(ui.signIn(testing::demoLogin("operator")));
    api::CredentialStore credentials;
    credentials.setDisabled(true);
    api::ServerProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.url = QUrl(m_server->baseUrl());
    profile.environment = api::ServerProfile::Environment::Test;
    m_app->window()->hide();
    ui::MainWindow window(ui.context, profile, &credentials);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QStringList areas = window.availablePages();
    QCOMPARE(areas.first(), QStringLiteral("overview"));
    for (const QString &name : areas) {
        if (m_visited.contains(name))
            continue;
        QVERIFY(window.showPage(name));
        if (name == QLatin1String("overview")) {
            // One company chosen, its actions enabled.
            ui::OverviewPage *overview = window.overviewPage();
            QTRY_VERIFY(overview->companies()->rowCount() > 0 && !overview->companies()->isLoading());
            overview->table()->selectRow(0);
            auto *suspend = overview->findChild<QPushButton *>(QStringLiteral("suspendCompanyButton"));
            QVERIFY(suspend);
            QTRY_VERIFY(suspend->isEnabled());
        }
        QVERIFY2(screenShowsPage(&window, ui.api, name), qPrintable(name));
    }
    window.hide();
    m_app->window()->show();
}

int main(int argc, char *argv[])
{
    // Settings of this run only: the saved server profile lives in a folder of its own.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailAdmin"));
    QApplication::setApplicationName(QStringLiteral("mailadmin"));
    TestWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window.moc"
