#pragma once

#include "ListPage.h"

#include <QJsonObject>

class QComboBox;
class QLabel;
class QTabWidget;
class QTextBrowser;

namespace mailadmin::models {
class AffectedMailboxModel;
class ImpactListModel;
class IncidentListModel;
class NoticeDeliveryModel;
} // namespace mailadmin::models

namespace mailadmin::ui {

class OutageSuggestionsWidget;

// Incidents: the history (open, scheduled, resolved), and for the one selected its timeline of updates, its
// impact ("N of your M mailboxes" for a company; every affected company for operators), the affected
// mailboxes (searchable, exported as CSV) and the delivery of each notice. Operators open incidents in the
// composer, post updates and resolve them here.
class IncidentsPage : public ListPage
{
    Q_OBJECT
public:
    explicit IncidentsPage(AppContext *context, QWidget *parent = nullptr);

    void showIncident(qint64 id);
    qint64 currentIncident() const { return m_current; }
    QString impactText() const;
    QTabWidget *detailTabs() const { return m_tabs; }
    void openComposer();
    // The outage detector's suggestions (operators only; null for other roles).
    OutageSuggestionsWidget *suggestions() const { return m_suggestions; }

private:
    void load(qint64 id);
    void render(const QJsonObject &incident);
    void postUpdate();
    void resolve();
    void retryDelivery();

    models::IncidentListModel *m_incidents;
    models::AffectedMailboxModel *m_mailboxes;
    models::ImpactListModel *m_impact;
    models::NoticeDeliveryModel *m_deliveries;
    QComboBox *m_status;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QTextBrowser *m_timeline;
    ListPage *m_deliveryList = nullptr;
    OutageSuggestionsWidget *m_suggestions = nullptr;
    QPushButton *m_update = nullptr;
    QPushButton *m_resolve = nullptr;
    qint64 m_current = 0;
    QJsonObject m_incident;
};

} // namespace mailadmin::ui
