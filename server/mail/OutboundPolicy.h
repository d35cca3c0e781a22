#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QHash>

#include <mutex>

namespace mailadmin::mail {

// Answers one request of Postfix's policy delegation protocol for outbound mail: the sender's daily send
// limit, refusal while sending is disabled or the account suspended, and a hold (or deferral, per the
// company's spike_action) while an outbound-spike alert is open for the account. Knows no socket.
class OutboundPolicy
{
public:
    using Attributes = QHash<QByteArray, QByteArray>;

    explicit OutboundPolicy(store::Database &db) : m_db(db) { }

    // The action Postfix is told (DUNNO, DEFER ..., REJECT ..., HOLD ...). A request this service cannot
    // judge is DUNNO; when the database fails it is DEFER_IF_PERMIT, so nothing bounces for it.
    QByteArray decide(const Attributes &request) const;

private:
    store::Database &m_db;
    // Counting writers of this process take turns here rather than in SQLite's busy handler, which
    // sleeps whole milliseconds between tries; other processes still meet at the database's own lock.
    mutable std::mutex m_writers;
};

} // namespace mailadmin::mail
