#pragma once

#include <QLoggingCategory>

// The log categories of the service layer (mailadmin_service: service/, stats/, notify/, mail/): every file
// of the target logs through these.
Q_DECLARE_LOGGING_CATEGORY(lcBulletin) // mailadmind.bulletin
Q_DECLARE_LOGGING_CATEGORY(lcNotify) // mailadmind.notify
Q_DECLARE_LOGGING_CATEGORY(lcPolicy) // mailadmind.policy
