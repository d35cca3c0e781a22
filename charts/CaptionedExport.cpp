#include "CaptionedExport.h"

#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>
#include <QWidget>

namespace mailadmin::charts::exporting {

namespace {

constexpr int kMargin = 8;

QFont titleFont(const QWidget *chart)
{
    QFont f = chart->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    return f;
}

// Paints the caption band and then the chart below it, on a background the size of both.
void paint(QPainter &painter, QWidget *chart, const Caption &caption)
{
    const int width = chart->width();
    const int band = captionHeight(chart, caption);
    painter.fillRect(QRect(0, 0, width, band + chart->height()), chart->palette().color(QPalette::Window));
    painter.setPen(chart->palette().color(QPalette::WindowText));
    int y = kMargin;
    const QFont title = titleFont(chart);
    painter.setFont(title);
    const QFontMetrics tm(title);
    painter.drawText(QRect(kMargin, y, width - 2 * kMargin, tm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        tm.elidedText(caption.title, Qt::ElideRight, width - 2 * kMargin));
    y += tm.height();
    painter.setFont(chart->font());
    const QFontMetrics lm(chart->font());
    for (const QString &line : caption.lines) {
        painter.drawText(QRect(kMargin, y, width - 2 * kMargin, lm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            lm.elidedText(line, Qt::ElideRight, width - 2 * kMargin));
        y += lm.height();
    }
    painter.translate(0, band);
    chart->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

} // namespace

int captionHeight(const QWidget *chart, const Caption &caption)
{
    return kMargin + QFontMetrics(titleFont(chart)).height()
        + int(caption.lines.size()) * QFontMetrics(chart->font()).height() + kMargin;
}

bool savePng(QWidget *chart, const QString &fileName, const Caption &caption)
{
    const qreal ratio = chart->devicePixelRatioF();
    const QSize size(chart->width(), chart->height() + captionHeight(chart, caption));
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        paint(painter, chart, caption);
    }
    return image.save(fileName, "PNG");
}

bool saveSvg(QWidget *chart, const QString &fileName, const Caption &caption)
{
    const QSize size(chart->width(), chart->height() + captionHeight(chart, caption));
    QSvgGenerator svg;
    svg.setFileName(fileName);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(caption.title);
    svg.setDescription(caption.lines.join(QStringLiteral("; ")));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    paint(painter, chart, caption);
    return painter.end();
}

} // namespace mailadmin::charts::exporting
