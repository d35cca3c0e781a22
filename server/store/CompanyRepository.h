#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

class CompanyRepository : public Repository
{
public:
    explicit CompanyRepository(Database &db);

    // `onlyCompany` > 0 limits the list to that company (for company-scoped admins); `deleted` lists the
    // soft-deleted companies instead of the live ones.
    Result<Page> list(const ListQuery &query, qint64 onlyCompany, bool deleted = false) const;
    Result<bool> nameTaken(const QString &name, qint64 exceptId) const;
    // Users that count against the company's limit: not deleted, in domains that are not deleted.
    Result<qint64> userCount(qint64 companyId) const;
    Result<qint64> aliasCount(qint64 companyId, qint64 exceptUserId) const;
    // The largest quota maximum among the company's domains (a company maximum cannot go below it).
    Result<qint64> largestDomainMaximum(qint64 companyId) const;

    // The operator's overview, one row per live company with its figures, in one query: mailboxes, mailboxes
    // that logged in since `activeSince`, storage used and the sum of the mailboxes' quotas, open alerts and
    // open incidents affecting it. Sort keys: name, mailboxes, active_users, used_bytes, open_alerts,
    // open_incidents, status.
    Result<Page> overview(const ListQuery &query, qint64 activeSince) const;
    static const QStringList &overviewSortKeys();

    static const Table &spec();
};

} // namespace mailadmin::store
