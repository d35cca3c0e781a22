// How the transport holds under connections that take its attention without asking anything of it:
// slowloris clients trickling one header line every few seconds, and connections opened and left idle.
// Starts a real mailadmind, holds the connections open, and times `GET /api/v1/status` on a new connection
// (connect, request, whole answer), printing p50 and p99 for each case.
//
//   bench_transport_under_load [--slow 1000] [--idle 2000] [--requests 1000] [--binary PATH]

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <thread>
#include <vector>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

// One status request on a new connection; the time in milliseconds, or a negative number on failure.
double timedStatus(int port)
{
    QElapsedTimer timer;
    timer.start();
    const int fd = connectTo(port);
    if (fd < 0)
        return -1;
    double result = -1;
    if (sendAll(fd, "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
        QByteArray answer;
        char chunk[8192];
        for (;;) {
            pollfd p {fd, POLLIN, 0};
            if (::poll(&p, 1, 10000) <= 0)
                break;
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                break;
            answer.append(chunk, n);
        }
        if (answer.startsWith("HTTP/1.1 200") && answer.contains("mailadmind"))
            result = double(timer.nsecsElapsed()) / 1e6;
    }
    ::close(fd);
    return result;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

void measure(const QString &name, int port, int requests)
{
    std::vector<double> times;
    int failed = 0;
    for (int i = 0; i < requests; ++i) {
        const double ms = timedStatus(port);
        if (ms < 0)
            ++failed;
        else
            times.push_back(ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    out() << QStringLiteral("%1 p50 %2 ms   p99 %3 ms   failed %4 of %5")
                 .arg(name, -44)
                 .arg(percentile(times, 0.50), 6, 'f', 2)
                 .arg(percentile(times, 0.99), 6, 'f', 2)
                 .arg(failed)
                 .arg(requests)
          << Qt::endl;
}

// Slowloris: each connection sends a request line, then one more header line every few seconds, and is
// opened again whenever the server closes it, so that the count stays where it was asked to be.
class Trickler
{
public:
    Trickler(int port, int count, int everySeconds) : m_port(port), m_count(count), m_every(everySeconds)
    {
        for (int i = 0; i < count; ++i)
            m_fds.push_back(open());
        m_thread = std::thread([this] { loop(); });
    }
    ~Trickler()
    {
        m_stop = true;
        m_thread.join();
        for (int fd : m_fds)
            if (fd >= 0)
                ::close(fd);
    }
    int reopened() const { return m_reopened; }
    int open() const
    {
        const int fd = connectTo(m_port);
        if (fd >= 0 && !sendAll(fd, "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n")) {
            ::close(fd);
            return -1;
        }
        return fd;
    }

private:
    void loop()
    {
        int line = 0;
        while (!m_stop) {
            for (int i = 0; i < m_every * 10 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const QByteArray header = "X-Trickle-" + QByteArray::number(line++) + ": 1\r\n";
            for (int &fd : m_fds) {
                if (fd < 0 || !sendAll(fd, header)) {
                    if (fd >= 0)
                        ::close(fd);
                    fd = open();
                    ++m_reopened;
                }
            }
        }
    }

    int m_port;
    int m_count;
    int m_every;
    std::vector<int> m_fds;
    std::atomic<bool> m_stop {false};
    std::atomic<int> m_reopened {0};
    std::thread m_thread;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Status latency while slow and idle connections are held."));
    parser.addHelpOption();
    const QCommandLineOption slowOption(QStringLiteral("slow"), QStringLiteral("Slowloris connections."),
        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption idleOption(QStringLiteral("idle"), QStringLiteral("Idle connections."),
        QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
        QStringLiteral("Timed requests per case."), QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption binaryOption(QStringLiteral("binary"), QStringLiteral("The mailadmind to run."),
        QStringLiteral("path"), QCoreApplication::applicationDirPath() + QStringLiteral("/mailadmind"));
    parser.addOptions({slowOption, idleOption, requestsOption, binaryOption});
    parser.process(app);
    const int slow = parser.value(slowOption).toInt();
    const int idle = parser.value(idleOption).toInt();
    const int requests = parser.value(requestsOption).toInt();
    const QString binary = parser.value(binaryOption);

    rlimit limit {};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("bench.db"));
    QProcess init;
    init.start(binary,
        {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
            QStringLiteral("bench")});
    if (!init.waitForFinished(60000) || init.exitCode() != 0) {
        QTextStream(stderr) << "cannot run " << binary << " init: " << init.readAllStandardError()
                            << Qt::endl;
        return 1;
    }
    QProcess server;
    server.start(binary,
        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet")});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000)) {
        QTextStream(stderr) << "mailadmind serve did not start" << Qt::endl;
        return 1;
    }
    const QString line = QString::fromUtf8(server.readLine());
    const int port = line.section(QLatin1Char(':'), -1).section(QLatin1Char(' '), 0, 0).toInt();
    out() << "mailadmind on port " << port << ", " << std::thread::hardware_concurrency() << " cores; "
          << requests << " requests per case, each on a new connection" << Qt::endl;

    measure(QStringLiteral("no other connections"), port, requests);
    {
        Trickler trickler(port, slow, 4);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        measure(QStringLiteral("%1 slowloris connections (a line every 4 s)").arg(slow), port, requests);
        out() << "  (" << trickler.reopened() << " slow connections reopened after the server closed them)"
              << Qt::endl;
    }
    {
        std::vector<int> fds;
        int opened = 0;
        for (int i = 0; i < idle; ++i) {
            fds.push_back(connectTo(port));
            opened += fds.back() >= 0 ? 1 : 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        measure(QStringLiteral("%1 idle connections").arg(opened), port, requests);
        for (int fd : fds)
            if (fd >= 0)
                ::close(fd);
    }
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
