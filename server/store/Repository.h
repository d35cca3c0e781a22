#pragma once

#include "store/Database.h"
#include "store/ListQuery.h"
#include "store/Table.h"

namespace mailadmin::store {

// Shared reading and writing for the per-entity repositories: one row or one page of rows, with the total.
class Repository
{
public:
    Database &database() const { return m_db; }
    const Table &table() const { return m_table; }

    // The row with this id, or a null Record; `computed` false skips counts and joins.
    Result<Record> byId(qint64 id, bool computed = true) const;
    Result<qint64> insert(const QJsonObject &data, qint64 now) const
    {
        return m_table.insert(m_db, data, now);
    }
    Result<bool> update(const Record &current, const QJsonObject &data, qint64 now) const
    {
        return m_table.update(m_db, current.id, current.version, data, now);
    }

protected:
    Repository(Database &db, const Table &table);

    Result<Record> fetchOne(const QString &where, const QVariantList &values, bool computed = true) const;
    // `totalSql`, when given, answers the total instead of counting the matching rows.
    Result<Page> fetchPage(const Where &where, const QString &orderBy, int offset, int limit,
        const QString &totalSql = QString(), bool rendered = false) const;
    Result<qint64> count(const QString &sql, const QVariantList &values) const;
    Status run(const QString &sql, const QVariantList &values) const;

    static Record toRecord(QJsonObject data);

private:
    Database &m_db;
    const Table &m_table;
};

} // namespace mailadmin::store
