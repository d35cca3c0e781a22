#include "PageTitle.h"

#include <QLabel>

namespace mailadmin::ui {

QLabel *makePageTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("titleLabel"));
    QFont big = label->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    label->setFont(big);
    return label;
}

} // namespace mailadmin::ui
