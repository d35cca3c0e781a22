#include "StatTile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mailadmin::ui {

StatTile::StatTile(const QString &caption, QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(150);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(caption, this);
    QPalette muted = title->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    title->setPalette(muted);
    m_value = new QLabel(QStringLiteral("…"), this);
    m_value->setObjectName(QStringLiteral("valueLabel"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_value->setFont(big);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("detailLabel"));
    m_detail->setPalette(muted);
    m_detail->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
}

void StatTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
}

QString StatTile::value() const
{
    return m_value->text();
}

} // namespace mailadmin::ui
