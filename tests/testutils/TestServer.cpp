#include "TestServer.h"

#include "auth/PasswordHasher.h"
#include "auth/SessionManager.h"
#include "http/Api.h"
#include "http/HttpServer.h"
#include "service/AdminService.h"
#include "service/DemoSeeder.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mailadmin::testing {

TestServer::TestServer(bool withDemoData) : TestServer(defaultOptions(), withDemoData) { }

http::ServerOptions TestServer::defaultOptions()
{
    http::ServerOptions options;
    options.threads = 8;
    return options;
}

TestServer::TestServer(http::ServerOptions serverOptions, bool withDemoData)
{
    auth::PasswordHasher::setStrength(auth::PasswordHasher::Strength::Fast);
    store::Database::Options options;
    options.path = m_dir.filePath(QStringLiteral("test.db"));
    auto db = store::Database::open(options);
    if (!db.ok())
        qFatal("cannot open the test database: %s", qPrintable(db.error().detail));
    m_db = db.value();
    m_sessions = std::make_unique<auth::SessionManager>(*m_db);
    const service::AdminService admins(service::Context {*m_db, *m_sessions});
    if (!admins.bootstrapOperator(QString::fromLatin1(kOperator), QString::fromLatin1(kPassword)).ok())
        qFatal("cannot create the test operator");
    if (withDemoData) {
        service::DemoOptions demo;
        demo.companies = 2;
        demo.domains = 6;
        demo.users = 300;
        demo.adminPassword = QString::fromLatin1(kPassword);
        if (!service::DemoSeeder(*m_db).seed(demo).ok())
            qFatal("cannot seed demo data");
    }
    m_api = std::make_unique<http::Api>(*m_db, *m_sessions);
    serverOptions.port = 0;
    m_server = std::make_unique<http::HttpServer>(*m_api, serverOptions);
    const Result<int> port = m_server->bind();
    if (!port.ok())
        qFatal("cannot bind the test server: %s", qPrintable(port.error().detail));
    m_port = port.value();
    m_thread = std::thread([this] { m_server->run(); });
}

TestServer::~TestServer()
{
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
    m_api.reset();
    m_sessions.reset();
    m_db.reset();
}

QString TestServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString TestServer::databasePath() const
{
    return m_dir.filePath(QStringLiteral("test.db"));
}

HttpClient TestServer::operatorClient() const
{
    HttpClient c(QStringLiteral("127.0.0.1"), m_port);
    c.signIn(QString::fromLatin1(kOperator), QString::fromLatin1(kPassword));
    return c;
}

QByteArray TestServer::digest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList tables = {QStringLiteral("companies"), QStringLiteral("contacts"),
        QStringLiteral("brands"), QStringLiteral("domains"), QStringLiteral("domain_aliases"),
        QStringLiteral("users"), QStringLiteral("user_aliases"), QStringLiteral("admins"),
        QStringLiteral("admin_domains"), QStringLiteral("audit"), QStringLiteral("clusters"),
        QStringLiteral("mail_stores"), QStringLiteral("incidents"), QStringLiteral("incident_updates"),
        QStringLiteral("incident_impact"), QStringLiteral("notice_deliveries"), QStringLiteral("outbox"),
        QStringLiteral("bulletins"), QStringLiteral("bulletin_posts"), QStringLiteral("bulletin_deliveries")};
    for (const QString &table : tables) {
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table));
        while (q.next()) {
            const QSqlRecord record = q.record();
            for (int i = 0; i < record.count(); ++i)
                hash.addData(QByteArray(record.value(i).toString().toUtf8() + '\x1f'));
            hash.addData("\x1e");
        }
    }
    return hash.result().toHex();
}

} // namespace mailadmin::testing
