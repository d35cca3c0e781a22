#include "StatTile.h"

#include <QLabel>
#include <QRegularExpression>
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

QString StatTile::unbroken(const QString &text)
{
    // A number keeps its unit or percent sign on its line: "29.5 %", "1.5 GB", "640 Ko".
    static const QRegularExpression unit(QStringLiteral("(\\d) (?=%|[KMGTkmgt]?[Bo]\\b)"));
    QString out = text;
    out.replace(unit, QStringLiteral("\\1\u202F"));
    return out;
}

QString StatTile::subject(const QString &name)
{
    // A company or domain name reads as one piece: it goes to the next line whole, and a very long one is
    // shortened in the middle (the tooltip has it in full).
    constexpr qsizetype longest = 32;
    QString out = name;
    if (out.size() > longest)
        out = out.left(longest / 2 - 1) + QChar(0x2026) + out.right(longest / 2 - 1);
    out.replace(QLatin1Char(' '), QChar(0x00A0));
    return out;
}

void StatTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(unbroken(detail));
    m_detail->setToolTip(detail);
}

QString StatTile::detail() const
{
    return m_detail->text();
}

QString StatTile::value() const
{
    return m_value->text();
}

} // namespace mailadmin::ui
