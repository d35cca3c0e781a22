#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// Both programs as an administrator installs them: `cmake --install` lays out binaries, unit, config,
// desktop entry, metainfo, icon and man pages; the installed server starts from its installed config and
// tells systemd when it is ready; `cpack` makes the two Debian packages with those files in them.
class TestPackaging : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void installLaysOutEveryFile_data();
    void installLaysOutEveryFile();
    void unitStartsTheInstalledServer();
    void installedServerRunsFromItsConfigAndNotifies();
    void installedServerReloadsOnHangup();
    void debianPackages();

private:
    // The common name of the certificate the server at port presents, and the answer's status line.
    static std::pair<QString, QByteArray> askOverTls(int port);
    static QString run(const QString &program, const QStringList &args, const QStringList &env = {},
        int *code = nullptr, int timeoutMs = 240000, const QByteArray &input = {});
    QString m_build;
    QTemporaryDir m_root;
};

QString TestPackaging::run(const QString &program, const QStringList &args, const QStringList &env, int *code,
    int timeoutMs, const QByteArray &input)
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &pair : env)
            environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        p.setProcessEnvironment(environment);
    }
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    if (code)
        *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll());
}

void TestPackaging::initTestCase()
{
    m_build = qEnvironmentVariable("MAILADMIN_BINARY_DIR");
    QVERIFY(QFile::exists(m_build + QStringLiteral("/CPackConfig.cmake")));
    int code = -1;
    const QString log = run(QStringLiteral("cmake"), {QStringLiteral("--install"), m_build},
        {QStringLiteral("DESTDIR=") + m_root.path()}, &code);
    QVERIFY2(code == 0, qPrintable(log));
}

void TestPackaging::installLaysOutEveryFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("server") << QStringLiteral("usr/bin/mailadmind") << QString();
    QTest::newRow("client") << QStringLiteral("usr/bin/mailadmin") << QString();
    QTest::newRow("unit") << QStringLiteral("lib/systemd/system/mailadmind.service")
                          << QStringLiteral("Type=notify");
    QTest::newRow("config") << QStringLiteral("etc/mailadmin/mailadmind.conf") << QStringLiteral("[serve]");
    QTest::newRow("server man page") << QStringLiteral("usr/share/man/man8/mailadmind.8")
                                     << QStringLiteral(".SH CONFIGURATION");
    QTest::newRow("client man page") << QStringLiteral("usr/share/man/man1/mailadmin.1")
                                     << QStringLiteral(".SH OPTIONS");
    QTest::newRow("desktop entry") << QStringLiteral("usr/share/applications/org.mailadmin.MailAdmin.desktop")
                                   << QStringLiteral("Exec=mailadmin");
    QTest::newRow("metainfo") << QStringLiteral("usr/share/metainfo/org.mailadmin.MailAdmin.metainfo.xml")
                              << QStringLiteral(
                                     "<launchable type=\"desktop-id\">org.mailadmin.MailAdmin.desktop");
    QTest::newRow("icon") << QStringLiteral(
        "usr/share/icons/hicolor/scalable/apps/org.mailadmin.MailAdmin.svg")
                          << QStringLiteral("<svg");
}

void TestPackaging::installLaysOutEveryFile()
{
    QFETCH(QString, path);
    QFETCH(QString, mentions);
    QFile file(m_root.filePath(path));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    if (mentions.isEmpty())
        QVERIFY(file.permissions() & QFile::ExeOther);
    else
        QVERIFY2(QString::fromUtf8(file.readAll()).contains(mentions), qPrintable(path));
}

