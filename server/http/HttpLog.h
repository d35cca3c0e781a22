#pragma once

#include <QLoggingCategory>

// The log categories of the REST API and its transport (mailadmin_http): every file of the target logs
// through these.
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // mailadmind.http
