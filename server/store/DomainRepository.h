#pragma once

#include "store/Repository.h"
#include "store/Scope.h"

namespace mailadmin::store {

class DomainRepository : public Repository
{
public:
    explicit DomainRepository(Database &db);

    // Any domain with this (punycode) name, deleted or not.
    Result<Record> byName(const QString &name, bool computed = true) const;
    // deleted: list soft-deleted domains instead of live ones.
    Result<Page> list(const Scope &scope, const ListQuery &query, bool deleted) const;
    // The id of the live or deleted domain that has `name` as its name or as an alias domain, or 0.
    Result<qint64> nameOwner(const QString &name) const;
    // The company holding the domain (or alias domain) `name`; 0 when no company does.
    Result<qint64> companyOfName(const QString &name) const;
    Status setAliases(qint64 domainId, const QStringList &aliases) const;
    // Users that are not deleted, from the kept counter.
    Result<qint64> liveUserCount(qint64 domainId) const;
    // Inside a write transaction, holds the domain's row until it ends: user creates, deletes and restores
    // of one domain then check and move its user counter one at a time.
    Status lockForUpdate(qint64 domainId) const;
    Status adjustUserCount(qint64 domainId, int delta) const;
    // Sets every counter from the users table (after bulk loads).
    Status recountUsers() const;
    // The largest quota of a live user in the domain (a domain maximum cannot go below it).
    Result<qint64> largestUserQuota(qint64 domainId) const;
    // Live internationalized domains whose name as people write it (Unicode) starts with `prefix`
    // (lower case): what a search typed in Unicode means, as names are stored in punycode.
    Result<QList<qint64>> idsWithUnicodePrefix(const QString &prefix) const;
    // "t.<column> IN (…)" for those domains, or an empty string when there are none or `q` is ASCII.
    QString unicodeMatch(const QString &column, const QString &q, QVariantList &values) const;
    Result<QList<qint64>> purgeable(qint64 deletedBefore) const;
    Status purge(qint64 domainId) const;

    static const Table &spec();
};

} // namespace mailadmin::store
