#include "service/DomainService.h"

#include "service/PlacementService.h"
#include "store/ClusterRepository.h"
#include "store/MailStoreRepository.h"

#include "Json.h"
#include "Validation.h"
#include "service/CompanyService.h"
#include "store/CompanyRepository.h"
#include "store/DomainRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("domain");

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

void addDisplayName(Record &record)
{
    record.data.insert(QStringLiteral("display_name"),
        validation::domainForDisplay(record.data.value(QLatin1String("name")).toString()));
}

Result<Page> withDisplayNames(Result<Page> page)
{
    if (page.ok()) {
        for (Record &r : page.value().items)
            addDisplayName(r);
    }
    return page;
}

Result<Record> withDisplayName(Result<Record> record)
{
    if (record.ok() && !record->isNull())
        addDisplayName(record.value());
    return record;
}
} // namespace

Result<Page> DomainService::list(const Actor &actor, const store::ListQuery &query, bool deleted) const
{
    if (Status s = require(actor, QStringLiteral("domain.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query,
            {QStringLiteral("name"), QStringLiteral("created_at"), QStringLiteral("user_count"),
                QStringLiteral("deleted_at")},
            {{QStringLiteral("company_id"), {}},
                {QStringLiteral("disabled"), {QStringLiteral("true"), QStringLiteral("false")}}});
        !s.ok())
        return s.error();
    return withDisplayNames(store::DomainRepository(db()).list(scopeOf(actor), query, deleted));
}

Result<Page> DomainService::listForCompany(
    const Actor &actor, qint64 companyId, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("domain.read")); !s.ok())
        return s.error();
    if (!actor.isOperator() && actor.companyId != companyId)
        return Error::notFound(QStringLiteral("There is no company %1.").arg(companyId));
    store::ListQuery scoped = query;
    scoped.filters.insert(QStringLiteral("company_id"), QString::number(companyId));
    if (actor.isOperator()) {
        const Result<Record> company = companyInScope(actor, companyId);
        if (!company.ok())
            return company.error();
    }
    return list(actor, scoped, false);
}

Result<Record> DomainService::get(const Actor &actor, const QString &name) const
{
    if (Status s = require(actor, QStringLiteral("domain.read")); !s.ok())
        return s.error();
    return withDisplayName(domainInScope(actor, name, false, true));
}

Result<QList<FieldError>> DomainService::checkNames(const QJsonObject &next, qint64 selfId) const
{
    store::DomainRepository domains(db());
    QList<FieldError> errors;
    const QString name = next.value(QLatin1String("name")).toString();
    const QStringList aliases = strings(next.value(QLatin1String("aliases")));
    for (qsizetype i = 0; i < aliases.size(); ++i) {
        const QString field = QStringLiteral("aliases[%1]").arg(i);
        if (aliases.at(i) == name) {
            errors << FieldError {
                field, QStringLiteral("duplicate"), QStringLiteral("A domain cannot be an alias of itself.")};
            continue;
        }
        const Result<qint64> owner = domains.nameOwner(aliases.at(i));
        if (!owner.ok())
            return owner.error();
        if (owner.value() != 0 && owner.value() != selfId)
            errors << FieldError {field, QStringLiteral("taken"),
                QStringLiteral("%1 is already in use as a domain or alias domain.").arg(aliases.at(i))};
    }
    return errors;
}

