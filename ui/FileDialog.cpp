#include "FileDialog.h"

#include <QFileDialog>
#include <QStandardPaths>

namespace mailadmin::ui {

namespace {
QString g_next;
bool g_hasNext = false;
} // namespace

void FileDialog::setNextFileName(const QString &fileName)
{
    g_next = fileName;
    g_hasNext = true;
}

QString FileDialog::take()
{
    g_hasNext = false;
    return std::exchange(g_next, QString());
}

QString FileDialog::saveFileName(
    QWidget *parent, const QString &title, const QString &suggested, const QString &filter)
{
    if (g_hasNext)
        return take();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileDialog::getSaveFileName(parent, title, folder + QLatin1Char('/') + suggested, filter);
}

QString FileDialog::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    if (g_hasNext)
        return take();
    return QFileDialog::getOpenFileName(
        parent, title, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), filter);
}

} // namespace mailadmin::ui
