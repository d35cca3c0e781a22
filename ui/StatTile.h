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

private:
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace mailadmin::ui
