#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

// Clusters: named groups of mail stores; each domain lives on one.
class ClusterRepository : public Repository
{
public:
    explicit ClusterRepository(Database &db);

    // Only the clusters holding one of the company's domains when `companyId` > 0.
    Result<Page> list(qint64 companyId, const ListQuery &query) const;
    Result<qint64> nameOwner(const QString &name) const;
    // Stores and domains still on the cluster (a cluster in use cannot be deleted).
    Result<qint64> usage(qint64 id) const;
    Status remove(qint64 id) const;
    // Where a new domain of the company goes: the cluster its other domains are on, else the cluster with
    // the fewest mailboxes.
    Result<qint64> defaultFor(qint64 companyId) const;
    bool holdsCompany(qint64 clusterId, qint64 companyId) const;

    static const Table &spec();
};

} // namespace mailadmin::store
