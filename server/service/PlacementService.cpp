#include "service/PlacementService.h"

#include "store/ClusterRepository.h"
#include "store/DomainRepository.h"
#include "store/MailStoreRepository.h"
#include "store/UserRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
const QString kCluster = QStringLiteral("cluster");
const QString kStore = QStringLiteral("mail_store");

Error missingCluster(qint64 id)
{
    return Error::notFound(QStringLiteral("There is no cluster %1.").arg(id));
}
Error missingStore(qint64 id)
{
    return Error::notFound(QStringLiteral("There is no mail store %1.").arg(id));
}
} // namespace

Result<qint64> PlacementService::placeMailbox(store::Database &db, const Record &domain)
{
    const qint64 cluster = qint64(domain.data.value(QLatin1String("cluster_id")).toDouble());
    store::MailStoreRepository stores(db);
    const Result<qint64> store = stores.leastFilled(cluster);
    if (!store.ok())
        return store;
    if (store.value() == 0)
        return Error::conflict(
            QStringLiteral("The cluster of %1 has no mail store that takes new mailboxes; an "
                           "operator adds one or opens one for new mailboxes.")
                .arg(domain.data.value(QLatin1String("name")).toString()));
    if (Status s = stores.adjustCount(store.value(), 1); !s.ok())
        return s.error();
    return store;
}

Result<qint64> PlacementService::clusterForNewDomain(store::Database &db, qint64 companyId)
{
    return store::ClusterRepository(db).defaultFor(companyId);
}

Result<Page> PlacementService::listClusters(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("cluster.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("name")}, {}); !s.ok())
        return s.error();
    return store::ClusterRepository(db()).list(
        actor.isOperator() ? 0 : std::max<qint64>(actor.companyId, 1), query);
}

Result<Record> PlacementService::getCluster(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("cluster.read")); !s.ok())
        return s.error();
    store::ClusterRepository clusters(db());
    const Result<Record> cluster = clusters.byId(id);
    if (!cluster.ok())
        return cluster;
    if (cluster->isNull() || (!actor.isOperator() && !clusters.holdsCompany(id, actor.companyId)))
        return missingCluster(id);
    return cluster;
}

Result<Record> PlacementService::createCluster(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("cluster.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::cluster().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    const QJsonObject object
        = merged(QJsonObject {{QStringLiteral("description"), QString()}}, valid.value());
    return transaction<Record>([&]() -> Result<Record> {
        store::ClusterRepository clusters(db());
        const Result<qint64> owner = clusters.nameOwner(object.value(QLatin1String("name")).toString());
        if (!owner.ok())
            return owner.error();
        if (owner.value() != 0)
            return Error::conflict(QStringLiteral("A cluster named %1 already exists.")
                                       .arg(object.value(QLatin1String("name")).toString()));
        const Result<qint64> id = clusters.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        const Result<Record> created = clusters.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = audit(actor, kCluster, QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, writableFields(EntitySchema::cluster())), 0, 0);
            !s.ok())
            return s.error();
        return created;
    });
}

Result<Record> PlacementService::updateCluster(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("cluster.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::cluster().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::ClusterRepository clusters(db());
        const Result<Record> current = clusters.byId(id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return missingCluster(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const QJsonObject next = merged(current->data, valid.value());
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::cluster()));
        if (changes.isEmpty())
            return current;
        if (changes.contains(QLatin1String("name"))) {
            const Result<qint64> owner = clusters.nameOwner(next.value(QLatin1String("name")).toString());
            if (!owner.ok())
                return owner.error();
            if (owner.value() != 0 && owner.value() != id)
                return Error::conflict(QStringLiteral("A cluster named %1 already exists.")
                                           .arg(next.value(QLatin1String("name")).toString()));
        }
        const Result<bool> updated = clusters.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        if (Status s = audit(actor, kCluster, QString::number(id), QStringLiteral("update"), changes, 0, 0);
            !s.ok())
            return s.error();
        return clusters.byId(id);
    });
}

