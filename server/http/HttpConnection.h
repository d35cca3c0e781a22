#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>

namespace mailadmin::http {

class Api;
class ConnectionTracker;
struct ServerOptions;

// What every connection of one server shares; it outlives them all.
struct ConnectionEnvironment
{
    Api &api;
    const ServerOptions &options;
    ConnectionTracker &tracker;
};

// Serves one accepted connection until it closes: the TLS handshake when tls is set, then its requests one
// after the other, each answered in order. The socket's executor must be a strand of its own.
void serveConnection(
    boost::asio::ip::tcp::socket socket, boost::asio::ssl::context *tls, const ConnectionEnvironment &env);

} // namespace mailadmin::http
