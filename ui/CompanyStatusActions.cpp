#include "CompanyStatusActions.h"

#include "AppContext.h"
#include "CompanyCalls.h"
#include "MessageBox.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace mailadmin::ui {

CompanyStatusActions::CompanyStatusActions(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_suspend = new QPushButton(tr("Sus&pend…"), this);
    m_suspend->setObjectName(QStringLiteral("suspendCompanyButton"));
    m_resume = new QPushButton(tr("Res&ume"), this);
    m_resume->setObjectName(QStringLiteral("resumeCompanyButton"));
    m_delete = new QPushButton(tr("Dele&te company…"), this);
    m_delete->setObjectName(QStringLiteral("deleteCompanyButton"));
    m_restore = new QPushButton(tr("&Restore"), this);
    m_restore->setObjectName(QStringLiteral("restoreCompanyButton"));
    layout->addWidget(m_suspend);
    layout->addWidget(m_resume);
    layout->addWidget(m_delete);
    layout->addWidget(m_restore);
    connect(m_suspend, &QPushButton::clicked, this, &CompanyStatusActions::suspend);
    connect(m_resume, &QPushButton::clicked, this, &CompanyStatusActions::resume);
    connect(m_delete, &QPushButton::clicked, this, &CompanyStatusActions::remove);
    connect(m_restore, &QPushButton::clicked, this, &CompanyStatusActions::restore);
    setCompany({});
}

qint64 CompanyStatusActions::id() const
{
    return qint64(m_company.value(QLatin1String("id")).toDouble());
}

int CompanyStatusActions::version() const
{
    return m_company.value(QLatin1String("version")).toInt();
}

void CompanyStatusActions::setCompany(const QJsonObject &company)
{
    m_company = company;
    // Taking a company off the platform is the operator's, as creating one is.
    const bool may = id() > 0 && m_context->can(QStringLiteral("company.create"));
    const bool deleted = !company.value(QLatin1String("deleted_at")).isNull()
        && !company.value(QLatin1String("deleted_at")).isUndefined();
    const bool suspended = company.value(QLatin1String("status")).toString() == QLatin1String("suspended");
    setVisible(m_context->can(QStringLiteral("company.create")));
    m_suspend->setEnabled(may && !deleted && !suspended);
    m_resume->setEnabled(may && !deleted && suspended);
    m_delete->setEnabled(may && !deleted);
    m_restore->setEnabled(may && deleted);
}

void CompanyStatusActions::finish(const QJsonObject &company, bool removed)
{
    setCompany(company);
    emit changed(company);
    emit m_context->objectChanged(QStringLiteral("company"), company, removed);
}

void CompanyStatusActions::suspend()
{
    if (!m_suspend->isEnabled())
        return;
    QString reason;
    if (!MessageBox::askText(this, tr("Suspend company"),
            tr("Why is %1 suspended? Its admins cannot sign in, its mailboxes cannot log in or send, and its "
               "domains take no mail until it is resumed.")
                .arg(m_company.value(QLatin1String("name")).toString()),
            reason))
        return;
    api::CompanyCalls(m_context->api())
        .suspend(id(), version(), reason, this, [this](const api::ApiResult &result) {
            if (!result.ok()) {
                emit failed(result.error.message());
                return;
            }
            finish(result.json, false);
        });
}

void CompanyStatusActions::resume()
{
    if (!m_resume->isEnabled())
        return;
    api::CompanyCalls(m_context->api()).resume(id(), version(), this, [this](const api::ApiResult &result) {
        if (!result.ok()) {
            emit failed(result.error.message());
            return;
        }
        finish(result.json, false);
    });
}

void CompanyStatusActions::remove()
{
    if (!m_delete->isEnabled())
        return;
    const int domains = m_company.value(QLatin1String("domain_count")).toInt();
    const int mailboxes = m_company.value(QLatin1String("user_count")).toInt();
    const QString text
        = tr("Delete %1 with its %2 and %3? They leave every list and stop receiving mail; "
             "restore them from Deleted items.")
              .arg(m_company.value(QLatin1String("name")).toString(), tr("%n domain(s)", nullptr, domains),
                  tr("%n mailbox(es)", nullptr, mailboxes));
    if (MessageBox::question(this, tr("Delete company"), text) != QMessageBox::Yes)
        return;
    api::CompanyCalls(m_context->api()).remove(id(), version(), this, [this](const api::ApiResult &result) {
        if (!result.ok()) {
            emit failed(result.error.message());
            return;
        }
        finish(result.json, true);
    });
}

void CompanyStatusActions::restore()
{
    if (!m_restore->isEnabled())
        return;
    api::CompanyCalls(m_context->api()).restore(id(), version(), this, [this](const api::ApiResult &result) {
        if (!result.ok()) {
            emit failed(result.error.message());
            return;
        }
        finish(result.json, false);
    });
}

} // namespace mailadmin::ui
