#pragma once

#include "Result.h"

#include <QString>

#include <memory>

namespace mailadmin::http {

class Api;

struct ServerOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8440; // 0: any free port
    QString tlsCertificate;
    QString tlsKey;
    size_t maxBodyBytes = 8 * 1024 * 1024;
    // Threads that run the event loop and call the Api; a connection holds none of them while it waits.
    int threads = 64;
    // The whole request header (and the TLS handshake) must arrive within this time of the first byte.
    int readTimeoutSeconds = 10;
    int writeTimeoutSeconds = 10;
    // The whole request body must arrive within this time of its header.
    int bodyTimeoutSeconds = 60;
    // How long a kept-alive connection may wait for its next request.
    int keepAliveSeconds = 5;
    int keepAliveRequests = 1000;
    // Open connections at most; at the bound the one that has waited longest for a request is closed.
    int maxConnections = 4096;
};

// The HTTP(S) transport on Boost.Beast: event-driven connections with their own deadlines, header and body
// limits, no implicit decompression, a few threads calling the Api, and a log line per request.
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
    // Loads a new TLS certificate and key for the connections accepted from now on (those open keep
    // theirs). On an error (a file missing or not matching) the running ones stay. Only for a server that
    // serves HTTPS already.
    Status reloadTls(const QString &certificate, const QString &key);
    int port() const { return m_port; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    int m_port = 0;
};

} // namespace mailadmin::http
