// The server's HTTP log category, defined with the transport (HttpServer.cpp), which the fuzz targets leave
// out.
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHttp, "mailadmind.http")
