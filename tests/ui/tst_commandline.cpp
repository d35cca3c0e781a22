#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

// The client's command line answers without a display: --help and --version are what someone types on a
// server or over ssh, where Qt's xcb plugin would abort the program.
class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void answersWithoutDisplay_data();
    void answersWithoutDisplay();

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

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
