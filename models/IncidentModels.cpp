#include "IncidentModels.h"

#include "BulletinCalls.h"
#include "Format.h"
#include "IncidentCalls.h"
#include "PlacementCalls.h"
#include "Validation.h"

#include <QColor>
#include <QJsonArray>
#include <QLocale>

namespace mailadmin::models {

namespace {
const Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;

QString number(const QJsonValue &v)
{
    return QLocale().toString(qint64(v.toDouble()));
}

} // namespace

IncidentListModel::IncidentListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns(
        {{tr("Starts"), QStringLiteral("starts_at")}, {tr("Kind"), QString()}, {tr("Title"), QString()},
            {tr("Severity"), QString()}, {tr("Status"), QString()}, {tr("Affected"), QString()}});
    setPageSize(100);
    setSource(api::IncidentCalls::incidentsPath());
}

QString IncidentListModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("outage"))
        return tr("Outage");
    if (kind == QLatin1String("degradation"))
        return tr("Degradation");
    if (kind == QLatin1String("maintenance"))
        return tr("Maintenance");
    return kind;
}

QString IncidentListModel::statusText(const QString &status)
{
    return format::incidentStatus(status);
}

QString IncidentListModel::severityText(const QString &severity)
{
    return format::severity(severity);
}

QString IncidentListModel::affectedText(const QJsonObject &incident)
{
    if (incident.contains(QLatin1String("your_impact"))) {
        const QJsonObject mine = incident.value(QLatin1String("your_impact")).toObject();
        return tr("%1 of your %2 mailboxes")
            .arg(number(mine.value(QLatin1String("mailboxes"))), number(mine.value(QLatin1String("total"))));
    }
    return tr("%1 mailboxes in %2 companies")
        .arg(number(incident.value(QLatin1String("affected_mailboxes"))),
            number(incident.value(QLatin1String("affected_companies"))));
}

QVariant IncidentListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Started:
        return format::time(o.value(QLatin1String("starts_at")).toString());
    case Kind:
        return kindText(o.value(QLatin1String("kind")).toString());
    case Title:
        return o.value(QLatin1String("title")).toString();
    case Severity:
        return severityText(o.value(QLatin1String("severity")).toString());
    case Status:
        return statusText(o.value(QLatin1String("status")).toString());
    case Affected:
        return affectedText(o);
    }
    return {};
}

QVariant IncidentListModel::decoration(const QJsonObject &o, int column) const
{
    if (column != Status)
        return {};
    const QString status = o.value(QLatin1String("status")).toString();
    if (status == QLatin1String("open"))
        return QColor(0xc0, 0x1c, 0x28);
    if (status == QLatin1String("scheduled"))
        return QColor(0xe5, 0xa5, 0x0a);
    return QColor(0x26, 0xa2, 0x69);
}

AffectedMailboxModel::AffectedMailboxModel(api::ApiClient *client, QObject *parent)
    : PagedListModel(client, parent)
{
    // Always by address, A to Z (the server's order).
    setColumns({{tr("Address"), QString()}, {tr("Name"), QString()}, {tr("Status"), QString()},
        {tr("Mail store"), QString()}});
}

void AffectedMailboxModel::setIncident(qint64 id)
{
    setSource(api::IncidentCalls::mailboxesPath(id));
}

QVariant AffectedMailboxModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Address:
        return validation::addressForDisplay(o.value(QLatin1String("address")).toString());
    case Name:
        return o.value(QLatin1String("display_name")).toString();
    case Status:
        return format::status(o.value(QLatin1String("status")).toString());
    case Store:
        return o.value(QLatin1String("store")).toString();
    }
    return {};
}

ImpactListModel::ImpactListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Company"), QString()}, {tr("Affected mailboxes"), QString(), kRight},
        {tr("Of its mailboxes"), QString(), kRight}});
}

void ImpactListModel::setIncident(qint64 id)
{
    setSource(api::IncidentCalls::impactPath(id));
}

