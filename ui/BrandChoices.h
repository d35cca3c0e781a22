#pragma once

#include <QString>

class QComboBox;

namespace mailadmin::ui {

class AppContext;

// Fills a brand picker ("No brand" first) with the brands the admin may see, keeping the current choice.
void loadBrandChoices(AppContext *context, QComboBox *box, qint64 companyId);

} // namespace mailadmin::ui
