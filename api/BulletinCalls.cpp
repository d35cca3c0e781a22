#include "BulletinCalls.h"

namespace mailadmin::api {

QString BulletinCalls::bulletinsPath()
{
    return QStringLiteral("/bulletins");
}

QString BulletinCalls::bulletinPath(qint64 id)
{
    return bulletinsPath() + QStringLiteral("/%1").arg(id);
}

void BulletinCalls::getBulletin(qint64 id, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(bulletinPath(id), {}, context, std::move(callback));
}

void BulletinCalls::createBulletin(
    const QJsonObject &bulletin, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(bulletinsPath(), bulletin, context, std::move(callback));
}

void BulletinCalls::updateBulletin(
    qint64 id, const QJsonObject &changes, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->patch(bulletinPath(id), changes, ifMatch, context, std::move(callback));
}

void BulletinCalls::deleteBulletin(
    qint64 id, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->remove(bulletinPath(id), ifMatch, context, std::move(callback));
}

void BulletinCalls::posts(qint64 id, int limit, QObject *context, ApiClient::Callback callback) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    m_client->get(bulletinPath(id) + QStringLiteral("/posts"), query, context, std::move(callback));
}

void BulletinCalls::postToAll(qint64 id, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(bulletinPath(id) + QStringLiteral("/posts"),
        QJsonObject {{QStringLiteral("target"), QStringLiteral("all")}}, context, std::move(callback));
}

void BulletinCalls::postToIncident(
    qint64 id, qint64 incidentId, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(bulletinPath(id) + QStringLiteral("/posts"),
        QJsonObject {{QStringLiteral("target"), QStringLiteral("incident")},
            {QStringLiteral("incident_id"), double(incidentId)}},
        context, std::move(callback));
}

void BulletinCalls::sendTest(
    qint64 id, const QString &address, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(bulletinPath(id) + QStringLiteral("/test"),
        QJsonObject {{QStringLiteral("address"), address}}, context, std::move(callback));
}

} // namespace mailadmin::api
