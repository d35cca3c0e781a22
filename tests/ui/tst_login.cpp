#include "CredentialStore.h"
#include "LoginDialog.h"
#include "UiHarness.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mailadmin;
using testing::TestServer;
using testing::UiHarness;

// Signing in: wrong credentials and unreachable servers explained in plain words, profiles remembered,
// and no password stored anywhere when there is no keyring.
class TestLogin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongPassword();
    void unreachableServer();
    void signsInAndRemembersProfile();
    void noKeyringIsSaid();
    void enterWithWrongPasswordSaysSo();
    void enterWithRightPasswordSignsInOnce();
    void serverLabelHasBuddy();

private:
    ui::LoginWidget *makeWidget(const QUrl &url);
    // Rejects any Servers dialog that opens, and counts them.
    void watchForProfilesDialogs();

    int m_profilesDialogs = 0;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    api::CredentialStore m_credentials;
};

void TestLogin::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    m_settings
        = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_credentials.setDisabled(true); // the test machine has no keyring
}

void TestLogin::cleanupTestCase()
{
    m_ui.reset();
    m_server.reset();
}

ui::LoginWidget *TestLogin::makeWidget(const QUrl &url)
{
    api::ServerProfile profile;
    profile.name = QStringLiteral("Test server");
    profile.url = url;
    profile.environment = api::ServerProfile::Environment::Test;
    api::ProfileStore(*m_settings).save({profile});
    return new ui::LoginWidget(m_ui->api, m_ui->session, &m_credentials, m_settings.get());
}

void TestLogin::wrongPassword()
{
    std::unique_ptr<ui::LoginWidget> w(makeWidget(QUrl(m_server->baseUrl())));
    QVERIFY(
        w->findChild<QLabel *>(QStringLiteral("environmentLabel"))->text().contains(QStringLiteral("TEST")));
    w->setLogin(testing::demoLogin("company_admin"));
    w->setPassword(QStringLiteral("not-the-password"));
    QSignalSpy signedIn(w.get(), &ui::LoginWidget::signedIn);
    QTest::mouseClick(w->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY(w->message().contains(QStringLiteral("login or password is wrong")));
    QCOMPARE(signedIn.count(), 0);
}

void TestLogin::unreachableServer()
{
    std::unique_ptr<ui::LoginWidget> w(makeWidget(QUrl(QStringLiteral("http://127.0.0.1:1"))));
    w->setLogin(QStringLiteral("someone"));
    w->setPassword(QStringLiteral("pw"));
    w->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(w->message().contains(QStringLiteral("cannot be reached")), 10000);
}

void TestLogin::signsInAndRemembersProfile()
{
    std::unique_ptr<ui::LoginWidget> w(makeWidget(QUrl(m_server->baseUrl())));
    w->setLogin(testing::demoLogin("support"));
    w->setPassword(QString::fromLatin1(TestServer::kPassword));
    QSignalSpy signedIn(w.get(), &ui::LoginWidget::signedIn);
    w->signIn();
    QTRY_COMPARE(signedIn.count(), 1);
    QCOMPARE(m_ui->session->me().role, QStringLiteral("support"));
    QCOMPARE(api::ProfileStore(*m_settings).load().first().lastLogin, testing::demoLogin("support"));
    QCOMPARE(api::ProfileStore(*m_settings).lastUsed(), QStringLiteral("Test server"));
    // The password field is cleared once used.
    QVERIFY(w->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->text().isEmpty());
}

void TestLogin::noKeyringIsSaid()
{
    std::unique_ptr<ui::LoginWidget> w(makeWidget(QUrl(m_server->baseUrl())));
    w->setLogin(testing::demoLogin("company_admin"));
    w->setPassword(QString::fromLatin1(TestServer::kPassword));
    w->findChild<QCheckBox *>(QStringLiteral("rememberCheckBox"))->setChecked(true);
    QSignalSpy signedIn(w.get(), &ui::LoginWidget::signedIn);
    w->signIn();
    QTRY_COMPARE(signedIn.count(), 1);
    QTRY_VERIFY(w->note().contains(QStringLiteral("No keyring")));
    // Nothing of the password went into the settings file.
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(TestServer::kPassword));
}

void TestLogin::watchForProfilesDialogs()
{
    m_profilesDialogs = 0;
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [this] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<ui::ProfilesDialog *>(w); d && d->isVisible()) {
                ++m_profilesDialogs;
                d->reject();
            }
        }
    });
    timer->start();
}

// Enter in the password field of the real dialog (not a click on the button): the dialog's default
// button must be "Sign in", never "Servers…".
void TestLogin::enterWithWrongPasswordSaysSo()
{
    auto *widget = makeWidget(QUrl(m_server->baseUrl()));
    ui::LoginDialog dialog(widget);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    watchForProfilesDialogs();
    widget->setLogin(testing::demoLogin("company_admin"));
    auto *password = widget->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    password->setFocus();
    QTest::keyClicks(password, QStringLiteral("not-the-password"));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(widget->message().contains(QStringLiteral("login or password is wrong")));
    QCOMPARE(m_profilesDialogs, 0);
    QVERIFY(dialog.isVisible());
}

// The gesture every admin makes: right password, Enter. The dialog closes itself (and is deleted, as the
// application does) once; no second sign-in, no Servers dialog, no crash.
void TestLogin::enterWithRightPasswordSignsInOnce()
{
    auto *widget = makeWidget(QUrl(m_server->baseUrl()));
    QPointer<ui::LoginDialog> dialog = new ui::LoginDialog(widget);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QSignalSpy signedIn(widget, &ui::LoginWidget::signedIn);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    watchForProfilesDialogs();
    widget->setLogin(testing::demoLogin("company_admin"));
    auto *password = widget->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    password->setFocus();
    QTest::keyClicks(password, QString::fromLatin1(TestServer::kPassword));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(signedIn.count(), 1);
    QCOMPARE(m_profilesDialogs, 0);
    QCOMPARE(m_ui->session->me().login, testing::demoLogin("company_admin"));
}

void TestLogin::serverLabelHasBuddy()
{
    std::unique_ptr<ui::LoginWidget> w(makeWidget(QUrl(m_server->baseUrl())));
    auto *label = w->findChild<QLabel *>(QStringLiteral("serverLabel"));
    QVERIFY(label);
    QCOMPARE(label->buddy(), w->findChild<QComboBox *>(QStringLiteral("profileComboBox")));
}

QTEST_MAIN(TestLogin)
#include "tst_login.moc"
