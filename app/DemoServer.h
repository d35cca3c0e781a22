#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace mailadmin::app {

// Runs the mailadmind installed beside the client over a freshly seeded demo database in a temporary folder:
// init, seed-demo, then serve on a free loopback port. Every demo admin shares one random password.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    void start();
    QUrl url() const { return m_url; }
    QString password() const { return m_password; }
    // The demo login that has this role (company_admin when unknown).
    static QString loginFor(const QString &role);
    static QString serverProgram();

signals:
    void progress(const QString &step);
    void ready();
    void failed(const QString &error);

private:
    static void endsWithTheClient(QProcess *process);
    void run(const QStringList &arguments, const QString &step, std::function<void()> next);

    QTemporaryDir m_dir;
    QProcess *m_server = nullptr;
    QUrl m_url;
    QString m_password;
    QByteArray m_output;
};

} // namespace mailadmin::app
