#pragma once

#include "ApiClient.h"

namespace mailadmin::api {

// The company settings the admin tools edit: the daily CSV report schedule and the outbound-spike thresholds.
// The paths live here: the editors load and save them (GET, PATCH with If-Match) through EditorPage.
namespace settings {

QString reportSchedulePath(qint64 companyId);
QString spikeThresholdsPath(qint64 companyId);

// Queues the report now; the answer holds {"queued": true, "outbox_id": ...}, or 429 with Retry-After.
void sendReportNow(ApiClient *client, qint64 companyId, QObject *context, ApiClient::Callback callback);

} // namespace settings

} // namespace mailadmin::api
