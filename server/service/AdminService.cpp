#include "service/AdminService.h"

#include "Validation.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionManager.h"
#include "store/AdminRepository.h"
#include "store/CompanyRepository.h"
#include "store/DomainRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("admin");

QList<FieldError> passwordErrors(const QString &password, const QString &login)
{
    QList<FieldError> errors;
    for (const QString &reason : validation::checkPassword(password, {login}).reasons)
        errors << FieldError {QStringLiteral("password"), QStringLiteral("weak_password"), reason};
    return errors;
}
} // namespace

Result<Record> AdminService::adminInScope(const Actor &actor, qint64 id) const
{
    Result<Record> admin = store::AdminRepository(db()).byId(id);
    if (admin.ok() && (admin->isNull() || (!actor.isOperator() && admin->companyId != actor.companyId)))
        return Error::notFound(QStringLiteral("There is no admin %1.").arg(id));
    return admin;
}

Result<Page> AdminService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("admin.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("login"), QStringLiteral("role")},
            {{QStringLiteral("role"), roles::names()}, {QStringLiteral("company_id"), {}}});
        !s.ok())
        return s.error();
    const qint64 company = actor.isOperator() ? query.filters.value(QStringLiteral("company_id")).toLongLong()
                                              : actor.companyId;
    store::ListQuery q = query;
    q.filters.remove(QStringLiteral("company_id"));
    return store::AdminRepository(db()).list(company, q);
}

Result<Record> AdminService::get(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("admin.read")); !s.ok())
        return s.error();
    return adminInScope(actor, id);
}

Result<QList<FieldError>> AdminService::checkScope(
    const Actor &actor, const QJsonObject &next, QList<qint64> &domainIds) const
{
    QList<FieldError> errors;
    const Role role = roles::fromName(next.value(QLatin1String("role")).toString());
    const QJsonValue company = next.value(QLatin1String("company_id"));
    const qint64 companyId = company.isNull() || company.isUndefined() ? 0 : qint64(company.toDouble());
    if (!actor.isOperator() && role == Role::Operator)
        errors << FieldError {QStringLiteral("role"), QStringLiteral("not_allowed"),
            QStringLiteral("Only operators may create operators.")};
    if (role == Role::Operator && companyId != 0)
        errors << FieldError {QStringLiteral("company_id"), QStringLiteral("not_allowed"),
            QStringLiteral("An operator belongs to no company.")};
    if (roles::isCompanyScoped(role) && companyId == 0)
        errors << FieldError {QStringLiteral("company_id"), QStringLiteral("required"),
            QStringLiteral("This role belongs to one company.")};
    if (companyId != 0) {
        const Result<Record> c = store::CompanyRepository(db()).byId(companyId);
        if (!c.ok())
            return c.error();
        if (c->isNull() || (!actor.isOperator() && companyId != actor.companyId))
            errors << FieldError {QStringLiteral("company_id"), QStringLiteral("not_found"),
                QStringLiteral("There is no company %1.").arg(companyId)};
    }
    const QJsonArray domains = next.value(QLatin1String("domains")).toArray();
    if (role != Role::DomainAdmin && !domains.isEmpty())
        errors << FieldError {QStringLiteral("domains"), QStringLiteral("not_allowed"),
            QStringLiteral("Only domain admins are limited to domains.")};
    if (role == Role::DomainAdmin && domains.isEmpty())
        errors << FieldError {QStringLiteral("domains"), QStringLiteral("required"),
            QStringLiteral("A domain admin needs at least one domain.")};
    store::DomainRepository repo(db());
    for (qsizetype i = 0; i < domains.size(); ++i) {
        const Result<Record> d = repo.byName(domains.at(i).toString());
        if (!d.ok())
            return d.error();
        if (d->isNull() || d->companyId != companyId || !d->data.value(QLatin1String("deleted_at")).isNull())
            errors << FieldError {QStringLiteral("domains[%1]").arg(i), QStringLiteral("not_found"),
                QStringLiteral("The company has no domain %1.").arg(domains.at(i).toString())};
        else
            domainIds << d->id;
    }
    return errors;
}

