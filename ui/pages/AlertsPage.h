#pragma once

#include "ListPage.h"
#include "StatsModels.h"

#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mailadmin::charts {
class TimeSeriesChart;
}

namespace mailadmin::ui {

// Outbound alerts: open, acknowledged, resolved; the evidence and the chart at company, domain and user
// level; acknowledge or resolve with a note.
class AlertsPage : public ListPage
{
    Q_OBJECT
public:
    explicit AlertsPage(AppContext *context, QWidget *parent = nullptr);
    models::AlertListModel *alerts() const { return m_alerts; }
    // Shows one level of the selected alert's chart: "company", "domain" or "user".
    void drillTo(const QString &level);
    QString level() const { return m_level; }
    void acknowledge();
    void resolve();
    charts::TimeSeriesChart *chart() const { return m_chart; }
    models::SeriesModel *series() const { return m_series; }
    QLineEdit *noteEdit() const { return m_note; }

protected:
    void selectionChanged() override;

private:
    // Every selected alert that can take `action`.
    void transition(const QString &action);
    void transitionOne(qint64 id, const QString &action, const QJsonObject &body);
    void suspendUser();
    // "hold" or "release" the outbound mail of the selected alert's user.
    void outboundMail(const QString &action);
    QJsonObject current() const;

    models::AlertListModel *m_alerts;
    QComboBox *m_status = nullptr;
    QLabel *m_evidence = nullptr;
    QPushButton *m_company = nullptr;
    QPushButton *m_domain = nullptr;
    QPushButton *m_user = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_holdMail = nullptr;
    QPushButton *m_openUser = nullptr;
    QPushButton *m_suspendUser = nullptr;
    QPushButton *m_releaseMail = nullptr;
    QLineEdit *m_note = nullptr;
    charts::TimeSeriesChart *m_chart = nullptr;
    models::SeriesModel *m_series;
    QString m_level;
};

} // namespace mailadmin::ui
