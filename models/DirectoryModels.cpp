#include "DirectoryModels.h"

#include "AccessCalls.h"
#include "CompanyCalls.h"
#include "DirectoryCalls.h"
#include "Format.h"
#include "Validation.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace mailadmin::models {

namespace {
const auto kRight = Qt::AlignRight | Qt::AlignVCenter;
qint64 number(const QJsonObject &o, const char *field)
{
    return qint64(o.value(QLatin1String(field)).toDouble());
}
QString text(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String(field)).toString();
}
} // namespace

DomainListModel::DomainListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Domain"), QStringLiteral("name")}, {tr("Users"), QStringLiteral("user_count"), kRight},
        {tr("Default quota"), QString(), kRight}, {tr("Quota maximum"), QString(), kRight},
        {tr("State"), QString()}, {tr("Created"), QStringLiteral("created_at")}});
    setInitialSort(0);
    setSource(api::DirectoryCalls::domainsPath());
}

void DomainListModel::setDeleted(bool deleted)
{
    QUrlQuery fixed;
    if (deleted)
        fixed.addQueryItem(QStringLiteral("deleted"), QStringLiteral("true"));
    setSource(api::DirectoryCalls::domainsPath(), fixed);
}

QVariant DomainListModel::display(const QJsonObject &d, int column) const
{
    switch (column) {
    case Name:
        return validation::domainForDisplay(text(d, "name"));
    case Users:
        return QLocale().toString(number(d, "user_count"));
    case DefaultQuota:
        return format::bytes(number(d, "default_quota"));
    case Maximum:
        return format::bytes(number(d, "quota_maximum"));
    case State:
        if (!d.value(QLatin1String("deleted_at")).isNull())
            return tr("Deleted %1").arg(format::date(text(d, "deleted_at")));
        return d.value(QLatin1String("disabled")).toBool() ? tr("Disabled") : tr("Active");
    case Created:
        return format::date(text(d, "created_at"));
    default:
        return {};
    }
}

CompanyListModel::CompanyListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Company"), QStringLiteral("name")}, {tr("Domains"), QString(), kRight},
        {tr("Users"), QString(), kRight}, {tr("Default quota"), QString(), kRight}});
    setInitialSort(0);
    setSource(api::CompanyCalls::listPath());
}

QVariant CompanyListModel::display(const QJsonObject &c, int column) const
{
    switch (column) {
    case Name:
        return text(c, "name");
    case Domains:
        return QLocale().toString(number(c, "domain_count"));
    case Users:
        return QLocale().toString(number(c, "user_count"));
    case DefaultQuota:
        return format::bytes(number(c, "default_quota"));
    default:
        return {};
    }
}

ContactListModel::ContactListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Type"), QStringLiteral("type")}, {tr("Name"), QStringLiteral("name")},
        {tr("E-mail"), QString()}, {tr("Phone"), QString()}, {tr("Notes"), QString()}});
}

void ContactListModel::setCompany(qint64 companyId)
{
    setSource(api::DirectoryCalls::companyContactsPath(companyId));
}

QVariant ContactListModel::display(const QJsonObject &c, int column) const
{
    switch (column) {
    case Type:
        return format::contactType(text(c, "type"));
    case Name:
        return text(c, "name");
    case Email:
        return text(c, "email");
    case Phone:
        return text(c, "phone");
    case Notes:
        return text(c, "notes").simplified();
    default:
        return {};
    }
}

BrandListModel::BrandListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Brand"), QStringLiteral("name")}, {tr("Product name"), QString()},
        {tr("Colours"), QString()}, {tr("Assigned to"), QString(), kRight}});
    setInitialSort(0);
    setSource(api::DirectoryCalls::brandsPath());
}

QVariant BrandListModel::display(const QJsonObject &b, int column) const
{
    switch (column) {
    case Name:
        return text(b, "name");
    case Product:
        return text(b, "product_name");
    case Colours:
        return QStringLiteral("%1  %2").arg(text(b, "primary_colour"), text(b, "accent_colour"));
    case Assigned:
        return QLocale().toString(number(b, "assignments"));
    default:
        return {};
    }
}

QVariant BrandListModel::decoration(const QJsonObject &b, int column) const
{
    if (column == Colours)
        return QColor(text(b, "primary_colour"));
    return {};
}

