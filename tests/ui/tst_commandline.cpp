#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The client's command line answers without a display: --help and --version are what someone types on a
// server or over ssh, where Qt's xcb plugin would abort the program.
class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void answersWithoutDisplay_data();
    void answersWithoutDisplay();
    void demoServerEndsWithTheClient();

private:
    static QString program();
};

QString TestCommandLine::program()
{
    return qEnvironmentVariable("MAILADMIN_BINARY_DIR") + QStringLiteral("/bin/mailadmin");
}

void TestCommandLine::answersWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0 << QStringLiteral("--demo");
    QTest::newRow("version") << QStringList {QStringLiteral("--version")} << 0
                             << QStringLiteral("mailadmin 0.");
    QTest::newRow("help in French") << QStringList {QStringLiteral("--lang"), QStringLiteral("fr"),
        QStringLiteral("--help")} << 0
                                    << QStringLiteral("centre d'administration");
    QTest::newRow("unknown role") << QStringList {QStringLiteral("--demo-role"), QStringLiteral("boss")} << 2
                                  << QStringLiteral("Unknown role");
}

void TestCommandLine::answersWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program(), arguments);
    QVERIFY2(process.waitForFinished(20000), qPrintable(program()));
    const QString output
        = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == exitCode, qPrintable(output));
    QVERIFY2(output.contains(expected), qPrintable(output));
}

// Killed, not quit, the demo client leaves no server behind: the kernel sends its server SIGTERM.
void TestCommandLine::demoServerEndsWithTheClient()
{
#ifndef Q_OS_LINUX
    QSKIP("the parent's death signal is Linux's");
#endif
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    QProcess client;
    client.setProcessEnvironment(env);
    client.start(program(), {QStringLiteral("--demo")});
    QVERIFY(client.waitForStarted(10000));
    const QString parent = QString::number(client.processId());
    // The client's children, found in /proc by their parent's pid.
    const auto children = [&parent] {
        QStringList found;
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromLatin1(stat.readAll());
            const QStringList fields
                = text.mid(text.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
            if (fields.size() > 1 && fields.at(1) == parent && fields.at(0) != QLatin1String("Z"))
                found << pid;
        }
        return found;
    };
    // The server, once the demo directory is written: the seeder before it ends when its input closes anyway.
    const auto serving = [&children] {
        QStringList found;
        for (const QString &pid : children()) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains("serve"))
                found << pid;
        }
        return found;
    };
    QStringList started;
    QTRY_VERIFY_WITH_TIMEOUT(!(started = serving()).isEmpty(), 180000);
    for (const QString &pid : started)
        QVERIFY(QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid))
                    .symLinkTarget()
                    .endsWith(QLatin1String("mailadmind")));
    // Whatever the outcome, nothing of the test is left running.
    const auto cleanup = qScopeGuard([&started] {
        for (const QString &pid : started) {
            if (QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid))
                    .symLinkTarget()
                    .endsWith(QLatin1String("mailadmind")))
                ::kill(pid_t(pid.toLongLong()), SIGKILL);
        }
    });
    ::kill(pid_t(client.processId()), SIGKILL);
    QVERIFY(client.waitForFinished(10000));
    for (const QString &pid : started)
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1/exe").arg(pid))
                || QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget().isEmpty(),
            10000);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
