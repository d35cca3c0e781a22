#include "UsersPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "ConfirmDelete.h"
#include "DirectoryCalls.h"
#include "QuotaDialog.h"
#include "BulkDialog.h"
#include "BulkOperation.h"
#include "CsvImportDialog.h"
#include "Form.h"
#include "MessageBox.h"
#include "ObjectDialog.h"
#include "PasswordDialog.h"
#include "UserListModel.h"
#include "Validation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

UsersPage::UsersPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::UserListModel(context->api()), tr("Users"), parent)
    , m_users(static_cast<models::UserListModel *>(model()))
{
    setObjectName(QStringLiteral("usersPage"));
    m_users->setParent(this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusComboBox"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Suspended"), QStringLiteral("suspended"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeComboBox"));
    m_type->addItem(tr("Any type"), QString());
    m_type->addItem(tr("Mailboxes"), QStringLiteral("mailbox"));
    m_type->addItem(tr("Forwards"), QStringLiteral("forward"));
    m_type->addItem(tr("Filters"), QStringLiteral("filter"));
    filterLayout()->addWidget(m_status);
    filterLayout()->addWidget(m_type);
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_users->setFilter(QStringLiteral("status"), m_status->currentData().toString()); });
    connect(m_type, &QComboBox::currentIndexChanged, this,
        [this] { m_users->setFilter(QStringLiteral("type"), m_type->currentData().toString()); });

    m_new = addButton(tr("&New user…"), QStringLiteral("newUserButton"), QStringLiteral("user.create"));
    m_import = addButton(tr("&Import CSV…"), QStringLiteral("importButton"), QStringLiteral("user.create"));
    QPushButton *suspend
        = addButton(tr("Suspend"), QStringLiteral("suspendButton"), QStringLiteral("user.suspend"));
    QPushButton *unsuspend
        = addButton(tr("Unsuspend"), QStringLiteral("unsuspendButton"), QStringLiteral("user.suspend"));
    QPushButton *quota
        = addButton(tr("Set &quota…"), QStringLiteral("setQuotaButton"), QStringLiteral("user.update"));
    QPushButton *remove
        = addButton(tr("&Delete"), QStringLiteral("deleteButton"), QStringLiteral("user.delete"));
    m_needSelection = {suspend, unsuspend, quota, remove};
    connect(m_new, &QPushButton::clicked, this, &UsersPage::newUser);
    connect(m_import, &QPushButton::clicked, this, &UsersPage::importCsv);
    connect(suspend, &QPushButton::clicked, this, [this] { bulkSuspend(true); });
    connect(unsuspend, &QPushButton::clicked, this, [this] { bulkSuspend(false); });
    connect(quota, &QPushButton::clicked, this, &UsersPage::askQuotaForSelection);
    connect(remove, &QPushButton::clicked, this, &UsersPage::bulkDelete);
    connect(this, &ListPage::activated, this, [this](int row) { emit openUser(m_users->addressAt(row)); });
    connect(context, &AppContext::objectChanged, this,
        [this](const QString &kind, const QJsonObject &object, bool removed) {
            if (kind != QLatin1String("user"))
                return;
            if (removed)
                m_users->removeKey(object.value(QLatin1String("address")).toString());
            else
                m_users->updateObject(object);
        });
    selectionChanged();
}

BulkDialog *UsersPage::lastBulkDialog() const
{
    return m_lastBulk;
}

void UsersPage::setDomain(const QString &domain)
{
    m_domain = domain;
    if (domain.isEmpty()) {
        // Without a domain the page searches every domain in scope.
        m_users->setAllDomains();
        setTitle(tr("Users"));
    } else {
        m_users->setDomain(domain);
        setTitle(tr("Users of %1").arg(validation::domainForDisplay(domain)));
    }
    m_new->setEnabled(!domain.isEmpty());
    m_import->setEnabled(!domain.isEmpty());
}

void UsersPage::selectionChanged()
{
    ListPage::selectionChanged();
}

void UsersPage::newUser()
{
    ObjectDialog *dialog = createUserDialog();
    if (!dialog)
        return;
    dialog->exec();
    delete dialog;
}

