#include "ChartExport.h"

#include "Csv.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace mailadmin::charts::exporting {

bool savePng(QWidget *chart, const QString &fileName)
{
    return chart->grab().save(fileName, "PNG");
}

bool saveSvg(QWidget *chart, const QString &fileName, const QString &title)
{
    QSvgGenerator svg;
    svg.setFileName(fileName);
    svg.setSize(chart->size());
    svg.setViewBox(QRect(QPoint(0, 0), chart->size()));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("MailAdmin"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    chart->render(&painter);
    return painter.end();
}

QByteArray tableCsv(const QAbstractItemModel *model)
{
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << model->headerData(c, Qt::Horizontal).toString();
    QByteArray out = csv::record(header);
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row << csv::neutralizeFormula(model->index(r, c).data().toString());
        out += csv::record(row);
    }
    return out;
}

bool saveBytes(const QByteArray &data, const QString &fileName)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(data);
    return file.commit();
}

} // namespace mailadmin::charts::exporting