void TestPackaging::unitStartsTheInstalledServer()
{
    QFile unit(m_root.filePath(QStringLiteral("lib/systemd/system/mailadmind.service")));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(unit.readAll());
    const QRegularExpression exec(
        QStringLiteral("^ExecStart=(\\S+) serve --config (\\S+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = exec.match(text);
    QVERIFY2(match.hasMatch(), qPrintable(text));
    // The paths the unit names are the ones the install wrote.
    QVERIFY(QFile::exists(m_root.path() + match.captured(1)));
    QVERIFY(QFile::exists(m_root.path() + match.captured(2)));
    QVERIFY(text.contains(QStringLiteral("StateDirectory=mailadmin")));
}

void TestPackaging::installedServerRunsFromItsConfigAndNotifies()
{
    const QString server = m_root.filePath(QStringLiteral("usr/bin/mailadmind"));
    // The installed config, with the database and port of this test put where the packaged ones stand.
    QFile installed(m_root.filePath(QStringLiteral("etc/mailadmin/mailadmind.conf")));
    QVERIFY(installed.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(installed.readAll());
    QVERIFY(text.contains(QStringLiteral("db = /var/lib/mailadmin/directory.db")));
    text.replace(
        QStringLiteral("/var/lib/mailadmin/directory.db"), m_root.filePath(QStringLiteral("directory.db")));
    text.replace(QStringLiteral("listen = 127.0.0.1:8440"), QStringLiteral("listen = 127.0.0.1:0"));
    const QString config = m_root.filePath(QStringLiteral("test.conf"));
    QFile out(config);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.toUtf8());
    out.close();

    int code = -1;
    const QString initLog = run(server,
        {QStringLiteral("init"), QStringLiteral("--config"), config, QStringLiteral("--operator"),
            QStringLiteral("root-operator"), QStringLiteral("--password-stdin")},
        {}, &code, 60000, "Packaged-Server-Pass-2026\n");
    QVERIFY2(code == 0, qPrintable(initLog));
    QVERIFY(QFile::exists(m_root.filePath(QStringLiteral("directory.db"))));

    // systemd's side of Type=notify: a datagram socket named by NOTIFY_SOCKET.
    const QByteArray socketPath = m_root.filePath(QStringLiteral("notify.sock")).toUtf8();
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(socketPath.size()) < sizeof(address.sun_path));
    memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    const timeval wait {30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));

    QProcess serve;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NOTIFY_SOCKET"), QString::fromUtf8(socketPath));
    serve.setProcessEnvironment(environment);
    serve.start(server, {QStringLiteral("serve"), QStringLiteral("--config"), config});
    QVERIFY(serve.waitForStarted());
    char message[256] = {};
    const ssize_t n = ::recv(fd, message, sizeof(message) - 1, 0);
    QVERIFY2(n > 0, "no READY=1 from the installed server");
    QCOMPARE(QByteArray(message, int(n)), QByteArray("READY=1"));

    // Ready means bound: the port it printed answers at once.
    QVERIFY(serve.waitForReadyRead(10000) || serve.bytesAvailable() > 0);
    const QString banner = QString::fromUtf8(serve.readAllStandardOutput());
    const QRegularExpressionMatch port
        = QRegularExpression(QStringLiteral("127\\.0\\.0\\.1:(\\d+)")).match(banner);
    QVERIFY2(port.hasMatch(), qPrintable(banner));
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(
        QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/status").arg(port.captured(1)))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    delete reply;

    ::kill(pid_t(serve.processId()), SIGTERM);
    const ssize_t m = ::recv(fd, message, sizeof(message) - 1, 0);
    QVERIFY(m > 0);
    QCOMPARE(QByteArray(message, int(m)), QByteArray("STOPPING=1"));
    QVERIFY(serve.waitForFinished(20000));
    QCOMPARE(serve.exitCode(), 0);
    ::close(fd);
}

std::pair<QString, QByteArray> TestPackaging::askOverTls(int port)
{
    QSslSocket s;
    s.setPeerVerifyMode(QSslSocket::VerifyNone);
    s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(port));
    if (!s.waitForEncrypted(10000))
        return {QStringLiteral("no TLS: ") + s.errorString(), {}};
    const QStringList names = s.peerCertificate().subjectInfo(QSslCertificate::CommonName);
    s.write("GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (s.waitForReadyRead(10000))
        reply += s.readAll();
    return {names.value(0), reply.left(reply.indexOf("\r\n"))};
}

// `systemctl reload` sends SIGHUP: the server reads its config file again and takes the new log level and
// format and the new TLS certificate (for connections from then on), telling systemd RELOADING=1 and
// READY=1; a config whose certificate does not load is refused and the running settings stay.
void TestPackaging::installedServerReloadsOnHangup()
{
    QFile unit(m_root.filePath(QStringLiteral("lib/systemd/system/mailadmind.service")));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    QVERIFY(unit.readAll().contains("\nExecReload=/bin/kill -HUP $MAINPID\n"));
    const QString server = m_root.filePath(QStringLiteral("usr/bin/mailadmind"));
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("first"), QStringLiteral("second")}) {
        int code = -1;
        const QString log = run(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                QStringLiteral("-keyout"), dir.filePath(name + QStringLiteral(".key")), QStringLiteral("-out"),
                dir.filePath(name + QStringLiteral(".pem"))},
            {}, &code, 60000);
        QVERIFY2(code == 0, qPrintable(log));
    }
    const QString database = dir.filePath(QStringLiteral("reload.db"));
    const QString config = dir.filePath(QStringLiteral("reload.conf"));
    const auto writeConfig = [&](const QString &certName, const QString &format, const QString &level) {
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(QStringLiteral("db = %1\n[serve]\nlisten = 127.0.0.1:0\ntls-cert = %2\ntls-key = %3\n"
                               "log-format = %4\nlog-level = %5\n")
                    .arg(database, dir.filePath(certName + QStringLiteral(".pem")),
                        dir.filePath(certName + QStringLiteral(".key")), format, level)
                    .toUtf8());
        return true;
    };
    QVERIFY(writeConfig(QStringLiteral("first"), QStringLiteral("text"), QStringLiteral("info")));
    int code = -1;
    const QString initLog = run(server,
        {QStringLiteral("init"), QStringLiteral("--db"), database, QStringLiteral("--operator"),
            QStringLiteral("root-operator"), QStringLiteral("--password-stdin")},
        {}, &code, 60000, "Reloaded-Server-Pass-2026\n");
    QVERIFY2(code == 0, qPrintable(initLog));

    const QByteArray socketPath = dir.filePath(QStringLiteral("notify.sock")).toUtf8();
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(socketPath.size()) < sizeof(address.sun_path));
    memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    const timeval wait {30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
    const auto nextNotice = [&]() {
        char message[256] = {};
        const ssize_t n = ::recv(fd, message, sizeof(message) - 1, 0);
        return n > 0 ? QByteArray(message, int(n)) : QByteArray("nothing");
    };

    QProcess serve;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NOTIFY_SOCKET"), QString::fromUtf8(socketPath));
    // Rules from the environment would win over the server's log level.
    environment.remove(QStringLiteral("QT_LOGGING_RULES"));
    serve.setProcessEnvironment(environment);
    serve.start(server, {QStringLiteral("serve"), QStringLiteral("--config"), config});
    QVERIFY(serve.waitForStarted());
    QCOMPARE(nextNotice(), QByteArray("READY=1"));
    QByteArray banner;
    QTRY_VERIFY_WITH_TIMEOUT((banner += serve.readAllStandardOutput()).contains("\n"), 10000);
    const QRegularExpressionMatch listening
        = QRegularExpression(QStringLiteral("https://127\\.0\\.0\\.1:(\\d+)")).match(QString::fromUtf8(banner));
    QVERIFY2(listening.hasMatch(), banner.constData());
    const int port = listening.captured(1).toInt();

    auto [before, beforeStatus] = askOverTls(port);
    QCOMPARE(before, QStringLiteral("first"));
    QCOMPARE(beforeStatus, QByteArray("HTTP/1.1 200 OK"));
    QByteArray textLog;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (textLog += serve.readAllStandardError()).contains("mailadmind.http: "), textLog.constData(), 10000);

    // New certificate, JSON lines, warnings and worse only.
    QVERIFY(writeConfig(QStringLiteral("second"), QStringLiteral("json"), QStringLiteral("warning")));
    ::kill(pid_t(serve.processId()), SIGHUP);
    QVERIFY(nextNotice().startsWith("RELOADING=1\nMONOTONIC_USEC="));
    QCOMPARE(nextNotice(), QByteArray("READY=1"));
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += serve.readAllStandardOutput()).contains("configuration reloaded"),
        QByteArray(said + serve.readAllStandardError()).constData(), 10000);
    auto [after, afterStatus] = askOverTls(port);
    QCOMPARE(after, QStringLiteral("second"));
    QCOMPARE(afterStatus, QByteArray("HTTP/1.1 200 OK"));

    // A certificate that is not there: refused, said as a JSON warning line, and the second one stays.
    QVERIFY(writeConfig(QStringLiteral("missing"), QStringLiteral("text"), QStringLiteral("info")));
    ::kill(pid_t(serve.processId()), SIGHUP);
    QVERIFY(nextNotice().startsWith("RELOADING=1"));
    QCOMPARE(nextNotice(), QByteArray("READY=1"));
    QByteArray errors;
    QTRY_VERIFY_WITH_TIMEOUT((errors += serve.readAllStandardError()).contains("reload refused"), 10000);
    // At warning level the request just made left no line; the refusal is JSON.
    QVERIFY2(!errors.contains("mailadmind.http"), errors.constData());
    QVERIFY2(errors.startsWith("{\"category\":\"mailadmind\""), errors.constData());
    auto [still, stillStatus] = askOverTls(port);
    QCOMPARE(still, QStringLiteral("second"));
    QCOMPARE(stillStatus, QByteArray("HTTP/1.1 200 OK"));

    ::kill(pid_t(serve.processId()), SIGTERM);
    QCOMPARE(nextNotice(), QByteArray("STOPPING=1"));
    QVERIFY(serve.waitForFinished(20000));
    QCOMPARE(serve.exitCode(), 0);
    ::close(fd);
}

