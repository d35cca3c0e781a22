#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace mailadmin::ui {

// The large bold heading every page starts with, named "titleLabel" so tests find it.
QLabel *makePageTitle(const QString &text, QWidget *parent);

} // namespace mailadmin::ui
