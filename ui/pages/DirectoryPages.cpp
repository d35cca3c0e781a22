#include "DirectoryPages.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "CompanyCalls.h"
#include "ConfirmDelete.h"
#include "DirectoryCalls.h"
#include "DirectoryModels.h"
#include "Form.h"
#include "Format.h"
#include "MessageBox.h"
#include "ObjectDialog.h"
#include "Session.h"
#include "Validation.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

namespace mailadmin::ui {

CompaniesPage::CompaniesPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::CompanyListModel(context->api()), tr("Companies"), parent)
    , m_companies(static_cast<models::CompanyListModel *>(model()))
{
    setObjectName(QStringLiteral("companiesPage"));
    m_companies->setParent(this);
    QPushButton *add = addButton(
        tr("&New company…"), QStringLiteral("newCompanyButton"), QStringLiteral("company.create"));
    connect(add, &QPushButton::clicked, this, &CompaniesPage::newCompany);
    connect(this, &ListPage::activated, this, [this](int row) {
        emit this->context()->openCompany(
            qint64(m_companies->objectAt(row).value(QLatin1String("id")).toDouble()));
    });
}

void CompaniesPage::newCompany()
{
    ObjectDialog dialog(context(), EntitySchema::company(), ObjectDialog::Mode::Create,
        api::CompanyCalls::listPath(), tr("New company"), this);
    dialog.form()->addLine(QStringLiteral("name"), tr("&Name:"));
    dialog.form()->addBytes(QStringLiteral("default_quota"), tr("&Default quota:"));
    dialog.form()->addBytes(QStringLiteral("quota_maximum"), tr("Quota &maximum:"));
    dialog.setObject(QJsonObject {
        {QStringLiteral("default_quota"), 1073741824.0}, {QStringLiteral("quota_maximum"), 53687091200.0}});
    connect(&dialog, &ObjectDialog::succeeded, this, [this](const QJsonObject &company) {
        m_companies->reload();
        emit this->context()->objectChanged(QStringLiteral("company"), company, false);
    });
    dialog.exec();
}

DomainsPage::DomainsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::DomainListModel(context->api()), tr("Domains"), parent)
    , m_domains(static_cast<models::DomainListModel *>(model()))
{
    setObjectName(QStringLiteral("domainsPage"));
    m_domains->setParent(this);
    QPushButton *add
        = addButton(tr("&New domain…"), QStringLiteral("newDomainButton"), QStringLiteral("domain.create"));
    QPushButton *remove
        = addButton(tr("&Delete"), QStringLiteral("deleteButton"), QStringLiteral("domain.delete"));
    m_needSelection = {remove};
    connect(add, &QPushButton::clicked, this, &DomainsPage::newDomain);
    connect(remove, &QPushButton::clicked, this, &DomainsPage::deleteSelected);
    connect(this, &ListPage::activated, this,
        [this](int row) { emit this->context()->openDomain(m_domains->nameAt(row)); });
    connect(context, &AppContext::objectChanged, this,
        [this](const QString &kind, const QJsonObject &object, bool removed) {
            if (kind != QLatin1String("domain"))
                return;
            if (removed)
                m_domains->removeKey(object.value(QLatin1String("name")).toString());
            else
                m_domains->updateObject(object);
        });
    selectionChanged();
}

void DomainsPage::setCompany(qint64 companyId)
{
    m_company = companyId;
    if (companyId > 0 && this->context()->session()->me().isOperator())
        m_domains->setSource(api::DirectoryCalls::companyDomainsPath(companyId));
    else
        m_domains->setSource(api::DirectoryCalls::domainsPath());
}

void DomainsPage::newDomain()
{
    const qint64 company = m_company > 0 ? m_company : this->context()->session()->me().companyId;
    if (company <= 0) {
        MessageBox::information(this, tr("New domain"), tr("Choose a company in the navigation first."));
        return;
    }
    ObjectDialog dialog(context(), EntitySchema::domain(), ObjectDialog::Mode::Create,
        api::DirectoryCalls::companyDomainsPath(company), tr("New domain"), this);
    dialog.form()
        ->addLine(QStringLiteral("name"), tr("&Domain name:"))
        ->setPlaceholderText(tr("example.com or bäckerei.de"));
    dialog.form()->addList(QStringLiteral("aliases"), tr("&Alias domains:"));
    dialog.form()->addNumber(QStringLiteral("user_limit"), tr("&User limit:"), 0, 10'000'000, tr("No limit"));
    connect(&dialog, &ObjectDialog::succeeded, this, [this](const QJsonObject &domain) {
        m_domains->reload();
        emit this->context()->objectChanged(QStringLiteral("domain"), domain, false);
        emit this->context()->openDomain(domain.value(QLatin1String("name")).toString());
    });
    dialog.exec();
}

void DomainsPage::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1) {
        MessageBox::information(this, tr("Delete domain"), tr("Select one domain to delete."));
        return;
    }
    const QJsonObject d = m_domains->objectAt(rows.first());
    const QString name = d.value(QLatin1String("name")).toString();
    ConfirmDelete::run(
        this, tr("Delete domain"),
        tr("Delete %1 with its %n user(s)? It can be restored from Deleted items for 30 days.", nullptr,
            d.value(QLatin1String("user_count")).toInt())
            .arg(validation::domainForDisplay(name)),
        [this, name, version = d.value(QLatin1String("version")).toInt()](
            const api::ApiClient::Callback &callback) {
            api::DirectoryCalls(this->context()->api()).deleteDomain(name, version, this, callback);
        },
        [this](const api::ApiResult &result) {
            if (!result.ok()) {
                m_domains->reload();
                return;
            }
            emit this->context()->objectChanged(QStringLiteral("domain"), result.json, true);
        });
}

