#pragma once

#include "ServerProfile.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSettings;

namespace mailadmin::api {
class ApiClient;
class CredentialStore;
class Session;
} // namespace mailadmin::api

namespace mailadmin::ui {

class ProfilesDialog;

// Sign-in: choose a server profile (with its Live or Test environment shown), log in, optionally remember
// the password in the system keyring. Also used to sign in again when a session ends mid-work.
class LoginWidget : public QWidget
{
    Q_OBJECT
public:
    LoginWidget(api::ApiClient *api, api::Session *session, api::CredentialStore *credentials,
        QSettings *settings, QWidget *parent = nullptr);

    // Sign in again as the same admin on the same server; the profile and login cannot change.
    void setResuming(const api::ServerProfile &profile, const QString &login);
    void setProfiles(const QList<api::ServerProfile> &profiles, const QString &current);
    api::ServerProfile profile() const;
    void setLogin(const QString &login);
    void setPassword(const QString &password);
    void signIn();
    QString message() const;
    QString note() const { return m_note; }
    void editProfiles();

signals:
    void signedIn(const mailadmin::api::ServerProfile &profile);

private:
    void profileChanged();
    void remember(const api::ServerProfile &profile, const QString &password);

    api::ApiClient *m_api;
    api::Session *m_session;
    api::CredentialStore *m_credentials;
    QSettings *m_settings;
    QList<api::ServerProfile> m_profiles;
    QComboBox *m_profile;
    QLabel *m_environment;
    QPushButton *m_editProfiles;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QPushButton *m_signIn;
    QLabel *m_message;
    QString m_note;
    bool m_resuming = false;
    bool m_signingIn = false;
    QPointer<ProfilesDialog> m_profilesDialog;
};

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(LoginWidget *widget, QWidget *parent = nullptr);
    LoginWidget *widget() const { return m_widget; }

private:
    LoginWidget *m_widget;
};

// The list of server profiles: name, address and environment.
class ProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    ProfilesDialog(const QList<api::ServerProfile> &profiles, QWidget *parent = nullptr);
    QList<api::ServerProfile> profiles() const { return m_profiles; }

private:
    void load(int row);
    void store(int row);
    QList<api::ServerProfile> m_profiles;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QComboBox *m_environment;
    QLabel *m_problem;
    int m_row = -1;
};

} // namespace mailadmin::ui
