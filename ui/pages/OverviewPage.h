#pragma once

#include "ListPage.h"

class QPushButton;
class QTimer;

namespace mailadmin::models {
class CompanyOverviewModel;
}

namespace mailadmin::ui {

class CompanyStatusActions;

// The operator's dashboard across all companies: each live company with its mailboxes, active users,
// storage against quotas, open alerts and incidents, sorted and searched by the server. Opens a company;
// suspends, resumes, deletes and restores the selected one.
class OverviewPage : public ListPage
{
    Q_OBJECT
public:
    explicit OverviewPage(AppContext *context, QWidget *parent = nullptr);
    models::CompanyOverviewModel *companies() const { return m_companies; }
    CompanyStatusActions *statusActions() const { return m_actions; }
    void openSelected();

protected:
    void selectionChanged() override;
    // The list is asked for when first shown.
    void showEvent(QShowEvent *event) override;

private:
    // The selected company as the server has it (its version and domain count), for the actions.
    void loadSelected();
    qint64 selectedId() const;

    models::CompanyOverviewModel *m_companies;
    CompanyStatusActions *m_actions;
    QPushButton *m_open;
    QTimer *m_pick;
};

} // namespace mailadmin::ui
