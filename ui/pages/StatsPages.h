#pragma once

#include "BulkOperation.h"
#include "ListPage.h"
#include "StatsModels.h"

#include <QFrame>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace mailadmin::charts {
class BarChart;
class QuotaGauge;
class ShareDonut;
class TimeSeriesChart;
} // namespace mailadmin::charts

namespace mailadmin::models {
class AuditListModel;
}

namespace mailadmin::ui {

class BulkDialog;

class AppContext;

// Picks what the stats are about (a company, a domain or a user, within the caller's scope), the range (7, 30
// or 90 days, or custom dates) and the granularity.
class StatsScopeBar : public QWidget
{
    Q_OBJECT
public:
    StatsScopeBar(AppContext *context, bool allowUser, bool withRange, QWidget *parent = nullptr);
    models::StatsScope scope() const;
    // The subject alone as query items (company=, domain= or user=).
    QUrlQuery subjectQuery() const;
    void setSubject(models::StatsScope::Kind kind, const QString &id);
    QString subjectText() const;
    int rangeDays() const;
    void setRangeDays(int days);

signals:
    void changed();

private:
    void loadChoices();
    void updateKind();

    AppContext *m_context;
    bool m_withRange;
    QComboBox *m_kind;
    QComboBox *m_company;
    QComboBox *m_domain;
    QLineEdit *m_user;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_granularity;
};

// A chart with its title, optionally the table of the same model beside it, and export of the numbers
// (CSV) and the picture (PNG, SVG).
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    ChartPanel(const QString &title, QWidget *chart, QAbstractItemModel *table, bool showTable,
        QWidget *parent = nullptr);
    QWidget *chart() const { return m_chart; }
    QTableView *table() const { return m_table; }
    // Exact numbers for the CSV (defaults to the table as shown).
    void setCsvSource(std::function<QByteArray()> source) { m_csv = std::move(source); }
    bool exportCsv(const QString &fileName = QString());
    bool exportPng(const QString &fileName = QString());
    bool exportSvg(const QString &fileName = QString());
    QString title() const { return m_title; }

private:
    QString askFile(const QString &what, const QString &suffix, const QString &fileName);
    QString m_title;
    QWidget *m_chart;
    QTableView *m_table = nullptr;
    QAbstractItemModel *m_model;
    std::function<QByteArray()> m_csv;
};

// A figure with its caption, for the dashboard's first row.
class StatTile : public QFrame
{
    Q_OBJECT
public:
    StatTile(const QString &caption, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &detail = QString());
    QString value() const;

private:
    QLabel *m_value;
    QLabel *m_detail;
};

// The shared machinery of the stats pages: the scope bar, requests, and refresh every 60 s (setting
// stats/refreshSeconds) without disturbing what the user scrolled to or selected.
class StatsPageBase : public QWidget
{
    Q_OBJECT
public:
    StatsPageBase(AppContext *context, QWidget *parent);
    StatsScopeBar *scopeBar() const { return m_scope; }
    // Sends every request for the current scope; loaded() follows when all are answered.
    virtual void refresh() = 0;
    bool isLoading() const { return m_waiting > 0; }
    static int refreshSeconds();
    // Stored in the settings; every stats page takes it up at once.
    static void setRefreshSeconds(int seconds);

signals:
    // Every answer of one refresh has arrived and is drawn; `milliseconds` from the refresh.
    void loaded(qint64 milliseconds);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    AppContext *context() const { return m_context; }
    // Asks for `path` with the query; `handle` runs with the answer; counts towards loaded().
    void ask(const QString &path, const QUrlQuery &query, std::function<void(const QJsonObject &)> handle);
    void beginRefresh();
    // The page's title, scope bar and error line above a scrolling area; returns the area's content.
    QWidget *buildFrame(const QString &title, bool allowUser);
    // A subject is chosen (an operator's company list may still be loading).
    bool hasSubject() const;
    QLabel *errorLabel() const { return m_error; }

    AppContext *m_context;
    StatsScopeBar *m_scope;
    QLabel *m_error;
    QTimer *m_timer;
    int m_waiting = 0;
    int m_generation = 0;
    qint64 m_started = 0;
};

// The first page for everyone who may see stats: tiles, logins by protocol over time and their share,
// quota distribution, and outbound volume with spikes marked.
class DashboardPage : public StatsPageBase
{
    Q_OBJECT
public:
    explicit DashboardPage(AppContext *context, QWidget *parent = nullptr);
    void refresh() override;

    StatTile *tile(const QString &name) const { return m_tiles.value(name); }
    charts::TimeSeriesChart *loginsChart() const { return m_loginsChart; }
    charts::ShareDonut *shareChart() const { return m_share; }
    charts::BarChart *quotaChart() const { return m_quotaChart; }
    charts::TimeSeriesChart *outboundChart() const { return m_outboundChart; }
    models::SeriesModel *logins() const { return m_logins; }
    models::SeriesModel *outbound() const { return m_outbound; }

private:
    // The alerts tile agrees with the outbound chart: open alerts, and the spikes the chart marks.
    void showAlertTile();

    QHash<QString, StatTile *> m_tiles;
    qint64 m_openAlerts = -1;
    models::SeriesModel *m_logins;
    models::SeriesModel *m_outbound;
    QStandardItemModel *m_quota;
    charts::TimeSeriesChart *m_loginsChart;
    charts::ShareDonut *m_share;
    charts::BarChart *m_quotaChart;
    charts::TimeSeriesChart *m_outboundChart;
};

// Every chart for any company, domain or user, each with its table, each exportable.
class StatsPage : public StatsPageBase
{
    Q_OBJECT
public:
    explicit StatsPage(AppContext *context, QWidget *parent = nullptr);
    void refresh() override;
    ChartPanel *panel(const QString &name) const { return m_panels.value(name); }
    models::SeriesModel *series(const QString &name) const { return m_series.value(name); }

private:
    QHash<QString, ChartPanel *> m_panels;
    QHash<QString, models::SeriesModel *> m_series;
    QStandardItemModel *m_quota;
    QStandardItemModel *m_senders;
};

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