QVariant ImpactListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Company:
        return o.value(QLatin1String("company")).toString();
    case Mailboxes:
        return number(o.value(QLatin1String("mailboxes")));
    case Total:
        return number(o.value(QLatin1String("total")));
    }
    return {};
}

NoticeDeliveryModel::NoticeDeliveryModel(api::ApiClient *client, QObject *parent)
    : PagedListModel(client, parent)
{
    setColumns({{tr("Update"), QString()}, {tr("Company"), QString()}, {tr("Contact"), QString()},
        {tr("State"), QString()}, {tr("Attempts"), QString(), kRight}, {tr("Detail"), QString()}});
}

void NoticeDeliveryModel::setIncident(qint64 id)
{
    setSource(api::IncidentCalls::deliveriesPath(id));
}

QString NoticeDeliveryModel::stateText(const QString &state)
{
    if (state == QLatin1String("queued"))
        return tr("queued");
    if (state == QLatin1String("sending"))
        return tr("sending");
    if (state == QLatin1String("sent"))
        return tr("sent");
    if (state == QLatin1String("retrying"))
        return tr("failed, will retry");
    if (state == QLatin1String("failed"))
        return tr("failed");
    if (state == QLatin1String("interrupted"))
        return tr("interrupted");
    return state;
}

QVariant NoticeDeliveryModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Update:
        return o.value(QLatin1String("update_kind")).toString();
    case Company:
        return o.value(QLatin1String("company")).toString();
    case Contact:
        return QStringLiteral("%1 <%2>").arg(
            o.value(QLatin1String("name")).toString(), o.value(QLatin1String("email")).toString());
    case State:
        return stateText(o.value(QLatin1String("state")).toString());
    case Attempts:
        return o.value(QLatin1String("attempts")).toInt();
    case Detail:
        if (!o.value(QLatin1String("last_error")).isNull())
            return o.value(QLatin1String("last_error")).toString();
        return o.value(QLatin1String("sent_at")).isNull()
            ? QString()
            : tr("sent %1").arg(format::time(o.value(QLatin1String("sent_at")).toString()));
    }
    return {};
}

ClusterListModel::ClusterListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Name"), QStringLiteral("name")}, {tr("Stores"), QString(), kRight},
        {tr("Domains"), QString(), kRight}, {tr("Mailboxes"), QString(), kRight},
        {tr("Description"), QString()}});
    setInitialSort(0);
    setSource(api::PlacementCalls::clustersPath());
}

QVariant ClusterListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Name:
        return o.value(QLatin1String("name")).toString();
    case Stores:
        return number(o.value(QLatin1String("store_count")));
    case Domains:
        return number(o.value(QLatin1String("domain_count")));
    case Mailboxes:
        return number(o.value(QLatin1String("mailbox_count")));
    case Description:
        return o.value(QLatin1String("description")).toString();
    }
    return {};
}

MailStoreListModel::MailStoreListModel(api::ApiClient *client, QObject *parent)
    : PagedListModel(client, parent)
{
    setColumns({{tr("Name"), QStringLiteral("name")}, {tr("Cluster"), QString()}, {tr("Host"), QString()},
        {tr("Services"), QString()}, {tr("New mailboxes"), QString()},
        {tr("Mailboxes"), QStringLiteral("mailbox_count"), kRight}});
    setInitialSort(0);
    setSource(api::PlacementCalls::mailStoresPath());
}

QVariant MailStoreListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Name:
        return o.value(QLatin1String("name")).toString();
    case Cluster:
        return o.value(QLatin1String("cluster")).toString();
    case Host:
        return o.value(QLatin1String("host")).toString();
    case Services:
        return format::services(o.value(QLatin1String("services")).toVariant().toStringList());
    case Accepting:
        return o.value(QLatin1String("accepting")).toBool() ? tr("accepted") : tr("closed");
    case Mailboxes:
        return number(o.value(QLatin1String("mailbox_count")));
    }
    return {};
}

