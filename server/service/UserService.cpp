#include "service/UserService.h"

#include "service/PlacementService.h"
#include "store/BulletinRepository.h"
#include "store/MailStoreRepository.h"

#include "Json.h"
#include "Validation.h"
#include "auth/PasswordHasher.h"
#include "service/CompanyService.h"
#include "store/CompanyRepository.h"
#include "store/DomainRepository.h"
#include "store/UserRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("user");

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

QString domainOf(const QString &address)
{
    return address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
}

const QHash<QString, QStringList> &userFilters()
{
    static const QHash<QString, QStringList> filters = {
        {QStringLiteral("status"),
            {QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("deleted")}},
        {QStringLiteral("type"),
            {QStringLiteral("mailbox"), QStringLiteral("forward"), QStringLiteral("filter")}},
    };
    return filters;
}
} // namespace

Result<Page> UserService::listInDomain(
    const Actor &actor, const QString &domain, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("user.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, store::UserRepository::sortKeys(), userFilters()); !s.ok())
        return s.error();
    const Result<Record> d = domainInScope(actor, domain);
    if (!d.ok())
        return d.error();
    return store::UserRepository(db()).list(d->id, {}, query);
}

Result<Page> UserService::search(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("user.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, store::UserRepository::sortKeys(), userFilters()); !s.ok())
        return s.error();
    return store::UserRepository(db()).list(0, scopeOf(actor), query);
}

Result<Record> UserService::get(const Actor &actor, const QString &address) const
{
    if (Status s = require(actor, QStringLiteral("user.read")); !s.ok())
        return s.error();
    return userInScope(actor, address);
}

Result<QList<FieldError>> UserService::checkUser(const Record &domain, const Record &company,
    const QJsonObject &next, qint64 selfId, const QJsonObject &patch, bool countsAsNew) const
{
    QList<FieldError> errors;
    store::UserRepository users(db());
    const QString address = next.value(QLatin1String("address")).toString();
    const QString domainName = domain.data.value(QLatin1String("name")).toString();
    const QStringList domainAliases = strings(domain.data.value(QLatin1String("aliases")));

    // Quota within the domain's maximum.
    const qint64 quota = qint64(next.value(QLatin1String("quota")).toDouble());
    const qint64 maximum = qint64(domain.data.value(QLatin1String("quota_maximum")).toDouble());
    if (maximum > 0 && (quota > maximum || quota == 0)
        && (patch.contains(QLatin1String("quota")) || selfId == 0))
        errors << FieldError {QStringLiteral("quota"), QStringLiteral("over_limit"),
            QStringLiteral("The domain allows at most %1 per mailbox.").arg(validation::sizeForPeople(maximum))};

    // Aliases live in the user's domain or one of its alias domains, and belong to nobody else.
    const QStringList aliases = strings(next.value(QLatin1String("aliases")));
    if (patch.contains(QLatin1String("aliases"))) {
        for (qsizetype i = 0; i < aliases.size(); ++i) {
            const QString field = QStringLiteral("aliases[%1]").arg(i);
            const QString alias = aliases.at(i);
            const QString aliasDomain = domainOf(alias);
            if (alias == address) {
                errors << FieldError {field, QStringLiteral("duplicate"),
                    QStringLiteral("An alias cannot be the user's own address.")};
                continue;
            }
            if (aliasDomain != domainName && !domainAliases.contains(aliasDomain)) {
                errors << FieldError {field, QStringLiteral("wrong_domain"),
                    QStringLiteral("An alias must be in %1 or one of its alias domains.").arg(domainName)};
                continue;
            }
            const Result<qint64> owner = users.addressOwner(alias);
            if (!owner.ok())
                return owner.error();
            if (owner.value() != 0 && owner.value() != selfId)
                errors << FieldError {
                    field, QStringLiteral("taken"), QStringLiteral("%1 is already in use.").arg(alias)};
        }
        const qint64 aliasLimit = qint64(company.data.value(QLatin1String("alias_limit")).toDouble());
        if (aliasLimit > 0) {
            const Result<qint64> others = store::CompanyRepository(db()).aliasCount(company.id, selfId);
            if (!others.ok())
                return others.error();
            if (others.value() + aliases.size() > aliasLimit)
                errors << FieldError {QStringLiteral("aliases"), QStringLiteral("limit_reached"),
                    QStringLiteral("The company allows %1 aliases in all; %2 are in use by other users.")
                        .arg(aliasLimit)
                        .arg(others.value())};
        }
    }

    // A forward account forwards somewhere; a forward never points at the account itself.
    const QStringList recipients = strings(next.value(QLatin1String("forward_recipients")));
    if (next.value(QLatin1String("type")).toString() == QLatin1String("forward") && recipients.isEmpty())
        errors << FieldError {QStringLiteral("forward_recipients"), QStringLiteral("required"),
            QStringLiteral("A forward account needs at least one recipient.")};
    for (qsizetype i = 0; i < recipients.size(); ++i) {
        if (recipients.at(i) == address || aliases.contains(recipients.at(i)))
            errors << FieldError {QStringLiteral("forward_recipients[%1]").arg(i), QStringLiteral("loop"),
                QStringLiteral("A user cannot forward to itself.")};
    }

    if (auto e = CompanyService::checkBrand(db(), next, company.id))
        errors << *e;

    if (countsAsNew) {
        const qint64 domainLimit = qint64(domain.data.value(QLatin1String("user_limit")).toDouble());
        if (domainLimit > 0) {
            const Result<qint64> n = store::DomainRepository(db()).liveUserCount(domain.id);
            if (!n.ok())
                return n.error();
            if (n.value() >= domainLimit)
                errors << FieldError {QStringLiteral("local_part"), QStringLiteral("limit_reached"),
                    QStringLiteral("The domain allows %1 users and has reached that limit.")
                        .arg(domainLimit)};
        }
        const qint64 companyLimit = qint64(company.data.value(QLatin1String("user_limit")).toDouble());
        if (companyLimit > 0) {
            const Result<qint64> n = store::CompanyRepository(db()).userCount(company.id);
            if (!n.ok())
                return n.error();
            if (n.value() >= companyLimit)
                errors << FieldError {QStringLiteral("local_part"), QStringLiteral("limit_reached"),
                    QStringLiteral("The company allows %1 users and has reached that limit.")
                        .arg(companyLimit)};
        }
    }
    return errors;
}

Result<Record> UserService::create(
    const Actor &actor, const QString &domainName, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("user.create")); !s.ok())
        return s.error();
    const Result<Record> visible = domainInScope(actor, domainName);
    if (!visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::user().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    const QString password = valid->value(QLatin1String("password")).toString();
    QJsonObject patch = valid.value();
    patch.remove(QStringLiteral("password"));
    const QString local = patch.value(QLatin1String("local_part")).toString();
    if (valid->contains(QLatin1String("password"))) {
        const auto check = validation::checkPassword(password, {local});
        if (!check.ok()) {
            QList<FieldError> errors;
            for (const QString &reason : check.reasons)
                errors << FieldError {QStringLiteral("password"), QStringLiteral("weak_password"), reason};
            return Error::invalid(errors, QStringLiteral("The password does not meet the policy."));
        }
    }
    const QString hash
        = valid->contains(QLatin1String("password")) ? auth::PasswordHasher::hash(password) : QString();
    return transaction<Record>([&]() -> Result<Record> {
        store::DomainRepository domains(db());
        store::UserRepository users(db());
        if (Status s = domains.lockForUpdate(visible->id); !s.ok())
            return s.error();
        const Result<Record> domain = domains.byId(visible->id, false);
        if (!domain.ok())
            return domain;
        const Result<Record> company = store::CompanyRepository(db()).byId(domain->companyId, false);
        if (!company.ok())
            return company;
        const QString address
            = local + QLatin1Char('@') + domain->data.value(QLatin1String("name")).toString();
        QJsonObject object = merged(
            QJsonObject {
                {QStringLiteral("type"), QStringLiteral("mailbox")},
                {QStringLiteral("display_name"), QString()},
                {QStringLiteral("title"), QString()},
                {QStringLiteral("quota"), domain->data.value(QLatin1String("default_quota"))},
                {QStringLiteral("used_bytes"), 0},
                {QStringLiteral("aliases"), QJsonArray()},
                {QStringLiteral("forward_recipients"), QJsonArray()},
                {QStringLiteral("services"), company->data.value(QLatin1String("service_defaults"))},
                {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("brand_id"), QJsonValue::Null},
                {QStringLiteral("notes"), QString()},
            },
            patch);
        object.insert(QStringLiteral("domain_id"), double(domain->id));
        object.insert(QStringLiteral("address"), address);
        if (address.size() > 254)
            return Error::invalidField(QStringLiteral("local_part"), QStringLiteral("too_long"),
                QStringLiteral("The address would be longer than 254 characters."));
        const Result<qint64> owner = users.addressOwner(address);
        if (!owner.ok())
            return owner.error();
        if (owner.value() != 0)
            return Error::conflict(
                QStringLiteral("%1 is already in use (as a user, a deleted user or an alias).").arg(address));
        const Result<QList<FieldError>> errors
            = checkUser(domain.value(), company.value(), object, 0, object, true);
        if (!errors.ok())
            return errors.error();
        if (!errors->isEmpty())
            return Error::invalid(errors.value());
        if (object.value(QLatin1String("type")).toString() == QLatin1String("mailbox")) {
            const Result<qint64> store = PlacementService::placeMailbox(db(), domain.value());
            if (!store.ok())
                return store.error();
            object.insert(QStringLiteral("store_id"), double(store.value()));
        }
        const Result<qint64> id = users.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        if (Status s = domains.adjustUserCount(domain->id, 1); !s.ok())
            return s.error();
        // The company's and the domain's auto bulletins greet the new mailbox.
        if (const Result<int> greeted
            = store::BulletinRepository(db()).queueForNewUser(id.value(), auth::Clock::now());
            !greeted.ok())
            return greeted.error();
        if (Status s
            = users.setAliases(id.value(), company->id, strings(object.value(QLatin1String("aliases"))));
            !s.ok())
            return s.error();
        if (!hash.isEmpty()) {
            if (Status s = users.setPasswordHash(id.value(), hash); !s.ok())
                return s.error();
        }
        const Result<Record> created = users.byId(id.value());
        if (!created.ok())
            return created;
        QJsonObject changes = diff({}, created->data, writableFields(EntitySchema::user()));
        if (!hash.isEmpty())
            changes.insert(QStringLiteral("password"),
                QJsonObject {{QStringLiteral("before"), QJsonValue::Null},
                    {QStringLiteral("after"), QStringLiteral("(set)")}});
        if (Status s
            = audit(actor, kType, address, QStringLiteral("create"), changes, company->id, domain->id);
            !s.ok())
            return s.error();
        return created;
    });
}

Result<Record> UserService::update(const Actor &actor, const QString &address, const QJsonObject &input,
    std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("user.update")); !s.ok())
        return s.error();
    const Result<Record> visible = userInScope(actor, address);
    if (!visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::user().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::UserRepository users(db());
        const Result<Record> current = users.byId(visible->id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const Result<Record> domain = store::DomainRepository(db()).byId(current->domainId, false);
        if (!domain.ok())
            return domain;
        const Result<Record> company = store::CompanyRepository(db()).byId(domain->companyId, false);
        if (!company.ok())
            return company;
        const QJsonObject next = merged(current->data, valid.value());
        const Result<QList<FieldError>> errors
            = checkUser(domain.value(), company.value(), next, current->id, valid.value(), false);
        if (!errors.ok())
            return errors.error();
        if (!errors->isEmpty())
            return Error::invalid(errors.value());
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::user()));
        if (changes.isEmpty())
            return current;
        if (const Result<bool> updated = users.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        if (changes.contains(QLatin1String("aliases"))) {
            if (Status s
                = users.setAliases(current->id, company->id, strings(next.value(QLatin1String("aliases"))));
                !s.ok())
                return s.error();
        }
        if (Status s = audit(actor, kType, current->data.value(QLatin1String("address")).toString(),
                QStringLiteral("update"), changes, company->id, domain->id);
            !s.ok())
            return s.error();
        return users.byId(current->id);
    });
}

