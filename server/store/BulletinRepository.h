#pragma once

#include "store/IncidentRepository.h"
#include "store/Repository.h"

namespace mailadmin::store {

// One recipient's copy of a bulletin, as the sender needs it.
struct BulletinDelivery
{
    qint64 id = 0;
    qint64 bulletinId = 0;
    QString text; // the template as posted
    QString address;
    QString name;
    QString domain;
    int attempts = 0;
    QString title; // the user's job title as it is when sent
};

// Bulletins of companies and domains, their posts and the delivery of each post to each recipient. A
// recipient is queued at most once per bulletin and occasion (a version posted to everyone, a version
// posted for one incident, a new mailbox, one test send), whatever runs at the same time.
class BulletinRepository : public Repository
{
public:
    explicit BulletinRepository(Database &db);

    // `companyId` > 0: that company's bulletins; `domainId` > 0: that domain's; `type` empty: both.
    Result<Page> list(qint64 companyId, qint64 domainId, const QString &type, const ListQuery &query) const;
    // The bulletin of this scope, type and name (case-insensitive), 0 when there is none.
    Result<qint64> nameOwner(const QString &scopeKey, const QString &type, const QString &name) const;
    Status remove(qint64 id) const;

    // A new post of `bulletin` (its text and version now); returns the post's id.
    Result<qint64> addPost(const Record &bulletin, const QString &target, qint64 incidentId,
        const QString &author, qint64 now) const;
    // Queues the post for every mailbox of the bulletin's scope that has not had this occasion; with
    // `targets`, only the mailboxes they affect. Returns how many were queued.
    Result<qint64> queueScope(const Record &bulletin, qint64 postId, const QString &occasion,
        const ImpactTargets *targets, qint64 now) const;
    // Queues one test copy to `address`.
    Result<qint64> queueTest(const Record &bulletin, qint64 postId, const QString &address, qint64 now) const;
    // Queues the auto bulletins of a new mailbox's company and domain (inside the caller's transaction).
    Result<int> queueForNewUser(qint64 userId, qint64 now) const;

    // Posts of a bulletin, newest first, each with its delivery counts.
    Result<Page> posts(qint64 bulletinId, const ListQuery &query) const;
    Result<QJsonObject> post(qint64 postId) const;
    // Delivery counts of every post of the bulletin together.
    Result<QJsonObject> counts(qint64 bulletinId) const;
    Result<Page> deliveries(qint64 bulletinId, const ListQuery &query, qint64 now) const;

    // The sender's side: due deliveries, taking one, and its outcome.
    Result<QList<BulletinDelivery>> due(qint64 now, int limit) const;
    Result<bool> claim(qint64 id, qint64 now) const;
    Status markDelivered(qint64 id, qint64 now) const;
    // Permanent: no more attempts. Otherwise tried again at `retryAt`.
    Status markFailed(
        qint64 id, int attempts, qint64 retryAt, bool permanent, const QString &error, qint64 now) const;

    static const Table &spec();
    static QString scopeKey(qint64 companyId, qint64 domainId);
};

} // namespace mailadmin::store
