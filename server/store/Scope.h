#pragma once

#include <QList>

namespace mailadmin::store {

// Which part of the directory a list may show: everything, one company, or a set of domains.
struct Scope
{
    qint64 companyId = 0; // 0: any company
    bool domainsOnly = false; // true: only the domains in domainIds
    QList<qint64> domainIds;
};

} // namespace mailadmin::store
