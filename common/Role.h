#pragma once

#include <QString>
#include <QStringList>

namespace mailadmin {

enum class Role
{
    Operator,
    CompanyAdmin,
    CompanyReadonly,
    Support,
    DomainAdmin,
    Collector,
    Unknown
};

namespace roles {
QString name(Role role);
Role fromName(const QString &name);
const QStringList &names();
// Roles that are bound to exactly one company: every role but the operator's, collectors included (a log
// shipper's token must never write outside the company it serves).
bool isCompanyScoped(Role role);
} // namespace roles

// The actions a role may take, by name ("user.update"); the server enforces them and sends them in /me so
// the client can show only what is allowed.
namespace actions {
const QStringList &all();
QStringList forRole(Role role);
bool allowed(Role role, const QString &action);
} // namespace actions

} // namespace mailadmin