Status PlacementService::removeCluster(
    const Actor &actor, qint64 id, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("cluster.write")); !s.ok())
        return s;
    const Result<bool> done = transaction<bool>([&]() -> Result<bool> {
        store::ClusterRepository clusters(db());
        const Result<Record> current = clusters.byId(id);
        if (!current.ok())
            return current.error();
        if (current->isNull())
            return missingCluster(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const Result<qint64> usage = clusters.usage(id);
        if (!usage.ok())
            return usage.error();
        if (usage.value() > 0)
            return Error::conflict(
                QStringLiteral("The cluster still has mail stores or domains; move or delete "
                               "them first."));
        if (Status s = clusters.remove(id); !s.ok())
            return s.error();
        if (Status s = audit(actor, kCluster, QString::number(id), QStringLiteral("delete"),
                diff(current->data, {}, writableFields(EntitySchema::cluster())), 0, 0);
            !s.ok())
            return s.error();
        return true;
    });
    return done.ok() ? Status::success() : Status(done.error());
}

Result<Page> PlacementService::listStores(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("store.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("name"), QStringLiteral("mailbox_count")},
            {{QStringLiteral("cluster_id"), {}}});
        !s.ok())
        return s.error();
    return store::MailStoreRepository(db()).list(
        query.filters.value(QStringLiteral("cluster_id")).toLongLong(), query);
}

Result<Record> PlacementService::getStore(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("store.read")); !s.ok())
        return s.error();
    const Result<Record> store = store::MailStoreRepository(db()).byId(id);
    if (store.ok() && store->isNull())
        return missingStore(id);
    return store;
}

Result<Record> PlacementService::createStore(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("cluster.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::mailStore().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    const QJsonObject object = merged(
        QJsonObject {{QStringLiteral("host"), QString()}, {QStringLiteral("mail_location"), QString()},
            {QStringLiteral("services"), QJsonArray::fromStringList(incidents::services())},
            {QStringLiteral("accepting"), true}},
        valid.value());
    return transaction<Record>([&]() -> Result<Record> {
        store::MailStoreRepository stores(db());
        const qint64 clusterId = qint64(object.value(QLatin1String("cluster_id")).toDouble());
        const Result<Record> cluster = store::ClusterRepository(db()).byId(clusterId, false);
        if (!cluster.ok())
            return cluster.error();
        if (cluster->isNull())
            return Error::invalidField(QStringLiteral("cluster_id"), QStringLiteral("not_found"),
                QStringLiteral("There is no such cluster."));
        const Result<qint64> owner = stores.nameOwner(object.value(QLatin1String("name")).toString());
        if (!owner.ok())
            return owner.error();
        if (owner.value() != 0)
            return Error::conflict(QStringLiteral("A mail store named %1 already exists.")
                                       .arg(object.value(QLatin1String("name")).toString()));
        const Result<qint64> id = stores.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        const Result<Record> created = stores.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = audit(actor, kStore, QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, writableFields(EntitySchema::mailStore())), 0, 0);
            !s.ok())
            return s.error();
        return created;
    });
}

Result<Record> PlacementService::updateStore(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("cluster.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::mailStore().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::MailStoreRepository stores(db());
        const Result<Record> current = stores.byId(id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return missingStore(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const QJsonObject next = merged(current->data, valid.value());
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::mailStore()));
        if (changes.isEmpty())
            return current;
        if (changes.contains(QLatin1String("name"))) {
            const Result<qint64> owner = stores.nameOwner(next.value(QLatin1String("name")).toString());
            if (!owner.ok())
                return owner.error();
            if (owner.value() != 0 && owner.value() != id)
                return Error::conflict(QStringLiteral("A mail store named %1 already exists.")
                                           .arg(next.value(QLatin1String("name")).toString()));
        }
        const Result<bool> updated = stores.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        if (Status s = audit(actor, kStore, QString::number(id), QStringLiteral("update"), changes, 0, 0);
            !s.ok())
            return s.error();
        return stores.byId(id);
    });
}

