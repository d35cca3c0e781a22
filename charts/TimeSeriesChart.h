#pragma once

#include <QChartView>
#include <QPointer>

#include "StatsModels.h"

class QLabel;

namespace mailadmin::charts {

// A chart over time drawn from a SeriesModel: lines or stacked areas, a date axis that reads well at the
// series' granularity, a value axis in counts or KB/MB/GB, a tooltip with the exact values of the period
// under the mouse, legend entries that hide and show their series, zoom with a rubber band (double-click,
// Escape or the right button reset it), and "No data in this range" instead of an empty frame. Long series
// are downsampled so a year of hours stays quick: lines keep each group's highest value (a spike stays
// visible), stacked areas the group's mean.
// Where a time axis ends and how many ticks it has, so that ticks fall a whole, round number of hours, days
// or weeks apart from the first point (by granularity: "hour", "day", "week"; months are spaced evenly).
struct TimeTicks
{
    qint64 axisEnd = 0; // ms since the epoch, at or a little after the last point
    int count = 2;
};
TimeTicks timeTicks(qint64 first, qint64 last, const QString &granularity);

class TimeSeriesChart : public QChartView
{
    Q_OBJECT
public:
    enum class Style
    {
        Lines,
        StackedArea
    };

    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setModel(models::SeriesModel *model);
    models::SeriesModel *model() const { return m_model; }
    void setStyle(Style style);
    // Columns to draw (by key); empty draws every column.
    void setKeys(const QStringList &keys);
    // A shaded band between two columns (such as baseline median and high), not drawn as lines; and
    // markers on `valueKey` where the `flagKey` column is non-zero (the server's spike verdict).
    void setBand(const QString &lowKey, const QString &highKey);
    void setMarkers(const QString &flagKey, const QString &valueKey);
    void setTitle(const QString &title);
    void setMaxPoints(int points) { m_maxPoints = qMax(10, points); }

    // What is drawn, for tests and exports: the points of a column's series (after downsampling).
    QList<QPointF> drawnPoints(const QString &key) const;
    int markerCount() const;
    bool showsEmptyState() const;
    QString valueUnit() const { return m_unitName; }
    void resetZoom();
    // The exact values of the period nearest to a time, as the tooltip shows them.
    QString describePeriodAt(qint64 msecsSinceEpoch) const;

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyTheme();
    void showTooltip(const QPointF &value, bool state);
    int nearestRow(qint64 msecs) const;

    QPointer<models::SeriesModel> m_model;
    Style m_style = Style::Lines;
    QStringList m_keys;
    QString m_bandLow, m_bandHigh, m_flagKey, m_markerKey;
    QString m_title;
    int m_maxPoints = 500;
    double m_scale = 1;
    QString m_unitName;
    QHash<QString, QAbstractSeries *> m_seriesByKey;
    QAbstractSeries *m_markers = nullptr;
    QLabel *m_empty;
};

} // namespace mailadmin::charts