Result<Record> AdminService::create(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("admin.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::admin().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    QJsonObject object = merged(
        QJsonObject {{QStringLiteral("display_name"), QString()},
            {QStringLiteral("company_id"),
                actor.isOperator() ? QJsonValue(QJsonValue::Null) : QJsonValue(double(actor.companyId))},
            {QStringLiteral("domains"), QJsonArray()}, {QStringLiteral("disabled"), false}},
        valid.value());
    const bool generated = !object.contains(QLatin1String("password"));
    const QString password
        = generated ? auth::PasswordHasher::generate() : object.value(QLatin1String("password")).toString();
    object.remove(QStringLiteral("password"));
    const QString login = object.value(QLatin1String("login")).toString();
    QList<FieldError> errors = generated ? QList<FieldError> {} : passwordErrors(password, login);
    const QString hash = errors.isEmpty() ? auth::PasswordHasher::hash(password) : QString();
    Result<Record> created = transaction<Record>([&]() -> Result<Record> {
        QList<qint64> domainIds;
        const Result<QList<FieldError>> scope = checkScope(actor, object, domainIds);
        if (!scope.ok())
            return scope.error();
        errors += scope.value();
        if (!errors.isEmpty())
            return Error::invalid(errors);
        store::AdminRepository admins(db());
        const Result<Record> existing = admins.byLogin(login);
        if (!existing.ok())
            return existing;
        if (!existing->isNull())
            return Error::conflict(QStringLiteral("The login %1 is taken.").arg(login));
        const Result<qint64> id = admins.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        if (Status s = admins.setPasswordHash(id.value(), hash); !s.ok())
            return s.error();
        if (Status s = admins.setDomainIds(id.value(), domainIds); !s.ok())
            return s.error();
        const Result<Record> row = admins.byId(id.value());
        if (!row.ok())
            return row;
        if (Status s = audit(actor, kType, login, QStringLiteral("create"),
                diff({}, row->data, writableFields(EntitySchema::admin())), row->companyId, 0);
            !s.ok())
            return s.error();
        return row;
    });
    if (created.ok() && generated)
        created->data.insert(QStringLiteral("password"), password);
    return created;
}

Result<Record> AdminService::update(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("admin.write")); !s.ok())
        return s.error();
    if (const Result<Record> visible = adminInScope(actor, id); !visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::admin().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    bool revoke = false;
    Result<Record> result = transaction<Record>([&]() -> Result<Record> {
        store::AdminRepository admins(db());
        const Result<Record> current = admins.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const QJsonObject next = merged(current->data, valid.value());
        QList<qint64> domainIds;
        const Result<QList<FieldError>> scope = checkScope(actor, next, domainIds);
        if (!scope.ok())
            return scope.error();
        QList<FieldError> errors = scope.value();
        if (id == actor.adminId
            && (next.value(QLatin1String("disabled")).toBool()
                || next.value(QLatin1String("role")) != current->data.value(QLatin1String("role"))))
            errors << FieldError {next.value(QLatin1String("disabled")).toBool() ? QStringLiteral("disabled")
                                                                                 : QStringLiteral("role"),
                QStringLiteral("not_allowed"),
                QStringLiteral("You cannot disable yourself or change your own role.")};
        if (!errors.isEmpty())
            return Error::invalid(errors);
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::admin()));
        if (changes.isEmpty())
            return current;
        if (const Result<bool> updated = admins.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        if (Status s = admins.setDomainIds(id, domainIds); !s.ok())
            return s.error();
        if (Status s = audit(actor, kType, next.value(QLatin1String("login")).toString(),
                QStringLiteral("update"), changes, next.value(QLatin1String("company_id")).toInteger(), 0);
            !s.ok())
            return s.error();
        revoke = changes.contains(QLatin1String("role")) || changes.contains(QLatin1String("disabled"))
            || changes.contains(QLatin1String("company_id")) || changes.contains(QLatin1String("domains"));
        return admins.byId(id);
    });
    if (result.ok() && revoke) {
        if (Status s = sessions().revokeAdmin(id); !s.ok())
            return s.error();
    }
    return result;
}

