#pragma once

#include "ListPage.h"

namespace mailadmin::models {
class CompanyListModel;
class ContactListModel;
class DomainListModel;
} // namespace mailadmin::models

namespace mailadmin::ui {

// Companies (operators): create one, open its settings.
class CompaniesPage : public ListPage
{
    Q_OBJECT
public:
    explicit CompaniesPage(AppContext *context, QWidget *parent = nullptr);
    void newCompany();

private:
    models::CompanyListModel *m_companies;
};

// Domains in scope (optionally of one company): create, open, delete.
class DomainsPage : public ListPage
{
    Q_OBJECT
public:
    explicit DomainsPage(AppContext *context, QWidget *parent = nullptr);
    void setCompany(qint64 companyId);
    void newDomain();
    void deleteSelected();
    models::DomainListModel *domains() const { return m_domains; }

private:
    models::DomainListModel *m_domains;
    qint64 m_company = 0;
};

// A company's emergency, maintenance, technical, billing, abuse and business contacts.
class ContactsPage : public ListPage
{
    Q_OBJECT
public:
    explicit ContactsPage(AppContext *context, QWidget *parent = nullptr);
    void setCompany(qint64 companyId);
    void addContact();
    void editContact(int row);
    void deleteSelected();
    // The contact editor's fields, the incident notices it receives among them.
    static void fillForm(class Form *form);

private:
    models::ContactListModel *m_contacts;
    qint64 m_company = 0;
};

} // namespace mailadmin::ui