Result<QList<FieldError>> DomainService::checkLimits(
    const Record &company, const QJsonObject &next, qint64 selfId, const QJsonObject &patch) const
{
    QList<FieldError> errors
        = checkLimitsOfQuota(next, QStringLiteral("default_quota"), QStringLiteral("quota_maximum"));
    const qint64 companyMaximum = qint64(company.data.value(QLatin1String("quota_maximum")).toDouble());
    const qint64 maximum = qint64(next.value(QLatin1String("quota_maximum")).toDouble());
    if (companyMaximum > 0 && (maximum > companyMaximum || maximum == 0))
        errors << FieldError {QStringLiteral("quota_maximum"), QStringLiteral("over_limit"),
            QStringLiteral("The company allows at most %1 per mailbox.")
                .arg(validation::sizeForPeople(companyMaximum))};
    if (auto e = CompanyService::checkBrand(db(), next, company.id))
        errors << *e;
    if (selfId > 0) {
        store::DomainRepository domains(db());
        if (patch.contains(QLatin1String("quota_maximum")) && maximum > 0) {
            const Result<qint64> largest = domains.largestUserQuota(selfId);
            if (!largest.ok())
                return largest.error();
            if (largest.value() > maximum)
                errors << FieldError {QStringLiteral("quota_maximum"), QStringLiteral("below_usage"),
                    QStringLiteral("A user of this domain has a quota of %1; lower that first.")
                        .arg(validation::sizeForPeople(largest.value()))};
        }
        const qint64 userLimit = qint64(next.value(QLatin1String("user_limit")).toDouble());
        if (patch.contains(QLatin1String("user_limit")) && userLimit > 0) {
            const Result<qint64> users = domains.liveUserCount(selfId);
            if (!users.ok())
                return users.error();
            if (users.value() > userLimit)
                errors << FieldError {QStringLiteral("user_limit"), QStringLiteral("below_usage"),
                    QStringLiteral("The domain already has %1 users.").arg(users.value())};
        }
    }
    return errors;
}

Result<Record> DomainService::create(const Actor &actor, qint64 companyId, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("domain.create")); !s.ok())
        return s.error();
    const Result<Record> company = companyInScope(actor, companyId);
    if (!company.ok())
        return company.error();
    const Result<QJsonObject> valid = EntitySchema::domain().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    QJsonObject object = merged(
        QJsonObject {
            {QStringLiteral("aliases"), QJsonArray()},
            {QStringLiteral("default_quota"), company->data.value(QLatin1String("default_quota"))},
            {QStringLiteral("quota_maximum"), company->data.value(QLatin1String("quota_maximum"))},
            {QStringLiteral("user_limit"), 0},
            {QStringLiteral("disabled"), false},
            {QStringLiteral("brand_id"), QJsonValue::Null},
            {QStringLiteral("notes"), QString()},
        },
        valid.value());
    object.insert(QStringLiteral("company_id"), double(companyId));
    if (object.value(QLatin1String("cluster_id")).toDouble() > 0 && !actor.isOperator())
        return Error::invalidField(QStringLiteral("cluster_id"), QStringLiteral("read_only"),
            QStringLiteral("Only an operator chooses the cluster of a domain."));
    return transaction<Record>([&]() -> Result<Record> {
        store::DomainRepository domains(db());
        if (object.value(QLatin1String("cluster_id")).toDouble() <= 0) {
            const Result<qint64> cluster = PlacementService::clusterForNewDomain(db(), companyId);
            if (!cluster.ok())
                return cluster.error();
            object.insert(QStringLiteral("cluster_id"), double(cluster.value()));
        } else {
            const Result<Record> cluster = store::ClusterRepository(db()).byId(
                qint64(object.value(QLatin1String("cluster_id")).toDouble()), false);
            if (!cluster.ok())
                return cluster.error();
            if (cluster->isNull())
                return Error::invalidField(QStringLiteral("cluster_id"), QStringLiteral("not_found"),
                    QStringLiteral("There is no such cluster."));
        }
        const QString name = object.value(QLatin1String("name")).toString();
        const Result<qint64> owner = domains.nameOwner(name);
        if (!owner.ok())
            return owner.error();
        if (owner.value() != 0)
            return Error::conflict(QStringLiteral(
                "The domain %1 already exists (perhaps deleted and restorable, or as an alias domain).")
                                       .arg(name));
        Result<QList<FieldError>> errors = checkNames(object, 0);
        if (!errors.ok())
            return errors.error();
        const Result<QList<FieldError>> limits = checkLimits(company.value(), object, 0, valid.value());
        if (!limits.ok())
            return limits.error();
        errors.value() += limits.value();
        if (!errors->isEmpty())
            return Error::invalid(errors.value());
        const Result<qint64> id = domains.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        if (Status s = domains.setAliases(id.value(), strings(object.value(QLatin1String("aliases"))));
            !s.ok())
            return s.error();
        const Result<Record> created = domains.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = audit(actor, kType, name, QStringLiteral("create"),
                diff({}, created->data, writableFields(EntitySchema::domain())), companyId, id.value());
            !s.ok())
            return s.error();
        return withDisplayName(created);
    });
}

