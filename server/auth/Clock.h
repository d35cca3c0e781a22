#pragma once

#include <QDateTime>

#include <atomic>

namespace mailadmin::auth {

// The server's notion of now, in seconds since the epoch; tests move it forward to reach expiry times.
class Clock
{
public:
    static qint64 now() { return QDateTime::currentSecsSinceEpoch() + s_offset.load(); }
    static void advanceForTesting(qint64 seconds) { s_offset += seconds; }
    static void resetForTesting() { s_offset = 0; }

private:
    static inline std::atomic<qint64> s_offset {0};
};

} // namespace mailadmin::auth
