#include "StatsCharts.h"

#include "ChartPalette.h"
#include "StatsModels.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace mailadmin::charts {

namespace {
QLabel *emptyLabel(QWidget *parent)
{
    auto *label = new QLabel(
        QCoreApplication::translate("mailadmin::charts::TimeSeriesChart", "No data in this range"), parent);
    label->setObjectName(QStringLiteral("emptyStateLabel"));
    label->setAlignment(Qt::AlignCenter);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, parent->palette().color(QPalette::PlaceholderText));
    label->setPalette(p);
    label->hide();
    return label;
}

void themed(QChart *chart, const QPalette &p)
{
    chart->setTheme(
        p.color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(p.color(QPalette::Base));
    chart->setTitleBrush(p.color(QPalette::Text));
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    QFont title = chart->titleFont();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
}
} // namespace

ShareDonut::ShareDonut(QWidget *parent)
    : QChartView(new QChart, parent), m_series(new QPieSeries), m_empty(emptyLabel(this))
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(220, 220);
    themed(chart(), palette());
    m_series->setHoleSize(0.55);
    chart()->addSeries(m_series);
    chart()->legend()->setAlignment(Qt::AlignRight);
    connect(m_series, &QPieSeries::hovered, this, [this](QPieSlice *slice, bool state) {
        slice->setExploded(state);
        if (state)
            QToolTip::showText(QCursor::pos(),
                tr("%1: %2 (%3 %)")
                    .arg(slice->label(), QLocale().toString(qint64(slice->value())),
                        QLocale().toString(slice->percentage() * 100, 'f', 1)),
                this);
        else
            QToolTip::hideText();
    });
}

void ShareDonut::setModel(models::SeriesModel *model, const QStringList &keys)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_keys = keys;
    if (m_model)
        connect(m_model, &QAbstractItemModel::modelReset, this, &ShareDonut::rebuild);
    rebuild();
}

void ShareDonut::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void ShareDonut::rebuild()
{
    m_series->clear();
    double total = 0;
    if (m_model) {
        for (const QString &key : std::as_const(m_keys)) {
            const int col = m_model->columnOf(key);
            if (col < 0)
                continue;
            const double value = m_model->total(col);
            total += value;
            QPieSlice *slice = m_series->append(m_model->columns().at(col).title, value);
            slice->setColor(ChartPalette::forKey(key));
            slice->setBorderColor(palette().color(QPalette::Base));
        }
    }
    for (QPieSlice *slice : m_series->slices()) {
        slice->setLabelVisible(false);
        slice->setLabel(slice->label());
    }
    m_empty->setVisible(total <= 0);
    m_empty->setGeometry(rect());
}

QList<std::pair<QString, double>> ShareDonut::slices() const
{
    QList<std::pair<QString, double>> out;
    for (QPieSlice *slice : m_series->slices())
        out.append({slice->label(), slice->value()});
    return out;
}

bool ShareDonut::showsEmptyState() const
{
    return !m_empty->isHidden();
}

void ShareDonut::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_empty->setGeometry(rect());
}

BarChart::BarChart(QWidget *parent) : QChartView(new QChart, parent), m_empty(emptyLabel(this))
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    themed(chart(), palette());
    chart()->legend()->hide();
}

void BarChart::setModel(models::QuotaBucketsModel *model, const QString &seriesName)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_name = seriesName;
    if (m_model) {
        // Rows may arrive one by one after a reset: redraw once they are in.
        const auto later = [this] {
            if (!m_pending) {
                m_pending = true;
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        m_pending = false;
                        rebuild();
                    },
                    Qt::QueuedConnection);
            }
        };
        connect(m_model, &QAbstractItemModel::modelReset, this, later);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, later);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, later);
        connect(m_model, &QAbstractItemModel::dataChanged, this, later);
    }
    rebuild();
}

void BarChart::setAxisTitle(const QString &title)
{
    m_axisTitle = title;
    rebuild();
}

void BarChart::setTitle(const QString &title)
{
    chart()->setTitle(title);
}

void BarChart::rebuild()
{
    using models::QuotaBucketsModel;
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    m_values.clear();
    double top = 0;
    QStringList labels;
    auto *set = new QBarSet(m_name);
    set->setColor(ChartPalette::forKey(QStringLiteral("users")));
    if (m_model) {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            labels << m_model->index(r, QuotaBucketsModel::Bucket)
                          .data(QuotaBucketsModel::ShortLabelRole)
                          .toString();
            const double v = m_model->index(r, QuotaBucketsModel::Mailboxes)
                                 .data(QuotaBucketsModel::ValueRole)
                                 .toDouble();
            m_values << v;
            set->append(v);
            top = qMax(top, v);
        }
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.85);
    c->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTitleText(m_axisTitle);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    x->setLabelsFont(small);
    x->setTruncateLabels(false);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, top <= 0 ? 1 : top * 1.1);
    y->applyNiceNumbers();
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    connect(series, &QBarSeries::hovered, this, [this, labels](bool state, int index, QBarSet *barSet) {
        if (state && index >= 0 && index < labels.size())
            QToolTip::showText(QCursor::pos(),
                QStringLiteral("%1: %2").arg(labels.at(index), QLocale().toString(qint64(barSet->at(index)))),
                this);
        else
            QToolTip::hideText();
    });
    m_empty->setVisible(top <= 0);
    m_empty->setGeometry(rect());
}

QList<double> BarChart::values() const
{
    return m_values;
}

bool BarChart::showsEmptyState() const
{
    return !m_empty->isHidden();
}

void BarChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_empty->setGeometry(rect());
}

} // namespace mailadmin::charts
