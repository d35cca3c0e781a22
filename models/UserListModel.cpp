#include "UserListModel.h"

#include <QJsonArray>

#include "DirectoryCalls.h"
#include "Format.h"
#include "Schema.h"
#include "Validation.h"

namespace mailadmin::models {

UserListModel::UserListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    const auto right = Qt::AlignRight | Qt::AlignVCenter;
    setColumns({
        {tr("Address"), QStringLiteral("address")},
        {tr("Name"), QStringLiteral("display_name")},
        {tr("Type"), QStringLiteral("type")},
        {tr("Status"), QStringLiteral("status")},
        {tr("Quota"), QStringLiteral("quota"), right},
        {tr("Used"), QStringLiteral("used_bytes"), right},
        {tr("Last login"), QString()},
    });
    setInitialSort(0);
}

void UserListModel::setDomain(const QString &domain)
{
    setSource(api::DirectoryCalls::domainUsersPath(domain));
}

void UserListModel::setAllDomains(const QString &status)
{
    QUrlQuery fixed;
    if (!status.isEmpty())
        fixed.addQueryItem(QStringLiteral("status"), status);
    setSource(api::DirectoryCalls::usersPath(), fixed);
}

QStringList UserListModel::keptFields() const
{
    return {QStringLiteral("address"), QStringLiteral("display_name"), QStringLiteral("type"),
        QStringLiteral("status"), QStringLiteral("quota"), QStringLiteral("used_bytes"),
        QStringLiteral("last_login"), QStringLiteral("version"), QStringLiteral("local_part"),
        QStringLiteral("forward_recipients")};
}

QString UserListModel::lastLogin(const QJsonObject &user)
{
    QString latest;
    const QJsonObject logins = user.value(QLatin1String("last_login")).toObject();
    for (auto it = logins.begin(); it != logins.end(); ++it) {
        if (it.value().isString() && it.value().toString() > latest)
            latest = it.value().toString();
    }
    return latest;
}

QStringList UserListModel::exportHeader(const QJsonObject &) const
{
    return {QStringLiteral("address"), QStringLiteral("local_part"), QStringLiteral("display_name"),
        QStringLiteral("type"), QStringLiteral("status"), QStringLiteral("quota"), QStringLiteral("used_bytes"),
        QStringLiteral("last_login"), QStringLiteral("forward_recipients")};
}

QStringList UserListModel::exportRow(const QJsonObject &u, const QStringList &) const
{
    const QString address = u.value(QLatin1String("address")).toString();
    const auto bytes = [&u](const char *field) {
        return QString::number(qint64(u.value(QLatin1String(field)).toDouble()));
    };
    QString localPart = u.value(QLatin1String("local_part")).toString();
    if (localPart.isEmpty())
        localPart = address.left(address.lastIndexOf(QLatin1Char('@')));
    QStringList forwards;
    for (const QJsonValue &v : u.value(QLatin1String("forward_recipients")).toArray())
        forwards << v.toString();
    return {address, localPart, u.value(QLatin1String("display_name")).toString(),
        u.value(QLatin1String("type")).toString(), u.value(QLatin1String("status")).toString(), bytes("quota"),
        bytes("used_bytes"), lastLogin(u), forwards.join(QLatin1Char(';'))};
}

QVariant UserListModel::display(const QJsonObject &u, int column) const
{
    switch (column) {
    case Address:
        return validation::addressForDisplay(u.value(QLatin1String("address")).toString());
    case DisplayName:
        return u.value(QLatin1String("display_name")).toString();
    case Type:
        return format::userType(u.value(QLatin1String("type")).toString());
    case Status:
        return format::status(u.value(QLatin1String("status")).toString());
    case Quota:
        return format::bytes(qint64(u.value(QLatin1String("quota")).toDouble()));
    case Used: {
        const double quota = u.value(QLatin1String("quota")).toDouble();
        const double used = u.value(QLatin1String("used_bytes")).toDouble();
        if (quota <= 0)
            return format::bytes(qint64(used));
        return QStringLiteral("%1 (%2%)").arg(format::bytes(qint64(used))).arg(qRound(100.0 * used / quota));
    }
    case LastLogin:
        return format::time(lastLogin(u));
    default:
        return {};
    }
}

QVariant UserListModel::tooltip(const QJsonObject &u, int column) const
{
    if (column != LastLogin)
        return {};
    QStringList lines;
    const QJsonObject logins = u.value(QLatin1String("last_login")).toObject();
    for (const QString &p : services::protocols())
        lines << QStringLiteral("%1: %2").arg(format::protocol(p), format::time(logins.value(p).toString()));
    return lines.join(QLatin1Char('\n'));
}

} // namespace mailadmin::models
