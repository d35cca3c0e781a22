#include "LoginDialog.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace mailadmin::ui {

namespace {
QString environmentBadge(const api::ServerProfile &p)
{
    return p.isLive()
        ? QStringLiteral(
            "<span style='background:#c01c28;color:white;padding:2px 6px;font-weight:bold'>%1</span>")
              .arg(QObject::tr("LIVE"))
        : QStringLiteral(
            "<span style='background:#26a269;color:white;padding:2px 6px;font-weight:bold'>%1</span>")
              .arg(QObject::tr("TEST"));
}
} // namespace

LoginWidget::LoginWidget(api::ApiClient *api, api::Session *session, api::CredentialStore *credentials,
    QSettings *settings, QWidget *parent)
    : QWidget(parent), m_api(api), m_session(session), m_credentials(credentials), m_settings(settings)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Sign in to MailAdmin</h2>"), this);
    layout->addWidget(title);
    auto *form = new QFormLayout;
    auto *profileRow = new QHBoxLayout;
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileComboBox"));
    m_environment = new QLabel(this);
    m_environment->setObjectName(QStringLiteral("environmentLabel"));
    m_editProfiles = new QPushButton(tr("Ser&vers…"), this);
    m_editProfiles->setObjectName(QStringLiteral("editProfilesButton"));
    // Enter in a field signs in: the dialog must never pick this button as its default.
    m_editProfiles->setAutoDefault(false);
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(m_environment);
    profileRow->addWidget(m_editProfiles);
    // A layout row has no buddy of its own, so the label names the combo box explicitly (no literal "&").
    auto *serverLabel = new QLabel(tr("S&erver:"), this);
    serverLabel->setObjectName(QStringLiteral("serverLabel"));
    serverLabel->setBuddy(m_profile);
    form->addRow(serverLabel, profileRow);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginLineEdit"));
    form->addRow(tr("&Login:"), m_login);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    m_remember = new QCheckBox(tr("&Remember the password in the system keyring"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheckBox"));
    form->addRow(QString(), m_remember);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a51d2d;"));
    layout->addWidget(m_message);
    m_signIn = new QPushButton(tr("&Sign in"), this);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    layout->addWidget(m_signIn, 0, Qt::AlignRight);
    connect(m_signIn, &QPushButton::clicked, this, &LoginWidget::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginWidget::signIn);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &LoginWidget::profileChanged);
    connect(m_editProfiles, &QPushButton::clicked, this, &LoginWidget::editProfiles);
    if (m_settings)
        setProfiles(api::ProfileStore(*m_settings).load(), api::ProfileStore(*m_settings).lastUsed());
}

void LoginWidget::setProfiles(const QList<api::ServerProfile> &profiles, const QString &current)
{
    m_profiles = profiles;
    const QSignalBlocker block(m_profile);
    m_profile->clear();
    for (const api::ServerProfile &p : profiles)
        m_profile->addItem(QStringLiteral("%1 — %2").arg(p.name, p.url.toDisplayString()));
    int index = 0;
    for (int i = 0; i < profiles.size(); ++i) {
        if (profiles.at(i).name == current)
            index = i;
    }
    m_profile->setCurrentIndex(profiles.isEmpty() ? -1 : index);
    profileChanged();
}

api::ServerProfile LoginWidget::profile() const
{
    const int i = m_profile->currentIndex();
    return i >= 0 && i < m_profiles.size() ? m_profiles.at(i) : api::ServerProfile {};
}

void LoginWidget::profileChanged()
{
    const api::ServerProfile p = profile();
    m_environment->setText(p.isValid() ? environmentBadge(p) : QString());
    m_signIn->setEnabled(p.isValid());
    if (!p.isValid()) {
        m_message->setText(tr("Add a server first (Servers…)."));
        return;
    }
    m_message->clear();
    if (!m_resuming && !p.lastLogin.isEmpty())
        m_login->setText(p.lastLogin);
    m_remember->setChecked(p.rememberPassword);
    if (p.rememberPassword && m_credentials) {
        m_credentials->read(
            p.keyringKey(), this, [this](api::CredentialStore::Outcome outcome, const QString &password) {
                if (outcome == api::CredentialStore::Outcome::Done && m_password->text().isEmpty())
                    m_password->setText(password);
            });
    }
}

