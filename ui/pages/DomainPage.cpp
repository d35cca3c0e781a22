#include "DomainPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "BrandChoices.h"
#include "CompanySettingsDialog.h"
#include "ConfirmDelete.h"
#include "DirectoryCalls.h"
#include "CompanyStatusActions.h"
#include "Format.h"
#include "MessageBox.h"
#include "Validation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace mailadmin::ui {

DomainPage::DomainPage(AppContext *context, QWidget *parent)
    : EditorPage(context, EntitySchema::domain(), QStringLiteral("domain"), parent)
{
    setObjectName(QStringLiteral("domainPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    headerLayout()->addWidget(m_summary);
    Form *f = form();
    f->addList(QStringLiteral("aliases"), tr("&Alias domains:"))
        ->setToolTip(tr("Other domain names that deliver to the same mailboxes."));
    f->addBytes(QStringLiteral("default_quota"), tr("&Default quota:"));
    f->addBytes(QStringLiteral("quota_maximum"), tr("Quota &maximum:"));
    f->addNumber(QStringLiteral("user_limit"), tr("User &limit:"), 0, 10'000'000, tr("No limit"));
    f->addCheck(QStringLiteral("disabled"), tr("D&isabled (its mailboxes stop working)"));
    m_brand = f->addChoice(QStringLiteral("brand_id"), tr("&Brand:"), {{tr("Company's brand"), QVariant()}});
    f->addText(QStringLiteral("notes"), tr("&Notes:"));
    m_users = new QPushButton(tr("Show &users"), this);
    m_users->setObjectName(QStringLiteral("showUsersButton"));
    m_delete = new QPushButton(tr("&Delete domain"), this);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    actionsLayout()->insertWidget(0, m_users);
    actionsLayout()->insertWidget(1, m_delete);
    connect(m_users, &QPushButton::clicked, this, [this] { emit showUsers(name()); });
    connect(m_delete, &QPushButton::clicked, this, &DomainPage::deleteDomain);
}

void DomainPage::openDomain(const QString &name)
{
    open(api::DirectoryCalls::domainPath(name));
}

void DomainPage::onLoaded(const QJsonObject &d)
{
    const QString name = d.value(QLatin1String("name")).toString();
    const QString unicode = validation::domainForDisplay(name);
    setTitle(unicode);
    QString summary = tr("%n user(s)", nullptr, d.value(QLatin1String("user_count")).toInt());
    if (unicode != name)
        summary += tr(" · stored as %1").arg(name);
    summary += tr(" · created %1").arg(format::date(d.value(QLatin1String("created_at")).toString()));
    m_summary->setText(summary);
    m_delete->setVisible(context()->can(QStringLiteral("domain.delete")));
    loadBrandChoices(context(), m_brand, qint64(d.value(QLatin1String("company_id")).toDouble()));
}

void DomainPage::deleteDomain()
{
    if (!confirmLeave())
        return;
    const int users = object().value(QLatin1String("user_count")).toInt();
    ConfirmDelete::run(
        this, tr("Delete domain"),
        tr("Delete %1 and hide its %n user(s)? It can be restored from Deleted items for 30 days.", nullptr,
            users)
            .arg(validation::domainForDisplay(name())),
        [this](const api::ApiClient::Callback &callback) {
            api::DirectoryCalls(context()->api()).deleteDomain(name(), version(), this, callback);
        },
        [this](const api::ApiResult &result) {
            if (!result.ok()) {
                showMessage(result.error.message(), true);
                return;
            }
            adopt(result.json);
            showMessage(tr("Deleted. Restore it from Deleted items within 30 days."), false);
            emit context()->objectChanged(QStringLiteral("domain"), result.json, true);
        },
        ConfirmDelete::Failure::LeaveToCaller);
}

CompanyPage::CompanyPage(AppContext *context, QWidget *parent)
    : EditorPage(context, EntitySchema::company(), QStringLiteral("company"), parent)
{
    setObjectName(QStringLiteral("companyPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    headerLayout()->addWidget(m_summary);
    Form *f = form();
    f->addLine(QStringLiteral("name"), tr("&Name:"));
    f->addBytes(QStringLiteral("default_quota"), tr("&Default quota:"));
    f->addBytes(QStringLiteral("quota_maximum"), tr("Quota &maximum:"));
    f->addNumber(QStringLiteral("user_limit"), tr("&User limit:"), 0, 10'000'000, tr("No limit"));
    f->addNumber(QStringLiteral("alias_limit"), tr("&Alias limit:"), 0, 10'000'000, tr("No limit"));
    f->addServices(QStringLiteral("service_defaults"), tr("&Services of new users:"));
    f->addNumber(
         QStringLiteral("smtp_send_limit"), tr("Daily &send limit:"), 0, 10000, tr("Not allowed to send"))
        ->setSuffix(tr(" messages"));
    m_brand = f->addChoice(QStringLiteral("brand_id"), tr("&Brand:"), {{tr("No brand"), QVariant()}});
    f->addChoice(QStringLiteral("language"), tr("&Language:"),
        {{tr("English"), QStringLiteral("en")}, {tr("French"), QStringLiteral("fr")},
            {tr("German"), QStringLiteral("de")}, {tr("Spanish"), QStringLiteral("es")},
            {tr("Dutch"), QStringLiteral("nl")}});
    f->addText(QStringLiteral("notes"), tr("N&otes:"));
    // The daily report and the spike thresholds are separate objects with their own versions.
    auto *settings = new QPushButton(tr("Re&port and spike settings…"), this);
    settings->setObjectName(QStringLiteral("companySettingsButton"));
    settings->setAutoDefault(false);
    settings->setEnabled(false);
    actionsLayout()->addWidget(settings);
    connect(settings, &QPushButton::clicked, this, [this] {
        auto *dialog = new CompanySettingsDialog(this->context(), companyId(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_status = new CompanyStatusActions(context, this);
    m_status->setObjectName(QStringLiteral("companyStatusActions"));
    actionsLayout()->insertWidget(0, m_status);
    connect(m_status, &CompanyStatusActions::changed, this, [this](const QJsonObject &company) {
        adopt(company);
        showMessage(!company.value(QLatin1String("deleted_at")).isNull()
                ? tr("Deleted. Restore brings it back.")
                : company.value(QLatin1String("status")).toString() == QLatin1String("suspended")
                ? tr("Suspended.")
                : tr("Active."),
            false);
    });
    connect(m_status, &CompanyStatusActions::failed, this,
        [this](const QString &message) { showMessage(message, true); });
}

void CompanyPage::openCompany(qint64 id)
{
    open(api::DirectoryCalls::companyPath(id));
}

void CompanyPage::onLoaded(const QJsonObject &c)
{
    setTitle(c.value(QLatin1String("name")).toString());
    m_summary->setText(tr("%1 domains · %2 users")
                           .arg(QLocale().toString(c.value(QLatin1String("domain_count")).toInt()),
                               QLocale().toString(c.value(QLatin1String("user_count")).toInt())));
    if (!c.value(QLatin1String("deleted_at")).isNull())
        m_summary->setText(m_summary->text() + tr(" · deleted"));
    else if (c.value(QLatin1String("status")).toString() == QLatin1String("suspended"))
        m_summary->setText(m_summary->text()
            + tr(" · suspended: %1").arg(c.value(QLatin1String("suspended_reason")).toString()));
    m_status->setCompany(c);
    loadBrandChoices(context(), m_brand, qint64(c.value(QLatin1String("id")).toDouble()));
    if (auto *settings = findChild<QPushButton *>(QStringLiteral("companySettingsButton")))
        settings->setEnabled(companyId() > 0);
}

} // namespace mailadmin::ui
