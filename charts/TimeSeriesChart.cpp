#include "TimeSeriesChart.h"

#include "ChartPalette.h"
#include "Format.h"
#include "StatsModels.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace mailadmin::charts {

using models::SeriesModel;

namespace {

// A byte axis reads in the largest unit under its top value.
std::pair<double, QString> byteUnit(double maximum)
{
    static const char *names[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    double scale = 1;
    int unit = 0;
    while (maximum / scale >= 1024 && unit < 5) {
        scale *= 1024;
        ++unit;
    }
    return {scale, QString::fromLatin1(names[unit])};
}

QString axisFormat(const QString &granularity)
{
    if (granularity == QLatin1String("hour"))
        return QStringLiteral("d MMM HH:mm");
    if (granularity == QLatin1String("month"))
        return QStringLiteral("MMM yyyy");
    return QStringLiteral("d MMM");
}

} // namespace

TimeTicks timeTicks(qint64 first, qint64 last, const QString &granularity)
{
    // Round steps in the granularity's own unit; months differ in length, so their ticks are only even.
    qint64 unit = 0;
    QList<int> steps;
    if (granularity == QLatin1String("hour")) {
        unit = 3600000;
        steps = {1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 96, 120, 168, 240, 336, 360, 720, 1464, 2928};
    } else if (granularity == QLatin1String("day")) {
        unit = 86400000;
        steps = {1, 2, 3, 5, 7, 10, 14, 15, 20, 30, 45, 61, 91, 122, 183, 366};
    } else if (granularity == QLatin1String("week")) {
        unit = 7 * qint64(86400000);
        steps = {1, 2, 3, 4, 5, 8, 9, 13, 26, 52};
    }
    constexpr int kMostIntervals = 7;
    if (unit == 0 || last <= first)
        return {last, kMostIntervals};
    const qint64 span = (last - first + unit - 1) / unit;
    // The axis may run past the last point by a twelfth of the span at most (and always by one unit).
    const qint64 slack = qMax<qint64>(1, span / 12);
    for (int step : std::as_const(steps)) {
        const qint64 intervals = (span + step - 1) / step;
        if (intervals <= kMostIntervals && intervals * step - span <= slack)
            return {first + intervals * step * unit, int(intervals) + 1};
    }
    return {last, kMostIntervals};
}

TimeSeriesChart::TimeSeriesChart(QWidget *parent) : QChartView(new QChart, parent), m_empty(new QLabel(this))
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(220);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setAnimationOptions(QChart::NoAnimation);
    m_empty->setObjectName(QStringLiteral("emptyStateLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No data in this range"));
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_empty->hide();
    setToolTip(tr(
        "Drag to zoom into a stretch of time; double-click, Escape or the right button shows it all again. "
        "Click a legend entry to hide or show its series."));
    applyTheme();
}

void TimeSeriesChart::setModel(SeriesModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &TimeSeriesChart::rebuild);
        connect(m_model, &QObject::destroyed, this, &TimeSeriesChart::rebuild);
    }
    rebuild();
}

void TimeSeriesChart::setStyle(Style style)
{
    m_style = style;
    rebuild();
}

void TimeSeriesChart::setKeys(const QStringList &keys)
{
    m_keys = keys;
    rebuild();
}

void TimeSeriesChart::setBand(const QString &lowKey, const QString &highKey)
{
    m_bandLow = lowKey;
    m_bandHigh = highKey;
    rebuild();
}

void TimeSeriesChart::setMarkers(const QString &flagKey, const QString &valueKey)
{
    m_flagKey = flagKey;
    m_markerKey = valueKey;
    rebuild();
}

void TimeSeriesChart::setTitle(const QString &title)
{
    m_title = title;
    chart()->setTitle(title);
}

