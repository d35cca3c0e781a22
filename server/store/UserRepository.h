#pragma once

#include "store/Repository.h"
#include "store/Scope.h"

namespace mailadmin::store {

class UserRepository : public Repository
{
public:
    explicit UserRepository(Database &db);

    // The user with this address, deleted or not, with `company_id` and `domain_deleted` filled in.
    Result<Record> byAddress(const QString &address) const;
    // A page of users in one domain (domainId > 0) or across a scope.
    Result<Page> list(qint64 domainId, const Scope &scope, const ListQuery &query) const;
    // The id of the user that has `address` as its address or as an alias, or 0.
    Result<qint64> addressOwner(const QString &address) const;
    Status setAliases(qint64 userId, qint64 companyId, const QStringList &aliases) const;
    Status setPasswordHash(qint64 userId, const QString &hash) const;
    // Users matching `where` (conditions on table alias t), written as JSON rows, for stats lists.
    Result<Page> listWhere(const Where &where, const QString &orderBy, int offset, int limit) const;
    // Removes users deleted before `before` for good; returns how many.
    Result<int> purgeDeletedBefore(qint64 before) const;

    static const Table &spec();
    static const QStringList &sortKeys();
};

} // namespace mailadmin::store
