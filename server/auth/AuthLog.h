#pragma once

#include <QLoggingCategory>

// The log categories of sign-in and sessions (mailadmin_auth): every file of the target logs through these.
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // mailadmind.auth
