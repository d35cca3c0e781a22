#include "service/ContactService.h"

#include "store/ContactRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("contact");
}

Result<Record> ContactService::contactInScope(const Actor &actor, qint64 companyId, qint64 id) const
{
    if (const Result<Record> company = companyInScope(actor, companyId); !company.ok())
        return company.error();
    Result<Record> contact = store::ContactRepository(db()).byId(id);
    if (contact.ok() && (contact->isNull() || contact->companyId != companyId))
        return Error::notFound(QStringLiteral("There is no contact %1 in this company.").arg(id));
    return contact;
}

Result<Page> ContactService::list(const Actor &actor, qint64 companyId, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("contact.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("type"), QStringLiteral("name")},
            {{QStringLiteral("type"), EntitySchema::contact().field(QStringLiteral("type"))->choices}});
        !s.ok())
        return s.error();
    if (const Result<Record> company = companyInScope(actor, companyId); !company.ok())
        return company.error();
    return store::ContactRepository(db()).list(companyId, query);
}

Result<Record> ContactService::get(const Actor &actor, qint64 companyId, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("contact.read")); !s.ok())
        return s.error();
    return contactInScope(actor, companyId, id);
}

Result<Record> ContactService::create(const Actor &actor, qint64 companyId, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("contact.write")); !s.ok())
        return s.error();
    if (const Result<Record> company = companyInScope(actor, companyId); !company.ok())
        return company.error();
    const Result<QJsonObject> valid = EntitySchema::contact().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    QJsonObject object = merged(
        QJsonObject {{QStringLiteral("phone"), QJsonValue::Null}, {QStringLiteral("notes"), QString()},
            {QStringLiteral("notice_kinds"), QJsonArray::fromStringList(incidents::kinds())}},
        valid.value());
    object.insert(QStringLiteral("company_id"), double(companyId));
    return transaction<Record>([&]() -> Result<Record> {
        store::ContactRepository contacts(db());
        const Result<qint64> n = contacts.countForCompany(companyId);
        if (!n.ok())
            return n.error();
        if (n.value() >= kMaxPerCompany)
            return Error::invalid({FieldError {QStringLiteral("type"), QStringLiteral("limit_reached"),
                QStringLiteral("A company has at most %1 contacts.").arg(kMaxPerCompany)}});
        const Result<qint64> id = contacts.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        const Result<Record> created = contacts.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = audit(actor, kType, QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, writableFields(EntitySchema::contact())), companyId, 0);
            !s.ok())
            return s.error();
        return created;
    });
}

Result<Record> ContactService::update(const Actor &actor, qint64 companyId, qint64 id,
    const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("contact.write")); !s.ok())
        return s.error();
    if (const Result<Record> visible = contactInScope(actor, companyId, id); !visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::contact().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::ContactRepository contacts(db());
        const Result<Record> current = contacts.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const QJsonObject next = merged(current->data, valid.value());
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::contact()));
        if (changes.isEmpty())
            return current;
        const Result<bool> updated = contacts.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        if (Status s
            = audit(actor, kType, QString::number(id), QStringLiteral("update"), changes, companyId, 0);
            !s.ok())
            return s.error();
        return contacts.byId(id);
    });
}

Status ContactService::remove(
    const Actor &actor, qint64 companyId, qint64 id, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("contact.write")); !s.ok())
        return s;
    if (const Result<Record> visible = contactInScope(actor, companyId, id); !visible.ok())
        return visible.error();
    const Result<bool> done = transaction<bool>([&]() -> Result<bool> {
        store::ContactRepository contacts(db());
        const Result<Record> current = contacts.byId(id);
        if (!current.ok())
            return current.error();
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (Status s = contacts.remove(id); !s.ok())
            return s.error();
        if (Status s = audit(actor, kType, QString::number(id), QStringLiteral("delete"),
                diff(current->data, {}, writableFields(EntitySchema::contact())), companyId, 0);
            !s.ok())
            return s.error();
        return true;
    });
    return done.ok() ? Status::success() : Status(done.error());
}

} // namespace mailadmin::service
