#include "SettingsCalls.h"

namespace mailadmin::api::settings {

QString reportSchedulePath(qint64 companyId)
{
    return QStringLiteral("/companies/%1/report-schedule").arg(companyId);
}

QString spikeThresholdsPath(qint64 companyId)
{
    return QStringLiteral("/companies/%1/spike-thresholds").arg(companyId);
}

void sendReportNow(ApiClient *client, qint64 companyId, QObject *context, ApiClient::Callback callback)
{
    client->post(reportSchedulePath(companyId) + QStringLiteral("/send"), {}, context, std::move(callback));
}

} // namespace mailadmin::api::settings
