#pragma once

#include <QLoggingCategory>

// The log categories of the store (mailadmin_store): every file of the target logs through these.
Q_DECLARE_LOGGING_CATEGORY(lcStore) // mailadmind.store
