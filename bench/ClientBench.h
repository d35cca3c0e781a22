#pragma once

// What the client benches share: starting a seeded mailadmind, signing in, and waiting for the client
// without sleeping (so the measured times are the client's, not the waiter's).

#include "ApiClient.h"
#include "Session.h"

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace mailadmin::bench {

inline QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

inline qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QString text = QString::fromLatin1(status.readAll());
    const auto m = QRegularExpression(QStringLiteral("VmHWM:\\s+(\\d+) kB")).match(text);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

inline bool run(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(900000);
    if (p.exitCode() != 0)
        QTextStream(stderr) << p.readAllStandardError();
    return p.exitCode() == 0;
}

// Runs the event loop until `done` holds (checked after every batch of events), or the time is up.
template<typename Predicate> bool spinUntil(Predicate done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    check.setInterval(0);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    check.start();
    loop.exec();
    return done();
}

// Counts the paints of a widget.
class PaintWatch : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// A mailadmind (found beside the bench) serving a database seeded with `seedArguments`, on a free port.
class BenchServer
{
public:
    static constexpr const char *kPassword = "Bench-Pass-2026";

    bool start(const QStringList &seedArguments)
    {
        const QString server = QCoreApplication::applicationDirPath() + QStringLiteral("/mailadmind");
        const QString db = m_dir.filePath(QStringLiteral("bench.db"));
        const QByteArray password = QByteArray(kPassword) + '\n';
        if (!run(server,
                {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
                    QStringLiteral("bench-root"), QStringLiteral("--password-stdin")},
                password)
            || !run(server,
                QStringList {QStringLiteral("seed-demo"), QStringLiteral("--db"), db,
                    QStringLiteral("--password-stdin"), QStringLiteral("--fast-hash")}
                    + seedArguments,
                password))
            return false;
        m_serve.start(server,
            {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet")});
        if (!m_serve.waitForReadyRead(20000))
            return false;
        const auto m = QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:[0-9]+)"))
                           .match(QString::fromUtf8(m_serve.readAllStandardOutput()));
        if (!m.hasMatch())
            return false;
        m_url = QUrl(m.captured(1));
        return true;
    }
    ~BenchServer()
    {
        m_serve.terminate();
        m_serve.waitForFinished(5000);
    }
    QUrl url() const { return m_url; }

    // Signs `session` in; false after 10 s without success.
    static bool signIn(api::Session &session, const QString &login, QObject *context)
    {
        bool signedIn = false;
        session.signIn(login, QString::fromLatin1(kPassword), context,
            [&](const api::ApiError &e) { signedIn = e.isNone(); });
        return spinUntil([&] { return signedIn; }, 10000);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_serve;
    QUrl m_url;
};

} // namespace mailadmin::bench
