#pragma once

#include "Result.h"

namespace mailadmin::store {
class Database;
}

namespace mailadmin::service {

// The demo's mail system: two clusters with several stores each, every demo mailbox placed on one, one open
// outage on one store and one scheduled maintenance (with their notices queued for the demo contacts).
// Runs inside the demo seeder's transaction, on a fresh database.
class DemoIncidents
{
public:
    explicit DemoIncidents(store::Database &db) : m_db(db) { }
    Status seed(qint64 now);

private:
    store::Database &m_db;
};

} // namespace mailadmin::service
