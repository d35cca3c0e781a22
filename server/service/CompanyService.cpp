#include "service/CompanyService.h"

#include "Json.h"
#include "Validation.h"
#include "store/BrandRepository.h"
#include "store/CompanyRepository.h"

namespace mailadmin::service {

namespace {
constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

QJsonObject companyDefaults()
{
    return QJsonObject {
        {QStringLiteral("default_quota"), double(kGiB)},
        {QStringLiteral("quota_maximum"), double(50 * kGiB)},
        {QStringLiteral("user_limit"), 0},
        {QStringLiteral("alias_limit"), 0},
        {QStringLiteral("service_defaults"), services::defaults()},
        {QStringLiteral("smtp_send_limit"), 500},
        {QStringLiteral("brand_id"), QJsonValue::Null},
        {QStringLiteral("language"), QStringLiteral("en")},
        {QStringLiteral("notes"), QString()},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("suspended_reason"), QString()},
        {QStringLiteral("deleted_at"), QJsonValue::Null},
    };
}
} // namespace

std::optional<FieldError> CompanyService::checkBrand(
    store::Database &db, const QJsonObject &object, qint64 companyId)
{
    const QJsonValue brand = object.value(QLatin1String("brand_id"));
    if (brand.isNull() || brand.isUndefined())
        return std::nullopt;
    const Result<Record> row = store::BrandRepository(db).byId(qint64(brand.toDouble()));
    if (!row.ok() || row->isNull() || row->companyId != companyId)
        return FieldError {QStringLiteral("brand_id"), QStringLiteral("not_found"),
            QStringLiteral("There is no brand %1 in this company.").arg(qint64(brand.toDouble()))};
    return std::nullopt;
}

Result<Page> CompanyService::list(const Actor &actor, const store::ListQuery &query, bool deleted) const
{
    if (Status s
        = require(actor, deleted ? QStringLiteral("company.create") : QStringLiteral("company.read"));
        !s.ok())
        return s.error();
    if (Status s = checkQuery(
            query, {QStringLiteral("name"), QStringLiteral("created_at"), QStringLiteral("deleted_at")}, {});
        !s.ok())
        return s.error();
    return store::CompanyRepository(db()).list(query, actor.isOperator() ? 0 : actor.companyId, deleted);
}

Result<Page> CompanyService::overview(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("company.list")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, store::CompanyRepository::overviewSortKeys(), {}); !s.ok())
        return s.error();
    constexpr qint64 kWeek = 7 * 24 * 3600;
    return store::CompanyRepository(db()).overview(query, auth::Clock::now() - kWeek);
}

Result<Record> CompanyService::get(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("company.read")); !s.ok())
        return s.error();
    return companyInScope(actor, id, true);
}

Result<Record> CompanyService::create(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("company.create")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::company().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    const QJsonObject object = merged(companyDefaults(), valid.value());
    QList<FieldError> errors
        = checkLimitsOfQuota(object, QStringLiteral("default_quota"), QStringLiteral("quota_maximum"));
    if (!object.value(QLatin1String("brand_id")).isNull())
        errors << FieldError {QStringLiteral("brand_id"), QStringLiteral("not_found"),
            QStringLiteral("A new company has no brands yet; assign one after creating it.")};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return transaction<Record>([&]() -> Result<Record> {
        store::CompanyRepository companies(db());
        const Result<bool> taken = companies.nameTaken(object.value(QLatin1String("name")).toString(), 0);
        if (!taken.ok())
            return taken.error();
        if (taken.value())
            return Error::conflict(QStringLiteral("A company with this name already exists."));
        const Result<qint64> id = companies.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        const Result<Record> created = companies.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s
            = audit(actor, QStringLiteral("company"), QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, writableFields(EntitySchema::company())), id.value(), 0);
            !s.ok())
            return s.error();
        return created;
    });
}

