#include "service/ServiceBase.h"

#include "Validation.h"
#include "auth/Clock.h"
#include "store/CompanyRepository.h"
#include "store/DomainRepository.h"
#include "store/UserRepository.h"

namespace mailadmin::service {

Status ServiceBase::require(const Actor &actor, const QString &action)
{
    if (!actor.can(action))
        return Error::forbidden(
            QStringLiteral("Your role (%1) may not do this (%2).").arg(roles::name(actor.role), action));
    return Status::success();
}

store::Scope ServiceBase::scopeOf(const Actor &actor)
{
    store::Scope scope;
    if (actor.isOperator())
        return scope;
    scope.companyId = actor.companyId > 0 ? actor.companyId : -1;
    if (actor.role == Role::DomainAdmin) {
        scope.domainsOnly = true;
        scope.domainIds = actor.domainIds;
    }
    return scope;
}

Result<Record> ServiceBase::companyInScope(const Actor &actor, qint64 companyId, bool counts) const
{
    const Error missing = Error::notFound(QStringLiteral("There is no company %1.").arg(companyId));
    if (!actor.isOperator() && actor.companyId != companyId)
        return missing;
    Result<Record> company = store::CompanyRepository(db()).byId(companyId, counts);
    if (company.ok() && company->isNull())
        return missing;
    return company;
}

bool ServiceBase::domainVisible(const Actor &actor, const Record &domain)
{
    if (actor.isOperator())
        return true;
    if (domain.companyId != actor.companyId)
        return false;
    if (actor.role == Role::DomainAdmin)
        return actor.domainIds.contains(domain.id);
    return true;
}

Result<Record> ServiceBase::domainInScope(
    const Actor &actor, const QString &name, bool deleted, bool counts) const
{
    const QString normalized = validation::normalizeDomainName(name).value;
    const Error missing = Error::notFound(QStringLiteral("There is no domain %1.").arg(name));
    if (normalized.isEmpty())
        return missing;
    Result<Record> domain = store::DomainRepository(db()).byName(normalized, counts);
    if (!domain.ok())
        return domain;
    const bool isDeleted = !domain->data.value(QLatin1String("deleted_at")).isNull();
    if (domain->isNull() || isDeleted != deleted || !domainVisible(actor, domain.value()))
        return missing;
    return domain;
}

Result<Record> ServiceBase::userInScope(const Actor &actor, const QString &address, bool deleted) const
{
    const QString normalized = validation::normalizeEmail(address).value;
    const Error missing = Error::notFound(QStringLiteral("There is no user %1.").arg(address));
    if (normalized.isEmpty())
        return missing;
    Result<Record> user = store::UserRepository(db()).byAddress(normalized);
    if (!user.ok())
        return user;
    if (user->isNull())
        return missing;
    const bool isDeleted = user->data.value(QLatin1String("status")).toString() == QLatin1String("deleted");
    if (isDeleted != deleted)
        return missing;
    const Result<Record> domain = store::DomainRepository(db()).byId(user->domainId, false);
    if (!domain.ok())
        return domain.error();
    if (domain->isNull() || !domain->data.value(QLatin1String("deleted_at")).isNull()
        || !domainVisible(actor, domain.value()))
        return missing;
    return user;
}

Status ServiceBase::checkVersion(const Record &current, std::optional<int> expected)
{
    if (expected && *expected != current.version) {
        Error e = Error::make(ErrorKind::PreconditionFailed,
            QStringLiteral("Someone else changed this object (now version %1, you had %2). Review their "
                           "changes and apply yours again.")
                .arg(current.version)
                .arg(*expected));
        e.current = current.data;
        return e;
    }
    return Status::success();
}

QJsonObject ServiceBase::diff(const QJsonObject &before, const QJsonObject &after, const QStringList &fields)
{
    QJsonObject changes;
    for (const QString &field : fields) {
        const QJsonValue a = before.value(field);
        const QJsonValue b = after.value(field);
        if (a != b)
            changes.insert(field, QJsonObject {{QStringLiteral("before"), a}, {QStringLiteral("after"), b}});
    }
    return changes;
}

Status ServiceBase::audit(const Actor &actor, const QString &objectType, const QString &objectId,
    const QString &action, const QJsonObject &changes, qint64 companyId, qint64 domainId) const
{
    store::AuditEntry entry;
    entry.at = auth::Clock::now();
    entry.actorId = actor.adminId;
    entry.actorLogin = actor.login;
    entry.companyId = companyId;
    entry.domainId = domainId;
    entry.objectType = objectType;
    entry.objectId = objectId;
    entry.action = action;
    entry.changes = changes;
    return store::AuditRepository(db()).append(entry);
}

Status ServiceBase::checkQuery(
    const store::ListQuery &query, const QStringList &sortKeys, const QHash<QString, QStringList> &filters)
{
    QList<FieldError> errors;
    if (!query.sort.isEmpty() && !sortKeys.contains(query.sort))
        errors << FieldError {QStringLiteral("sort"), QStringLiteral("invalid_choice"),
            QStringLiteral("Sort by one of: %1.").arg(sortKeys.join(QStringLiteral(", ")))};
    for (auto it = query.filters.begin(); it != query.filters.end(); ++it) {
        if (!filters.contains(it.key())) {
            errors << FieldError {it.key(), QStringLiteral("unknown_parameter"),
                QStringLiteral("This list has no such filter.")};
            continue;
        }
        const QStringList allowed = filters.value(it.key());
        if (!allowed.isEmpty() && !allowed.contains(it.value()))
            errors << FieldError {it.key(), QStringLiteral("invalid_choice"),
                QStringLiteral("Use one of: %1.").arg(allowed.join(QStringLiteral(", ")))};
    }
    if (errors.isEmpty())
        return Status::success();
    Error e = Error::make(ErrorKind::Malformed, QStringLiteral("The list parameters are not valid."));
    e.fields = errors;
    return e;
}

QList<FieldError> ServiceBase::checkLimitsOfQuota(
    const QJsonObject &object, const QString &quotaField, const QString &maximumField)
{
    const qint64 quota = qint64(object.value(quotaField).toDouble());
    const qint64 maximum = qint64(object.value(maximumField).toDouble());
    if (maximum > 0 && quota > maximum)
        return {FieldError {quotaField, QStringLiteral("over_limit"),
            QStringLiteral("The quota (%1) is above the maximum of %2.")
                .arg(validation::sizeForPeople(quota), validation::sizeForPeople(maximum))}};
    return {};
}

QStringList writableFields(const EntitySchema &schema)
{
    QStringList out;
    for (const FieldSpec &spec : schema.fields()) {
        if (spec.writable && spec.type != FieldType::Password)
            out << spec.name;
    }
    return out;
}

QJsonObject merged(QJsonObject object, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && object.value(it.key()).isObject()) {
            QJsonObject nested = object.value(it.key()).toObject();
            const QJsonObject change = it.value().toObject();
            for (auto n = change.begin(); n != change.end(); ++n)
                nested.insert(n.key(), n.value());
            object.insert(it.key(), nested);
        } else {
            object.insert(it.key(), it.value());
        }
    }
    return object;
}

} // namespace mailadmin::service
