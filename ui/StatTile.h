#pragma once

#include <QFrame>

class QLabel;

namespace mailadmin::ui {

// A figure with its caption, for the dashboard's first row.
class StatTile : public QFrame
{
    Q_OBJECT
public:
    StatTile(const QString &caption, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &detail = QString());
    QString value() const;
    QString detail() const;
    // The text with a no-break space between each number and its unit or percent sign.
    static QString unbroken(const QString &text);
    // A name that is not split across lines, shortened in the middle when it is too long for a tile.
    static QString subject(const QString &name);

private:
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace mailadmin::ui
