#pragma once

#include "StatsModels.h"
#include "StatsPageBase.h"

#include <QHash>

namespace mailadmin::charts {
class BarChart;
class ShareDonut;
class TimeSeriesChart;
} // namespace mailadmin::charts

namespace mailadmin::models {
class QuotaBucketsModel;
}

namespace mailadmin::ui {

class StatTile;

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
    models::QuotaBucketsModel *m_quota;
    charts::TimeSeriesChart *m_loginsChart;
    charts::ShareDonut *m_share;
    charts::BarChart *m_quotaChart;
    charts::TimeSeriesChart *m_outboundChart;
};

} // namespace mailadmin::ui
