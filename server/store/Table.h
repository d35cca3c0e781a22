#pragma once

#include "Result.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mailadmin::store {

// One stored object as the service layer sees it: its wire form plus the keys used for scoping.
struct Record
{
    qint64 id = 0;
    int version = 0;
    qint64 companyId = 0;
    qint64 domainId = 0;
    QJsonObject data;

    bool isNull() const { return id == 0; }
};

struct Page
{
    QList<Record> items;
    // Rows already written as JSON text, for long lists that go out unchanged (used instead of `items`).
    QList<QByteArray> rendered;
    qint64 total = 0;
    int offset = 0;
    int limit = 0;
};

// LowerCopy stores the lower-case form of `field` for case-insensitive search and is never read back;
// SortKey stores its accent-folded form to sort by and is never read back either.
enum class ColumnKind
{
    Integer,
    Real,
    Text,
    Boolean,
    Time,
    JsonArray,
    Blob,
    LowerCopy,
    SortKey // like LowerCopy, with accents folded (validation::sortKey), for an order people expect
};

// How a JSON field maps to a column. A dotted field ("services.imap") is a member of a nested object.
// A column with an `expression` is computed when read and never written.
struct Column
{
    QString field;
    QString column;
    ColumnKind kind = ColumnKind::Text;
    QString expression;
};

// The mapping between a table and the JSON objects the API speaks, shared by the repositories.
class Table
{
public:
    Table(QString name, QList<Column> columns);

    const QString &name() const { return m_name; }
    // "t.id, t.version, ... , <expressions>" with the table aliased as `alias`. Without `computed`, the
    // expression columns (counts and joins, which can be costly) are left out.
    QString selectList(const QString &alias = QStringLiteral("t"), bool computed = true) const;
    int columnCount() const { return int(m_columns.size()); }

    // Reads one row from the current position of `statement`, starting at column `first`.
    QJsonObject read(const Statement &statement, int first = 0, bool computed = true) const;
    // The same row written straight to JSON text: no intermediate objects, for pages of many rows.
    QByteArray render(const Statement &statement) const;

    Result<qint64> insert(Database &db, const QJsonObject &data, qint64 now) const;
    // Writes every stored column from `data` if the row still has `expectedVersion`; false when it did not.
    Result<bool> update(
        Database &db, qint64 id, int expectedVersion, const QJsonObject &data, qint64 now) const;

    static QJsonValue fieldValue(const QJsonObject &data, const QString &field);
    static void setFieldValue(QJsonObject &data, const QString &field, const QJsonValue &value);

private:
    QString buildSelectList(const QString &alias, bool computed) const;
    QVariant toSql(const Column &column, const QJsonValue &value) const;
    QJsonValue fromSql(const Column &column, const QVariant &value) const;

    QString m_name;
    QList<Column> m_columns;
    QString m_selectAll; // selectList("t", true) and ("t", false), built once
    QString m_selectStored;
};

} // namespace mailadmin::store
