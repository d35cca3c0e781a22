#pragma once

#include <QString>

class QWidget;

namespace mailadmin::ui {

// File choosers that tests can answer with setNextFileName() instead of a modal dialog.
class FileDialog
{
public:
    static QString saveFileName(
        QWidget *parent, const QString &title, const QString &suggested, const QString &filter);
    static QString openFileName(QWidget *parent, const QString &title, const QString &filter);
    static void setNextFileName(const QString &fileName);

private:
    static QString take();
};

} // namespace mailadmin::ui
