#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>

namespace mailadmin::http {

// What the tracker needs of a connection: a way to close it from any thread, and since when it waits for
// a request (0 while it reads a body, runs in the Api or writes an answer).
class TrackedConnection
{
public:
    virtual ~TrackedConnection() = default;
    virtual void close() = 0;
    std::atomic<std::int64_t> waitingSinceNs {0};
};

// Every open connection of a server, so that the number stays bounded and all close on stop. At the bound
// the connection that has waited longest for a request makes room: idle and trickling clients go first,
// requests being served never.
class ConnectionTracker
{
public:
    using Handle = std::list<std::weak_ptr<TrackedConnection>>::iterator;

    Handle add(const std::shared_ptr<TrackedConnection> &connection);
    void remove(Handle handle);
    size_t count() const;
    // Closes the connection waiting longest; false when every connection is busy.
    bool evictLongestWaiting();
    void closeAll();

private:
    mutable std::mutex m_mutex;
    std::list<std::weak_ptr<TrackedConnection>> m_connections;
};

} // namespace mailadmin::http
