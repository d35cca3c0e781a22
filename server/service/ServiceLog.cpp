#include "service/ServiceLog.h"

Q_LOGGING_CATEGORY(lcBulletin, "mailadmind.bulletin")
Q_LOGGING_CATEGORY(lcNotify, "mailadmind.notify")
Q_LOGGING_CATEGORY(lcPolicy, "mailadmind.policy")
