#pragma once

#include <QChartView>
#include <QPointer>

#include "StatsModels.h"

class QAbstractItemModel;
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

// Bars from a table model: one bar per row, its label from `labelColumn` and its height from `valueColumn`
// (Qt::UserRole + 1 holds the number, as in SeriesModel). Used for the quota distribution.
class BarChart : public QChartView
{
    Q_OBJECT
public:
    explicit BarChart(QWidget *parent = nullptr);
    // Labels come from Qt::UserRole + 2 of the label column when set (a short form), else its text.
    void setModel(QAbstractItemModel *model, int labelColumn, int valueColumn, const QString &seriesName);
    void setAxisTitle(const QString &title);
    void setTitle(const QString &title);
    QList<double> values() const;
    bool showsEmptyState() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    QPointer<QAbstractItemModel> m_model;
    int m_labelColumn = 0;
    int m_valueColumn = 1;
    QString m_name;
    QString m_axisTitle;
    QList<double> m_values;
    QLabel *m_empty;
    bool m_pending = false;
};

} // namespace mailadmin::charts
