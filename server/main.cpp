#include "ServerApp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mailadmind"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILADMIN_VERSION));
    return mailadmin::server::run(QCoreApplication::arguments());
}
