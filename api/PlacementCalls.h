#pragma once

#include "ApiClient.h"

#include <QString>

namespace mailadmin::api {

// Typed calls on where mail lives, clusters and their mail stores: the only place that knows their REST
// paths and bodies.
class PlacementCalls
{
public:
    explicit PlacementCalls(ApiClient *client) : m_client(client) { }

    static QString clustersPath();
    static QString mailStoresPath();

    // The first `limit` of each, by name.
    void listClusters(int limit, QObject *context, ApiClient::Callback callback) const;
    void listMailStores(int limit, QObject *context, ApiClient::Callback callback) const;
    void createCluster(const QString &name, QObject *context, ApiClient::Callback callback) const;
    void createMailStore(const QString &name, qint64 clusterId, const QString &host,
        const QString &mailLocation, QObject *context, ApiClient::Callback callback) const;
    void getMailStore(qint64 id, QObject *context, ApiClient::Callback callback) const;
    // Opens or closes the store to new mailboxes.
    void setMailStoreAccepting(
        qint64 id, bool accepting, int ifMatch, QObject *context, ApiClient::Callback callback) const;

private:
    static QString mailStorePath(qint64 id);

    ApiClient *m_client;
};

} // namespace mailadmin::api
