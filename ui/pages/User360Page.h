#pragma once

#include "StatsModels.h"
#include "StatsPageBase.h"

#include <QJsonObject>

class QComboBox;
class QLabel;
class QPushButton;

namespace mailadmin::charts {
class QuotaGauge;
}

namespace mailadmin::models {
class AuditListModel;
}

namespace mailadmin::ui {

// Everything about one user for support: status, quota and last logins on top; login history with filters;
// logins, storage and outbound charts; alerts; recent changes; and the everyday actions.
class User360Page : public StatsPageBase
{
    Q_OBJECT
public:
    explicit User360Page(AppContext *context, QWidget *parent = nullptr);
    void openUser(const QString &address);
    QString address() const { return m_address; }
    void refresh() override;

    void resetPassword();
    void toggleSuspended();
    // Holds the user's outbound mail at Postfix, or releases it and what was held.
    void toggleOutboundHold();
    // Sets a new quota (the button asks for it first).
    void changeQuota(qint64 bytes);
    void askQuota();

    models::ActivityListModel *activity() const { return m_activity; }
    models::AlertListModel *alerts() const { return m_alerts; }
    models::AuditListModel *changes() const { return m_changes; }
    models::SeriesModel *logins() const { return m_logins; }
    models::SeriesModel *quotaTrend() const { return m_quota; }
    models::SeriesModel *outbound() const { return m_outbound; }
    QJsonObject user() const { return m_user; }

signals:
    void openSettings(const QString &address);

private:
    void showUser(const QJsonObject &user);
    void showOutbound(const QJsonObject &state);
    void applyActivityFilters();

    QString m_address;
    QJsonObject m_user;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_message;
    charts::QuotaGauge *m_gauge;
    QPushButton *m_password;
    QPushButton *m_suspend;
    QPushButton *m_quotaButton;
    QPushButton *m_holdButton;
    QJsonObject m_outboundState;
    QComboBox *m_protocol;
    QComboBox *m_result;
    models::ActivityListModel *m_activity;
    models::AlertListModel *m_alerts;
    models::AuditListModel *m_changes;
    models::SeriesModel *m_logins;
    models::SeriesModel *m_quota;
    models::SeriesModel *m_outbound;
};

} // namespace mailadmin::ui
