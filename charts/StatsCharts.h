#pragma once

#include <QChartView>
#include <QPointer>

#include "QuotaBucketsModel.h"
#include "StatsModels.h"

class QLabel;
class QPieSeries;

namespace mailadmin::charts {

// Each column's share of the total over a SeriesModel's rows, as a donut (logins by protocol). Hovering a
// slice shows its exact count; an empty range says so.
class ShareDonut : public QChartView
{
    Q_OBJECT
public:
    explicit ShareDonut(QWidget *parent = nullptr);
    void setModel(models::SeriesModel *model, const QStringList &keys);
    void setTitle(const QString &title);
    // Slice label -> value, for tests.
    QList<std::pair<QString, double>> slices() const;
    bool showsEmptyState() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    QPointer<models::SeriesModel> m_model;
    QStringList m_keys;
    QPieSeries *m_series;
    QLabel *m_empty;
};

// The quota distribution as bars: one bar per bucket, its height the bucket's mailboxes
// (QuotaBucketsModel::ValueRole), its label the bucket's short form (ShortLabelRole).
class BarChart : public QChartView
{
    Q_OBJECT
public:
    explicit BarChart(QWidget *parent = nullptr);
    void setModel(models::QuotaBucketsModel *model, const QString &seriesName);
    void setAxisTitle(const QString &title);
    void setTitle(const QString &title);
    QList<double> values() const;
    bool showsEmptyState() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    QPointer<models::QuotaBucketsModel> m_model;
    QString m_name;
    QString m_axisTitle;
    QList<double> m_values;
    QLabel *m_empty;
    bool m_pending = false;
};

} // namespace mailadmin::charts
