#include "InactiveUsersPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "BulkDialog.h"
#include "ConfirmDelete.h"
#include "DirectoryCalls.h"
#include "MessageBox.h"
#include "StatsScopeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace mailadmin::ui {

InactiveUsersPage::InactiveUsersPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::InactiveListModel(context->api()), tr("Inactive users"), parent)
    , m_inactive(static_cast<models::InactiveListModel *>(model()))
{
    setObjectName(QStringLiteral("inactiveUsersPage"));
    m_inactive->setParent(this);
    searchEdit()->hide();
    m_scope = new StatsScopeBar(context, false, false, this);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("daysSpinBox"));
    m_days->setRange(1, 3650);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    auto *label = new QLabel(tr("No login for &at least"), this);
    label->setBuddy(m_days);
    m_minAge = new QSpinBox(this);
    m_minAge->setObjectName(QStringLiteral("minAgeSpinBox"));
    m_minAge->setRange(0, 3650);
    m_minAge->setSuffix(tr(" days"));
    m_minAge->setSpecialValueText(tr("no"));
    auto *ageLabel = new QLabel(tr("lea&ve out accounts younger than"), this);
    ageLabel->setBuddy(m_minAge);
    filterLayout()->addWidget(m_scope, 1);
    filterLayout()->addWidget(label);
    filterLayout()->addWidget(m_days);
    filterLayout()->addWidget(ageLabel);
    filterLayout()->addWidget(m_minAge);
    QPushButton *suspend
        = addButton(tr("&Suspend…"), QStringLiteral("suspendButton"), QStringLiteral("user.suspend"));
    QPushButton *remove
        = addButton(tr("&Delete…"), QStringLiteral("deleteButton"), QStringLiteral("user.delete"));
    m_needSelection = {suspend, remove};
    connect(suspend, &QPushButton::clicked, this, &InactiveUsersPage::suspendSelected);
    connect(remove, &QPushButton::clicked, this, &InactiveUsersPage::deleteSelected);
    connect(m_scope, &StatsScopeBar::changed, this, &InactiveUsersPage::apply);
    connect(m_days, &QSpinBox::editingFinished, this, &InactiveUsersPage::apply);
    connect(m_minAge, &QSpinBox::editingFinished, this, &InactiveUsersPage::apply);
    connect(this, &ListPage::activated, this,
        [this, context](int row) { emit context->openUserActivity(m_inactive->keyAt(row)); });
    apply();
}

void InactiveUsersPage::apply()
{
    const QUrlQuery subject = m_scope->subjectQuery();
    const models::StatsScope scope = m_scope->scope();
    if (scope.kind != models::StatsScope::Kind::Company && scope.id.isEmpty())
        return;
    m_inactive->setScope(subject, m_days->value(), m_minAge->value());
}

void InactiveUsersPage::suspendSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    QString reason;
    if (!MessageBox::askText(this, tr("Suspend users"),
            tr("Why are they suspended? The reason is kept in the audit log (optional)."), reason))
        return;
    QList<api::BulkOperation::Step> steps;
    for (int row : rows) {
        const QString address = m_inactive->keyAt(row);
        steps.append(api::DirectoryCalls::suspendUserStep(address, reason));
    }
    runBulk(tr("Suspend %n user(s)", nullptr, int(steps.size())), steps);
}

void InactiveUsersPage::deleteSelected()
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
        const QJsonObject user = m_inactive->objectAt(row);
        const QString address = user.value(QLatin1String("address")).toString();
        steps.append(
            api::DirectoryCalls::deleteUserStep(address, user.value(QLatin1String("version")).toInt()));
    }
    runBulk(tr("Delete %n user(s)", nullptr, int(steps.size())), steps);
}

void InactiveUsersPage::runBulk(const QString &title, const QList<api::BulkOperation::Step> &steps)
{
    auto *operation = new api::BulkOperation(context()->api(), steps, this);
    auto *dialog = new BulkDialog(operation, title, this);
    dialog->setObjectName(QStringLiteral("bulkDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, operation, &QObject::deleteLater);
    connect(operation, &api::BulkOperation::finished, m_inactive, &models::PagedListModel::reload);
    m_lastBulk = dialog;
    dialog->open();
    operation->start();
}

} // namespace mailadmin::ui