void LoginWidget::setResuming(const api::ServerProfile &profile, const QString &login)
{
    m_resuming = true;
    setProfiles({profile}, profile.name);
    m_profile->setEnabled(false);
    m_editProfiles->hide();
    m_login->setText(login);
    m_login->setReadOnly(true);
    m_password->clear();
    m_password->setFocus();
    m_message->setText(
        tr("Your session has ended. Sign in again to continue where you were; nothing on screen is lost."));
}

void LoginWidget::setLogin(const QString &login)
{
    m_login->setText(login);
}

void LoginWidget::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString LoginWidget::message() const
{
    return m_message->text();
}

void LoginWidget::signIn()
{
    api::ServerProfile p = profile();
    if (!p.isValid())
        return;
    // Enter reaches both the password field and the dialog's default button: one request is enough.
    if (m_signingIn)
        return;
    if (m_login->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_message->setText(tr("Enter your login and password."));
        return;
    }
    m_signingIn = true;
    m_signIn->setEnabled(false);
    m_message->setText(tr("Signing in…"));
    m_message->setStyleSheet(QString());
    if (!m_resuming)
        m_api->setBaseUrl(p.url);
    const QString password = m_password->text();
    m_session->signIn(
        m_login->text().trimmed(), password, this, [this, p, password](const api::ApiError &error) mutable {
            m_signingIn = false;
            m_signIn->setEnabled(true);
            m_message->setStyleSheet(QStringLiteral("color: #a51d2d;"));
            if (!error.isNone()) {
                if (error.status == 401)
                    m_message->setText(tr("The login or password is wrong, or the account is disabled."));
                else if (error.kind == api::ApiError::Kind::Tls)
                    m_message->setText(tr("The connection is not secure: the server's certificate is not "
                                          "trusted (%1). Check the address, or ask "
                                          "the server's operator for a valid certificate.")
                                           .arg(error.detail));
                else if (error.isConnectivity())
                    m_message->setText(tr("The server at %1 cannot be reached. Check the address and that "
                                          "the server is running.")
                                           .arg(p.url.toDisplayString()));
                else
                    m_message->setText(error.message());
                return;
            }
            m_message->clear();
            p.lastLogin = m_login->text().trimmed();
            p.rememberPassword = m_remember->isChecked();
            remember(p, password);
            m_password->clear();
            emit signedIn(p);
        });
}

void LoginWidget::remember(const api::ServerProfile &p, const QString &password)
{
    if (m_settings && !m_resuming) {
        api::ProfileStore store(*m_settings);
        for (api::ServerProfile &existing : m_profiles) {
            if (existing.name == p.name)
                existing = p;
        }
        store.save(m_profiles);
        store.setLastUsed(p.name);
    }
    if (!m_credentials)
        return;
    if (!p.rememberPassword) {
        m_credentials->forget(p.keyringKey());
        return;
    }
    m_credentials->write(
        p.keyringKey(), password, this, [this](api::CredentialStore::Outcome outcome, const QString &) {
            if (outcome == api::CredentialStore::Outcome::NoKeyring)
                m_note = tr("No keyring is available on this computer, so the password was not remembered.");
            else if (outcome == api::CredentialStore::Outcome::Failed)
                m_note = tr("The keyring refused to store the password.");
        });
}

