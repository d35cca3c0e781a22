#include "AccessCalls.h"

namespace mailadmin::api::access {

QString adminsPath()
{
    return QStringLiteral("/admins");
}

QString adminPath(qint64 id)
{
    return adminsPath() + QStringLiteral("/%1").arg(id);
}

QString adminPasswordPath(qint64 id)
{
    return adminPath(id) + QStringLiteral("/password");
}

QString auditPath()
{
    return QStringLiteral("/audit");
}

} // namespace mailadmin::api::access
