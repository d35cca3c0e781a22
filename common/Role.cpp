#include "Role.h"

#include <QHash>

namespace mailadmin {

namespace {
struct RoleName
{
    Role role;
    const char *name;
};
constexpr RoleName kRoles[] = {
    {Role::Operator, "operator"},
    {Role::CompanyAdmin, "company_admin"},
    {Role::CompanyReadonly, "company_readonly"},
    {Role::Support, "support"},
    {Role::DomainAdmin, "domain_admin"},
    {Role::Collector, "collector"},
};

const QHash<Role, QStringList> &table()
{
    static const QHash<Role, QStringList> t = [] {
        const QStringList readCompany = {QStringLiteral("company.read"), QStringLiteral("contact.read"),
            QStringLiteral("domain.read"), QStringLiteral("user.read"), QStringLiteral("brand.read"),
            QStringLiteral("admin.read"), QStringLiteral("audit.read"), QStringLiteral("stats.read"),
            QStringLiteral("cluster.read"), QStringLiteral("incident.read")};
        const QStringList writeCompany = {QStringLiteral("company.update"), QStringLiteral("contact.write"),
            QStringLiteral("domain.create"), QStringLiteral("domain.update"), QStringLiteral("domain.delete"),
            QStringLiteral("user.create"), QStringLiteral("user.update"), QStringLiteral("user.delete"),
            QStringLiteral("user.password"), QStringLiteral("user.suspend"), QStringLiteral("brand.write"),
            QStringLiteral("admin.write"), QStringLiteral("alert.write"), QStringLiteral("report.write"),
            QStringLiteral("bulletin.write")};
        QHash<Role, QStringList> h;
        h.insert(Role::Operator,
            QStringList {QStringLiteral("company.create"), QStringLiteral("company.list"),
                QStringLiteral("notice.write"), QStringLiteral("cluster.write"), QStringLiteral("store.read"),
                QStringLiteral("user.move"), QStringLiteral("incident.write")}
                + readCompany + writeCompany);
        h.insert(Role::CompanyAdmin, readCompany + writeCompany);
        h.insert(Role::CompanyReadonly, readCompany);
        h.insert(Role::Support,
            {QStringLiteral("company.read"), QStringLiteral("domain.read"), QStringLiteral("user.read"),
                QStringLiteral("user.password"), QStringLiteral("user.suspend"), QStringLiteral("stats.read"),
                QStringLiteral("incident.read")});
        h.insert(Role::DomainAdmin,
            {QStringLiteral("domain.read"), QStringLiteral("domain.update"), QStringLiteral("user.read"),
                QStringLiteral("user.create"), QStringLiteral("user.update"), QStringLiteral("user.delete"),
                QStringLiteral("user.password"), QStringLiteral("user.suspend"), QStringLiteral("brand.read"),
                QStringLiteral("audit.read"), QStringLiteral("stats.read"), QStringLiteral("incident.read")});
        h.insert(Role::Collector, {QStringLiteral("ingest.write")});
        return h;
    }();
    return t;
}
} // namespace

QString roles::name(Role role)
{
    for (const RoleName &r : kRoles) {
        if (r.role == role)
            return QString::fromLatin1(r.name);
    }
    return QStringLiteral("unknown");
}

Role roles::fromName(const QString &name)
{
    for (const RoleName &r : kRoles) {
        if (name == QLatin1String(r.name))
            return r.role;
    }
    return Role::Unknown;
}

const QStringList &roles::names()
{
    static const QStringList list = [] {
        QStringList l;
        for (const RoleName &r : kRoles)
            l << QString::fromLatin1(r.name);
        return l;
    }();
    return list;
}

bool roles::isCompanyScoped(Role role)
{
    return role == Role::CompanyAdmin || role == Role::CompanyReadonly || role == Role::Support
        || role == Role::DomainAdmin || role == Role::Collector;
}

const QStringList &actions::all()
{
    static const QStringList list = [] {
        QStringList l;
        for (const QStringList &a : table())
            l += a;
        l.removeDuplicates();
        l.sort();
        return l;
    }();
    return list;
}

QStringList actions::forRole(Role role)
{
    QStringList l = table().value(role);
    l.sort();
    return l;
}

bool actions::allowed(Role role, const QString &action)
{
    return table().value(role).contains(action);
}

} // namespace mailadmin
