#pragma once

#include <QChartView>

namespace mailadmin::charts {

// A half-donut showing used against allocated storage, with the figures in the middle.
class QuotaGauge : public QChartView
{
    Q_OBJECT
public:
    explicit QuotaGauge(QWidget *parent = nullptr);
    void setUsage(qint64 used, qint64 quota);
    double fraction() const { return m_fraction; }

private:
    double m_fraction = 0;
};

} // namespace mailadmin::charts
