#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;
class QWidget;

namespace mailadmin::charts {

// Saving what a chart panel shows: the picture as PNG or SVG, the numbers as RFC 4180 CSV.
namespace exporting {

bool savePng(QWidget *chart, const QString &fileName);
bool saveSvg(QWidget *chart, const QString &fileName, const QString &title);
// The table as displayed (header, then every row's display text).
QByteArray tableCsv(const QAbstractItemModel *model);
bool saveBytes(const QByteArray &data, const QString &fileName);

} // namespace exporting

} // namespace mailadmin::charts
