#include "AppContext.h"

#include "Session.h"

namespace mailadmin::ui {

bool AppContext::can(const QString &action) const
{
    return m_session->can(action);
}

} // namespace mailadmin::ui
