#include "AlertCalls.h"

namespace mailadmin::api {

QString AlertCalls::alertsPath()
{
    return QStringLiteral("/alerts");
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