OutageSuggestionModel::OutageSuggestionModel(api::ApiClient *client, QObject *parent)
    : PagedListModel(client, parent)
{
    setColumns({{tr("Suggested"), QString()}, {tr("Where"), QString()}, {tr("Signal"), QString()},
        {tr("Observed / expected"), QString()}, {tr("Status"), QString()}});
    setPageSize(100);
    setSource(api::IncidentCalls::outageSuggestionsPath());
}

QString OutageSuggestionModel::signalText(const QString &signal)
{
    if (signal == QLatin1String("failed_rise"))
        return tr("Failed logins rising");
    if (signal == QLatin1String("success_fall"))
        return tr("Successful logins falling");
    return signal;
}

QString OutageSuggestionModel::statusText(const QString &status, bool ongoing)
{
    QString text = status;
    if (status == QLatin1String("suggested"))
        text = tr("suggested");
    else if (status == QLatin1String("confirmed"))
        text = tr("confirmed");
    else if (status == QLatin1String("dismissed"))
        text = tr("dismissed");
    else if (status == QLatin1String("recovered"))
        text = tr("recovered");
    return ongoing ? tr("%1, ongoing").arg(text) : text;
}

QVariant OutageSuggestionModel::display(const QJsonObject &o, int column) const
{
    const bool failed = o.value(QLatin1String("signal")).toString() == QLatin1String("failed_rise");
    switch (column) {
    case Suggested:
        return format::time(o.value(QLatin1String("suggested_at")).toString());
    case Where:
        return o.value(QLatin1String("scope")).toString() == QLatin1String("cluster")
            ? tr("Cluster %1").arg(o.value(QLatin1String("scope_name")).toString())
            : tr("Mail store %1 (%2)")
                  .arg(o.value(QLatin1String("scope_name")).toString(),
                      o.value(QLatin1String("cluster")).toString());
    case Signal:
        return signalText(o.value(QLatin1String("signal")).toString());
    case Observed:
        return failed ? tr("%1 failed / %2 expected")
                            .arg(number(o.value(QLatin1String("observed_failed"))),
                                number(o.value(QLatin1String("expected_failed"))))
                      : tr("%1 successful / %2 expected")
                            .arg(number(o.value(QLatin1String("observed_ok"))),
                                number(o.value(QLatin1String("expected_ok"))));
    case Status:
        return statusText(
            o.value(QLatin1String("status")).toString(), o.value(QLatin1String("ongoing")).toBool());
    default:
        return {};
    }
}

BulletinListModel::BulletinListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Name"), QStringLiteral("name")}, {tr("For"), QString()}, {tr("Sent"), QString()},
        {tr("Changed"), QString()}});
    setSource(api::BulletinCalls::bulletinsPath());
}

QString BulletinListModel::typeText(const QString &type)
{
    return type == QLatin1String("auto") ? tr("To each new mailbox") : tr("When posted");
}

QString BulletinListModel::targetText(const QString &target)
{
    if (target == QLatin1String("incident"))
        return tr("affected by an incident");
    if (target == QLatin1String("test"))
        return tr("test");
    if (target == QLatin1String("new_user"))
        return tr("new mailboxes");
    return tr("all mailboxes");
}

QVariant BulletinListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Name:
        return o.value(QLatin1String("name")).toString();
    case Scope:
        return o.value(QLatin1String("scope")).toString() == QLatin1String("domain")
            ? validation::domainForDisplay(o.value(QLatin1String("domain")).toString())
            : tr("all of %1").arg(o.value(QLatin1String("company")).toString());
    case Type:
        return typeText(o.value(QLatin1String("type")).toString());
    case Updated:
        return format::time(o.value(QLatin1String("updated_at")).toString());
    }
    return {};
}

} // namespace mailadmin::models
