#include "PlacementCalls.h"

namespace mailadmin::api {

namespace {

QUrlQuery limitQuery(int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return query;
}

} // namespace

QString PlacementCalls::clustersPath()
{
    return QStringLiteral("/clusters");
}

QString PlacementCalls::mailStoresPath()
{
    return QStringLiteral("/mail-stores");
}

QString PlacementCalls::mailStorePath(qint64 id)
{
    return mailStoresPath() + QStringLiteral("/%1").arg(id);
}

void PlacementCalls::listClusters(int limit, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(clustersPath(), limitQuery(limit), context, std::move(callback));
}

void PlacementCalls::listMailStores(int limit, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(mailStoresPath(), limitQuery(limit), context, std::move(callback));
}

void PlacementCalls::createCluster(const QString &name, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(
        clustersPath(), QJsonObject {{QStringLiteral("name"), name}}, context, std::move(callback));
}

void PlacementCalls::createMailStore(const QString &name, qint64 clusterId, const QString &host,
    const QString &mailLocation, QObject *context, ApiClient::Callback callback) const
{
    const QJsonObject body {{QStringLiteral("name"), name}, {QStringLiteral("cluster_id"), double(clusterId)},
        {QStringLiteral("host"), host}, {QStringLiteral("mail_location"), mailLocation}};
    m_client->post(mailStoresPath(), body, context, std::move(callback));
}

void PlacementCalls::getMailStore(qint64 id, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(mailStorePath(id), {}, context, std::move(callback));
}

void PlacementCalls::setMailStoreAccepting(
    qint64 id, bool accepting, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->patch(mailStorePath(id), QJsonObject {{QStringLiteral("accepting"), accepting}}, ifMatch,
        context, std::move(callback));
}

} // namespace mailadmin::api
