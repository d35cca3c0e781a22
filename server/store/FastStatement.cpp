#include "store/FastStatement.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

namespace mailadmin::store {

FastStatement::FastStatement(Database &db, const QString &sql) : m_db(db), m_sql(sql)
{
    const QVariant handle = db.connection().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
        if (raw && sqlite3_prepare_v2(raw, sql.toUtf8().constData(), -1, &m_raw, nullptr) == SQLITE_OK)
            return;
        m_raw = nullptr;
    }
    m_statement.emplace(db.prepare(sql));
}

FastStatement::~FastStatement()
{
    if (m_raw)
        sqlite3_finalize(m_raw);
}

void FastStatement::bind(int position, qint64 value)
{
    if (m_raw)
        sqlite3_bind_int64(m_raw, position, value);
    else
        m_statement->query().bindValue(position - 1, value);
}

void FastStatement::bind(int position, const QString &value)
{
    if (m_raw) {
        const QByteArray text = value.toUtf8();
        sqlite3_bind_text(m_raw, position, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    } else {
        m_statement->query().bindValue(position - 1, value);
    }
}

void FastStatement::bindText(int position, QByteArrayView utf8)
{
    if (m_raw)
        sqlite3_bind_text(m_raw, position, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT);
    else
        m_statement->query().bindValue(position - 1, QString::fromUtf8(utf8));
}

void FastStatement::bindNull(int position)
{
    if (m_raw)
        sqlite3_bind_null(m_raw, position);
    else
        m_statement->query().bindValue(position - 1, QVariant());
}

Status FastStatement::run()
{
    if (!m_raw) {
        Status s = m_statement->exec();
        m_changes = s.ok() ? m_statement->rowsAffected() : 0;
        return s;
    }
    const int rc = sqlite3_step(m_raw);
    m_changes = rc == SQLITE_DONE || rc == SQLITE_ROW ? sqlite3_changes(sqlite3_db_handle(m_raw)) : 0;
    sqlite3_reset(m_raw);
    sqlite3_clear_bindings(m_raw);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return Status::success();
    const ErrorKind kind = rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? ErrorKind::Unavailable
        : rc == SQLITE_CONSTRAINT                                   ? ErrorKind::Conflict
                                                                    : ErrorKind::Internal;
    return Error::make(
        kind, QStringLiteral("The database refused a write: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
}

} // namespace mailadmin::store
