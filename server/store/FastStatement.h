#pragma once

#include "store/Database.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

struct sqlite3_stmt;

namespace mailadmin::store {

// One prepared statement run many times in a row, for bulk writes. On SQLite it drives the library directly:
// at tens of thousands of rows a second the per-row cost of the generic Qt SQL path dominates. On other
// databases it falls back to a cached Qt statement. Values are bound by position, from 1.
class FastStatement
{
public:
    FastStatement(Database &db, const QString &sql);
    ~FastStatement();
    FastStatement(const FastStatement &) = delete;
    FastStatement &operator=(const FastStatement &) = delete;

    void bind(int position, qint64 value);
    void bind(int position, const QString &value);
    // Text already in UTF-8 (no conversion).
    void bindText(int position, QByteArrayView utf8);
    void bindNull(int position);
    // Runs the statement with the bound values and clears them for the next row.
    Status run();
    // Rows the last run() inserted, changed or deleted.
    int changes() const { return m_changes; }

private:
    Database &m_db;
    QString m_sql;
    sqlite3_stmt *m_raw = nullptr;
    int m_changes = 0;
    std::optional<Statement> m_statement;
};

} // namespace mailadmin::store
