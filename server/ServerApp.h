#pragma once

#include <QStringList>

namespace mailadmin::server {

// The mailadmind command line: serve, init, seed-demo. Returns the process exit code.
int run(const QStringList &arguments);

} // namespace mailadmin::server
