// Postfix's policy protocol at load: a seeded directory (20,000 users by default), mailadmind's policy
// service on a loopback port, and 32 connections (as many smtpd processes) each sending one request after
// another, as Postfix does. Requests at RCPT (the limit is only read) and at END-OF-MESSAGE (each message
// is counted; the counts of the messages waiting are committed together). Prints answers per second and the
// latency's median and 99th percentile of each run, and the median of the runs.
//   bench_policy_throughput [--users N] [--requests N] [--connections N] [--threads N] [--runs N]

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
#include <chrono>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
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

// One client thread drives every connection through epoll, as the smtpd processes would each wait on
// their own socket: a connection sends its next request as soon as it has the answer to the last one. The
// latency is from sending a request to having its whole answer.
RunResult run(
    int port, const QList<QByteArray> &users, int connections, int requests, const QByteArray &state)
{
    struct Conn
    {
        int fd = -1;
        QByteArray reply;
        std::chrono::steady_clock::time_point sent;
    };
    std::vector<Conn> conns(static_cast<size_t>(connections));
    std::vector<double> all;
    all.reserve(size_t(requests));
    qint64 failures = 0;
    int next = 0;
    RunResult r;
    const int ep = epoll_create1(0);
    const auto send = [&](Conn &c) {
        if (next >= requests)
            return false;
        const int i = next++;
        const QByteArray &user = users.at(i % users.size());
        const QByteArray request = "request=smtpd_access_policy\nprotocol_state=" + state
            + "\nprotocol_name=ESMTP\nclient_address=192.0.2.7\nclient_name=unknown\nhelo_name=pc\n"
              "sender="
            + user + "\nrecipient=someone@example.net\nrecipient_count=1\nqueue_id=4Q" + QByteArray::number(i)
            + "\nsize=2400\nsasl_method=PLAIN\nsasl_username=" + user + "\n\n";
        c.reply.clear();
        c.sent = std::chrono::steady_clock::now();
        return ::send(c.fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) == request.size();
    };
    int open = 0;
    QElapsedTimer wall;
    wall.start();
    for (size_t k = 0; k < conns.size(); ++k) {
        Conn &c = conns[k];
        c.fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            ::close(c.fd);
            c.fd = -1;
            ++failures;
            continue;
        }
        const int one = 1;
        setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = k;
        epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
        if (send(c))
            ++open;
    }
    char buffer[4096];
    epoll_event events[64];
    while (open > 0) {
        const int n = epoll_wait(ep, events, 64, 10000);
        if (n <= 0)
            break;
        for (int e = 0; e < n; ++e) {
            Conn &c = conns[events[e].data.u64];
            const ssize_t got = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (got <= 0) {
                ++failures;
                --open;
                epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
                continue;
            }
            c.reply.append(buffer, got);
            if (!c.reply.endsWith("\n\n"))
                continue;
            const auto end = std::chrono::steady_clock::now();
            if (!c.reply.startsWith("action=")) {
                ++failures;
            } else {
                all.push_back(std::chrono::duration<double, std::milli>(end - c.sent).count());
                if (r.sample.isEmpty())
                    r.sample = c.reply.trimmed();
            }
            if (!send(c)) {
                --open;
                epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
            }
        }
    }
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    for (Conn &c : conns)
        if (c.fd >= 0)
            ::close(c.fd);
    ::close(ep);
    r.answers = qint64(all.size());
    r.failures = failures;
    r.perSecond = double(all.size()) / seconds;
    r.p50 = percentile(all, 0.50);
    r.p99 = percentile(all, 0.99);
    return r;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
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
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Runs of each kind; the median is printed (default 5)."), QStringLiteral("n"),
        QStringLiteral("5"));
    parser.addOptions({usersOption, requestsOption, connectionsOption, threadsOption, runsOption});
    parser.process(app);
    const int users = std::max(100, parser.value(usersOption).toInt());
    const int requests = std::max(1000, parser.value(requestsOption).toInt());
    const int connections = std::max(1, parser.value(connectionsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());
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
        std::vector<double> rates, p50s, p99s;
        for (int i = 0; i < runs; ++i) {
            const RunResult r = run(port.value(), addresses, connections, requests, state);
            out() << "  " << QString::fromLatin1(state).leftJustified(15)
                  << QStringLiteral(" run %1: %2 answers/s, median %3 ms, p99 %4 ms")
                         .arg(i + 1)
                         .arg(r.perSecond, 0, 'f', 0)
                         .arg(r.p50, 0, 'f', 2)
                         .arg(r.p99, 0, 'f', 2)
                  << " (" << r.answers << " answers, " << r.failures << " failed; e.g. "
                  << QString::fromUtf8(r.sample) << ")\n";
            out().flush();
            rates.push_back(r.perSecond);
            p50s.push_back(r.p50);
            p99s.push_back(r.p99);
        }
        out() << QString::fromLatin1(state).leftJustified(15)
              << QStringLiteral(": median of %1 runs: %2 answers/s, median %3 ms, p99 %4 ms\n")
                     .arg(runs)
                     .arg(median(rates), 0, 'f', 0)
                     .arg(median(p50s), 0, 'f', 2)
                     .arg(median(p99s), 0, 'f', 2);
        out().flush();
    }
    server.stop();
    return 0;
}
