#include "store/Database.h"

#include "Validation.h"
#include "store/Migrations.h"
#include "store/StoreLog.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>

#include <unordered_map>

namespace mailadmin::store {

std::atomic<quint64> Database::s_nextInstance {1};

namespace {

// The connections and cached statements of one thread, closed when the thread ends.
struct ThreadConnections
{
    struct Entry
    {
        QString name;
        QSqlDatabase connection;
        QHash<QString, std::shared_ptr<QSqlQuery>> statements;
    };
    std::unordered_map<quint64, Entry> byInstance;

    ~ThreadConnections()
    {
        for (auto &[instance, entry] : byInstance) {
            entry.statements.clear();
            entry.connection = QSqlDatabase();
            {
                QSqlDatabase db = QSqlDatabase::database(entry.name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(entry.name);
        }
    }
};

thread_local ThreadConnections t_connections;

} // namespace

Statement::Statement(Database &db, QSqlQuery *query) : m_db(&db), m_query(query) { }

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_query(other.m_query), m_position(other.m_position)
{
    other.m_query = nullptr;
}

Statement::~Statement()
{
    if (m_query)
        m_query->finish();
}

Statement &Statement::bind(const QVariant &value)
{
    m_query->bindValue(m_position++, value);
    return *this;
}

Status Statement::exec()
{
    if (!m_query->exec())
        return m_db->sqlError(m_query->lastError(), m_query->lastQuery());
    return Status::success();
}

Database::Database(const Options &options)
    : m_options(options), m_dialect(options.kind), m_instance(s_nextInstance++)
{ }

Database::~Database()
{
    // Connections of the destroying thread go now; other threads' connections go when those threads end.
    auto it = t_connections.byInstance.find(m_instance);
    if (it != t_connections.byInstance.end()) {
        it->second.statements.clear();
        it->second.connection = QSqlDatabase();
        const QString name = it->second.name;
        t_connections.byInstance.erase(it);
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

Result<std::shared_ptr<Database>> Database::open(const Options &options)
{
    if (options.kind == SqlDialect::Kind::SQLite) {
        const QFileInfo info(options.path);
        if (options.path.isEmpty())
            return Error::make(ErrorKind::Invalid, QStringLiteral("No database path was given."));
        if (!info.absoluteDir().exists())
            return Error::make(
                ErrorKind::Invalid, QStringLiteral("The folder %1 does not exist.").arg(info.absolutePath()));
        if (info.exists() ? !info.isWritable() : !QFileInfo(info.absolutePath()).isWritable())
            return Error::make(ErrorKind::Invalid,
                QStringLiteral("The database %1 cannot be written.").arg(info.absoluteFilePath()));
    }
    std::shared_ptr<Database> db(new Database(options));
    const Result<QSqlDatabase> first = db->openConnection(QStringLiteral("probe"));
    if (!first.ok())
        return first.error();
    if (const Status migrated = db->migrate(); !migrated.ok())
        return migrated.error();
    return db;
}

Result<QSqlDatabase> Database::openConnection(const QString &suffix)
{
    auto it = t_connections.byInstance.find(m_instance);
    if (it != t_connections.byInstance.end())
        return it->second.connection;
    const QString name = QStringLiteral("mailadmind-%1-%2-%3")
                             .arg(m_instance)
                             .arg(quintptr(QThread::currentThreadId()))
                             .arg(suffix);
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driver(), name);
    if (m_options.kind == SqlDialect::Kind::SQLite) {
        db.setDatabaseName(m_options.path);
    } else {
        db.setHostName(m_options.host);
        db.setPort(m_options.port);
        db.setDatabaseName(m_options.name);
        db.setUserName(m_options.user);
        db.setPassword(m_options.password);
    }
    if (!db.open()) {
        const QString text = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        const QString where = m_options.kind == SqlDialect::Kind::SQLite ? m_options.path : m_options.host;
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("The database %1 cannot be written or opened: %2").arg(where, text));
    }
    for (const QString &sql : m_dialect.connectionSetup()) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            qCWarning(lcStore) << "connection setup failed:" << sql << q.lastError().text();
    }
    t_connections.byInstance[m_instance].name = name;
    t_connections.byInstance[m_instance].connection = db;
    return db;
}

QSqlDatabase Database::connection()
{
    // The thread keeps its own handle: looking a connection up by name takes a process-wide lock.
    auto it = t_connections.byInstance.find(m_instance);
    if (it != t_connections.byInstance.end())
        return it->second.connection;
    const Result<QSqlDatabase> db = openConnection(QStringLiteral("t"));
    if (!db.ok()) {
        qCCritical(lcStore) << db.error().detail;
        return QSqlDatabase();
    }
    return db.value();
}

Statement Database::prepare(const QString &sql)
{
    QSqlDatabase db = connection();
    auto &entry = t_connections.byInstance[m_instance];
    auto it = entry.statements.constFind(sql);
    if (it == entry.statements.constEnd()) {
        auto query = std::make_shared<QSqlQuery>(db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            qCCritical(lcStore) << "prepare failed:" << query->lastError().text() << sql;
        it = entry.statements.insert(sql, std::move(query));
    }
    return Statement(*this, it->get());
}

Status Database::execute(const QString &sql)
{
    QSqlQuery q(connection());
    if (!q.exec(sql))
        return sqlError(q.lastError(), sql);
    return Status::success();
}

Status Database::begin()
{
    return execute(m_dialect.beginWrite());
}

Status Database::commit()
{
    return execute(QStringLiteral("COMMIT"));
}

void Database::rollback()
{
    const Status s = execute(QStringLiteral("ROLLBACK"));
    if (!s.ok())
        qCWarning(lcStore) << "rollback failed:" << s.error().detail;
}

Error Database::sqlError(const QSqlError &error, const QString &sql) const
{
    if (m_dialect.isUniqueViolation(error))
        return Error::conflict(QStringLiteral("An object with this name already exists."));
    if (m_dialect.isBusy(error))
        return Error::make(ErrorKind::Unavailable, QStringLiteral("The database is busy; try again."));
    qCWarning(lcStore).noquote() << "SQL error:" << error.text() << "in:" << sql.simplified().left(300);
    return Error::internal(QStringLiteral("A database error occurred."));
}

int Database::latestSchemaVersion()
{
    return int(migrations().size());
}

int Database::schemaVersion()
{
    Statement q = prepare(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!q.exec().ok() || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Database::migrate()
{
    if (Status s = execute(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER "
                                          "PRIMARY KEY, applied_at BIGINT NOT NULL)"));
        !s.ok())
        return s;
    const int current = schemaVersion();
    const auto &all = migrations();
    if (current > int(all.size()))
        return Error::make(ErrorKind::Invalid,
            QStringLiteral("The database has schema version %1, newer than this server knows (%2).")
                .arg(current)
                .arg(all.size()));
    for (int version = current + 1; version <= int(all.size()); ++version) {
        Transaction tx(*this);
        if (!tx.status().ok())
            return tx.status();
        for (const QString &statement : all.at(version - 1)) {
            const QString sql = m_dialect.schema(statement);
            if (sql.isEmpty())
                continue;
            if (Status s = execute(sql); !s.ok())
                return s;
        }
        Statement mark
            = prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"));
        mark.bind(version).bind(QDateTime::currentSecsSinceEpoch());
        if (Status s = mark.exec(); !s.ok())
            return s;
        if (Status s = tx.commit(); !s.ok())
            return s;
        qCInfo(lcStore) << "applied schema migration" << version;
    }
    // Users stored before display names had a sort key get theirs now (SQL cannot fold accents).
    int sortKeyVersion = 0;
    for (int version = 1; version <= int(all.size()); ++version) {
        for (const QString &statement : all.at(version - 1))
            if (statement.contains(QLatin1String("ADD COLUMN name_sort")))
                sortKeyVersion = version;
    }
    if (current > 0 && current < sortKeyVersion) {
        Transaction tx(*this);
        if (!tx.status().ok())
            return tx.status();
        Statement names = prepare(QStringLiteral("SELECT id, display_name FROM users WHERE display_name <> ''"));
        if (Status s = names.exec(); !s.ok())
            return s;
        QList<std::pair<qint64, QString>> keys;
        while (names.next())
            keys.append({names.toInt(0), validation::sortKey(names.toString(1))});
        for (const auto &[id, key] : keys) {
            Statement set = prepare(QStringLiteral("UPDATE users SET name_sort = ? WHERE id = ?"));
            set.bind(key).bind(id);
            if (Status s = set.exec(); !s.ok())
                return s;
        }
        if (Status s = tx.commit(); !s.ok())
            return s;
    }
    return Status::success();
}

} // namespace mailadmin::store
