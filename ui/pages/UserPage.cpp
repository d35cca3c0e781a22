#include "UserPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "BrandChoices.h"
#include "ConfirmDelete.h"
#include "DirectoryCalls.h"
#include "Format.h"
#include "MessageBox.h"
#include "PasswordDialog.h"
#include "QuotaGauge.h"
#include "UserListModel.h"
#include "Validation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace mailadmin::ui {

UserPage::UserPage(AppContext *context, QWidget *parent)
    : EditorPage(context, EntitySchema::user(), QStringLiteral("user"), parent)
{
    setObjectName(QStringLiteral("userPage"));
    auto *top = new QHBoxLayout;
    m_gauge = new charts::QuotaGauge(this);
    m_gauge->setObjectName(QStringLiteral("quotaGauge"));
    m_gauge->setFixedSize(240, 140);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    top->addWidget(m_gauge);
    top->addWidget(m_summary, 1);
    headerLayout()->addLayout(top);

    Form *f = form();
    f->addLine(QStringLiteral("display_name"), tr("&Display name:"));
    f->addLine(QStringLiteral("title"), tr("Job t&itle:"))
        ->setToolTip(tr("Fills the {title} placeholder of bulletins."));
    f->addBytes(QStringLiteral("quota"), tr("&Quota:"));
    f->addList(QStringLiteral("aliases"), tr("&Aliases:"))
        ->setToolTip(tr("Other addresses that deliver to this user, one per line."));
    f->addList(QStringLiteral("forward_recipients"), tr("&Forward to:"));
    f->addServices(QStringLiteral("services"), tr("Ser&vices:"));
    m_brand = f->addChoice(QStringLiteral("brand_id"), tr("&Brand:"), {{tr("Domain's brand"), QVariant()}});
    f->addText(QStringLiteral("notes"), tr("&Notes:"));

    m_password = new QPushButton(tr("Reset &password…"), this);
    m_password->setObjectName(QStringLiteral("resetPasswordButton"));
    m_suspend = new QPushButton(tr("&Suspend"), this);
    m_suspend->setObjectName(QStringLiteral("suspendButton"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_activity = new QPushButton(tr("Ac&tivity…"), this);
    m_activity->setObjectName(QStringLiteral("activityButton"));
    m_activity->setToolTip(tr("Logins, storage, outbound mail and alerts of this user"));
    actionsLayout()->insertWidget(0, m_activity);
    connect(m_activity, &QPushButton::clicked, this,
        [this] { emit this->context()->openUserActivity(address()); });
    actionsLayout()->insertWidget(0, m_password);
    actionsLayout()->insertWidget(1, m_suspend);
    actionsLayout()->insertWidget(2, m_delete);
    connect(m_password, &QPushButton::clicked, this, &UserPage::resetPassword);
    connect(m_suspend, &QPushButton::clicked, this, &UserPage::toggleSuspended);
    connect(m_delete, &QPushButton::clicked, this, &UserPage::deleteUser);
}

void UserPage::openUser(const QString &address)
{
    open(api::DirectoryCalls::userPath(address));
}

void UserPage::onLoaded(const QJsonObject &u)
{
    setTitle(validation::addressForDisplay(u.value(QLatin1String("address")).toString()));
    m_gauge->setUsage(qint64(u.value(QLatin1String("used_bytes")).toDouble()),
        qint64(u.value(QLatin1String("quota")).toDouble()));
    const QJsonObject logins = u.value(QLatin1String("last_login")).toObject();
    QStringList lines;
    lines << tr("<b>%1</b> · %2")
                 .arg(format::userType(u.value(QLatin1String("type")).toString()),
                     format::status(u.value(QLatin1String("status")).toString()));
    lines << tr("Last login — %1").arg(format::lastLogins(logins));
    if (!u.value(QLatin1String("store")).toString().isEmpty())
        lines << tr("Mail store: %1").arg(u.value(QLatin1String("store")).toString().toHtmlEscaped());
    lines << tr("Password: %1")
                 .arg(u.value(QLatin1String("password_set")).toBool() ? tr("set") : tr("not set"));
    lines << tr("Created %1, changed %2")
                 .arg(format::time(u.value(QLatin1String("created_at")).toString()),
                     format::time(u.value(QLatin1String("updated_at")).toString()));
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    const bool suspended = u.value(QLatin1String("status")).toString() == QLatin1String("suspended");
    m_suspend->setText(suspended ? tr("Un&suspend") : tr("&Suspend"));
    m_password->setVisible(context()->can(QStringLiteral("user.password")));
    m_suspend->setVisible(context()->can(QStringLiteral("user.suspend")));
    m_delete->setVisible(context()->can(QStringLiteral("user.delete")));
    m_activity->setVisible(context()->can(QStringLiteral("stats.read")));
    // After a delete only Activity is left to do here (restore is in Deleted items).
    const bool deleted = u.value(QLatin1String("status")).toString() == QLatin1String("deleted");
    for (QPushButton *b : {m_password, m_suspend, m_delete})
        b->setEnabled(!deleted);
    loadBrandChoices(context(), m_brand, qint64(u.value(QLatin1String("company_id")).toDouble()));
}

void UserPage::resetPassword()
{
    PasswordDialog dialog(context(), api::DirectoryCalls::userPasswordPath(address()),
        validation::addressForDisplay(address()), this);
    dialog.exec();
    if (dialog.succeeded())
        adopt(dialog.answer());
}

void UserPage::runAction(bool suspend, const QString &done, const QString &reason)
{
    const api::DirectoryCalls calls(context()->api());
    auto finished = [this, done](const api::ApiResult &result) {
        if (!result.ok()) {
            showMessage(result.error.message(), true);
            if (result.error.status == 412)
                reload();
            return;
        }
        adopt(result.json);
        showMessage(done, false);
        emit context()->objectChanged(QStringLiteral("user"), result.json, false);
    };
    if (suspend)
        calls.suspendUser(address(), reason, version(), this, finished);
    else
        calls.unsuspendUser(address(), version(), this, finished);
}

void UserPage::toggleSuspended()
{
    if (object().value(QLatin1String("status")).toString() == QLatin1String("suspended"))
        runAction(false, tr("The user is active again."));
    else {
        QString reason;
        if (!MessageBox::askText(this, tr("Suspend user"),
                tr("Why is %1 suspended? The reason is kept in the audit log (optional).")
                    .arg(validation::addressForDisplay(address())),
                reason))
            return;
        runAction(
            true, tr("The user is suspended: no logins and no mail sending until unsuspended."), reason);
    }
}

void UserPage::deleteUser()
{
    if (!confirmLeave())
        return;
    ConfirmDelete::run(
        this, tr("Delete user"),
        tr("Delete %1? The user can be restored from Deleted items for 30 days.").arg(address()),
        [this](const api::ApiClient::Callback &callback) {
            api::DirectoryCalls(context()->api()).deleteUser(address(), version(), this, callback);
        },
        [this](const api::ApiResult &result) {
            if (!result.ok()) {
                showMessage(result.error.message(), true);
                return;
            }
            adopt(result.json);
            showMessage(tr("Deleted. Restore it from Deleted items within 30 days."), false);
            emit context()->objectChanged(QStringLiteral("user"), result.json, true);
        },
        ConfirmDelete::Failure::LeaveToCaller);
}

} // namespace mailadmin::ui