namespace {
// The statuses each change starts from. They are checked again inside the transaction: a check made
// before it may be stale by the time the change is written (a delete racing a suspend).
Status checkStartingStatus(const QString &action, const QString &status)
{
    const bool deleted = status == QLatin1String("deleted");
    if (action == QLatin1String("restore"))
        return deleted ? Status::success()
                       : Status(Error::conflict(QStringLiteral("The user is not deleted.")));
    if (deleted)
        return Error::notFound(QStringLiteral("The user has been deleted."));
    if (action == QLatin1String("suspend") && status == QLatin1String("suspended"))
        return Error::conflict(QStringLiteral("The user is already suspended."));
    if (action == QLatin1String("unsuspend") && status != QLatin1String("suspended"))
        return Error::conflict(QStringLiteral("The user is not suspended."));
    return Status::success();
}
} // namespace

Result<Record> UserService::changeStatus(const Actor &actor, const Record &user, const QString &status,
    const QString &action, std::optional<int> expectedVersion, const QString &reason) const
{
    if (Status s = checkStartingStatus(action, user.data.value(QLatin1String("status")).toString()); !s.ok())
        return s.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::UserRepository users(db());
        store::DomainRepository domains(db());
        // The domain row is the lock for its user counter (PostgreSQL; SQLite writes one at a time anyway).
        if (Status s = domains.lockForUpdate(user.domainId); !s.ok())
            return s.error();
        const Result<Record> current = users.byId(user.id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return Error::notFound(QStringLiteral("There is no user %1.").arg(user.id));
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (Status s = checkStartingStatus(action, current->data.value(QLatin1String("status")).toString());
            !s.ok())
            return s.error();
        const qint64 now = auth::Clock::now();
        QJsonObject next = current->data;
        QString nextStatus = status;
        if (action == QLatin1String("restore")) {
            // Back to the status it had when deleted: a suspended user comes back suspended.
            store::Statement before = db().prepare(
                QStringLiteral("SELECT status_before_delete FROM users WHERE id = ?"));
            before.bind(current->id);
            if (Status s = before.exec(); !s.ok())
                return s.error();
            if (before.next() && before.toString(0) == QLatin1String("suspended"))
                nextStatus = QStringLiteral("suspended");
        }
        next.insert(QStringLiteral("status"), nextStatus);
        next.insert(QStringLiteral("deleted_at"),
            status == QLatin1String("deleted") ? QJsonValue(json::isoTime(now)) : QJsonValue::Null);
        if (action == QLatin1String("delete")) {
            store::Statement keep = db().prepare(
                QStringLiteral("UPDATE users SET status_before_delete = ? WHERE id = ?"));
            keep.bind(current->data.value(QLatin1String("status")).toString()).bind(current->id);
            if (Status s = keep.exec(); !s.ok())
                return s.error();
        }
        if (action == QLatin1String("restore")) {
            const qint64 deletedAt
                = json::parseIsoTime(current->data.value(QLatin1String("deleted_at")).toString());
            if (now - deletedAt > kRetentionSeconds)
                return Error::notFound(
                    QStringLiteral("The user was deleted more than 30 days ago and cannot be restored."));
            const Result<Record> domain = domains.byId(current->domainId, false);
            if (!domain.ok())
                return domain;
            const Result<Record> company = store::CompanyRepository(db()).byId(domain->companyId, false);
            if (!company.ok())
                return company;
            const Result<QList<FieldError>> errors
                = checkUser(domain.value(), company.value(), next, current->id, {}, true);
            if (!errors.ok())
                return errors.error();
            if (!errors->isEmpty())
                return Error::invalid(
                    errors.value(), QStringLiteral("The user cannot be restored within the current limits."));
        }
        const Result<bool> updated = users.update(current.value(), next, now);
        if (!updated.ok())
            return updated.error();
        if (!updated.value())
            return Error::make(ErrorKind::PreconditionFailed, QStringLiteral("The user changed meanwhile."));
        const int delta = action == QLatin1String("delete") ? -1 : action == QLatin1String("restore") ? 1 : 0;
        if (delta != 0) {
            if (Status s = domains.adjustUserCount(current->domainId, delta); !s.ok())
                return s.error();
        }
        QJsonObject changes = diff(current->data, next, {QStringLiteral("status"), QStringLiteral("deleted_at")});
        if (!reason.isEmpty())
            changes.insert(QStringLiteral("reason"),
                QJsonObject {{QStringLiteral("before"), QJsonValue::Null}, {QStringLiteral("after"), reason}});
        if (Status s = audit(actor, kType, current->data.value(QLatin1String("address")).toString(), action,
                changes, current->companyId, current->domainId);
            !s.ok())
            return s.error();
        return users.byId(current->id);
    });
}

