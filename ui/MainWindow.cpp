#include "MainWindow.h"

#include "AccessPages.h"
#include "AlertsPage.h"
#include "ApiClient.h"
#include "AppContext.h"
#include "BulletinsPage.h"
#include "DashboardPage.h"
#include "DirectoryPages.h"
#include "DomainPage.h"
#include "EditorPage.h"
#include "Format.h"
#include "InactiveUsersPage.h"
#include "IncidentBanner.h"
#include "IncidentsPage.h"
#include "JumpBox.h"
#include "LoginDialog.h"
#include "MessageBox.h"
#include "NavigationModel.h"
#include "OverviewPage.h"
#include "PagedListModel.h"
#include "PlacementPages.h"
#include "Session.h"
#include "StatsPage.h"
#include "StatsPageBase.h"
#include "User360Page.h"
#include "UserListModel.h"
#include "UserPage.h"
#include "UsersPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace mailadmin::ui {

namespace {
struct Area
{
    const char *name;
    const char *title;
    const char *action;
};
// Their Go menu shortcuts follow this order from Ctrl+0: the operator's overview first, then Ctrl+1 for the
// dashboard and on, the same for every role.
constexpr Area kAreas[] = {
    {"overview", QT_TRANSLATE_NOOP("MainWindow", "All companies"), "company.list"},
    {"dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "stats.read"},
    {"company", QT_TRANSLATE_NOOP("MainWindow", "Company"), "company.read"},
    {"contacts", QT_TRANSLATE_NOOP("MainWindow", "Contacts"), "contact.read"},
    {"companies", QT_TRANSLATE_NOOP("MainWindow", "Companies"), "company.list"},
    {"domains", QT_TRANSLATE_NOOP("MainWindow", "Domains"), "domain.read"},
    {"users", QT_TRANSLATE_NOOP("MainWindow", "Users"), "user.read"},
    {"stats", QT_TRANSLATE_NOOP("MainWindow", "Statistics"), "stats.read"},
    {"alerts", QT_TRANSLATE_NOOP("MainWindow", "Alerts"), "stats.read"},
    {"inactive", QT_TRANSLATE_NOOP("MainWindow", "Inactive users"), "stats.read"},
    {"brands", QT_TRANSLATE_NOOP("MainWindow", "Brands"), "brand.read"},
    {"admins", QT_TRANSLATE_NOOP("MainWindow", "Administrators"), "admin.read"},
    {"audit", QT_TRANSLATE_NOOP("MainWindow", "Audit log"), "audit.read"},
    {"deleted", QT_TRANSLATE_NOOP("MainWindow", "Deleted items"), "user.delete"},
    {"incidents", QT_TRANSLATE_NOOP("MainWindow", "Incidents"), "incident.read"},
    {"bulletins", QT_TRANSLATE_NOOP("MainWindow", "Bulletins"), "bulletin.write"},
    {"clusters", QT_TRANSLATE_NOOP("MainWindow", "Clusters"), "cluster.write"},
    {"stores", QT_TRANSLATE_NOOP("MainWindow", "Mail stores"), "store.read"},
};
} // namespace

MainWindow::MainWindow(AppContext *context, const api::ServerProfile &profile,
    api::CredentialStore *credentials, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_profile(profile), m_credentials(credentials)
{
    setObjectName(QStringLiteral("mainWindow"));
    const api::Me &me = context->session()->me();
    m_companyId = me.companyId;
    const QString environment = profile.isLive() ? tr("LIVE") : tr("TEST");
    setWindowTitle(tr("[%1] %2 — MailAdmin").arg(environment, profile.name));

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_band = new QLabel(central);
    m_band->setObjectName(QStringLiteral("environmentBand"));
    m_band->setAlignment(Qt::AlignCenter);
    m_band->setText(
        tr("%1 · %2 · %3 · signed in as %4 (%5)")
            .arg(environment, profile.name, profile.url.toDisplayString(), me.login, format::role(me.role)));
    m_band->setStyleSheet(profile.isLive()
            ? QStringLiteral("QLabel { background: #c01c28; color: white; font-weight: bold; padding: 4px; }")
            : QStringLiteral(
                "QLabel { background: #26a269; color: white; font-weight: bold; padding: 4px; }"));
    outer->addWidget(m_band);

    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("offlineBanner"));
    m_banner->setStyleSheet(
        QStringLiteral("QFrame#offlineBanner { background: #fdf0d5; border-bottom: 1px solid #e5a50a; }"));
    auto *bannerRow = new QHBoxLayout(m_banner);
    m_bannerText = new QLabel(tr("The server cannot be reached. What you are editing is kept; it is sent "
                                 "when the connection is back."),
        m_banner);
    m_bannerText->setWordWrap(true);
    auto *retry = new QPushButton(tr("&Retry"), m_banner);
    retry->setObjectName(QStringLiteral("retryButton"));
    bannerRow->addWidget(m_bannerText, 1);
    bannerRow->addWidget(retry);
    m_banner->hide();
    outer->addWidget(m_banner);
    auto *incidentBanner = new IncidentBanner(context, central);
    outer->addWidget(incidentBanner);
    connect(incidentBanner, &IncidentBanner::openIncident, this, [this](qint64 id) {
        if (showPage(QStringLiteral("incidents")))
            static_cast<IncidentsPage *>(m_pages.value(QStringLiteral("incidents")))->showIncident(id);
    });
    connect(retry, &QPushButton::clicked, this, [this] {
        m_bannerText->setText(tr("Trying to reach the server…"));
        m_context->api()->checkConnection();
    });

    auto *splitter = new QSplitter(central);
    auto *side = new QWidget(splitter);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 4, 0, 4);
    m_areas = new QListWidget(side);
    m_areas->setObjectName(QStringLiteral("areasListWidget"));
    m_areas->setMaximumHeight(220);
    sideLayout->addWidget(m_areas);
    m_tree = new QTreeView(side);
    m_tree->setObjectName(QStringLiteral("navigationTreeView"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_navigation = new models::NavigationModel(context->api(), this);
    m_tree->setModel(m_navigation);
    sideLayout->addWidget(m_tree, 1);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("pagesStackedWidget"));
    splitter->addWidget(side);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 900});
    outer->addWidget(splitter, 1);
    setCentralWidget(central);

    m_company = new CompanyPage(context, this);
    m_contacts = new ContactsPage(context, this);
    m_companies = new CompaniesPage(context, this);
    m_overview = new OverviewPage(context, this);
    m_domains = new DomainsPage(context, this);
    m_domain = new DomainPage(context, this);
    m_users = new UsersPage(context, this);
    m_user = new UserPage(context, this);
    m_brands = new BrandsPage(context, this);
    m_admins = new AdminsPage(context, this);
    m_audit = new AuditPage(context, this);
    m_deleted = new DeletedItemsPage(context, this);
    m_dashboard = new DashboardPage(context, this);
    m_stats = new StatsPage(context, this);
    m_alerts = new AlertsPage(context, this);
    m_inactive = new InactiveUsersPage(context, this);
    m_user360 = new User360Page(context, this);
    addPage(QStringLiteral("overview"), m_overview);
    addPage(QStringLiteral("dashboard"), m_dashboard);
    addPage(QStringLiteral("stats"), m_stats);
    addPage(QStringLiteral("alerts"), m_alerts);
    addPage(QStringLiteral("inactive"), m_inactive);
    addPage(QStringLiteral("user360"), m_user360);
    addPage(QStringLiteral("company"), m_company);
    addPage(QStringLiteral("contacts"), m_contacts);
    addPage(QStringLiteral("companies"), m_companies);
    addPage(QStringLiteral("domains"), m_domains);
    addPage(QStringLiteral("domain"), m_domain);
    addPage(QStringLiteral("users"), m_users);
    addPage(QStringLiteral("user"), m_user);
    addPage(QStringLiteral("brands"), m_brands);
    addPage(QStringLiteral("admins"), m_admins);
    addPage(QStringLiteral("audit"), m_audit);
    addPage(QStringLiteral("deleted"), m_deleted);
    addPage(QStringLiteral("incidents"), new IncidentsPage(context, this));
    addPage(QStringLiteral("bulletins"), new BulletinsPage(context, this));
    addPage(QStringLiteral("clusters"), new ClustersPage(context, this));
    addPage(QStringLiteral("stores"), new MailStoresPage(context, this));

    m_jump = new JumpBox(context, this);

    auto *status = statusBar();
    m_connection = new QLabel(status);
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_busy = new QProgressBar(status);
    m_busy->setObjectName(QStringLiteral("busyProgressBar"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->hide();
    status->addPermanentWidget(m_busy);
    status->addPermanentWidget(m_connection);
    updateConnection(true);

    buildMenus();
    applyRoles();

    // Selection, not the current row: a list that gets the focus makes its first row current without
    // selecting it, and that must not switch pages (it happens when the focused page is hidden).
    connect(m_areas, &QListWidget::itemSelectionChanged, this, [this] {
        const QList<QListWidgetItem *> selected = m_areas->selectedItems();
        if (selected.isEmpty())
            return;
        const QString name = selected.first()->data(Qt::UserRole).toString();
        if (!showPage(name))
            markArea(currentPageName());
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const auto kind
            = models::NavigationModel::Kind(index.data(models::NavigationModel::KindRole).toInt());
        if (kind == models::NavigationModel::Kind::Company)
            openCompany(index.data(models::NavigationModel::KeyRole).toLongLong());
        else
            openDomainUsers(index.data(models::NavigationModel::KeyRole).toString());
    });
    connect(m_tree, &QTreeView::clicked, m_tree, &QTreeView::activated);
    connect(context, &AppContext::openUser, this, &MainWindow::openUser);
    connect(context, &AppContext::openUserActivity, this, &MainWindow::openUserActivity);
    connect(m_user360, &User360Page::openSettings, this, &MainWindow::openUser);
    connect(context, &AppContext::openDomain, this, &MainWindow::openDomain);
    connect(context, &AppContext::openCompany, this, &MainWindow::openCompany);
    connect(context, &AppContext::showStatus, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(context, &AppContext::objectChanged, this,
        [this](const QString &kind, const QJsonObject &object, bool removed) {
            if (kind == QLatin1String("domain") && !removed)
                m_navigation->updateDomain(object);
            else if (kind == QLatin1String("domain") || kind == QLatin1String("company"))
                m_navigation->reload();
            // Lists that show the change only when asked again: the audit log (every change writes an
            // entry), the domains list, the administrators. Reloaded now if shown, else when next shown.
            QList<ListPage *> stale = {m_audit};
            if (kind == QLatin1String("domain"))
                stale << m_domains;
            if (kind == QLatin1String("admin"))
                stale << m_admins;
            // Its figures follow every directory change; its own actions update their row in place.
            if (m_overview != m_stack->currentWidget())
                m_stale.insert(m_overview);
            for (ListPage *page : std::as_const(stale)) {
                if (page == m_stack->currentWidget())
                    page->refresh();
                else
                    m_stale.insert(page);
            }
        });
    connect(m_users, &UsersPage::openUser, this, &MainWindow::openUser);
    connect(m_domain, &DomainPage::showUsers, this, &MainWindow::openDomainUsers);
    connect(context->api(), &api::ApiClient::busyChanged, this,
        [this](int pending) { m_busy->setVisible(pending > 0); });
    connect(context->api(), &api::ApiClient::onlineChanged, this, &MainWindow::updateConnection);
    connect(context->api(), &api::ApiClient::sessionExpired, this, &MainWindow::promptSignIn);

    m_tree->setRootIsDecorated(me.isOperator());
    m_navigation->load(me.isOperator());
    if (m_companyId > 0) {
        m_company->openCompany(m_companyId);
        m_contacts->setCompany(m_companyId);
    }
    m_domains->setCompany(m_companyId);
    // Whoever may see stats starts on the dashboard.
    if (context->can(QStringLiteral("stats.read")))
        showPage(QStringLiteral("dashboard"));
    else if (me.role == QLatin1String("domain_admin") && !me.domains.isEmpty())
        openDomainUsers(me.domains.first());
    else
        showPage(QStringLiteral("domains"));
    resize(1280, 800);
}

void MainWindow::addPage(const QString &name, QWidget *page)
{
    m_pages.insert(name, page);
    m_stack->addWidget(page);
}

void MainWindow::applyRoles()
{
    m_areas->clear();
    for (const Area &a : kAreas) {
        const QString action = QString::fromLatin1(a.action);
        bool visible = m_context->can(action);
        if (QLatin1String(a.name) == QLatin1String("company")
            || QLatin1String(a.name) == QLatin1String("contacts"))
            visible = visible && (m_companyId > 0 || m_context->session()->me().isOperator());
        if (QLatin1String(a.name) == QLatin1String("deleted"))
            visible = m_context->can(QStringLiteral("user.delete"))
                || m_context->can(QStringLiteral("domain.delete"));
        if (!visible)
            continue;
        auto *item = new QListWidgetItem(QCoreApplication::translate("MainWindow", a.title), m_areas);
        item->setData(Qt::UserRole, QString::fromLatin1(a.name));
    }
}

QStringList MainWindow::availablePages() const
{
    QStringList names;
    for (int i = 0; i < m_areas->count(); ++i)
        names << m_areas->item(i)->data(Qt::UserRole).toString();
    return names;
}

QString MainWindow::currentPageName() const
{
    return m_pages.key(m_stack->currentWidget());
}

bool MainWindow::leaveCurrentPage()
{
    if (auto *editor = qobject_cast<EditorPage *>(m_stack->currentWidget()))
        return editor->confirmLeave();
    if (auto *brands = qobject_cast<BrandsPage *>(m_stack->currentWidget()))
        return brands->editor()->confirmLeave();
    return true;
}

bool MainWindow::showPage(const QString &name)
{
    QWidget *target = m_pages.value(name);
    if (!target || m_switching)
        return false;
    // An area the role does not have stays closed, whoever asks for it.
    const bool area = std::any_of(std::begin(kAreas), std::end(kAreas),
        [&name](const Area &a) { return name == QLatin1String(a.name); });
    if (area && !availablePages().contains(name))
        return false;
    if (target != m_stack->currentWidget() && !leaveCurrentPage())
        return false;
    // The Users area is every domain's users; one domain's users are opened from the domain.
    if (name == QLatin1String("users"))
        m_users->setDomain(QString());
    return switchTo(name);
}

bool MainWindow::switchTo(const QString &name)
{
    QWidget *target = m_pages.value(name);
    if (!target || m_switching)
        return false;
    if (name == QLatin1String("deleted"))
        m_deleted->refresh();
    // The audit log grows with every change, by this admin or anyone else: it is asked again each time.
    if (auto *list = qobject_cast<ListPage *>(target); list && (m_stale.remove(list) || target == m_audit))
        list->refresh();
    {
        // Hiding the old page moves the focus, and a focus change may ask for another page meanwhile.
        const QScopedValueRollback switching(m_switching, true);
        m_stack->setCurrentWidget(target);
    }
    markArea(name);
    return true;
}

void MainWindow::markArea(const QString &name)
{
    const QSignalBlocker block(m_areas);
    m_areas->clearSelection();
    m_areas->setCurrentRow(-1);
    for (int i = 0; i < m_areas->count(); ++i) {
        if (m_areas->item(i)->data(Qt::UserRole).toString() == name)
            m_areas->setCurrentRow(i);
    }
}

void MainWindow::openUser(const QString &address)
{
    if (m_stack->currentWidget() != m_user && !leaveCurrentPage())
        return;
    if (m_stack->currentWidget() == m_user && !m_user->confirmLeave())
        return;
    m_user->openUser(address);
    switchTo(QStringLiteral("user"));
}

void MainWindow::openUserActivity(const QString &address)
{
    if (!leaveCurrentPage())
        return;
    m_user360->openUser(address);
    switchTo(QStringLiteral("user360"));
}

void MainWindow::openDomainUsers(const QString &domain)
{
    if (!leaveCurrentPage())
        return;
    m_users->setDomain(domain);
    switchTo(QStringLiteral("users"));
    markArea(QString()); // not the Users area: that one is every domain's users
}

void MainWindow::openDomain(const QString &domain)
{
    if (!leaveCurrentPage())
        return;
    m_domain->openDomain(domain);
    switchTo(QStringLiteral("domain"));
}

void MainWindow::openCompany(qint64 id)
{
    if (!leaveCurrentPage())
        return;
    m_companyId = id;
    m_company->openCompany(id);
    m_contacts->setCompany(id);
    m_domains->setCompany(id);
    applyRoles();
    switchTo(QStringLiteral("company"));
}

void MainWindow::refreshCurrent()
{
    QWidget *current = m_stack->currentWidget();
    if (auto *list = qobject_cast<ListPage *>(current))
        list->refresh();
    else if (auto *editor = qobject_cast<EditorPage *>(current); editor && !editor->isDirty())
        editor->reload();
    else if (current == m_deleted)
        m_deleted->refresh();
    else if (auto *stats = qobject_cast<StatsPageBase *>(current))
        stats->refresh();
    m_navigation->reload();
}

void MainWindow::updateConnection(bool online)
{
    m_connection->setText(online ? tr("● Connected to %1").arg(m_profile.url.host()) : tr("○ Offline"));
    m_connection->setStyleSheet(
        online ? QStringLiteral("color: #26a269;") : QStringLiteral("color: #c01c28;"));
    m_banner->setVisible(!online);
    if (!online)
        m_bannerText->setText(tr("The server cannot be reached. What you are editing is kept; save again "
                                 "when the connection is back."));
    else
        statusBar()->showMessage(tr("Connected."), 3000);
}

void MainWindow::promptSignIn()
{
    if (m_prompting)
        return;
    m_prompting = true;
    auto *widget = new LoginWidget(m_context->api(), m_context->session(), m_credentials, nullptr);
    widget->setResuming(m_profile, m_context->session()->me().login);
    auto *dialog = new LoginDialog(widget, this);
    dialog->setObjectName(QStringLiteral("resumeDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, this, [this](int result) {
        m_prompting = false;
        if (result != QDialog::Accepted)
            m_context->api()->abandonHeldRequests();
    });
    dialog->open();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportList = file->addAction(tr("&Export list to CSV…"), this, [this] {
        if (auto *list = qobject_cast<ListPage *>(m_stack->currentWidget()))
            list->exportCsv();
    });
    exportList->setObjectName(QStringLiteral("exportListAction"));
    exportList->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    // Offered only where there is a list; the charts carry their own CSV, PNG and SVG buttons.
    const auto followPage = [this, exportList] {
        exportList->setEnabled(qobject_cast<ListPage *>(m_stack->currentWidget()) != nullptr);
    };
    connect(m_stack, &QStackedWidget::currentChanged, exportList, followPage);
    followPage();
    QAction *import = file->addAction(tr("&Import users from CSV…"), this, [this] {
        if (m_users->domain().isEmpty()) {
            statusBar()->showMessage(tr("Choose a domain first."), 4000);
            return;
        }
        m_users->importCsv();
    });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setVisible(m_context->can(QStringLiteral("user.create")));
    file->addSeparator();
    QAction *signOut = file->addAction(tr("Sign &out"), this, [this] {
        if (leaveCurrentPage()) {
            m_context->session()->signOut();
            close();
        }
    });
    signOut->setObjectName(QStringLiteral("signOutAction"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *jump = go->addAction(tr("&Jump to user or domain…"), m_jump, &JumpBox::popup);
    jump->setObjectName(QStringLiteral("jumpAction"));
    jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction *refresh = go->addAction(tr("&Refresh"), this, &MainWindow::refreshCurrent);
    refresh->setShortcut(QKeySequence::Refresh);
    QAction *interval = go->addAction(tr("Refresh stats &every…"), this, [this] {
        bool ok = false;
        const int seconds = QInputDialog::getInt(this, tr("Refresh stats"),
            tr("Stats pages ask the server again every (seconds):"), StatsPageBase::refreshSeconds(), 5, 3600,
            5, &ok);
        if (ok)
            StatsPageBase::setRefreshSeconds(seconds);
    });
    interval->setObjectName(QStringLiteral("refreshIntervalAction"));
    interval->setVisible(m_context->can(QStringLiteral("stats.read")));
    go->addSeparator();
    int number = 0;
    for (const Area &a : kAreas) {
        const QString name = QString::fromLatin1(a.name);
        QAction *action = go->addAction(
            QCoreApplication::translate("MainWindow", a.title), this, [this, name] { showPage(name); });
        if (number <= 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        ++number;
        action->setVisible(availablePages().contains(name) || m_context->can(QString::fromLatin1(a.action)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MailAdmin"), this, [this] {
        MessageBox::information(this, tr("About MailAdmin"),
            tr("MailAdmin %1\nA Mail Administration Center for companies that host e-mail.")
                .arg(QStringLiteral(MAILADMIN_VERSION)));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(jump);
    bar->addAction(refresh);
    bar->addAction(exportList);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!leaveCurrentPage()) {
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace mailadmin::ui
