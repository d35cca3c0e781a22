#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace mailadmin::charts::exporting {

// A chart saved as a picture that still says what it shows once it leaves the window: the title, then
// lines such as the scope and the date range, drawn above the chart itself.
struct Caption
{
    QString title;
    QStringList lines;
};

// Height in pixels of the band the caption takes above `chart`.
int captionHeight(const QWidget *chart, const Caption &caption);
bool savePng(QWidget *chart, const QString &fileName, const Caption &caption);
bool saveSvg(QWidget *chart, const QString &fileName, const Caption &caption);

} // namespace mailadmin::charts::exporting