AdminListModel::AdminListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Login"), QStringLiteral("login")}, {tr("Name"), QString()},
        {tr("Role"), QStringLiteral("role")}, {tr("Scope"), QString()}, {tr("State"), QString()},
        {tr("Last sign-in"), QString()}});
    setInitialSort(0);
    setSource(api::access::adminsPath());
}

QVariant AdminListModel::display(const QJsonObject &a, int column) const
{
    switch (column) {
    case Login:
        return text(a, "login");
    case Name:
        return text(a, "display_name");
    case Role:
        return format::role(text(a, "role"));
    case Scope: {
        QStringList domains;
        for (const QJsonValue &v : a.value(QLatin1String("domains")).toArray())
            domains << validation::domainForDisplay(v.toString());
        if (!domains.isEmpty())
            return domains.join(QStringLiteral(", "));
        if (a.value(QLatin1String("company_id")).isNull())
            return tr("Whole server");
        if (!text(a, "company_name").isEmpty())
            return text(a, "company_name");
        return tr("Company %1").arg(number(a, "company_id"));
    }
    case State:
        return a.value(QLatin1String("disabled")).toBool() ? tr("Disabled") : tr("Active");
    case LastLogin:
        return format::time(text(a, "last_login_at"));
    default:
        return {};
    }
}

AuditListModel::AuditListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Time"), QStringLiteral("at")}, {tr("Who"), QString()}, {tr("Action"), QString()},
        {tr("Kind"), QString()}, {tr("Object"), QString()}, {tr("Changes"), QString()}});
    setSource(api::access::auditPath());
}

QString AuditListModel::describeChanges(const QJsonObject &changes)
{
    QStringList parts;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QString key = it.key();
        const QJsonObject change = it.value().toObject();
        const bool isSize = key.endsWith(QLatin1String("quota")) || key == QLatin1String("quota_maximum")
            || key == QLatin1String("used_bytes");
        const bool isTime = key.endsWith(QLatin1String("_at"));
        const auto show = [&key, isSize, isTime](const QJsonValue &v) -> QString {
            if (v.isNull() || v.isUndefined())
                return QStringLiteral("—");
            if (v.isString()) {
                const QString s = v.toString();
                if (isTime)
                    return format::time(s);
                if (key == QLatin1String("type"))
                    return format::userType(s);
                if (key == QLatin1String("status"))
                    return format::status(s);
                if (key == QLatin1String("role"))
                    return format::role(s);
                return s;
            }
            if (v.isDouble())
                return isSize ? format::bytes(qint64(v.toDouble()))
                              : QLocale().toString(qint64(v.toDouble()));
            if (v.isBool())
                return format::yesNo(v.toBool());
            return QString::fromUtf8(v.isArray()
                    ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                    : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        };
        const QString from = show(change.value(QLatin1String("before")));
        const QString to = show(change.value(QLatin1String("after")));
        if (from == to)
            continue; // written but not changed ("— → —")
        parts << QStringLiteral("%1: %2 → %3").arg(format::fieldLabel(key), from, to);
    }
    return parts.join(QStringLiteral("; "));
}

QVariant AuditListModel::display(const QJsonObject &e, int column) const
{
    switch (column) {
    case Time:
        return format::time(text(e, "at"));
    case Actor:
        return text(e, "actor");
    case Action:
        return format::auditAction(text(e, "action"));
    case ObjectType:
        return format::objectType(text(e, "object_type"));
    case Object:
        // Brands, contacts, companies and admins by the name they go by; addresses and domain names as
        // people write them, not in punycode.
        if (!text(e, "object_name").isEmpty())
            return text(e, "object_name");
        return validation::addressForDisplay(text(e, "object_id"));
    case Changes:
        return describeChanges(e.value(QLatin1String("changes")).toObject()).left(200);
    default:
        return {};
    }
}

QVariant AuditListModel::tooltip(const QJsonObject &e, int column) const
{
    if (column == Object && !text(e, "object_name").isEmpty())
        return tr("%1 number %2").arg(format::objectType(text(e, "object_type")), text(e, "object_id"));
    if (column != Changes)
        return {};
    return describeChanges(e.value(QLatin1String("changes")).toObject())
        .replace(QStringLiteral("; "), QStringLiteral("\n"));
}

} // namespace mailadmin::models
