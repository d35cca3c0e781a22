#pragma once

#include <QSqlError>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace mailadmin::store {

// Everything that differs between SQLite and PostgreSQL lives here, and only here.
class SqlDialect
{
public:
    enum class Kind
    {
        SQLite,
        PostgreSQL
    };

    explicit SqlDialect(Kind kind) : m_kind(kind) { }

    Kind kind() const { return m_kind; }
    QString name() const
    {
        return m_kind == Kind::SQLite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
    }
    QString driver() const
    {
        return m_kind == Kind::SQLite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    }

    // Statements run once on every new connection.
    QStringList connectionSetup() const;
    // Opens a write transaction. SQLite must take the write lock at BEGIN: a deferred transaction that
    // upgrades later can fail with SQLITE_BUSY without waiting for the busy timeout.
    QString beginWrite() const;
    // Inside a write transaction, keeps other writers of `table` out until it ends, so that a count followed
    // by an insert is one step. Empty for SQLite, whose write transactions already run one at a time.
    QString lockTable(const QString &table) const;
    // Replaces {{ID}} (auto-increment primary key), {{BLOB}} and {{BIGINT}} in schema text. A statement that
    // starts with {{SQLITE}} belongs to SQLite only: elsewhere it becomes empty and is not run.
    QString schema(QString sql) const;
    bool isUniqueViolation(const QSqlError &error) const;
    // A case-insensitive match of an already lower-cased column against `q` (lower-cased): a prefix match
    // that can use an index, or a LIKE pattern when `q` holds '*' wildcards.
    QString textMatch(const QString &column, const QString &q, QVariantList &values) const;
    // A condition on the users table `t` that narrows a '*' pattern search to the rows holding every run of
    // three or more plain characters of `q`, found in SQLite's trigram index (user_search) instead of by
    // reading every row. The caller still applies textMatch() to the candidates. Empty when no index helps
    // (no such run, or PostgreSQL, whose LIKE a trigram index serves directly).
    QString userSubstringCandidates(const QString &q, QVariantList &values) const;
    bool isBusy(const QSqlError &error) const;
    // A column term (in ORDER BY or a condition) that must not drive the choice of index. SQLite would
    // otherwise walk a whole ordered index to avoid a sort even when a filter leaves a handful of rows, or
    // count a domain through its index when a trigram lookup has already found the few candidates.
    QString withoutIndex(const QString &expression) const;
    // An aggregate joining a group's non-null values of `expression` into one comma-separated text.
    QString joinedText(const QString &expression) const;
    // Statements that refresh the planner's statistics; run after bulk loads and from time to time.
    QStringList optimize() const;

private:
    Kind m_kind;
};

} // namespace mailadmin::store