ContactsPage::ContactsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::ContactListModel(context->api()), tr("Contacts"), parent)
    , m_contacts(static_cast<models::ContactListModel *>(model()))
{
    setObjectName(QStringLiteral("contactsPage"));
    m_contacts->setParent(this);
    searchEdit()->hide();
    QPushButton *add
        = addButton(tr("&Add contact…"), QStringLiteral("addContactButton"), QStringLiteral("contact.write"));
    QPushButton *edit
        = addButton(tr("&Edit…"), QStringLiteral("editContactButton"), QStringLiteral("contact.write"));
    QPushButton *remove
        = addButton(tr("&Delete"), QStringLiteral("deleteButton"), QStringLiteral("contact.write"));
    m_needSelection = {edit, remove};
    connect(add, &QPushButton::clicked, this, &ContactsPage::addContact);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (!selectedRows().isEmpty())
            editContact(selectedRows().first());
    });
    connect(remove, &QPushButton::clicked, this, &ContactsPage::deleteSelected);
    connect(this, &ListPage::activated, this, [this](int row) {
        if (this->context()->can(QStringLiteral("contact.write")))
            editContact(row);
    });
    selectionChanged();
}

void ContactsPage::setCompany(qint64 companyId)
{
    m_company = companyId;
    m_contacts->setCompany(companyId);
}

void ContactsPage::fillForm(Form *form)
{
    QList<QPair<QString, QVariant>> types;
    for (const QString &t : EntitySchema::contact().field(QStringLiteral("type"))->choices)
        types.append({format::contactType(t), t});
    form->addChoice(QStringLiteral("type"), tr("&Type:"), types);
    form->addLine(QStringLiteral("name"), tr("&Name:"));
    form->addLine(QStringLiteral("email"), tr("&E-mail:"));
    form->addLine(QStringLiteral("phone"), tr("&Phone:"), true);
    form->addText(QStringLiteral("notes"), tr("N&otes:"));
    // Which incident notices the contact receives; the server sends only the kinds that are ticked.
    auto *kinds = new QWidget;
    kinds->setObjectName(QStringLiteral("noticeKindsWidget"));
    auto *row = new QHBoxLayout(kinds);
    row->setContentsMargins(0, 0, 0, 0);
    QList<std::pair<QString, QCheckBox *>> boxes;
    for (const auto &[kind, label] : {std::pair {QStringLiteral("outage"), tr("Outages")},
             std::pair {QStringLiteral("degradation"), tr("Degradations")},
             std::pair {QStringLiteral("maintenance"), tr("Maintenance")}}) {
        auto *box = new QCheckBox(label, kinds);
        box->setObjectName(kind + QStringLiteral("NoticeCheckBox"));
        box->setChecked(true);
        row->addWidget(box);
        boxes.append({kind, box});
        QObject::connect(box, &QCheckBox::toggled, form, &Form::markEdited);
    }
    row->addStretch();
    form->addCustom(
        QStringLiteral("notice_kinds"), tr("Incident &notices:"), kinds,
        [boxes] {
            QJsonArray chosen;
            for (const auto &[kind, box] : boxes) {
                if (box->isChecked())
                    chosen.append(kind);
            }
            return QJsonValue(chosen);
        },
        [boxes](const QJsonValue &value) {
            // A contact from before notice kinds receives them all.
            const QJsonArray chosen = value.isArray()
                ? value.toArray()
                : QJsonArray {
                    QStringLiteral("outage"), QStringLiteral("degradation"), QStringLiteral("maintenance")};
            for (const auto &[kind, box] : boxes) {
                const QSignalBlocker quiet(box);
                box->setChecked(chosen.contains(QJsonValue(kind)));
            }
        },
        [boxes](bool readOnly) {
            for (const auto &[kind, box] : boxes)
                box->setEnabled(!readOnly);
        });
}

void ContactsPage::addContact()
{
    ObjectDialog dialog(context(), EntitySchema::contact(), ObjectDialog::Mode::Create,
        api::DirectoryCalls::companyContactsPath(m_company), tr("New contact"), this);
    fillForm(dialog.form());
    dialog.setObject(QJsonObject {{QStringLiteral("type"), QStringLiteral("emergency")}});
    connect(&dialog, &ObjectDialog::succeeded, m_contacts, &models::PagedListModel::reload);
    dialog.exec();
}

void ContactsPage::editContact(int row)
{
    const QJsonObject contact = m_contacts->objectAt(row);
    ObjectDialog dialog(context(), EntitySchema::contact(), ObjectDialog::Mode::Edit,
        api::DirectoryCalls::contactPath(m_company, qint64(contact.value(QLatin1String("id")).toDouble())),
        tr("Edit contact"), this);
    fillForm(dialog.form());
    dialog.setObject(contact);
    connect(&dialog, &ObjectDialog::succeeded, m_contacts, &models::PagedListModel::updateObject);
    dialog.exec();
}

void ContactsPage::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const QJsonObject c = m_contacts->objectAt(rows.first());
    ConfirmDelete::run(
        this, tr("Delete contact"),
        tr("Delete the contact %1?").arg(c.value(QLatin1String("name")).toString()),
        [this, id = qint64(c.value(QLatin1String("id")).toDouble()),
            version = c.value(QLatin1String("version")).toInt()](const api::ApiClient::Callback &callback) {
            api::DirectoryCalls(this->context()->api()).deleteContact(m_company, id, version, this, callback);
        },
        [this](const api::ApiResult &) { m_contacts->reload(); });
}

} // namespace mailadmin::ui