Result<Record> CompanyService::setSuspended(const Actor &actor, qint64 id, bool suspend,
    const QJsonObject &input, std::optional<int> expectedVersion) const
{
    // Suspending or deleting a company is the operator's, as creating one is: a company admin cannot take
    // its own company (and its own sign-in) off the platform.
    if (Status s = require(actor, QStringLiteral("company.create")); !s.ok())
        return s.error();
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("reason") || !suspend)
            return Error::invalidField(
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here."));
    }
    const QJsonValue reasonValue = input.value(QLatin1String("reason"));
    if (!reasonValue.isUndefined() && !reasonValue.isNull() && !reasonValue.isString())
        return Error::invalidField(
            QStringLiteral("reason"), QStringLiteral("type"), QStringLiteral("Expected a string."));
    const QString reason = reasonValue.toString().trimmed();
    if (reason.size() > 500)
        return Error::invalidField(QStringLiteral("reason"), QStringLiteral("too_long"),
            QStringLiteral("Use at most 500 characters."));
    if (validation::hasControlCharacters(reason, true))
        return Error::invalidField(QStringLiteral("reason"), QStringLiteral("invalid"),
            QStringLiteral("Control characters other than line breaks and tabs are not allowed."));
    if (const Result<Record> visible = companyInScope(actor, id); !visible.ok())
        return visible.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::CompanyRepository companies(db());
        const Result<Record> current = companies.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (!current->data.value(QLatin1String("deleted_at")).isNull())
            return Error::conflict(QStringLiteral("The company is deleted; restore it first."));
        const bool suspended
            = current->data.value(QLatin1String("status")).toString() == QLatin1String("suspended");
        if (suspend && suspended)
            return Error::conflict(QStringLiteral("The company is already suspended."));
        if (!suspend && !suspended)
            return Error::conflict(QStringLiteral("The company is not suspended."));
        QJsonObject next = current->data;
        next.insert(
            QStringLiteral("status"), suspend ? QStringLiteral("suspended") : QStringLiteral("active"));
        next.insert(QStringLiteral("suspended_reason"), suspend ? reason : QString());
        if (const Result<bool> updated = companies.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        QJsonObject changes = diff(current->data, next, {QStringLiteral("status")});
        if (suspend && !reason.isEmpty())
            changes.insert(QStringLiteral("reason"), reason);
        if (Status s = audit(actor, QStringLiteral("company"), QString::number(id),
                suspend ? QStringLiteral("suspend") : QStringLiteral("resume"), changes, id, 0);
            !s.ok())
            return s.error();
        return companies.byId(id);
    });
}

Result<Record> CompanyService::remove(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("company.create")); !s.ok())
        return s.error();
    if (const Result<Record> visible = companyInScope(actor, id); !visible.ok())
        return visible.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::CompanyRepository companies(db());
        const Result<Record> current = companies.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (!current->data.value(QLatin1String("deleted_at")).isNull())
            return Error::conflict(QStringLiteral("The company is already deleted."));
        const qint64 now = auth::Clock::now();
        QJsonObject next = current->data;
        next.insert(QStringLiteral("deleted_at"), json::isoTime(now));
        if (const Result<bool> updated = companies.update(current.value(), next, now); !updated.ok())
            return updated.error();
        if (Status s = audit(actor, QStringLiteral("company"), QString::number(id), QStringLiteral("delete"),
                diff(current->data, next, {QStringLiteral("deleted_at")}), id, 0);
            !s.ok())
            return s.error();
        return companies.byId(id);
    });
}

Result<Record> CompanyService::restore(
    const Actor &actor, qint64 id, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("company.create")); !s.ok())
        return s.error();
    if (const Result<Record> visible = companyInScope(actor, id); !visible.ok())
        return visible.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::CompanyRepository companies(db());
        const Result<Record> current = companies.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (current->data.value(QLatin1String("deleted_at")).isNull())
            return Error::conflict(QStringLiteral("The company is not deleted."));
        QJsonObject next = current->data;
        next.insert(QStringLiteral("deleted_at"), QJsonValue::Null);
        if (const Result<bool> updated = companies.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        if (Status s = audit(actor, QStringLiteral("company"), QString::number(id), QStringLiteral("restore"),
                diff(current->data, next, {QStringLiteral("deleted_at")}), id, 0);
            !s.ok())
            return s.error();
        return companies.byId(id);
    });
}