Result<Record> UserService::remove(
    const Actor &actor, const QString &address, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("user.delete")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    return changeStatus(
        actor, user.value(), QStringLiteral("deleted"), QStringLiteral("delete"), expectedVersion);
}

Result<Record> UserService::restore(
    const Actor &actor, const QString &address, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("user.delete")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address, true);
    if (!user.ok())
        return user.error();
    return changeStatus(
        actor, user.value(), QStringLiteral("active"), QStringLiteral("restore"), expectedVersion);
}

Result<Record> UserService::setSuspended(const Actor &actor, const QString &address, bool suspend,
    std::optional<int> expectedVersion, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("user.suspend")); !s.ok())
        return s.error();
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("reason"))
            return Error::invalidField(it.key(), QStringLiteral("unknown_field"),
                QStringLiteral("This field is not known here."));
    }
    const QJsonValue reasonValue = input.value(QLatin1String("reason"));
    if (!reasonValue.isUndefined() && !reasonValue.isNull() && !reasonValue.isString())
        return Error::invalidField(
            QStringLiteral("reason"), QStringLiteral("type"), QStringLiteral("Expected a string."));
    const QString reason = reasonValue.toString().trimmed();
    if (reason.size() > 500)
        return Error::invalidField(
            QStringLiteral("reason"), QStringLiteral("too_long"), QStringLiteral("Use at most 500 characters."));
    if (validation::hasControlCharacters(reason, true))
        return Error::invalidField(QStringLiteral("reason"), QStringLiteral("invalid"),
            QStringLiteral("Control characters other than line breaks and tabs are not allowed."));
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    return changeStatus(actor, user.value(), suspend ? QStringLiteral("suspended") : QStringLiteral("active"),
        suspend ? QStringLiteral("suspend") : QStringLiteral("unsuspend"), expectedVersion, reason);
}

