#pragma once

#include "Result.h"

#include <QString>

#include <memory>

namespace httplib {
class Server;
}

namespace mailadmin::http {

class Api;

struct ServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8440; // 0: any free port
    QString tlsCertificate;
    QString tlsKey;
    size_t maxBodyBytes = 8 * 1024 * 1024;
    int threads = 64;
    int readTimeoutSeconds = 10;
    int writeTimeoutSeconds = 10;
    int keepAliveRequests = 1000;
};

// The HTTP(S) transport on cpp-httplib: body limit, timeouts, a thread pool, a log line per request.
class HttpServer
{
public:
    HttpServer(Api &api, ServerOptions options);
    ~HttpServer();

    // Binds the socket; the answer is the port actually bound.
    Result<int> bind();
    // Serves until stop() is called (blocks).
    void run();
    void stop();
    int port() const { return m_port; }

private:
    Api &m_api;
    ServerOptions m_options;
    std::unique_ptr<httplib::Server> m_server;
    int m_port = 0;
};

} // namespace mailadmin::http
