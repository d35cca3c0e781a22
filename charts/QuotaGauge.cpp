#include "QuotaGauge.h"

#include "ChartPalette.h"
#include "Format.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QVBoxLayout>

namespace mailadmin::charts {

QuotaGauge::QuotaGauge(QWidget *parent)
    : QWidget(parent), m_view(new QChartView(this)), m_series(new QPieSeries), m_label(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundVisible(false);
    // Only the upper half of the ring is drawn; its centre sits low so the arch fills the view.
    m_series->setHoleSize(0.62);
    m_series->setPieSize(1.0);
    m_series->setVerticalPosition(0.95);
    m_series->setPieStartAngle(-90);
    m_series->setPieEndAngle(90);
    m_series->append(tr("Used"), 0);
    m_series->append(tr("Free"), 1);
    for (QPieSlice *slice : m_series->slices())
        slice->setBorderColor(Qt::transparent);
    chart->addSeries(m_series);
    m_view->setChart(chart);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    m_label->setObjectName(QStringLiteral("quotaLabel"));
    m_label->setAlignment(Qt::AlignHCenter);
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_label);
    setMinimumSize(180, 110);
    setUsage(0, 0);
}

QString QuotaGauge::text() const
{
    return m_label->text();
}

void QuotaGauge::setUsage(qint64 used, qint64 quota)
{
    m_fraction = quota > 0 ? qBound(0.0, double(used) / double(quota), 1.0) : 0.0;
    QPieSlice *usedSlice = m_series->slices().at(0);
    QPieSlice *freeSlice = m_series->slices().at(1);
    usedSlice->setValue(m_fraction);
    freeSlice->setValue(1.0 - m_fraction);
    // Amber from 80 %, vermilion from 95 %: the palette's own warm tones, readable in colour-blind vision.
    usedSlice->setColor(m_fraction >= 0.95 ? ChartPalette::forKey(QStringLiteral("deleted"))
            : m_fraction >= 0.8            ? ChartPalette::forKey(QStringLiteral("suspended"))
                                           : ChartPalette::forKey(QStringLiteral("imap")));
    freeSlice->setColor(palette().color(QPalette::Midlight));
    m_label->setText(quota > 0 ? tr("%1 of %2 (%3%)")
                                     .arg(format::bytes(used), format::bytes(quota))
                                     .arg(qRound(m_fraction * 100))
                               : tr("%1 used, no quota").arg(format::bytes(used)));
    setToolTip(m_label->text());
}

} // namespace mailadmin::charts