const QStringList &CompanyService::operatorFields()
{
    static const QStringList fields = {QStringLiteral("user_limit"), QStringLiteral("alias_limit"),
        QStringLiteral("smtp_send_limit"), QStringLiteral("quota_maximum")};
    return fields;
}

Status CompanyService::checkOperatorFields(const Actor &actor, const Record &current, const QJsonObject &next)
{
    // What the company pays for is the platform's to set: a company admin changing these would raise its own
    // plan. Sending the current value back unchanged (a client saving the whole form) is fine.
    if (actor.isOperator())
        return Status::success();
    QList<FieldError> fields;
    for (const QString &field : operatorFields()) {
        if (next.value(field) != current.data.value(field))
            fields << FieldError {field, QStringLiteral("operator_only"),
                QStringLiteral("Only the platform operator sets this.")};
    }
    if (fields.isEmpty())
        return Status::success();
    Error e = Error::make(ErrorKind::Forbidden,
        QStringLiteral(
            "The user limit, alias limit, send limit and quota maximum of a company are set by the "
            "platform operator; nothing was changed."));
    e.fields = fields;
    return e;
}

Result<Record> CompanyService::update(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("company.update")); !s.ok())
        return s.error();
    if (const Result<Record> visible = companyInScope(actor, id); !visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::company().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::CompanyRepository companies(db());
        const Result<Record> current = companies.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (!current->data.value(QLatin1String("deleted_at")).isNull())
            return Error::conflict(QStringLiteral("The company is deleted; restore it first."));
        const QJsonObject next = merged(current->data, valid.value());
        if (Status s = checkOperatorFields(actor, current.value(), next); !s.ok())
            return s.error();
        QList<FieldError> errors
            = checkLimitsOfQuota(next, QStringLiteral("default_quota"), QStringLiteral("quota_maximum"));
        if (auto e = checkBrand(db(), next, id))
            errors << *e;
        const qint64 maximum = qint64(next.value(QLatin1String("quota_maximum")).toDouble());
        if (valid->contains(QLatin1String("quota_maximum")) && maximum > 0) {
            const Result<qint64> largest = companies.largestDomainMaximum(id);
            if (!largest.ok())
                return largest.error();
            if (largest.value() > maximum)
                errors << FieldError {QStringLiteral("quota_maximum"), QStringLiteral("below_usage"),
                    QStringLiteral("A domain of this company allows %1; lower that first.")
                        .arg(validation::sizeForPeople(largest.value()))};
        }
        const qint64 userLimit = qint64(next.value(QLatin1String("user_limit")).toDouble());
        if (valid->contains(QLatin1String("user_limit")) && userLimit > 0) {
            const Result<qint64> users = companies.userCount(id);
            if (!users.ok())
                return users.error();
            if (users.value() > userLimit)
                errors << FieldError {QStringLiteral("user_limit"), QStringLiteral("below_usage"),
                    QStringLiteral("The company already has %1 users.").arg(users.value())};
        }
        const qint64 aliasLimit = qint64(next.value(QLatin1String("alias_limit")).toDouble());
        if (valid->contains(QLatin1String("alias_limit")) && aliasLimit > 0) {
            const Result<qint64> aliases = companies.aliasCount(id, 0);
            if (!aliases.ok())
                return aliases.error();
            if (aliases.value() > aliasLimit)
                errors << FieldError {QStringLiteral("alias_limit"), QStringLiteral("below_usage"),
                    QStringLiteral("The company already has %1 aliases.").arg(aliases.value())};
        }
        if (valid->contains(QLatin1String("name"))) {
            const Result<bool> taken = companies.nameTaken(next.value(QLatin1String("name")).toString(), id);
            if (!taken.ok())
                return taken.error();
            if (taken.value())
                return Error::conflict(QStringLiteral("A company with this name already exists."));
        }
        if (!errors.isEmpty())
            return Error::invalid(errors);
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::company()));
        if (changes.isEmpty())
            return current;
        const Result<bool> updated = companies.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        if (Status s = audit(actor, QStringLiteral("company"), QString::number(id), QStringLiteral("update"),
                changes, id, 0);
            !s.ok())
            return s.error();
        return companies.byId(id);
    });
}

} // namespace mailadmin::service
