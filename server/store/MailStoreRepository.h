#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

// Mail stores (a storage volume or backend host) and which mailbox sits on which.
class MailStoreRepository : public Repository
{
public:
    explicit MailStoreRepository(Database &db);

    Result<Page> list(qint64 clusterId, const ListQuery &query) const;
    Result<qint64> nameOwner(const QString &name) const;
    Status remove(qint64 id) const;
    // The accepting store of the cluster holding the fewest mailboxes (0 when the cluster has none), so
    // mailboxes spread evenly.
    Result<qint64> leastFilled(qint64 clusterId) const;
    // Keeps the per-store mailbox count in step with a placement or a move.
    Status adjustCount(qint64 storeId, qint64 delta) const;
    Status setUserStore(qint64 userId, qint64 storeId) const;
    // Counts from the users themselves (after purges and bulk loads).
    Status recount() const;
    // The store of each name in `names` (case-insensitive); names that match nothing are left out.
    Result<QHash<QString, qint64>> idsByName(const QStringList &names) const;

    // A log line showed the mailbox served by the backend `host` (a store's host or name): puts the mailbox
    // on that store, audited as learned from the logs. False when no store has that host or it is there.
    Result<bool> learnFromBackend(qint64 userId, const QString &host, qint64 at) const;

    static const Table &spec();
};

} // namespace mailadmin::store
