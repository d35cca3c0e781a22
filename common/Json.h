#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mailadmin::json {

// Parses a request or reply body that must be one JSON object.
Result<QJsonObject> parseObject(const QByteArray &body);
QByteArray compact(const QJsonObject &object);

// Times travel as ISO 8601 UTC with seconds ("2026-11-29T19:58:40Z") and are stored as seconds since the
// epoch.
QString isoTime(qint64 epochSeconds);
QString isoTime(const QDateTime &time);
// An empty or null value gives 0; a malformed one gives -1.
qint64 parseIsoTime(const QString &text);

} // namespace mailadmin::json
