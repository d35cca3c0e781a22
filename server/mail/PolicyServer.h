#pragma once

#include "Result.h"
#include "store/Database.h"

#include <QString>

#include <memory>

namespace mailadmin::mail {

// Postfix's policy delegation protocol (check_policy_service) on a loopback port or a unix socket: reads
// name=value lines up to an empty line, answers "action=...", and keeps the connection for the next request.
// Runs its own threads, apart from the HTTP server.
class PolicyServer
{
public:
    struct Options
    {
        QString listen; // "host:port" (port 0 picks a free one) or "unix:/path/to/socket"
        int threads = 4;
        int idleSeconds = 300; // Postfix's own idle limit is 300 s (policy_time_limit 1000 s)
    };

    PolicyServer(store::Database &db, Options options);
    ~PolicyServer();
    PolicyServer(const PolicyServer &) = delete;
    PolicyServer &operator=(const PolicyServer &) = delete;

    // Binds and starts answering; the port bound (0 for a unix socket).
    Result<int> start();
    void stop();

    // Requests larger than this are answered DEFER_IF_PERMIT and the connection closed.
    static constexpr qsizetype kMaxRequest = 64 * 1024;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mailadmin::mail