void LoginWidget::editProfiles()
{
    if (m_profilesDialog) {
        m_profilesDialog->raise();
        return;
    }
    // Open, not exec: a nested event loop here would outlive this widget when a sign-in finishes meanwhile.
    m_profilesDialog = new ProfilesDialog(m_profiles, this);
    m_profilesDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_profilesDialog, &QDialog::accepted, this, [this, dialog = m_profilesDialog] {
        const QString current = profile().name;
        setProfiles(dialog->profiles(), current);
        if (m_settings)
            api::ProfileStore(*m_settings).save(m_profiles);
    });
    m_profilesDialog->open();
}

LoginDialog::LoginDialog(LoginWidget *widget, QWidget *parent) : QDialog(parent), m_widget(widget)
{
    setWindowTitle(tr("Sign in — MailAdmin"));
    auto *layout = new QVBoxLayout(this);
    widget->setParent(this);
    layout->addWidget(widget);
    connect(widget, &LoginWidget::signedIn, this, &QDialog::accept);
    // Made default once the button is inside the dialog; set earlier, the dialog would pick another one.
    if (auto *signIn = widget->findChild<QPushButton *>(QStringLiteral("signInButton")))
        signIn->setDefault(true);
    setMinimumWidth(520);
}

ProfilesDialog::ProfilesDialog(const QList<api::ServerProfile> &profiles, QWidget *parent)
    : QDialog(parent), m_profiles(profiles)
{
    setWindowTitle(tr("Servers"));
    auto *layout = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profilesListWidget"));
    left->addWidget(m_list);
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("addProfileButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeProfileButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);
    layout->addLayout(left);
    auto *right = new QVBoxLayout;
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("urlLineEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://mailadmin.example.com:8440"));
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environmentComboBox"));
    m_environment->addItem(tr("Live (real customers)"), QStringLiteral("live"));
    m_environment->addItem(tr("Test"), QStringLiteral("test"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(tr("&Environment:"), m_environment);
    right->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #a51d2d;"));
    right->addWidget(m_problem);
    right->addStretch(1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    right->addWidget(box);
    layout->addLayout(right, 1);
    for (const api::ServerProfile &p : std::as_const(m_profiles))
        m_list->addItem(p.name);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        store(m_row);
        load(row);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        store(m_row);
        api::ServerProfile p;
        p.name = tr("New server");
        p.url = QUrl(QStringLiteral("http://127.0.0.1:8440"));
        p.environment = api::ServerProfile::Environment::Test;
        m_profiles << p;
        m_list->addItem(p.name);
        m_list->setCurrentRow(int(m_profiles.size()) - 1);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        m_row = -1;
        m_profiles.removeAt(row);
        delete m_list->takeItem(row);
    });
    connect(box, &QDialogButtonBox::accepted, this, [this] {
        store(m_row);
        for (const api::ServerProfile &p : std::as_const(m_profiles)) {
            if (!p.isValid()) {
                m_problem->setText(
                    tr("Every server needs a name and an http:// or https:// address (%1).").arg(p.name));
                return;
            }
        }
        accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_list->setCurrentRow(m_profiles.isEmpty() ? -1 : 0);
    resize(620, 300);
}

void ProfilesDialog::load(int row)
{
    m_row = row;
    const bool valid = row >= 0 && row < m_profiles.size();
    m_name->setEnabled(valid);
    m_url->setEnabled(valid);
    m_environment->setEnabled(valid);
    if (!valid)
        return;
    const api::ServerProfile &p = m_profiles.at(row);
    m_name->setText(p.name);
    m_url->setText(p.url.toString());
    m_environment->setCurrentIndex(p.isLive() ? 0 : 1);
}

void ProfilesDialog::store(int row)
{
    if (row < 0 || row >= m_profiles.size())
        return;
    api::ServerProfile &p = m_profiles[row];
    p.name = m_name->text().trimmed();
    p.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    p.environment = m_environment->currentIndex() == 0 ? api::ServerProfile::Environment::Live
                                                       : api::ServerProfile::Environment::Test;
    if (QListWidgetItem *item = m_list->item(row))
        item->setText(p.name);
}

} // namespace mailadmin::ui
