#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mailadmin::mail {

// Answers one request of Postfix's policy delegation protocol for outbound mail: the sender's daily send
// limit, refusal while sending is disabled or the account suspended, and a hold (or deferral, per the
// company's spike_action) while an outbound-spike alert is open for the account. Knows no socket.
//
// A whole message is counted by a committing thread that takes every message waiting and counts them in one
// write transaction (group commit), each with a statement that takes the next place only while one is free:
// concurrent messages of one sender cannot both pass the last free place, even from another process, and a
// message is answered only once its count is committed, so a restart loses no count Postfix was told about.
// On SQLite the committing thread's connection leaves the write-ahead log to a checkpointing thread of its
// own: a commit then writes the log and returns, and never waits for a checkpoint's writes to the disk.
class OutboundPolicy
{
public:
    using Attributes = QHash<QByteArray, QByteArray>;
    // Receives the action of a request answered later; called on the committing thread.
    using Completion = std::function<void(QByteArray action)>;

    explicit OutboundPolicy(store::Database &db);
    ~OutboundPolicy();
    OutboundPolicy(const OutboundPolicy &) = delete;
    OutboundPolicy &operator=(const OutboundPolicy &) = delete;

    // The action Postfix is told (DUNNO, DEFER ..., REJECT ..., HOLD ...). A request this service cannot
    // judge is DUNNO; when the database fails it is DEFER_IF_PERMIT, so nothing bounces for it. A message
    // that is counted has no action yet: it returns nothing, and `later` gets the action once the count is
    // committed (or DEFER_IF_PERMIT if the commit failed, and the place is given back).
    std::optional<QByteArray> decide(const Attributes &request, Completion later);

    static const QByteArray kUnavailable;

private:
    struct Waiting
    {
        qint64 user = 0, day = 0, limit = 0;
        QByteArray login;
        Completion done;
    };

    void commitLoop();
    // On SQLite, copies the write-ahead log into the database about once a second, so that the committing
    // thread never stops to do it (and to wait for the disk) in the middle of answering messages.
    void checkpointLoop();

    store::Database &m_db;
    // Writers of this process take turns here rather than in SQLite's busy handler, which sleeps whole
    // milliseconds between tries; other processes still meet at the database's own lock.
    std::mutex m_writers;

    std::mutex m_queueMutex;
    std::condition_variable m_wake;
    std::vector<Waiting> m_queue; // messages to count, in the order they came
    bool m_stopping = false;
    std::thread m_committer;
    std::condition_variable m_checkpointWake; // only when stopping
    std::thread m_checkpointer;
};

} // namespace mailadmin::mail