void TestPackaging::debianPackages()
{
    QTemporaryDir out;
    int code = -1;
    const QString log = run(QStringLiteral("cpack"),
        {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
            m_build + QStringLiteral("/CPackConfig.cmake"), QStringLiteral("-B"), out.path()},
        {}, &code);
    QVERIFY2(code == 0, qPrintable(log));
    const QStringList debs = QDir(out.path()).entryList({QStringLiteral("*.deb")});
    QCOMPARE(debs.size(), 2);
    for (const QString &deb : debs) {
        const QString path = out.filePath(deb);
        const QString name
            = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), path, QStringLiteral("Package")})
                  .trimmed();
        const QString contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), path});
        const QString depends
            = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), path, QStringLiteral("Depends")});
        if (name == QLatin1String("mailadmind")) {
            QVERIFY(contents.contains(QStringLiteral("./usr/bin/mailadmind")));
            QVERIFY(contents.contains(QStringLiteral("./lib/systemd/system/mailadmind.service")));
            QVERIFY(contents.contains(QStringLiteral("./etc/mailadmin/mailadmind.conf")));
            QVERIFY(!contents.contains(QStringLiteral("./usr/bin/mailadmin\n")));
            QVERIFY2(depends.contains(QStringLiteral("libqt6sql6")), qPrintable(depends));
            const QString control = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), path});
            QVERIFY2(
                control.contains(QStringLiteral("postinst")) && control.contains(QStringLiteral("conffiles")),
                qPrintable(control));
            // The packaged server runs where dpkg would put it.
            QTemporaryDir root;
            QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), path, root.path()}, {}, &code),
                QString());
            QCOMPARE(code, 0);
            QVERIFY(run(root.filePath(QStringLiteral("usr/bin/mailadmind")), {QStringLiteral("--version")})
                        .startsWith(QStringLiteral("mailadmind ")));
        } else {
            QCOMPARE(name, QStringLiteral("mailadmin"));
            QVERIFY(contents.contains(QStringLiteral("./usr/bin/mailadmin\n")));
            QVERIFY(contents.contains(QStringLiteral("org.mailadmin.MailAdmin.desktop")));
            QVERIFY(contents.contains(QStringLiteral("org.mailadmin.MailAdmin.metainfo.xml")));
            QVERIFY2(depends.contains(QStringLiteral("mailadmind (= ")), qPrintable(depends));
            QVERIFY2(depends.contains(QStringLiteral("libqt6widgets6")), qPrintable(depends));
        }
    }
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
