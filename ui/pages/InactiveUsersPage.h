#pragma once

#include "BulkOperation.h"
#include "ListPage.h"
#include "StatsModels.h"

class QSpinBox;

namespace mailadmin::ui {

class BulkDialog;
class StatsScopeBar;

// Mailboxes without a login for N days, paged and exportable.
class InactiveUsersPage : public ListPage
{
    Q_OBJECT
public:
    explicit InactiveUsersPage(AppContext *context, QWidget *parent = nullptr);
    models::InactiveListModel *inactive() const { return m_inactive; }
    QSpinBox *daysBox() const { return m_days; }
    QSpinBox *minAgeBox() const { return m_minAge; }
    void apply();
    // The selected accounts suspended (with a reason) or deleted, with a progress dialog and its report.
    void suspendSelected();
    void deleteSelected();
    BulkDialog *lastBulkDialog() const { return m_lastBulk; }

private:
    void runBulk(const QString &title, const QList<api::BulkOperation::Step> &steps);

    models::InactiveListModel *m_inactive;
    StatsScopeBar *m_scope;
    QSpinBox *m_days;
    QSpinBox *m_minAge;
    BulkDialog *m_lastBulk = nullptr;
};

} // namespace mailadmin::ui
