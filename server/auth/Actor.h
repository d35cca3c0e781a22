#pragma once

#include "Role.h"

#include <QList>
#include <QString>

namespace mailadmin::auth {

// The signed-in admin a request acts for.
struct Actor
{
    qint64 adminId = 0;
    QString login;
    Role role = Role::Unknown;
    qint64 companyId = 0; // 0 for operators
    QList<qint64> domainIds; // domain_admin only
    QString remoteAddress;
    qint64 sessionId = 0; // the session the request came with; 0 outside a request

    bool can(const QString &action) const { return actions::allowed(role, action); }
    bool isOperator() const { return role == Role::Operator; }
};

} // namespace mailadmin::auth
