#pragma once

#include <QLoggingCategory>

// The log categories of the program around the layers (mailadmind_app): every file of the target logs through
// these.
Q_DECLARE_LOGGING_CATEGORY(lcServer) // mailadmind
