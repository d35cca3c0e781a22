#include "ServicesEdit.h"

#include "Format.h"
#include "Schema.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>

namespace mailadmin::ui {

ServicesEdit::ServicesEdit(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    for (const QString &protocol : services::protocols()) {
        auto *label = new QLabel(format::protocol(protocol), this);
        auto *box = new QComboBox(this);
        box->setObjectName(protocol + QStringLiteral("ComboBox"));
        for (const QString &state : services::states())
            box->addItem(format::serviceState(state), state);
        label->setBuddy(box);
        grid->addWidget(label, 0, column);
        grid->addWidget(box, 1, column);
        ++column;
        m_boxes << box;
        connect(box, &QComboBox::currentIndexChanged, this, &ServicesEdit::changed);
    }
}

QJsonObject ServicesEdit::value() const
{
    QJsonObject o;
    for (int i = 0; i < m_boxes.size(); ++i)
        o.insert(services::protocols().at(i), m_boxes.at(i)->currentData().toString());
    return o;
}

void ServicesEdit::setValue(const QJsonObject &value)
{
    for (int i = 0; i < m_boxes.size(); ++i) {
        const QSignalBlocker block(m_boxes.at(i));
        const int index = m_boxes.at(i)->findData(
            value.value(services::protocols().at(i)).toString(QStringLiteral("enabled")));
        m_boxes.at(i)->setCurrentIndex(qMax(0, index));
    }
}

void ServicesEdit::setReadOnly(bool readOnly)
{
    for (QComboBox *box : std::as_const(m_boxes))
        box->setEnabled(!readOnly);
}

} // namespace mailadmin::ui
