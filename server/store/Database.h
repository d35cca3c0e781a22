#pragma once

#include "Result.h"
#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <memory>

namespace mailadmin::store {

class Database;

// A prepared statement borrowed from the thread's cache. Values are bound by position in the order of bind()
// calls; the statement is reset when this object goes away, so no read snapshot stays open.
class Statement
{
public:
    Statement(Database &db, QSqlQuery *query);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;

    Statement &bind(const QVariant &value);
    // Runs the statement; failures are logged with the SQL and become an Internal or Conflict error.
    Status exec();
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    qint64 toInt(int column) const { return m_query->value(column).toLongLong(); }
    QString toString(int column) const { return m_query->value(column).toString(); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    QSqlQuery &query() { return *m_query; }

private:
    Database *m_db;
    QSqlQuery *m_query;
    int m_position = 0;
};

// The server's SQL database: one named connection per thread, numbered migrations, a statement cache.
class Database
{
public:
    struct Options
    {
        SqlDialect::Kind kind = SqlDialect::Kind::SQLite;
        QString path; // SQLite file
        QString host, name, user, password; // PostgreSQL
        int port = 5432;
    };

    ~Database();

    // Opens (creating the SQLite file if needed) and migrates the schema to the newest version.
    static Result<std::shared_ptr<Database>> open(const Options &options);

    const SqlDialect &dialect() const { return m_dialect; }
    const Options &options() const { return m_options; }
    int schemaVersion();
    static int latestSchemaVersion();

    // The calling thread's connection, opened on first use.
    QSqlDatabase connection();
    Statement prepare(const QString &sql);
    // Runs a statement without parameters (DDL, pragmas).
    Status execute(const QString &sql);

    // Begins a write transaction on this thread's connection.
    Status begin();
    Status commit();
    void rollback();

    Error sqlError(const QSqlError &error, const QString &sql) const;

private:
    explicit Database(const Options &options);
    Status migrate();
    Result<QSqlDatabase> openConnection(const QString &name);

    Options m_options;
    SqlDialect m_dialect;
    quint64 m_instance;
    static std::atomic<quint64> s_nextInstance;
};

// Rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db) { m_status = m_db.begin(); }
    ~Transaction()
    {
        if (m_status.ok() && !m_done)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &status() const { return m_status; }
    Status commit()
    {
        m_done = true;
        return m_db.commit();
    }

private:
    Database &m_db;
    Status m_status;
    bool m_done = false;
};

} // namespace mailadmin::store
