#include "store/SqlDialect.h"

namespace mailadmin::store {

QStringList SqlDialect::connectionSetup() const
{
    if (m_kind == Kind::SQLite) {
        // --- SQLite dialect ---
        return {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA busy_timeout=10000"),
            QStringLiteral("PRAGMA cache_size=-32768"), QStringLiteral("PRAGMA temp_store=MEMORY"),
            QStringLiteral("PRAGMA mmap_size=1073741824")};
    }
    return {QStringLiteral("SET TIME ZONE 'UTC'")};
}

QString SqlDialect::lockTable(const QString &table) const
{
    return m_kind == Kind::SQLite ? QString()
                                  : QStringLiteral("LOCK TABLE %1 IN SHARE ROW EXCLUSIVE MODE").arg(table);
}

QString SqlDialect::beginWrite() const
{
    return m_kind == Kind::SQLite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString SqlDialect::schema(QString sql) const
{
    const QLatin1String sqliteOnly("{{SQLITE}}");
    if (sql.startsWith(sqliteOnly)) {
        if (m_kind != Kind::SQLite)
            return QString();
        sql.remove(0, sqliteOnly.size());
    }
    if (m_kind == Kind::SQLite) {
        sql.replace(QLatin1String("{{ID}}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        sql.replace(QLatin1String("{{BLOB}}"), QLatin1String("BLOB"));
        sql.replace(QLatin1String("{{CLUSTERED}}"), QLatin1String(" WITHOUT ROWID"));
    } else {
        sql.replace(QLatin1String("{{CLUSTERED}}"), QString());
        sql.replace(QLatin1String("{{ID}}"), QLatin1String("BIGSERIAL PRIMARY KEY"));
        sql.replace(QLatin1String("{{BLOB}}"), QLatin1String("BYTEA"));
    }
    sql.replace(QLatin1String("{{BIGINT}}"), QLatin1String("BIGINT"));
    return sql;
}

bool SqlDialect::isUniqueViolation(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    if (m_kind == Kind::SQLite)
        return code == QLatin1String("2067") || code == QLatin1String("1555")
            || error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
    return code == QLatin1String("23505");
}

QString SqlDialect::textMatch(const QString &column, const QString &q, QVariantList &values) const
{
    QString escaped = q;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    if (q.contains(QLatin1Char('*'))) {
        escaped.replace(QLatin1Char('*'), QLatin1Char('%'));
        values << escaped;
        return column + QStringLiteral(" LIKE ? ESCAPE '\\'");
    }
    if (m_kind == Kind::SQLite) {
        // Binary comparison on a range uses the index; LIKE would not (it is case-insensitive in SQLite).
        values << q << QString(q + QChar(0xffff));
        return QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
    }
    values << QString(escaped + QLatin1Char('%'));
    return column + QStringLiteral(" LIKE ? ESCAPE '\\'");
}

QString SqlDialect::userSubstringCandidates(const QString &q, QVariantList &values) const
{
    if (m_kind != Kind::SQLite || !q.contains(QLatin1Char('*')))
        return QString();
    // The trigram tokenizer needs three characters (code points, not UTF-16 units) to look anything up, and
    // a shorter phrase would match nothing at all: shorter runs are left to LIKE.
    QStringList phrases;
    for (const QString &run : q.split(QLatin1Char('*'), Qt::SkipEmptyParts)) {
        if (run.toUcs4().size() < 3)
            continue;
        QString phrase = run;
        phrase.replace(QLatin1Char('"'), QLatin1String("\"\""));
        phrases << QLatin1Char('"') + phrase + QLatin1Char('"');
    }
    if (phrases.isEmpty())
        return QString();
    values << phrases.join(QStringLiteral(" AND "));
    return QStringLiteral("t.id IN (SELECT rowid FROM user_search WHERE user_search MATCH ?)");
}

QString SqlDialect::withoutIndex(const QString &expression) const
{
    return m_kind == Kind::SQLite ? QLatin1Char('+') + expression : expression;
}

QString SqlDialect::joinedText(const QString &expression) const
{
    return m_kind == Kind::SQLite ? QStringLiteral("group_concat(%1, ',')").arg(expression)
                                  : QStringLiteral("string_agg(CAST(%1 AS TEXT), ',')").arg(expression);
}

QStringList SqlDialect::optimize() const
{
    if (m_kind == Kind::SQLite)
        return {QStringLiteral("PRAGMA analysis_limit=1000"), QStringLiteral("PRAGMA optimize")};
    return {QStringLiteral("ANALYZE")};
}

bool SqlDialect::isBusy(const QSqlError &error) const
{
    const QString code = error.nativeErrorCode();
    return m_kind == Kind::SQLite && (code == QLatin1String("5") || code == QLatin1String("6"));
}

} // namespace mailadmin::store
