#pragma once

#include "store/Repository.h"
#include "store/Scope.h"

namespace mailadmin::store {

struct AuditEntry
{
    qint64 at = 0;
    qint64 actorId = 0;
    QString actorLogin;
    qint64 companyId = 0;
    qint64 domainId = 0;
    QString objectType;
    QString objectId;
    QString action;
    QJsonObject changes; // field -> {"before": ..., "after": ...}
};

class AuditRepository : public Repository
{
public:
    explicit AuditRepository(Database &db);

    Status append(const AuditEntry &entry) const;
    // Filters: object_type, object_id, actor, from, to (epoch seconds as text). Newest first.
    Result<Page> list(const Scope &scope, const ListQuery &query) const;
    // How many entries with this object and action were written at or after `since`, and the time of the
    // oldest of them (0 when none): what rate limits on audited actions count.
    struct Recent
    {
        qint64 count = 0;
        qint64 oldest = 0;
    };
    Result<Recent> recent(
        const QString &objectType, const QString &objectId, const QString &action, qint64 since) const;

    static const Table &spec();
};

} // namespace mailadmin::store
