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

// Outbound alerts, one row per episode (an account's or domain's alerts in consecutive hours or days):
// the episode's periods and the chart at company, domain and user level; acknowledge or resolve every
// selected episode's alerts in one request, with a note; open, suspend or hold the episode's account.
class AlertsPage : public ListPage
{
    Q_OBJECT
public:
    explicit AlertsPage(AppContext *context, QWidget *parent = nullptr);
    models::AlertEpisodeListModel *episodes() const { return m_episodes; }
    // Shows one level of the selected alert's chart: "company", "domain" or "user".
    void drillTo(const QString &level);
    QString level() const { return m_level; }
    void acknowledge();
    void resolve();
    charts::TimeSeriesChart *chart() const { return m_chart; }
    models::SeriesModel *series() const { return m_series; }
    QLineEdit *noteEdit() const { return m_note; }
    // True while an acknowledge or resolve is on its way.
    bool isBusy() const { return m_busy; }

protected:
    void selectionChanged() override;

private:
    // Every alert of the selected episodes that can take `action`, in one request.
    void transition(const QString &action);
    void updateActions();
    QString hoursTable(const QJsonObject &episode) const;
    void suspendUser();
    // "hold" or "release" the outbound mail of the selected alert's user.
    void outboundMail(const QString &action);
    QJsonObject current() const;

    models::AlertEpisodeListModel *m_episodes;
    QComboBox *m_status = nullptr;
    QLabel *m_evidence = nullptr;
    QLabel *m_hours = nullptr;
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
    bool m_busy = false;
};

} // namespace mailadmin::ui
