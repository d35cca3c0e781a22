// Postfix's policy protocol at load: a seeded directory (20,000 users by default), mailadmind's policy
// service on a loopback port, and 32 connections (as many smtpd processes) each sending one request after
// another, as Postfix does. Two runs: requests at RCPT (the limit is only read) and at END-OF-MESSAGE (each
// message is counted, one write transaction per answer). Prints answers per second and the latency's
// median and 99th percentile.   bench_policy_throughput [--users N] [--requests N] [--connections N]

#include "auth/PasswordHasher.h"
#include "auth/SessionManager.h"
#include "mail/PolicyServer.h"
#include "service/AdminService.h"
#include "service/DemoSeeder.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace mailadmin;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, size_t(double(v.size()) * p)));
}

struct RunResult
{
    double perSecond = 0, p50 = 0, p99 = 0;
    qint64 answers = 0, failures = 0;
    QByteArray sample;
};

RunResult run(
    int port, const QList<QByteArray> &users, int connections, int requests, const QByteArray &state)
{
    std::atomic<int> next {0};
    std::atomic<qint64> failures {0};
    std::vector<std::vector<double>> latencies(static_cast<size_t>(connections));
    QByteArray sample;
    std::mutex sampleMutex;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address {};
            address.sin_family = AF_INET;
            address.sin_port = htons(quint16(port));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
                failures += requests;
                return;
            }
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            char buffer[4096];
            for (int i = next++; i < requests; i = next++) {
                const QByteArray &user = users.at(i % users.size());
                const QByteArray request = "request=smtpd_access_policy\nprotocol_state=" + state
                    + "\nprotocol_name=ESMTP\nclient_address=192.0.2.7\nclient_name=unknown\nhelo_name=pc\n"
                      "sender="
                    + user + "\nrecipient=someone@example.net\nrecipient_count=1\nqueue_id=4Q"
                    + QByteArray::number(i) + "\nsize=2400\nsasl_method=PLAIN\nsasl_username=" + user
                    + "\n\n";
                const auto start = std::chrono::steady_clock::now();
                if (::send(fd, request.constData(), size_t(request.size()), 0) != request.size()) {
                    ++failures;
                    break;
                }
                QByteArray reply;
                while (!reply.endsWith("\n\n")) {
                    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
                    if (n <= 0)
                        break;
                    reply.append(buffer, n);
                }
                const auto end = std::chrono::steady_clock::now();
                if (!reply.startsWith("action=")) {
                    ++failures;
                    break;
                }
                latencies[size_t(c)].push_back(
                    std::chrono::duration<double, std::milli>(end - start).count());
                if (i == 0) {
                    std::lock_guard lock(sampleMutex);
                    sample = reply.trimmed();
                }
            }
            ::close(fd);
        });
    }
    for (std::thread &t : threads)
        t.join();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    std::vector<double> all;
    for (const auto &l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    RunResult r;
    r.answers = qint64(all.size());
    r.failures = failures;
    r.perSecond = double(all.size()) / seconds;
    r.p50 = percentile(all, 0.50);
    r.p99 = percentile(all, 0.99);
    r.sample = sample;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Users (default 20000)."),
        QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
        QStringLiteral("Requests per run (default 100000)."), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"),
        QStringLiteral("Concurrent connections (default 32)."), QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"),
        QStringLiteral("Policy service threads (default 4, as serve)."), QStringLiteral("n"),
        QStringLiteral("4"));
    parser.addOptions({usersOption, requestsOption, connectionsOption, threadsOption});
    parser.process(app);
    const int users = std::max(100, parser.value(usersOption).toInt());
    const int requests = std::max(1000, parser.value(requestsOption).toInt());
    const int connections = std::max(1, parser.value(connectionsOption).toInt());
    QLoggingCategory::setFilterRules(QStringLiteral("mailadmind.*.info=false"));

    QTemporaryDir dir;
    store::Database::Options dbOptions;
    dbOptions.path = dir.filePath(QStringLiteral("bench.db"));
    auto opened = store::Database::open(dbOptions);
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error().detail << '\n';
        return 1;
    }
    store::Database &db = *opened.value();
    auth::PasswordHasher::setStrength(auth::PasswordHasher::Strength::Fast);
    service::DemoOptions demo;
    demo.seed = 11;
    demo.companies = 5;
    demo.domains = std::max(1, users / 200);
    demo.users = users;
    demo.adminPassword = QStringLiteral("Bench-Pass-Word-2026");
    if (!service::DemoSeeder(db).seed(demo).ok())
        return 1;
    // No user reaches a daily limit in the counted run: every answer is a full check and a count.
    (void)db.execute(QStringLiteral("UPDATE companies SET smtp_send_limit = 10000"));
    QList<QByteArray> addresses;
    {
        store::Statement q = db.prepare(QStringLiteral("SELECT address FROM users WHERE type = 'mailbox' AND "
                                                       "status = 'active' AND service_smtp = 'enabled'"));
        if (!q.exec().ok())
            return 1;
        while (q.next())
            addresses << q.toString(0).toUtf8();
    }
    mail::PolicyServer server(db,
        mail::PolicyServer::Options {
            QStringLiteral("127.0.0.1:0"), parser.value(threadsOption).toInt(), 300});
    const Result<int> port = server.start();
    if (!port.ok()) {
        QTextStream(stderr) << port.error().detail << '\n';
        return 1;
    }
    out() << "Policy service over " << addresses.size() << " senders, " << connections << " connections, "
          << requests << " requests per run, " << parser.value(threadsOption) << " service threads\n";
    for (const QByteArray &state : {QByteArrayLiteral("RCPT"), QByteArrayLiteral("END-OF-MESSAGE")}) {
        (void)run(port.value(), addresses, connections, std::min(requests, 5000), state); // warm-up
        const RunResult r = run(port.value(), addresses, connections, requests, state);
        out() << QString::fromLatin1(state).leftJustified(15)
              << QStringLiteral(": %1 answers/s, median %2 ms, p99 %3 ms")
                     .arg(r.perSecond, 0, 'f', 0)
                     .arg(r.p50, 0, 'f', 2)
                     .arg(r.p99, 0, 'f', 2)
              << " (" << r.answers << " answers, " << r.failures << " failed; e.g. "
              << QString::fromUtf8(r.sample) << ")\n";
        out().flush();
    }
    server.stop();
    return 0;
}
