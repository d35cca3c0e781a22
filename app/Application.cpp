#include "Application.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "LoginDialog.h"
#include "MainWindow.h"

#include "AlertsPage.h"
#include "MessageBox.h"
#include "Session.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QScreen>
#include <QTableView>
#include <QTimer>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcApp, "mailadmin.app")

namespace mailadmin::app {

void installTranslation(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(qApp);
    // A language without a catalogue of its own gets the English one, for its plural forms ("1 user").
    if (own->load(locale, QStringLiteral("mailadmin"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral("mailadmin_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

Application::Application(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(QSettings::UserScope, QStringLiteral("MailAdmin"), QStringLiteral("mailadmin"))
    , m_api(new api::ApiClient(nullptr, this))
    , m_session(new api::Session(m_api, this))
    , m_credentials(new api::CredentialStore(this))
    , m_context(new ui::AppContext(m_api, m_session, this))
{ }

Application::~Application()
{
    delete m_window;
}

ui::MainWindow *Application::window() const
{
    return m_window;
}

void Application::start()
{
    if (m_options.demo) {
        startDemo();
        return;
    }
    auto *widget = new ui::LoginWidget(m_api, m_session, m_credentials, &m_settings);
    auto *dialog = new ui::LoginDialog(widget);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(widget, &ui::LoginWidget::signedIn, this, [this, widget](const api::ServerProfile &profile) {
        openMainWindow(profile);
        if (!widget->note().isEmpty())
            ui::MessageBox::information(m_window, tr("Password not remembered"), widget->note());
    });
    connect(dialog, &QDialog::rejected, qApp, [this] {
        if (!m_window)
            QCoreApplication::quit();
    });
    if (widget->profile().url.isEmpty())
        QTimer::singleShot(0, widget, &ui::LoginWidget::editProfiles);
    dialog->show();
}

void Application::startDemo()
{
    m_splash = new QLabel;
    m_splash->setObjectName(QStringLiteral("splashLabel"));
    m_splash->setWindowTitle(tr("MailAdmin demo"));
    m_splash->setMinimumSize(420, 120);
    m_splash->setAlignment(Qt::AlignCenter);
    m_splash->setText(tr("Starting the MailAdmin demo…"));
    if (m_options.screenshotDir.isEmpty())
        m_splash->show();
    auto *timer = new QElapsedTimer;
    timer->start();
    m_demo = new DemoServer(this);
    connect(m_demo, &DemoServer::progress, m_splash,
        [this](const QString &step) { m_splash->setText(step + QStringLiteral("…")); });
    connect(m_demo, &DemoServer::failed, this, &Application::fail);
    connect(m_demo, &DemoServer::ready, this, [this, timer] {
        m_api->setBaseUrl(m_demo->url());
        m_splash->setText(tr("Signing in…"));
        const QString login = DemoServer::loginFor(m_options.demoRole);
        m_session->signIn(login, m_demo->password(), this, [this, timer, login](const api::ApiError &error) {
            if (!error.isNone()) {
                fail(tr("Signing in to the demo as %1 failed: %2").arg(login, error.message()));
                return;
            }
            api::ServerProfile profile;
            profile.name = tr("Demo");
            profile.url = m_demo->url();
            profile.environment = api::ServerProfile::Environment::Test;
            profile.lastLogin = login;
            openMainWindow(profile);
            qCInfo(lcApp) << "demo ready in" << timer->elapsed() << "ms";
            delete timer;
        });
    });
    m_demo->start();
}

void Application::openMainWindow(const api::ServerProfile &profile)
{
    if (m_splash) {
        m_splash->deleteLater();
        m_splash = nullptr;
    }
    m_window = new ui::MainWindow(m_context, profile, m_credentials);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &QObject::destroyed, qApp, [this] {
        if (m_options.screenshotDir.isEmpty())
            QCoreApplication::quit();
    });
    m_window->show();
    if (!m_options.screenshotDir.isEmpty())
        QTimer::singleShot(500, this, &Application::takeScreenshots);
}

void Application::takeScreenshots()
{
    QDir().mkpath(m_options.screenshotDir);
    auto pages = std::make_shared<QStringList>(m_window->availablePages());
    pages->append({QStringLiteral("domain"), QStringLiteral("user"), QStringLiteral("user360")});
    // The user and domain pages need an object: the first user of the first domain.
    auto step = std::make_shared<std::function<void()>>();
    auto waited = std::make_shared<int>(0);
    *step = [this, pages, step, waited] {
        if (!m_window) {
            QCoreApplication::exit(1);
            return;
        }
        if (m_api->pendingCount() > 0 && *waited < 50) {
            ++*waited;
            QTimer::singleShot(100, this, *step);
            return;
        }
        *waited = 0;
        const QString current = m_window->currentPageName();
        if (!current.isEmpty() && current != QLatin1String("__first")) {
            const QString file = QDir(m_options.screenshotDir).filePath(current + QStringLiteral(".png"));
            if (!m_window->grab().save(file))
                qCWarning(lcApp) << "cannot write" << file;
            else
                qCInfo(lcApp) << "wrote" << file;
        }
        if (pages->isEmpty()) {
            QCoreApplication::exit(0);
            return;
        }
        const QString next = pages->takeFirst();
        if (next == QLatin1String("user") || next == QLatin1String("domain")
            || next == QLatin1String("user360")) {
            // Find something to show through the API, then open it.
            // The activity page shows the busiest sender of the last days (the fullest mailbox otherwise).
            const bool activity = next == QLatin1String("user360");
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
            if (!activity)
                query.addQueryItem(QStringLiteral("sort"), QStringLiteral("-used_bytes"));
            else
                query.addQueryItem(QStringLiteral("from"),
                    QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODate));
            m_api->get(activity ? QStringLiteral("/stats/senders") : QStringLiteral("/users"), query, this,
                [this, next, step, activity](const api::ApiResult &result) {
                    const QJsonArray items
                        = result.json.value(activity ? QLatin1String("senders") : QLatin1String("items"))
                              .toArray();
                    if (!items.isEmpty()) {
                        const QString address
                            = items.first().toObject().value(QLatin1String("address")).toString();
                        if (next == QLatin1String("user"))
                            m_window->openUser(address);
                        else if (next == QLatin1String("user360"))
                            m_window->openUserActivity(address);
                        else
                            m_window->openDomain(address.section(QLatin1Char('@'), 1));
                    }
                    QTimer::singleShot(400, this, *step);
                });
            return;
        }
        m_window->showPage(next);
        if (next == QLatin1String("alerts")) {
            // Show one alert with its evidence and chart.
            QTimer::singleShot(600, this, [this] {
                if (m_window && m_window->alertsPage()->episodes()->rowCount() > 0)
                    m_window->alertsPage()->table()->selectRow(0);
            });
            QTimer::singleShot(1400, this, *step);
            return;
        }
        QTimer::singleShot(400, this, *step);
    };
    QTimer::singleShot(300, this, *step);
}

void Application::fail(const QString &message)
{
    qCCritical(lcApp).noquote() << message;
    m_exitCode = 1;
    if (m_options.screenshotDir.isEmpty())
        ui::MessageBox::warning(nullptr, tr("MailAdmin"), message);
    QCoreApplication::exit(1);
}

} // namespace mailadmin::app
