#include "AlertCalls.h"

#include <QJsonArray>

namespace mailadmin::api {

QString AlertCalls::alertsPath()
{
    return QStringLiteral("/alerts");
}

QString AlertCalls::episodesPath()
{
    return alertsPath() + QStringLiteral("/episodes");
}

void AlertCalls::transitionAlerts(const QList<qint64> &ids, Transition transition, const QString &note,
    QObject *context, ApiClient::Callback callback) const
{
    QJsonArray list;
    for (qint64 id : ids)
        list.append(double(id));
    QJsonObject body {{QStringLiteral("ids"), list}};
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note);
    const QString action
        = transition == Transition::Acknowledge ? QStringLiteral("acknowledge") : QStringLiteral("resolve");
    m_client->post(alertsPath() + QLatin1Char('/') + action, body, context, std::move(callback));
}

void AlertCalls::transitionAlert(qint64 id, Transition transition, const QString &note, QObject *context,
    ApiClient::Callback callback) const
{
    const QString action
        = transition == Transition::Acknowledge ? QStringLiteral("acknowledge") : QStringLiteral("resolve");
    QJsonObject body;
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note);
    m_client->post(
        alertsPath() + QStringLiteral("/%1/%2").arg(id).arg(action), body, context, std::move(callback));
}

} // namespace mailadmin::api
