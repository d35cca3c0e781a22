#pragma once

#include "Repository.h"
#include "Scope.h"

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

    static const Table &spec();
};

} // namespace mailadmin::store