void TimeSeriesChart::applyTheme()
{
    // Follow the application's palette: dark windows get the dark chart theme.
    const QPalette p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    chart()->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(p.color(QPalette::Base));
    chart()->setTitleBrush(p.color(QPalette::Text));
    chart()->legend()->setLabelColor(p.color(QPalette::Text));
    QFont title = chart()->titleFont();
    title.setBold(true);
    chart()->setTitleFont(title);
    QPalette labelPalette = m_empty->palette();
    labelPalette.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_empty->setPalette(labelPalette);
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        rebuild();
    }
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_empty->setGeometry(rect());
}

void TimeSeriesChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    m_seriesByKey.clear();
    m_markers = nullptr;
    c->setTitle(m_title);
    const bool empty = !m_model || !m_model->hasData();
    m_empty->setVisible(empty);
    m_empty->setGeometry(rect());
    if (!m_model || m_model->isEmpty())
        return;

    const SeriesModel &model = *m_model;
    const int rows = model.rowCount();
    QList<int> columns;
    for (int col = 0; col < model.columns().size(); ++col) {
        const QString key = model.columns().at(col).key;
        if (key == m_bandLow || key == m_bandHigh || key == m_flagKey)
            continue;
        if (m_keys.isEmpty() || m_keys.contains(key))
            columns << col;
    }
    // Downsample: groups of `step` rows become one point.
    const int step = qMax(1, (rows + m_maxPoints - 1) / m_maxPoints);
    const auto groupValue = [&](int col, int start, bool highest) {
        double sum = 0, top = -1;
        int n = 0;
        for (int r = start; r < qMin(rows, start + step); ++r) {
            const double v = model.valueAt(r, col);
            if (std::isnan(v))
                continue;
            sum += v;
            top = qMax(top, v);
            ++n;
        }
        if (n == 0)
            return std::nan("");
        return highest ? top : sum / n;
    };
    QList<qint64> xs;
    for (int r = 0; r < rows; r += step)
        xs << model.periodAt(r).toMSecsSinceEpoch();

    // Values, per drawn column, and the top for the axis.
    const bool stacked = m_style == Style::StackedArea;
    QHash<int, QList<double>> values;
    double top = 0;
    QList<double> running(xs.size(), 0.0);
    for (int col : std::as_const(columns)) {
        QList<double> v;
        for (int i = 0; i < xs.size(); ++i) {
            const double value = groupValue(col, i * step, !stacked);
            v << value;
            if (stacked && !std::isnan(value))
                running[i] += value;
            top = qMax(top, stacked ? running.at(i) : (std::isnan(value) ? 0 : value));
        }
        values.insert(col, v);
    }
    const int highCol = model.columnOf(m_bandHigh), lowCol = model.columnOf(m_bandLow);
    if (highCol >= 0)
        for (int i = 0; i < xs.size(); ++i)
            top = qMax(top,
                std::isnan(groupValue(highCol, i * step, true)) ? 0.0 : groupValue(highCol, i * step, true));

    const bool bytes
        = !columns.isEmpty() && model.columns().at(columns.first()).unit == SeriesModel::Unit::Bytes;
    if (bytes) {
        const auto [scale, name] = byteUnit(top);
        m_scale = scale;
        m_unitName = name;
    } else {
        m_scale = 1;
        m_unitName = QString();
    }

    auto *xAxis = new QDateTimeAxis;
    xAxis->setFormat(axisFormat(model.granularity()));
    if (xs.size() == 1) {
        xAxis->setTickCount(2);
        xAxis->setRange(QDateTime::fromMSecsSinceEpoch(xs.first() - 43200000),
            QDateTime::fromMSecsSinceEpoch(xs.first() + 43200000));
    } else {
        // Ticks a whole number of hours, days or weeks apart (the axis may run a little past the last point).
        const TimeTicks ticks = timeTicks(xs.first(), xs.last(), model.granularity());
        xAxis->setTickCount(ticks.count);
        xAxis->setRange(
            QDateTime::fromMSecsSinceEpoch(xs.first()), QDateTime::fromMSecsSinceEpoch(ticks.axisEnd));
    }
    auto *yAxis = new QValueAxis;
    yAxis->setLabelFormat(bytes ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    yAxis->setTitleText(bytes ? m_unitName : QString());
    yAxis->setMin(0);
    yAxis->setMax(top <= 0 ? 1 : top / m_scale * 1.08);
    yAxis->applyNiceNumbers();
    if (!bytes && yAxis->max() <= 5) {
        // Counts are whole: small ranges tick at each integer, or labels repeat ("0 0 0 1 1 1").
        const int max = qMax(1, int(std::ceil(yAxis->max())));
        yAxis->setRange(0, max);
        yAxis->setTickCount(max + 1);
    }
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);
    const auto attach = [&](QAbstractSeries *series) {
        c->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    };

    // The baseline band first, beneath the data.
    if (highCol >= 0 && lowCol >= 0) {
        auto *upper = new QLineSeries;
        auto *lower = new QLineSeries;
        for (int i = 0; i < xs.size(); ++i) {
            const double hi = groupValue(highCol, i * step, true), lo = groupValue(lowCol, i * step, false);
            upper->append(double(xs.at(i)), std::isnan(hi) ? 0 : hi / m_scale);
            lower->append(double(xs.at(i)), std::isnan(lo) ? 0 : lo / m_scale);
        }
        auto *band = new QAreaSeries(upper, lower);
        upper->setParent(band);
        lower->setParent(band);
        // From the account's median to the level that raises an alert: the band a day stays in unnoticed.
        band->setName(tr("Median to alert level"));
        QColor fill = palette().color(QPalette::Mid);
        fill.setAlpha(70);
        band->setBrush(fill);
        band->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
        attach(band);
        m_seriesByKey.insert(m_bandHigh, band);
        connect(band, &QAreaSeries::hovered, this, &TimeSeriesChart::showTooltip);
    }

    QLineSeries *previousUpper = nullptr;
    QList<double> base(xs.size(), 0.0);
    for (int col : std::as_const(columns)) {
        const SeriesModel::Column &meta = model.columns().at(col);
        const QColor colour = ChartPalette::forKey(meta.key);
        const QList<double> &v = values.value(col);
        if (stacked) {
            auto *upper = new QLineSeries;
            QLineSeries *lower = nullptr;
            if (previousUpper) {
                lower = new QLineSeries;
                for (int i = 0; i < xs.size(); ++i)
                    lower->append(double(xs.at(i)), base.at(i) / m_scale);
            }
            for (int i = 0; i < xs.size(); ++i) {
                base[i] += std::isnan(v.at(i)) ? 0 : v.at(i);
                upper->append(double(xs.at(i)), base.at(i) / m_scale);
            }
            auto *area = new QAreaSeries(upper, lower);
            upper->setParent(area);
            if (lower)
                lower->setParent(area);
            area->setName(meta.title);
            area->setColor(colour);
            area->setBorderColor(colour.darker(115));
            attach(area);
            connect(area, &QAreaSeries::hovered, this, &TimeSeriesChart::showTooltip);
            m_seriesByKey.insert(meta.key, area);
            previousUpper = upper;
        } else {
            auto *line = new QLineSeries;
            line->setName(meta.title);
            QPen pen(colour, 2);
            line->setPen(pen);
            for (int i = 0; i < xs.size(); ++i)
                if (!std::isnan(v.at(i)))
                    line->append(double(xs.at(i)), v.at(i) / m_scale);
            attach(line);
            connect(line, &QLineSeries::hovered, this, &TimeSeriesChart::showTooltip);
            m_seriesByKey.insert(meta.key, line);
        }
    }

    // Spike markers: where the server judged the period a spike.
    const int markerCol = model.columnOf(m_markerKey), flagCol = model.columnOf(m_flagKey);
    if (markerCol >= 0 && flagCol >= 0) {
        auto *markers = new QScatterSeries;
        markers->setName(tr("Spike"));
        markers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        markers->setMarkerSize(11);
        markers->setColor(ChartPalette::forKey(QStringLiteral("spike")));
        markers->setBorderColor(palette().color(QPalette::Text));
        for (int i = 0; i < xs.size(); ++i) {
            // A group holding a spike is marked at its highest value.
            for (int r = i * step; r < qMin(rows, (i + 1) * step); ++r) {
                if (model.valueAt(r, flagCol) > 0) {
                    markers->append(double(xs.at(i)), groupValue(markerCol, i * step, true) / m_scale);
                    break;
                }
            }
        }
        attach(markers);
        m_markers = markers;
        m_seriesByKey.insert(QStringLiteral("__markers"), markers);
    }

    // Legend entries hide and show their series.
    for (QLegendMarker *marker : c->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [marker, this] {
            QAbstractSeries *series = marker->series();
            series->setVisible(!series->isVisible());
            marker->setVisible(true);
            QBrush label = marker->labelBrush();
            QColor colour = palette().color(QPalette::Text);
            colour.setAlphaF(series->isVisible() ? 1.0 : 0.4);
            label.setColor(colour);
            marker->setLabelBrush(label);
        });
    }
}

