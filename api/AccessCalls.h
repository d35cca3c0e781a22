#pragma once

#include <QString>

namespace mailadmin::api {

// Where administrators and the audit log live: the admin dialogs and the audit lists load and save through
// these paths.
namespace access {

QString adminsPath();
QString adminPath(qint64 id);
QString adminPasswordPath(qint64 id);
QString auditPath();

} // namespace access

} // namespace mailadmin::api
