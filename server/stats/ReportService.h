#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// A company's daily CSV report: when it goes out and to whom; and "send now".
class ReportService : public ServiceBase
{
public:
    // "Send now" is limited per company: each one mails every recipient, so a burst of calls must not turn
    // into a flood of mail.
    static constexpr int kSendsPerWindow = 3;
    static constexpr qint64 kSendWindowSeconds = 10 * 60;

    explicit ReportService(Context context) : ServiceBase(context) { }

    Result<QJsonObject> schedule(const Actor &actor, qint64 companyId) const;
    Result<QJsonObject> setSchedule(
        const Actor &actor, qint64 companyId, const QJsonObject &input, std::optional<int> version) const;
    // Queues the report for the outbox at once; the answer names the queued mail. 429 with Retry-After past
    // kSendsPerWindow sends in kSendWindowSeconds.
    Result<QJsonObject> sendNow(const Actor &actor, qint64 companyId) const;
};

} // namespace mailadmin::service
