#pragma once

#include "HttpClient.h"
#include "http/HttpServer.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <thread>

namespace mailadmin::store {
class Database;
}
namespace mailadmin::auth {
class SessionManager;
}
namespace mailadmin::http {
class Api;
} // namespace mailadmin::http

namespace mailadmin::testing {

// A real mailadmind in this process: an ephemeral loopback port, a temporary SQLite file, and a first
// operator "root". Password hashing uses argon2id's cheapest settings to keep tests quick.
class TestServer
{
public:
    static constexpr const char *kOperator = "root";
    static constexpr const char *kPassword = "Test-Pass-2026!";

    explicit TestServer(bool withDemoData = false);
    // With the transport's limits and deadlines set by the test; the port is always a free one.
    explicit TestServer(http::ServerOptions options, bool withDemoData = false);
    // What the tests run on unless they say otherwise: a few worker threads.
    static http::ServerOptions defaultOptions();
    ~TestServer();

    int port() const { return m_port; }
    QString baseUrl() const;
    store::Database &db() { return *m_db; }
    QString databasePath() const;

    // A client already signed in as the operator.
    HttpClient operatorClient() const;
    HttpClient client() const { return HttpClient(QStringLiteral("127.0.0.1"), m_port); }

    // A digest of every directory table: equal digests mean nothing stored changed.
    QByteArray digest();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<store::Database> m_db;
    std::unique_ptr<auth::SessionManager> m_sessions;
    std::unique_ptr<http::Api> m_api;
    std::unique_ptr<http::HttpServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace mailadmin::testing
