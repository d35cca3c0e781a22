#include "CompanyOverviewModel.h"

#include "CompanyCalls.h"
#include "Format.h"

#include <QColor>
#include <QLocale>

namespace mailadmin::models {

namespace {
const auto kRight = Qt::AlignRight | Qt::AlignVCenter;
qint64 number(const QJsonObject &o, const char *field)
{
    return qint64(o.value(QLatin1String(field)).toDouble());
}
bool deleted(const QJsonObject &o)
{
    const QJsonValue at = o.value(QLatin1String("deleted_at"));
    return !at.isNull() && !at.isUndefined();
}
} // namespace

CompanyOverviewModel::CompanyOverviewModel(api::ApiClient *client, QObject *parent)
    : PagedListModel(client, parent)
{
    // Short titles, so that every column fits beside the names; the header's tooltips say the rest.
    setColumns({{tr("Company"), QStringLiteral("name")}, {tr("Status"), QStringLiteral("status")},
        {tr("Mailboxes"), QStringLiteral("mailboxes"), kRight},
        {tr("Active"), QStringLiteral("active_users"), kRight},
        {tr("Used"), QStringLiteral("used_bytes"), kRight}, {tr("Quota"), QString(), kRight},
        {tr("% used"), QString(), kRight}, {tr("Alerts"), QStringLiteral("open_alerts"), kRight},
        {tr("Incidents"), QStringLiteral("open_incidents"), kRight}});
    setInitialSort(0);
}

void CompanyOverviewModel::load()
{
    setSource(api::CompanyCalls::overviewPath());
}

QVariant CompanyOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::InitialSortOrderRole && orientation == Qt::Horizontal)
        return section == Name || section == Status ? Qt::AscendingOrder : Qt::DescendingOrder;
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal) {
        switch (section) {
        case ActiveUsers:
            return tr("Mailboxes that logged in during the last 7 days");
        case Used:
            return tr("Storage used by the company's mailboxes");
        case Quota:
            return quotaNote();
        case UsedShare:
            return tr("Storage used as a share of the quotas");
        case OpenAlerts:
            return tr("Alerts still open or acknowledged");
        case OpenIncidents:
            return tr("Open incidents affecting the company");
        default:
            return {};
        }
    }
    return PagedListModel::headerData(section, orientation, role);
}

qint64 CompanyOverviewModel::companyIdAt(int row) const
{
    return number(objectAt(row), "id");
}

QString CompanyOverviewModel::nameAt(int row) const
{
    return objectAt(row).value(QLatin1String("name")).toString();
}

bool CompanyOverviewModel::isDeletedAt(int row) const
{
    return deleted(objectAt(row));
}

void CompanyOverviewModel::updateCompany(const QJsonObject &company)
{
    const int row = rowOfKey(company.value(QLatin1String("id")).toVariant().toString());
    if (row < 0)
        return;
    QJsonObject object = objectAt(row);
    for (const char *field : {"name", "status", "version", "deleted_at", "suspended_reason"}) {
        const QJsonValue value = company.value(QLatin1String(field));
        if (!value.isUndefined())
            object.insert(QLatin1String(field), value);
    }
    updateObject(object);
}

QString CompanyOverviewModel::quotaNote()
{
    return tr("The sum of the mailboxes' quotas; mailboxes without a quota are not counted.");
}

QString CompanyOverviewModel::percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return {};
    const double share = 100.0 * double(part) / double(whole);
    // One decimal, as the dashboard shows shares: 0.4 % does not read as nothing used.
    return tr("%1 %").arg(QLocale().toString(share, 'f', 1));
}

QVariant CompanyOverviewModel::display(const QJsonObject &c, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return c.value(QLatin1String("name")).toString();
    case Status:
        return format::companyStatus(
            deleted(c) ? QStringLiteral("deleted") : c.value(QLatin1String("status")).toString());
    case Mailboxes:
        return locale.toString(number(c, "mailboxes"));
    case ActiveUsers:
        return locale.toString(number(c, "active_users"));
    case Used:
        return format::bytes(number(c, "used_bytes"));
    case Quota:
        return number(c, "quota_bytes") > 0 ? format::bytes(number(c, "quota_bytes")) : tr("No quota");
    case UsedShare:
        return percent(number(c, "used_bytes"), number(c, "quota_bytes"));
    case OpenAlerts:
        return locale.toString(number(c, "open_alerts"));
    case OpenIncidents:
        return locale.toString(number(c, "open_incidents"));
    default:
        return {};
    }
}

QVariant CompanyOverviewModel::decoration(const QJsonObject &c, int column) const
{
    if (column != Status)
        return {};
    // The colours of the window's band and connection label: green runs, amber is held, red is gone.
    if (deleted(c))
        return QColor(0xc0, 0x1c, 0x28);
    if (c.value(QLatin1String("status")).toString() == QLatin1String("suspended"))
        return QColor(0xe5, 0xa5, 0x0a);
    return QColor(0x26, 0xa2, 0x69);
}

QVariant CompanyOverviewModel::tooltip(const QJsonObject &c, int column) const
{
    switch (column) {
    case Status:
        if (deleted(c))
            return tr("Deleted: Restore brings it back with its domains and mailboxes.");
        if (c.value(QLatin1String("status")).toString() == QLatin1String("suspended")) {
            const QString reason = c.value(QLatin1String("suspended_reason")).toString();
            return reason.isEmpty() ? tr("Suspended: its admins cannot sign in and its mail is refused.")
                                    : tr("Suspended: %1").arg(reason);
        }
        return {};
    case ActiveUsers: {
        const qint64 mailboxes = number(c, "mailboxes");
        if (mailboxes <= 0)
            return {};
        return tr("%1 of the mailboxes logged in during the last 7 days")
            .arg(percent(number(c, "active_users"), mailboxes));
    }
    case Quota:
    case UsedShare:
        return quotaNote();
    default:
        return {};
    }
}

} // namespace mailadmin::models
