#pragma once

#include "StatsModels.h"
#include "StatsPageBase.h"

#include <QHash>

namespace mailadmin::models {
class QuotaBucketsModel;
class TopSendersModel;
} // namespace mailadmin::models

namespace mailadmin::ui {

class ChartPanel;

// Every chart for any company, domain or user, each with its table, each exportable.
class StatsPage : public StatsPageBase
{
    Q_OBJECT
public:
    explicit StatsPage(AppContext *context, QWidget *parent = nullptr);
    void refresh() override;
    // What an exported chart says it shows: the subject, then the date range.
    QStringList captionLines() const;
    ChartPanel *panel(const QString &name) const { return m_panels.value(name); }
    models::SeriesModel *series(const QString &name) const { return m_series.value(name); }

private:
    QHash<QString, ChartPanel *> m_panels;
    QHash<QString, models::SeriesModel *> m_series;
    models::QuotaBucketsModel *m_quota;
    models::TopSendersModel *m_senders;
};

} // namespace mailadmin::ui
