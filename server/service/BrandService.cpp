#include "service/BrandService.h"

#include "service/LogoCheck.h"
#include "store/BrandRepository.h"

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("brand");

QStringList auditedFields()
{
    QStringList fields = writableFields(EntitySchema::brand());
    fields.removeAll(QStringLiteral("logo"));
    fields << QStringLiteral("logo_type");
    return fields;
}
} // namespace

Result<Record> BrandService::brandInScope(const Actor &actor, qint64 id) const
{
    Result<Record> brand = store::BrandRepository(db()).byId(id);
    if (brand.ok() && (brand->isNull() || (!actor.isOperator() && brand->companyId != actor.companyId)))
        return Error::notFound(QStringLiteral("There is no brand %1.").arg(id));
    return brand;
}

void BrandService::inspectLogo(QJsonObject &object, QList<FieldError> &errors)
{
    const QJsonValue logo = object.value(QLatin1String("logo"));
    if (logo.isNull() || logo.isUndefined()) {
        object.insert(QStringLiteral("logo"), QJsonValue::Null);
        object.insert(QStringLiteral("logo_type"), QJsonValue::Null);
        return;
    }
    const LogoCheck check = LogoCheck::inspect(QByteArray::fromBase64(logo.toString().toLatin1()));
    if (!check.ok()) {
        errors << FieldError {QStringLiteral("logo"), QStringLiteral("invalid_image"), check.problem};
        return;
    }
    object.insert(QStringLiteral("logo_type"), check.mimeType);
}

Result<Page> BrandService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("brand.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("name")}, {{QStringLiteral("company_id"), {}}}); !s.ok())
        return s.error();
    qint64 company = actor.isOperator() ? query.filters.value(QStringLiteral("company_id")).toLongLong()
                                        : actor.companyId;
    return store::BrandRepository(db()).list(company, query);
}

Result<Record> BrandService::get(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("brand.read")); !s.ok())
        return s.error();
    return brandInScope(actor, id);
}

Result<BrandService::Logo> BrandService::logo(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("brand.read")); !s.ok())
        return s.error();
    if (const Result<Record> brand = brandInScope(actor, id); !brand.ok())
        return brand.error();
    const Result<store::BrandRepository::Logo> logo = store::BrandRepository(db()).logo(id);
    if (!logo.ok())
        return logo.error();
    if (logo->data.isEmpty())
        return Error::notFound(QStringLiteral("This brand has no logo."));
    return Logo {logo->data, logo->type};
}

Result<Record> BrandService::create(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("brand.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::brand().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    QJsonObject object = merged(QJsonObject {{QStringLiteral("product_name"), QString()},
                                    {QStringLiteral("primary_colour"), QStringLiteral("#1a5fb4")},
                                    {QStringLiteral("accent_colour"), QStringLiteral("#e66100")},
                                    {QStringLiteral("support_url"), QJsonValue::Null},
                                    {QStringLiteral("support_email"), QJsonValue::Null},
                                    {QStringLiteral("login_message"), QString()}},
        valid.value());
    QList<FieldError> errors;
    qint64 companyId = actor.companyId;
    if (actor.isOperator()) {
        companyId = qint64(object.value(QLatin1String("company_id")).toDouble());
        if (companyId == 0)
            errors << FieldError {QStringLiteral("company_id"), QStringLiteral("required"),
                QStringLiteral("Say which company owns the brand.")};
    } else if (object.contains(QLatin1String("company_id"))
        && qint64(object.value(QLatin1String("company_id")).toDouble()) != companyId) {
        return Error::notFound(QStringLiteral("There is no such company."));
    }
    object.insert(QStringLiteral("company_id"), double(companyId));
    inspectLogo(object, errors);
    if (!errors.isEmpty())
        return Error::invalid(errors);
    if (const Result<Record> company = companyInScope(actor, companyId); !company.ok()) {
        if (company.error().kind == ErrorKind::NotFound)
            return Error::invalidField(
                QStringLiteral("company_id"), QStringLiteral("not_found"), company.error().detail);
        return company.error();
    }
    return transaction<Record>([&]() -> Result<Record> {
        store::BrandRepository brands(db());
        const Result<bool> taken
            = brands.nameTaken(companyId, object.value(QLatin1String("name")).toString(), 0);
        if (!taken.ok())
            return taken.error();
        if (taken.value())
            return Error::conflict(QStringLiteral("This company already has a brand with that name."));
        const Result<qint64> id = brands.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        const Result<Record> created = brands.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = audit(actor, kType, QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, auditedFields()), companyId, 0);
            !s.ok())
            return s.error();
        return created;
    });
}

Result<Record> BrandService::update(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("brand.write")); !s.ok())
        return s.error();
    if (const Result<Record> visible = brandInScope(actor, id); !visible.ok())
        return visible.error();
    const Result<QJsonObject> valid = EntitySchema::brand().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::BrandRepository brands(db());
        const Result<Record> current = brands.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        QJsonObject next = merged(current->data, valid.value());
        QList<FieldError> errors;
        if (valid->contains(QLatin1String("logo")))
            inspectLogo(next, errors);
        if (!errors.isEmpty())
            return Error::invalid(errors);
        if (valid->contains(QLatin1String("name"))) {
            const Result<bool> taken
                = brands.nameTaken(current->companyId, next.value(QLatin1String("name")).toString(), id);
            if (!taken.ok())
                return taken.error();
            if (taken.value())
                return Error::conflict(QStringLiteral("This company already has a brand with that name."));
        }
        QJsonObject changes = diff(current->data, next, auditedFields());
        if (current->data.value(QLatin1String("logo")) != next.value(QLatin1String("logo")))
            changes.insert(QStringLiteral("logo"),
                QJsonObject {{QStringLiteral("before"), QStringLiteral("(image)")},
                    {QStringLiteral("after"),
                        next.value(QLatin1String("logo")).isNull()
                            ? QJsonValue(QJsonValue::Null)
                            : QJsonValue(QStringLiteral("(new image)"))}});
        if (changes.isEmpty())
            return current;
        if (const Result<bool> updated = brands.update(current.value(), next, auth::Clock::now());
            !updated.ok())
            return updated.error();
        if (Status s = audit(
                actor, kType, QString::number(id), QStringLiteral("update"), changes, current->companyId, 0);
            !s.ok())
            return s.error();
        return brands.byId(id);
    });
}

Status BrandService::remove(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("brand.write")); !s.ok())
        return s;
    if (const Result<Record> visible = brandInScope(actor, id); !visible.ok())
        return visible.error();
    const Result<bool> done = transaction<bool>([&]() -> Result<bool> {
        store::BrandRepository brands(db());
        const Result<Record> current = brands.byId(id);
        if (!current.ok())
            return current.error();
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        const int assigned = current->data.value(QLatin1String("assignments")).toInt();
        if (assigned > 0)
            return Error::conflict(QStringLiteral("The brand is assigned to %1 companies, domains or users; "
                                                  "assign another brand to them first.")
                                       .arg(assigned));
        if (Status s = brands.remove(id); !s.ok())
            return s.error();
        if (Status s = audit(actor, kType, QString::number(id), QStringLiteral("delete"),
                diff(current->data, {}, auditedFields()), current->companyId, 0);
            !s.ok())
            return s.error();
        return true;
    });
    return done.ok() ? Status::success() : Status(done.error());
}

} // namespace mailadmin::service
