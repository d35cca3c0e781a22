#include "DemoServer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace mailadmin::app {

DemoServer::DemoServer(QObject *parent) : QObject(parent)
{
    static const QString alphabet = QStringLiteral("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    m_password = QStringLiteral("Demo-");
    for (int i = 0; i < 12; ++i)
        m_password += alphabet.at(int(QRandomGenerator::system()->bounded(quint32(alphabet.size()))));
    m_password += QStringLiteral("-7");
}

DemoServer::~DemoServer()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(3000))
            m_server->kill();
    }
}

// The demo's server and seeder end with the client however it ends (a signal, a crash), not only when it
// quits: the kernel sends them SIGTERM when their parent dies.
void DemoServer::endsWithTheClient(QProcess *process)
{
#ifdef Q_OS_LINUX
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#else
    Q_UNUSED(process);
#endif
}

QString DemoServer::serverProgram()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/mailadmind");
}

QString DemoServer::loginFor(const QString &role)
{
    if (role == QLatin1String("operator"))
        return QStringLiteral("operator");
    if (role == QLatin1String("company_readonly"))
        return QStringLiteral("exec@northwind");
    if (role == QLatin1String("support"))
        return QStringLiteral("support@northwind");
    if (role == QLatin1String("domain_admin"))
        return QStringLiteral("domains@northwind");
    return QStringLiteral("admin@northwind");
}

void DemoServer::run(const QStringList &arguments, const QString &step, std::function<void()> next)
{
    emit progress(step);
    auto *process = new QProcess(this);
    endsWithTheClient(process);
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::finished, this,
        [this, process, next, step](int code, QProcess::ExitStatus status) {
            const QByteArray output = process->readAll();
            process->deleteLater();
            if (status != QProcess::NormalExit || code != 0) {
                emit failed(tr("%1 failed: %2").arg(step, QString::fromUtf8(output).trimmed()));
                return;
            }
            next();
        });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("Cannot start %1: %2").arg(serverProgram(), process->errorString()));
    });
    process->start(serverProgram(), arguments);
    process->write(m_password.toUtf8() + '\n');
    process->closeWriteChannel();
}

void DemoServer::start()
{
    if (!QFileInfo(serverProgram()).isExecutable()) {
        emit failed(tr("The demo needs mailadmind beside the client (%1).").arg(serverProgram()));
        return;
    }
    if (!m_dir.isValid()) {
        emit failed(tr("Cannot create a temporary folder for the demo database."));
        return;
    }
    const QString db = m_dir.filePath(QStringLiteral("demo.db"));
    run({QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--operator"),
            QStringLiteral("demo-root"), QStringLiteral("--password-stdin")},
        tr("Creating the demo database"), [this, db] {
            run({QStringLiteral("seed-demo"), QStringLiteral("--db"), db, QStringLiteral("--seed"),
                    QStringLiteral("1"), QStringLiteral("--companies"), QStringLiteral("3"),
                    QStringLiteral("--domains"), QStringLiteral("40"), QStringLiteral("--users"),
                    QStringLiteral("20000"), QStringLiteral("--password-stdin"),
                    QStringLiteral("--fast-hash")},
                tr("Writing 20,000 demo users and 90 days of mail activity"), [this, db] {
                    emit progress(tr("Starting the demo server"));
                    m_server = new QProcess(this);
                    endsWithTheClient(m_server);
                    m_server->setProcessChannelMode(QProcess::SeparateChannels);
                    connect(m_server, &QProcess::readyReadStandardOutput, this, [this] {
                        m_output += m_server->readAllStandardOutput();
                        static const QRegularExpression listening(
                            QStringLiteral("listening on (http://127\\.0\\.0\\.1:[0-9]+)"));
                        const auto m = listening.match(QString::fromUtf8(m_output));
                        if (m.hasMatch() && m_url.isEmpty()) {
                            m_url = QUrl(m.captured(1));
                            emit ready();
                        }
                    });
                    connect(m_server, &QProcess::finished, this, [this](int code) {
                        if (m_url.isEmpty())
                            emit failed(tr("The demo server stopped (exit %1): %2")
                                            .arg(code)
                                            .arg(QString::fromUtf8(m_server->readAllStandardError())));
                    });
                    m_server->start(serverProgram(),
                        {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:0"), QStringLiteral("--quiet")});
                });
        });
}

} // namespace mailadmin::app
