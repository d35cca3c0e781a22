#pragma once

#include <QWidget>

class QChartView;
class QLabel;
class QPieSeries;

namespace mailadmin::charts {

// A half-donut showing used against allocated storage, with the figures beneath it.
class QuotaGauge : public QWidget
{
    Q_OBJECT
public:
    explicit QuotaGauge(QWidget *parent = nullptr);
    void setUsage(qint64 used, qint64 quota);
    double fraction() const { return m_fraction; }
    QString text() const;

private:
    QChartView *m_view;
    QPieSeries *m_series;
    QLabel *m_label;
    double m_fraction = 0;
};

} // namespace mailadmin::charts
