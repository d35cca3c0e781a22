#pragma once

#include "ServiceBase.h"

namespace mailadmin::service {

// A company's daily CSV report: when it goes out and to whom; and "send now".
class ReportService : public ServiceBase
{
public:
    explicit ReportService(Context context) : ServiceBase(context) { }

    Result<QJsonObject> schedule(const Actor &actor, qint64 companyId) const;
    Result<QJsonObject> setSchedule(
        const Actor &actor, qint64 companyId, const QJsonObject &input, std::optional<int> version) const;
    // Queues the report for the outbox at once; the answer names the queued mail.
    Result<QJsonObject> sendNow(const Actor &actor, qint64 companyId) const;
};

} // namespace mailadmin::service