Status PlacementService::removeStore(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("cluster.write")); !s.ok())
        return s;
    const Result<bool> done = transaction<bool>([&]() -> Result<bool> {
        store::MailStoreRepository stores(db());
        const Result<Record> current = stores.byId(id);
        if (!current.ok())
            return current.error();
        if (current->isNull())
            return missingStore(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (current->data.value(QLatin1String("mailbox_count")).toDouble() > 0)
            return Error::conflict(QStringLiteral("Mailboxes are still on this store; move them first."));
        if (Status s = stores.remove(id); !s.ok())
            return s.error();
        if (Status s = audit(actor, kStore, QString::number(id), QStringLiteral("delete"),
                diff(current->data, {}, writableFields(EntitySchema::mailStore())), 0, 0);
            !s.ok())
            return s.error();
        return true;
    });
    return done.ok() ? Status::success() : Status(done.error());
}

Result<Record> PlacementService::moveUser(const Actor &actor, const QString &address,
    const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("user.move")); !s.ok())
        return s.error();
    const Result<Record> visible = userInScope(actor, address);
    if (!visible.ok())
        return visible.error();
    QList<FieldError> errors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("store_id"))
            errors << FieldError {
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
    }
    const QJsonValue target = input.value(QLatin1String("store_id"));
    const double raw = target.toDouble();
    if (!input.contains(QLatin1String("store_id")))
        errors << FieldError {QStringLiteral("store_id"), QStringLiteral("required"),
            QStringLiteral("Name the store to move to.")};
    else if (!target.isDouble() || raw < 1 || raw > 9e15 || raw != double(qint64(raw)))
        errors << FieldError {
            QStringLiteral("store_id"), QStringLiteral("type"), QStringLiteral("Expected a store id.")};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const qint64 storeId = qint64(raw);
    return transaction<Record>([&]() -> Result<Record> {
        store::UserRepository users(db());
        store::MailStoreRepository stores(db());
        const Result<Record> current = users.byId(visible->id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (current->data.value(QLatin1String("type")).toString() != QLatin1String("mailbox"))
            return Error::invalidField(QStringLiteral("store_id"), QStringLiteral("not_a_mailbox"),
                QStringLiteral("Only mailboxes live on a mail store."));
        const Result<Record> domain = store::DomainRepository(db()).byId(current->domainId, false);
        if (!domain.ok())
            return domain.error();
        const Result<Record> store = stores.byId(storeId, false);
        if (!store.ok())
            return store.error();
        if (store->isNull()
            || store->data.value(QLatin1String("cluster_id"))
                != domain->data.value(QLatin1String("cluster_id")))
            return Error::invalidField(QStringLiteral("store_id"), QStringLiteral("not_in_cluster"),
                QStringLiteral("Use a store of the domain's cluster."));
        const qint64 from = qint64(current->data.value(QLatin1String("store_id")).toDouble());
        if (from == storeId)
            return current;
        if (from > 0) {
            if (Status s = stores.adjustCount(from, -1); !s.ok())
                return s.error();
        }
        if (Status s = stores.adjustCount(storeId, 1); !s.ok())
            return s.error();
        QJsonObject next = current->data;
        next.insert(QStringLiteral("store_id"), double(storeId));
        const Result<bool> updated = users.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        if (!updated.value())
            return Error::make(
                ErrorKind::PreconditionFailed, QStringLiteral("The user changed meanwhile; try again."));
        const Result<Record> moved = users.byId(current->id);
        if (!moved.ok())
            return moved;
        const QJsonObject changes {{QStringLiteral("store"),
            QJsonObject {{QStringLiteral("before"), current->data.value(QLatin1String("store"))},
                {QStringLiteral("after"), moved->data.value(QLatin1String("store"))}}}};
        if (Status s
            = audit(actor, QStringLiteral("user"), current->data.value(QLatin1String("address")).toString(),
                QStringLiteral("move"), changes, domain->companyId, domain->id);
            !s.ok())
            return s.error();
        return moved;
    });
}

} // namespace mailadmin::service
