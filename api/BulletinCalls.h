#pragma once

#include "ApiClient.h"

#include <QString>

namespace mailadmin::api {

// Typed calls on bulletins (messages to the mailboxes of a company or domain) and their posts.
class BulletinCalls
{
public:
    explicit BulletinCalls(ApiClient *client) : m_client(client) { }

    static QString bulletinsPath();

    void getBulletin(qint64 id, QObject *context, ApiClient::Callback callback) const;
    void createBulletin(const QJsonObject &bulletin, QObject *context, ApiClient::Callback callback) const;
    void updateBulletin(qint64 id, const QJsonObject &changes, int ifMatch, QObject *context,
        ApiClient::Callback callback) const;
    void deleteBulletin(qint64 id, int ifMatch, QObject *context, ApiClient::Callback callback) const;
    // The latest `limit` posts, newest first.
    void posts(qint64 id, int limit, QObject *context, ApiClient::Callback callback) const;
    // Posts to every mailbox in the bulletin's scope.
    void postToAll(qint64 id, QObject *context, ApiClient::Callback callback) const;
    // Posts to the mailboxes an incident affects.
    void postToIncident(qint64 id, qint64 incidentId, QObject *context, ApiClient::Callback callback) const;
    void sendTest(qint64 id, const QString &address, QObject *context, ApiClient::Callback callback) const;

private:
    static QString bulletinPath(qint64 id);

    ApiClient *m_client;
};

} // namespace mailadmin::api
