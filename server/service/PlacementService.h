#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Where mail lives: the operator's clusters and mail stores, which store a mailbox is on, and moves between
// stores. Company roles see the clusters their domains are on, read-only.
class PlacementService : public ServiceBase
{
public:
    explicit PlacementService(Context context) : ServiceBase(context) { }

    Result<Page> listClusters(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> getCluster(const Actor &actor, qint64 id) const;
    Result<Record> createCluster(const Actor &actor, const QJsonObject &input) const;
    Result<Record> updateCluster(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;
    Status removeCluster(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const;

    Result<Page> listStores(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> getStore(const Actor &actor, qint64 id) const;
    Result<Record> createStore(const Actor &actor, const QJsonObject &input) const;
    Result<Record> updateStore(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;
    Status removeStore(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const;

    // Moves a mailbox to another store of its domain's cluster ({"store_id": N}).
    Result<Record> moveUser(const Actor &actor, const QString &address, const QJsonObject &input,
        std::optional<int> expectedVersion) const;

    // For the user and domain services, inside their transaction: the store a new mailbox of the domain goes
    // on (the least filled accepting store of the domain's cluster), counted as placed there.
    static Result<qint64> placeMailbox(store::Database &db, const Record &domain);
    // The cluster a new domain of the company goes on when none is named.
    static Result<qint64> clusterForNewDomain(store::Database &db, qint64 companyId);
};

} // namespace mailadmin::service
