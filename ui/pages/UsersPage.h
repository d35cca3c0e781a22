#pragma once

#include "BulkOperation.h"
#include "ListPage.h"

#include <QPointer>

class QComboBox;
class QPushButton;

namespace mailadmin::models {
class UserListModel;
}

namespace mailadmin::ui {

class ObjectDialog;

class BulkDialog;

// The users of one domain, at any scale: server-side search, filters and sort, lazy paging, bulk actions
// with progress and a report, CSV import and export.
class UsersPage : public ListPage
{
    Q_OBJECT
public:
    UsersPage(AppContext *context, QWidget *parent = nullptr);

    // One domain's users, or (empty) the users of every domain in scope.
    void setDomain(const QString &domain);
    QString domain() const { return m_domain; }
    models::UserListModel *users() const { return m_users; }

    void newUser();
    // The New user dialog, not yet shown: quota filled in with the domain's default, a masked password
    // with Generate and Show.
    ObjectDialog *createUserDialog();
    void importCsv();
    // Bulk actions on the selected rows; each opens a progress dialog that ends with a report.
    void bulkSuspend(bool suspend);
    void bulkDelete();
    void bulkSetQuota(qint64 quota);
    void askQuotaForSelection();
    // The progress dialog of the last bulk action, while it is open.
    BulkDialog *lastBulkDialog() const;

signals:
    void openUser(const QString &address);

protected:
    void selectionChanged() override;

private:
    void runBulk(const QString &title, const QList<api::BulkOperation::Step> &steps);

    models::UserListModel *m_users;
    QString m_domain;
    QComboBox *m_status;
    QComboBox *m_type;
    QPushButton *m_new;
    QPushButton *m_import;
    QPointer<BulkDialog> m_lastBulk;
};

} // namespace mailadmin::ui
