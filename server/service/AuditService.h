#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// The audit log: who changed what, when, with before and after values.
class AuditService : public ServiceBase
{
public:
    explicit AuditService(Context context) : ServiceBase(context) { }

    // Filters: object_type, object_id, actor, action, from, to (ISO 8601).
    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
};

} // namespace mailadmin::service