int TimeSeriesChart::nearestRow(qint64 msecs) const
{
    if (!m_model || m_model->isEmpty())
        return -1;
    int best = 0;
    qint64 distance = std::numeric_limits<qint64>::max();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const qint64 d = qAbs(m_model->periodAt(r).toMSecsSinceEpoch() - msecs);
        if (d < distance) {
            distance = d;
            best = r;
        }
    }
    return best;
}

QString TimeSeriesChart::describePeriodAt(qint64 msecsSinceEpoch) const
{
    const int row = nearestRow(msecsSinceEpoch);
    if (row < 0)
        return QString();
    const SeriesModel &model = *m_model;
    QStringList lines {
        QStringLiteral("<b>%1</b>").arg(model.periodText(model.periodAt(row)).toHtmlEscaped())};
    for (int col = 0; col < model.columns().size(); ++col) {
        const SeriesModel::Column &meta = model.columns().at(col);
        if (meta.key == m_flagKey
            || (!m_keys.isEmpty() && !m_keys.contains(meta.key) && meta.key != m_bandLow
                && meta.key != m_bandHigh))
            continue;
        const double v = model.valueAt(row, col);
        const QString text = std::isnan(v) ? QStringLiteral("—")
            : meta.unit == SeriesModel::Unit::Bytes
            ? QStringLiteral("%1 (%2 bytes)").arg(format::bytes(qint64(v)), QLocale().toString(qint64(v)))
            : QLocale().toString(v, 'f', v == std::floor(v) ? 0 : 1);
        lines << QStringLiteral("%1: %2").arg(meta.title.toHtmlEscaped(), text);
    }
    return lines.join(QStringLiteral("<br>"));
}

