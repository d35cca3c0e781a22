#pragma once

#include "ServerProfile.h"

#include <QHash>
#include <QMainWindow>
#include <QSet>

class QFrame;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class QTreeView;

namespace mailadmin::api {
class CredentialStore;
}
namespace mailadmin::models {
class NavigationModel;
}

namespace mailadmin::ui {

class AppContext;
class AlertsPage;
class AuditPage;
class DashboardPage;
class InactiveUsersPage;
class StatsPage;
class User360Page;
class BrandsPage;
class AdminsPage;
class CompaniesPage;
class CompanyPage;
class ContactsPage;
class DeletedItemsPage;
class DomainPage;
class DomainsPage;
class JumpBox;
class OverviewPage;
class UserPage;
class UsersPage;

// The main window: an always-visible environment band (Live or Test), the navigation (areas, and companies
// or domains with user counts), one page per admin area, a jump box, menus with shortcuts, and a status bar
// with the connection state. Lost connections show a banner; an expired session asks to sign in again over
// the current page.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppContext *context, const api::ServerProfile &profile, api::CredentialStore *credentials,
        QWidget *parent = nullptr);

    // Page names: overview, company, contacts, companies, domains, domain, users, user, brands, admins,
    // audit, deleted.
    QStringList availablePages() const;
    bool showPage(const QString &name);
    QString currentPageName() const;
    QWidget *page(const QString &name) const { return m_pages.value(name); }
    UsersPage *usersPage() const { return m_users; }
    UserPage *userPage() const { return m_user; }
    DomainPage *domainPage() const { return m_domain; }
    JumpBox *jumpBox() const { return m_jump; }
    models::NavigationModel *navigation() const { return m_navigation; }
    QFrame *offlineBanner() const { return m_banner; }
    void openUser(const QString &address);
    // The user's activity page (user 360).
    void openUserActivity(const QString &address);
    DashboardPage *dashboardPage() const { return m_dashboard; }
    OverviewPage *overviewPage() const { return m_overview; }
    StatsPage *statsPage() const { return m_stats; }
    AlertsPage *alertsPage() const { return m_alerts; }
    InactiveUsersPage *inactivePage() const { return m_inactive; }
    User360Page *user360Page() const { return m_user360; }
    void openDomainUsers(const QString &domain);
    void openDomain(const QString &domain);
    void openCompany(qint64 id);
    // Shows the sign-in prompt over the window (the session ended).
    void promptSignIn();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void addPage(const QString &name, QWidget *page);
    bool leaveCurrentPage();
    // Shows the page as it is (the caller has asked to leave the current one).
    bool switchTo(const QString &name);
    // Selects the area of the page `name` in the list (none for pages outside it), without switching.
    void markArea(const QString &name);
    void updateConnection(bool online);
    void refreshCurrent();
    void applyRoles();

    AppContext *m_context;
    api::ServerProfile m_profile;
    api::CredentialStore *m_credentials;
    QLabel *m_band;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QListWidget *m_areas;
    QTreeView *m_tree;
    models::NavigationModel *m_navigation;
    QStackedWidget *m_stack;
    QHash<QString, QWidget *> m_pages;
    QLabel *m_connection;
    QProgressBar *m_busy;
    JumpBox *m_jump;
    CompanyPage *m_company;
    ContactsPage *m_contacts;
    CompaniesPage *m_companies;
    OverviewPage *m_overview;
    DomainsPage *m_domains;
    DomainPage *m_domain;
    UsersPage *m_users;
    UserPage *m_user;
    BrandsPage *m_brands;
    AdminsPage *m_admins;
    AuditPage *m_audit;
    DeletedItemsPage *m_deleted;
    DashboardPage *m_dashboard;
    StatsPage *m_stats;
    AlertsPage *m_alerts;
    InactiveUsersPage *m_inactive;
    User360Page *m_user360;
    qint64 m_companyId = 0;
    bool m_prompting = false;
    bool m_switching = false;
    QSet<QWidget *> m_stale; // list pages to reload when next shown
};

} // namespace mailadmin::ui