Result<QJsonObject> AdminService::resetPassword(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("admin.write")); !s.ok())
        return s.error();
    const Result<Record> admin = adminInScope(actor, id);
    if (!admin.ok())
        return admin.error();
    QList<FieldError> errors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("password"))
            errors << FieldError {
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
    }
    const QJsonValue value = input.value(QLatin1String("password"));
    if (!value.isUndefined() && !value.isString())
        errors << FieldError {QStringLiteral("password"), QStringLiteral("type"),
            QStringLiteral("Send the password as a string.")};
    const bool generated = value.isUndefined();
    const QString password = generated ? auth::PasswordHasher::generate() : value.toString();
    if (!generated && value.isString())
        errors += passwordErrors(password, admin->data.value(QLatin1String("login")).toString());
    if (!errors.isEmpty())
        return Error::invalid(errors, QStringLiteral("The password was not changed."));
    const QString hash = auth::PasswordHasher::hash(password);
    const Result<bool> done = transaction<bool>([&]() -> Result<bool> {
        store::AdminRepository admins(db());
        if (Status s = admins.setPasswordHash(id, hash); !s.ok())
            return s.error();
        if (Status s = audit(actor, kType, admin->data.value(QLatin1String("login")).toString(),
                QStringLiteral("password"),
                QJsonObject {{QStringLiteral("password"),
                    QJsonObject {{QStringLiteral("before"), QStringLiteral("(set)")},
                        {QStringLiteral("after"), QStringLiteral("(changed)")}}}},
                admin->companyId, 0);
            !s.ok())
            return s.error();
        return true;
    });
    if (!done.ok())
        return done.error();
    // A new password ends every other session at once, whoever sets it; an admin changing their own keeps
    // the session they changed it from.
    if (Status s = sessions().revokeAdmin(id, id == actor.adminId ? actor.sessionId : 0); !s.ok())
        return s.error();
    QJsonObject answer {{QStringLiteral("login"), admin->data.value(QLatin1String("login"))}};
    if (generated)
        answer.insert(QStringLiteral("password"), password);
    return answer;
}

Result<QJsonObject> AdminService::me(const Actor &actor) const
{
    const Result<Record> admin = store::AdminRepository(db()).byId(actor.adminId);
    if (!admin.ok())
        return admin.error();
    QJsonObject out {
        {QStringLiteral("id"), double(actor.adminId)},
        {QStringLiteral("login"), actor.login},
        {QStringLiteral("display_name"), admin->data.value(QLatin1String("display_name"))},
        {QStringLiteral("role"), roles::name(actor.role)},
        {QStringLiteral("company_id"),
            actor.companyId > 0 ? QJsonValue(double(actor.companyId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("domains"), admin->data.value(QLatin1String("domains"))},
        {QStringLiteral("actions"), QJsonArray::fromStringList(actions::forRole(actor.role))},
    };
    if (actor.companyId > 0) {
        const Result<Record> company = store::CompanyRepository(db()).byId(actor.companyId);
        if (company.ok() && !company->isNull())
            out.insert(QStringLiteral("company_name"), company->data.value(QLatin1String("name")));
    }
    return out;
}

Result<Record> AdminService::bootstrapOperator(const QString &loginInput, const QString &password) const
{
    const validation::Verdict login = validation::normalizeLogin(loginInput);
    if (!login.ok())
        return Error::invalidField(QStringLiteral("login"), login.code, login.message);
    if (const QList<FieldError> errors = passwordErrors(password, login.value); !errors.isEmpty())
        return Error::invalid(errors, QStringLiteral("The password does not meet the policy."));
    const QString hash = auth::PasswordHasher::hash(password);
    Actor system;
    system.login = QStringLiteral("(system)");
    system.role = Role::Operator;
    return transaction<Record>([&]() -> Result<Record> {
        store::AdminRepository admins(db());
        const Result<Record> existing = admins.byLogin(login.value);
        if (!existing.ok())
            return existing;
        if (!existing->isNull())
            return Error::conflict(QStringLiteral("The login %1 is taken.").arg(login.value));
        const QJsonObject object {{QStringLiteral("login"), login.value},
            {QStringLiteral("display_name"), QStringLiteral("Operator")},
            {QStringLiteral("role"), QStringLiteral("operator")},
            {QStringLiteral("company_id"), QJsonValue::Null}, {QStringLiteral("domains"), QJsonArray()},
            {QStringLiteral("disabled"), false}};
        const Result<qint64> id = admins.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        if (Status s = admins.setPasswordHash(id.value(), hash); !s.ok())
            return s.error();
        if (Status s = audit(system, kType, login.value, QStringLiteral("create"),
                diff({}, object, writableFields(EntitySchema::admin())), 0, 0);
            !s.ok())
            return s.error();
        return admins.byId(id.value());
    });
}

} // namespace mailadmin::service