ObjectDialog *UsersPage::createUserDialog()
{
    if (m_domain.isEmpty())
        return nullptr;
    auto *dialog = new ObjectDialog(context(), EntitySchema::user(), ObjectDialog::Mode::Create,
        api::DirectoryCalls::domainUsersPath(m_domain),
        tr("New user in %1").arg(validation::domainForDisplay(m_domain)), this);
    Form *f = dialog->form();
    f->addLine(QStringLiteral("local_part"), tr("&Mailbox name:"))->setPlaceholderText(tr("e.g. anna.berg"));
    f->addChoice(QStringLiteral("type"), tr("&Type:"),
        {{tr("Mailbox"), QStringLiteral("mailbox")}, {tr("Forward"), QStringLiteral("forward")},
            {tr("Filter"), QStringLiteral("filter")}});
    f->addLine(QStringLiteral("display_name"), tr("&Display name:"));
    f->addList(QStringLiteral("forward_recipients"), tr("&Forward to:"));
    f->addBytes(QStringLiteral("quota"), tr("&Quota:"));

    // The password is masked; Generate fills in a strong one and shows it, Show reveals what was typed.
    auto *passwordBox = new QWidget;
    auto *passwordRow = new QHBoxLayout(passwordBox);
    passwordRow->setContentsMargins(0, 0, 0, 0);
    auto *password = new QLineEdit(passwordBox);
    password->setObjectName(QStringLiteral("passwordLineEdit"));
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(tr("Optional; set or reset it later"));
    auto *show = new QCheckBox(tr("Sho&w"), passwordBox);
    show->setObjectName(QStringLiteral("showPasswordCheckBox"));
    auto *generate = new QPushButton(tr("&Generate"), passwordBox);
    generate->setObjectName(QStringLiteral("generatePasswordButton"));
    passwordRow->addWidget(password, 1);
    passwordRow->addWidget(show);
    passwordRow->addWidget(generate);
    passwordBox->setFocusProxy(password);
    connect(show, &QCheckBox::toggled, password,
        [password](bool on) { password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    connect(generate, &QPushButton::clicked, password, [password, show, f] {
        password->setText(PasswordWidget::generatePassword());
        show->setChecked(true);
        f->markEdited();
    });
    connect(password, &QLineEdit::textEdited, f, &Form::markEdited);
    f->addCustom(
        QStringLiteral("password"), tr("&Password:"), passwordBox,
        [password]() -> QJsonValue { return password->text(); },
        [password](const QJsonValue &v) { password->setText(v.toString()); },
        [password, generate](bool ro) {
            password->setReadOnly(ro);
            generate->setEnabled(!ro);
        });
    dialog->setObject(QJsonObject {{QStringLiteral("type"), QStringLiteral("mailbox")}});
    // The domain's default quota, filled in once known; the admin may change it.
    api::DirectoryCalls(context()->api()).getDomain(m_domain, dialog, [f](const api::ApiResult &r) {
        if (r.ok())
            f->apply(QJsonObject {{QStringLiteral("quota"), r.json.value(QLatin1String("default_quota"))}});
    });
    connect(dialog, &ObjectDialog::succeeded, this, [this](const QJsonObject &user) {
        m_users->reload();
        emit this->context()->objectChanged(QStringLiteral("user"), user, false);
        emit this->context()->showStatus(tr("Created %1").arg(
            validation::addressForDisplay(user.value(QLatin1String("address")).toString())));
    });
    return dialog;
}

void UsersPage::importCsv()
{
    if (m_domain.isEmpty())
        return;
    CsvImportDialog dialog(context(), m_domain, this);
    dialog.exec();
    if (dialog.widget()->importedCount() > 0)
        m_users->reload();
}

void UsersPage::runBulk(const QString &title, const QList<api::BulkOperation::Step> &steps)
{
    auto *operation = new api::BulkOperation(this->context()->api(), steps, this);
    auto *dialog = new BulkDialog(operation, title, this);
    dialog->setObjectName(QStringLiteral("bulkDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, operation, &QObject::deleteLater);
    connect(operation, &api::BulkOperation::finished, this, [this] { m_users->reload(); });
    m_lastBulk = dialog;
    dialog->open();
    operation->start();
}

void UsersPage::bulkSuspend(bool suspend)
{
    QString reason;
    if (suspend && !selectedRows().isEmpty()) {
        if (!MessageBox::askText(this, tr("Suspend users"),
                tr("Why are they suspended? The reason is kept in the audit log (optional)."), reason))
            return;
    }
    QList<api::BulkOperation::Step> steps;
    for (int row : selectedRows()) {
        const QString address = m_users->addressAt(row);
        steps.append(suspend ? api::DirectoryCalls::suspendUserStep(address, reason)
                             : api::DirectoryCalls::unsuspendUserStep(address));
    }
    if (!steps.isEmpty())
        runBulk(suspend ? tr("Suspend %n user(s)", nullptr, int(steps.size()))
                        : tr("Unsuspend %n user(s)", nullptr, int(steps.size())),
            steps);
}

void UsersPage::bulkDelete()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    if (!ConfirmDelete::ask(this, tr("Delete users"),
            tr("Delete %n user(s)? They can be restored from Deleted items for 30 days.", nullptr,
                int(rows.size()))))
        return;
    QList<api::BulkOperation::Step> steps;
    for (int row : rows) {
        const QString address = m_users->addressAt(row);
        steps.append(api::DirectoryCalls::deleteUserStep(address, m_users->versionAt(row)));
    }
    runBulk(tr("Delete %n user(s)", nullptr, int(steps.size())), steps);
}

void UsersPage::bulkSetQuota(qint64 quota)
{
    QList<api::BulkOperation::Step> steps;
    for (int row : selectedRows()) {
        const QString address = m_users->addressAt(row);
        steps.append(api::DirectoryCalls::setQuotaStep(address, quota, m_users->versionAt(row)));
    }
    if (!steps.isEmpty())
        runBulk(tr("Set the quota of %n user(s)", nullptr, int(steps.size())), steps);
}

void UsersPage::askQuotaForSelection()
{
    const std::optional<qint64> quota = QuotaDialog::ask(this, tr("Set quota"),
        tr("New quota for %n selected user(s):", nullptr, int(selectedRows().size())),
        qint64(2) * 1024 * 1024 * 1024);
    if (quota)
        bulkSetQuota(*quota);
}

} // namespace mailadmin::ui
