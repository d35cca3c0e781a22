#include "ByteSizeEdit.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>

namespace mailadmin::ui {

namespace {
constexpr qint64 kMiB = 1024 * 1024;
}

ByteSizeEdit::ByteSizeEdit(QWidget *parent)
    : QWidget(parent), m_number(new QDoubleSpinBox(this)), m_unit(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_number->setObjectName(QStringLiteral("numberSpinBox"));
    m_number->setDecimals(1);
    m_number->setRange(0, 1048576);
    m_number->setAccelerated(true);
    m_unit->setObjectName(QStringLiteral("unitComboBox"));
    m_unit->addItem(tr("MB"), kMiB);
    m_unit->addItem(tr("GB"), 1024 * kMiB);
    m_unit->addItem(tr("TB"), 1024 * 1024 * kMiB);
    layout->addWidget(m_number, 1);
    layout->addWidget(m_unit);
    setFocusProxy(m_number);
    connect(m_number, &QDoubleSpinBox::valueChanged, this, [this] { emit valueChanged(value()); });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] { emit valueChanged(value()); });
}

qint64 ByteSizeEdit::value() const
{
    return qint64(m_number->value() * double(m_unit->currentData().toLongLong()) + 0.5);
}

void ByteSizeEdit::setValue(qint64 bytes)
{
    const QSignalBlocker a(m_number), b(m_unit);
    int unit = 0;
    for (int i = m_unit->count() - 1; i >= 0; --i) {
        const qint64 size = m_unit->itemData(i).toLongLong();
        // The largest unit that shows the value exactly with one decimal.
        if (bytes >= size && (bytes * 10) % size == 0) {
            unit = i;
            break;
        }
    }
    m_unit->setCurrentIndex(unit);
    m_number->setValue(double(bytes) / double(m_unit->itemData(unit).toLongLong()));
    emit valueChanged(value());
}

void ByteSizeEdit::setReadOnly(bool readOnly)
{
    m_number->setReadOnly(readOnly);
    m_unit->setEnabled(!readOnly);
}

} // namespace mailadmin::ui