Result<Record> UserService::setPassword(const Actor &actor, const QString &address, const QJsonObject &input,
    std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("user.password")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    QList<FieldError> errors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("password"))
            errors << FieldError {
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
    }
    const QJsonValue value = input.value(QLatin1String("password"));
    if (!value.isString()) {
        errors << FieldError {QStringLiteral("password"),
            value.isUndefined() ? QStringLiteral("required") : QStringLiteral("type"),
            QStringLiteral("Send the new password as a string.")};
    } else {
        const auto check = validation::checkPassword(
            value.toString(), {user->data.value(QLatin1String("local_part")).toString()});
        for (const QString &reason : check.reasons)
            errors << FieldError {QStringLiteral("password"), QStringLiteral("weak_password"), reason};
    }
    if (!errors.isEmpty())
        return Error::invalid(errors, QStringLiteral("The password was not changed."));
    const QString hash = auth::PasswordHasher::hash(value.toString());
    return transaction<Record>([&]() -> Result<Record> {
        store::UserRepository users(db());
        const Result<Record> current = users.byId(user->id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (Status s = users.setPasswordHash(current->id, hash); !s.ok())
            return s.error();
        // The version moves so that an editor holding the old one learns that something changed.
        QJsonObject next = current->data;
        if (const Result<bool> updated = users.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        const QJsonObject changes {{QStringLiteral("password"),
            QJsonObject {
                {QStringLiteral("before"),
                    current->data.value(QLatin1String("password_set")).toBool() ? QStringLiteral("(set)")
                                                                                : QStringLiteral("(none)")},
                {QStringLiteral("after"), QStringLiteral("(changed)")}}}};
        if (Status s = audit(actor, kType, current->data.value(QLatin1String("address")).toString(),
                QStringLiteral("password"), changes, current->companyId, current->domainId);
            !s.ok())
            return s.error();
        return users.byId(current->id);
    });
}

Result<int> UserService::purgeExpired() const
{
    return transaction<int>([&]() -> Result<int> {
        const Result<int> purged
            = store::UserRepository(db()).purgeDeletedBefore(auth::Clock::now() - kRetentionSeconds);
        // Purged mailboxes free their place on their store.
        if (purged.ok() && purged.value() > 0) {
            if (Status s = store::MailStoreRepository(db()).recount(); !s.ok())
                return s.error();
        }
        return purged;
    });
}

} // namespace mailadmin::service
