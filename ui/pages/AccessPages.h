#pragma once

#include "EditorPage.h"
#include "ListPage.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSplitter;

namespace mailadmin::models {
class AdminListModel;
class AuditListModel;
class BrandListModel;
class CompanyListModel;
class DomainListModel;
class UserListModel;
} // namespace mailadmin::models

namespace mailadmin::ui {

// One brand: names, colours, logo (PNG or SVG, previewed), support links and login message.
class BrandEditor : public EditorPage
{
    Q_OBJECT
public:
    explicit BrandEditor(AppContext *context, QWidget *parent = nullptr);
    void openBrand(qint64 id);
    // Reads a logo file into the form (as the Choose button does).
    bool loadLogo(const QString &fileName);

protected:
    void onLoaded(const QJsonObject &brand) override;
    QString updateAction() const override { return QStringLiteral("brand.write"); }

private:
    void showLogo();
    QLabel *m_logo;
    QByteArray m_logoData;
    bool m_logoSet = false;
};

class BrandsPage : public ListPage
{
    Q_OBJECT
public:
    explicit BrandsPage(AppContext *context, QWidget *parent = nullptr);
    BrandEditor *editor() const { return m_editor; }
    void newBrand();
    void deleteSelected();

private:
    models::BrandListModel *m_brands;
    BrandEditor *m_editor;
};

// Administrators: roles, scope, disabling, password resets.
class AdminsPage : public ListPage
{
    Q_OBJECT
public:
    explicit AdminsPage(AppContext *context, QWidget *parent = nullptr);
    void newAdmin();
    void editAdmin(int row);
    void resetPassword();

private:
    void fillForm(class Form *form, bool creating);
    models::AdminListModel *m_admins;
};

// The audit log, filtered by object, actor and time.
class AuditPage : public ListPage
{
    Q_OBJECT
public:
    explicit AuditPage(AppContext *context, QWidget *parent = nullptr);
    // Shows the entries about one object (e.g. from a user page).
    void showObject(const QString &type, const QString &id);

private:
    void applyFilters();
    models::AuditListModel *m_audit;
    QComboBox *m_type;
    QLineEdit *m_object;
    QLineEdit *m_actor;
    QDateEdit *m_from;
    QDateEdit *m_to;
};

// Deleted domains and users, restorable for 30 days.
class DeletedItemsPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeletedItemsPage(AppContext *context, QWidget *parent = nullptr);
    void refresh();
    void restoreSelectedUsers();
    void restoreSelectedDomain();
    void restoreSelectedCompany();
    ListPage *usersList() const { return m_usersList; }
    ListPage *domainsList() const { return m_domainsList; }
    ListPage *companiesList() const { return m_companiesList; }

private:
    AppContext *m_context;
    ListPage *m_companiesList;
    ListPage *m_domainsList;
    ListPage *m_usersList;
    models::CompanyListModel *m_companies;
    models::DomainListModel *m_domains;
    models::UserListModel *m_users;
};

} // namespace mailadmin::ui
