#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;

namespace mailadmin::ui {

// A size in bytes entered as a number and a unit (MB, GB, TB).
class ByteSizeEdit : public QWidget
{
    Q_OBJECT
public:
    explicit ByteSizeEdit(QWidget *parent = nullptr);

    qint64 value() const;
    void setValue(qint64 bytes);
    void setReadOnly(bool readOnly);

signals:
    void valueChanged(qint64 bytes);

private:
    QDoubleSpinBox *m_number;
    QComboBox *m_unit;
};

} // namespace mailadmin::ui
