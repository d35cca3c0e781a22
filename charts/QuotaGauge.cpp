#include "QuotaGauge.h"

#include "ChartPalette.h"
#include "Format.h"

#include <QChart>
#include <QPieSeries>
#include <QPieSlice>

namespace mailadmin::charts {

QuotaGauge::QuotaGauge(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundVisible(false);
    auto *series = new QPieSeries;
    series->setHoleSize(0.6);
    series->setPieStartAngle(-90);
    series->setPieEndAngle(90);
    series->append(tr("Used"), 0);
    series->append(tr("Free"), 1);
    chart->addSeries(series);
    setChart(chart);
    setMinimumSize(160, 110);
    setUsage(0, 0);
}

void QuotaGauge::setUsage(qint64 used, qint64 quota)
{
    auto *series = static_cast<QPieSeries *>(chart()->series().first());
    m_fraction = quota > 0 ? qBound(0.0, double(used) / double(quota), 1.0) : 0.0;
    QPieSlice *usedSlice = series->slices().at(0);
    QPieSlice *freeSlice = series->slices().at(1);
    usedSlice->setValue(m_fraction);
    freeSlice->setValue(1.0 - m_fraction);
    // Amber from 80 %, vermilion from 95 %: the palette's own warm tones, readable in colour-blind vision.
    usedSlice->setColor(m_fraction >= 0.95 ? ChartPalette::forKey(QStringLiteral("deleted"))
            : m_fraction >= 0.8            ? ChartPalette::forKey(QStringLiteral("suspended"))
                                           : ChartPalette::forKey(QStringLiteral("imap")));
    freeSlice->setColor(palette().color(QPalette::Mid));
    chart()->setTitle(quota > 0 ? tr("%1 of %2 (%3%)")
                                      .arg(format::bytes(used), format::bytes(quota))
                                      .arg(qRound(m_fraction * 100))
                                : tr("%1 used, no quota").arg(format::bytes(used)));
    setToolTip(chart()->title());
}

} // namespace mailadmin::charts