Result<Record> DomainService::update(const Actor &actor, const QString &name, const QJsonObject &input,
    std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("domain.update")); !s.ok())
        return s.error();
    const Result<Record> visible = domainInScope(actor, name);
    if (!visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::domain().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    const qint64 id = visible->id;
    return transaction<Record>([&]() -> Result<Record> {
        store::DomainRepository domains(db());
        const Result<Record> current = domains.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const Result<Record> company = store::CompanyRepository(db()).byId(current->companyId, false);
        if (!company.ok())
            return company.error();
        const QJsonObject next = merged(current->data, valid.value());
        Result<QList<FieldError>> errors = checkNames(next, id);
        if (!errors.ok())
            return errors.error();
        const Result<QList<FieldError>> limits = checkLimits(company.value(), next, id, valid.value());
        if (!limits.ok())
            return limits.error();
        errors.value() += limits.value();
        if (!errors->isEmpty())
            return Error::invalid(errors.value());
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::domain()));
        if (changes.isEmpty())
            return withDisplayName(current);
        if (const Result<bool> updated = domains.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        if (changes.contains(QLatin1String("aliases"))) {
            if (Status s = domains.setAliases(id, strings(next.value(QLatin1String("aliases")))); !s.ok())
                return s.error();
        }
        if (Status s = audit(actor, kType, current->data.value(QLatin1String("name")).toString(),
                QStringLiteral("update"), changes, current->companyId, id);
            !s.ok())
            return s.error();
        return withDisplayName(domains.byId(id));
    });
}

Result<Record> DomainService::remove(
    const Actor &actor, const QString &name, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("domain.delete")); !s.ok())
        return s.error();
    const Result<Record> visible = domainInScope(actor, name);
    if (!visible.ok())
        return visible.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::DomainRepository domains(db());
        const Result<Record> current = domains.byId(visible->id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        QJsonObject next = current->data;
        const qint64 now = auth::Clock::now();
        next.insert(QStringLiteral("deleted_at"), json::isoTime(now));
        if (const Result<bool> updated = domains.update(current.value(), next, now); !updated.ok())
            return updated.error();
        if (Status s
            = audit(actor, kType, next.value(QLatin1String("name")).toString(), QStringLiteral("delete"),
                diff(current->data, next, {QStringLiteral("deleted_at")}), current->companyId, current->id);
            !s.ok())
            return s.error();
        return withDisplayName(domains.byId(current->id));
    });
}

Result<Record> DomainService::restore(
    const Actor &actor, const QString &name, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("domain.delete")); !s.ok())
        return s.error();
    const Result<Record> visible = domainInScope(actor, name, true);
    if (!visible.ok())
        return visible.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::DomainRepository domains(db());
        const Result<Record> current = domains.byId(visible->id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const qint64 now = auth::Clock::now();
        const qint64 deletedAt
            = json::parseIsoTime(current->data.value(QLatin1String("deleted_at")).toString());
        if (now - deletedAt > kRetentionSeconds)
            return Error::notFound(
                QStringLiteral("The domain was deleted more than 30 days ago and cannot be restored."));
        QJsonObject next = current->data;
        next.insert(QStringLiteral("deleted_at"), QJsonValue::Null);
        if (const Result<bool> updated = domains.update(current.value(), next, now); !updated.ok())
            return updated.error();
        if (Status s
            = audit(actor, kType, next.value(QLatin1String("name")).toString(), QStringLiteral("restore"),
                diff(current->data, next, {QStringLiteral("deleted_at")}), current->companyId, current->id);
            !s.ok())
            return s.error();
        return withDisplayName(domains.byId(current->id));
    });
}

Result<int> DomainService::purgeExpired() const
{
    store::DomainRepository domains(db());
    const Result<QList<qint64>> ids = domains.purgeable(auth::Clock::now() - kRetentionSeconds);
    if (!ids.ok())
        return ids.error();
    for (qint64 id : ids.value()) {
        const Result<bool> done = transaction<bool>([&]() -> Result<bool> {
            if (Status s = domains.purge(id); !s.ok())
                return s.error();
            if (Status s = store::MailStoreRepository(db()).recount(); !s.ok())
                return s.error();
            return true;
        });
        if (!done.ok())
            return done.error();
    }
    return int(ids->size());
}

} // namespace mailadmin::service
