#include "http/ConnectionTracker.h"

#include <vector>

namespace mailadmin::http {

ConnectionTracker::Handle ConnectionTracker::add(const std::shared_ptr<TrackedConnection> &connection)
{
    std::lock_guard lock(m_mutex);
    return m_connections.insert(m_connections.end(), connection);
}

void ConnectionTracker::remove(Handle handle)
{
    std::lock_guard lock(m_mutex);
    m_connections.erase(handle);
}

size_t ConnectionTracker::count() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

bool ConnectionTracker::evictLongestWaiting()
{
    // Strong references are dropped only after the lock is released: the last one closes the connection,
    // and its destructor removes it from this list.
    std::vector<std::shared_ptr<TrackedConnection>> open;
    TrackedConnection *oldest = nullptr;
    {
        std::lock_guard lock(m_mutex);
        open.reserve(m_connections.size());
        std::int64_t oldestSince = 0;
        for (const std::weak_ptr<TrackedConnection> &weak : m_connections) {
            std::shared_ptr<TrackedConnection> connection = weak.lock();
            if (!connection)
                continue;
            const std::int64_t since = connection->waitingSinceNs.load(std::memory_order_relaxed);
            if (since != 0 && (oldestSince == 0 || since < oldestSince)) {
                oldestSince = since;
                oldest = connection.get();
            }
            open.push_back(std::move(connection));
        }
        // Counted out at once, so that a burst of new connections does not pick the same one twice.
        if (oldest)
            oldest->waitingSinceNs.store(0, std::memory_order_relaxed);
    }
    if (!oldest)
        return false;
    oldest->close();
    return true;
}

void ConnectionTracker::closeAll()
{
    std::vector<std::shared_ptr<TrackedConnection>> open;
    {
        std::lock_guard lock(m_mutex);
        for (const std::weak_ptr<TrackedConnection> &weak : m_connections)
            if (std::shared_ptr<TrackedConnection> connection = weak.lock())
                open.push_back(std::move(connection));
    }
    for (const std::shared_ptr<TrackedConnection> &connection : open)
        connection->close();
}

} // namespace mailadmin::http
