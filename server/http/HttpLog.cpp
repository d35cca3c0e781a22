#include "http/HttpLog.h"

Q_LOGGING_CATEGORY(lcHttp, "mailadmind.http")
