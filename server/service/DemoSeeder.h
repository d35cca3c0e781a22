#pragma once

#include "Result.h"

#include <QString>

namespace mailadmin::store {
class Database;
}

namespace mailadmin::service {

struct DemoOptions
{
    quint64 seed = 1;
    int companies = 3;
    int domains = 40;
    int users = 20000;
    int bigDomainUsers = 0; // > 0: one more domain holding this many users (for scale tests)
    QString adminPassword; // shared by every demo admin
};

struct DemoSummary
{
    int companies = 0;
    int domains = 0;
    int users = 0;
    QString bigDomain;
    QStringList adminLogins; // "login (role)"
};

// Writes a realistic, deterministic directory: companies, contacts, brands, domains, users and admins of
// every role. Same options, same data.
class DemoSeeder
{
public:
    explicit DemoSeeder(store::Database &db) : m_db(db) { }
    Result<DemoSummary> seed(const DemoOptions &options);

private:
    store::Database &m_db;
};

} // namespace mailadmin::service
