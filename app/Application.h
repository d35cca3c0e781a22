#pragma once

#include "ServerProfile.h"

#include <QObject>
#include <QPointer>
#include <QSettings>

class QLabel;
class QTranslator;

namespace mailadmin::api {
class ApiClient;
class CredentialStore;
class Session;
} // namespace mailadmin::api

namespace mailadmin::ui {
class AppContext;
class MainWindow;
} // namespace mailadmin::ui

namespace mailadmin::app {

class DemoServer;

struct Options
{
    bool demo = false;
    QString demoRole = QStringLiteral("company_admin");
    QString screenshotDir;
    QString language;
};

// The composition root: builds the network client, session and keyring access, signs in (or starts the demo),
// and opens the main window. --screenshot renders every main page to PNG files and quits.
class Application : public QObject
{
    Q_OBJECT
public:
    explicit Application(const Options &options, QObject *parent = nullptr);
    ~Application() override;

    void start();
    int exitCode() const { return m_exitCode; }
    api::ApiClient *api() const { return m_api; }
    // The main window once signed in (null before).
    ui::MainWindow *window() const;

private:
    void openMainWindow(const api::ServerProfile &profile);
    void startDemo();
    void takeScreenshots();
    void fail(const QString &message);

    Options m_options;
    QSettings m_settings;
    api::ApiClient *m_api;
    api::Session *m_session;
    api::CredentialStore *m_credentials;
    ui::AppContext *m_context;
    QPointer<ui::MainWindow> m_window;
    DemoServer *m_demo = nullptr;
    QLabel *m_splash = nullptr;
    int m_exitCode = 0;
};

// Installs the translation for `language` ("fr", or empty for the system locale).
void installTranslation(const QString &language);

} // namespace mailadmin::app
