#include "Session.h"

#include "ApiClient.h"

#include <QJsonArray>

namespace mailadmin::api {

Session::Session(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) { }

void Session::signIn(const QString &login, const QString &password, QObject *context, Done done)
{
    const QJsonObject body {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}};
    m_client->post(
        QStringLiteral("/sessions"), body, context, [this, login, context, done](const ApiResult &result) {
            if (!result.ok()) {
                done(result.error);
                return;
            }
            const QString token = result.json.value(QLatin1String("token")).toString();
            const bool resuming = isSignedIn();
            m_client->setToken(token);
            m_client->get(QStringLiteral("/me"), {}, context,
                [this, login, token, resuming, done](const ApiResult &me) {
                    if (!me.ok()) {
                        done(me.error);
                        return;
                    }
                    const QJsonObject o = me.json;
                    m_me.id = qint64(o.value(QLatin1String("id")).toDouble());
                    m_me.login = o.value(QLatin1String("login")).toString();
                    m_me.displayName = o.value(QLatin1String("display_name")).toString();
                    m_me.role = o.value(QLatin1String("role")).toString();
                    m_me.companyId = qint64(o.value(QLatin1String("company_id")).toDouble());
                    m_me.companyName = o.value(QLatin1String("company_name")).toString();
                    m_me.domains.clear();
                    for (const QJsonValue &v : o.value(QLatin1String("domains")).toArray())
                        m_me.domains << v.toString();
                    m_me.actions.clear();
                    for (const QJsonValue &v : o.value(QLatin1String("actions")).toArray())
                        m_me.actions << v.toString();
                    m_lastLogin = login;
                    if (resuming)
                        m_client->resumeAfterSignIn(token);
                    done(ApiError {});
                    emit signedIn();
                });
        });
}

void Session::signOut()
{
    if (!isSignedIn())
        return;
    m_client->remove(QStringLiteral("/sessions/current"), 0, this, [](const ApiResult &) {});
    m_client->setToken({});
    m_me = Me {};
    emit signedOut();
}

} // namespace mailadmin::api