void TimeSeriesChart::showTooltip(const QPointF &value, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), describePeriodAt(qint64(value.x())), this);
}

QList<QPointF> TimeSeriesChart::drawnPoints(const QString &key) const
{
    QAbstractSeries *series = m_seriesByKey.value(key);
    if (auto *line = qobject_cast<QXYSeries *>(series))
        return line->points();
    if (auto *area = qobject_cast<QAreaSeries *>(series)) {
        // The stacked value of a column is its upper edge minus the lower one.
        QList<QPointF> upper = area->upperSeries()->points();
        if (area->lowerSeries()) {
            const QList<QPointF> lower = area->lowerSeries()->points();
            for (int i = 0; i < upper.size() && i < lower.size(); ++i)
                upper[i].setY(upper.at(i).y() - lower.at(i).y());
        }
        return upper;
    }
    return {};
}

int TimeSeriesChart::markerCount() const
{
    return m_markers ? int(static_cast<QScatterSeries *>(m_markers)->count()) : 0;
}

bool TimeSeriesChart::showsEmptyState() const
{
    return !m_empty->isHidden();
}

void TimeSeriesChart::resetZoom()
{
    chart()->zoomReset();
}

void TimeSeriesChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetZoom();
    event->accept();
}

void TimeSeriesChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TimeSeriesChart::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Home) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::keyPressEvent(event);
}

} // namespace mailadmin::charts
