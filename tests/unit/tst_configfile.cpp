#include "ConfigFile.h"

#include <QCommandLineParser>
#include <QTest>

using mailadmin::server::ConfigFile;

// mailadmind.conf: keys are a command's flags, sections scope them, the command line wins, and every
// mistake names the file and line.
class TestConfigFile : public QObject
{
    Q_OBJECT
private slots:
    void flagsComeFirstSoTheCommandLineWins();
    void sharedKeysReachOnlyCommandsThatHaveThem();
    void switches_data();
    void switches();
    void errors_data();
    void errors();
};

namespace {

struct ServeFlags
{
    QCommandLineOption db {QStringLiteral("db"), QString(), QStringLiteral("path")};
    QCommandLineOption listen {QStringLiteral("listen"), QString(), QStringLiteral("host:port")};
    QCommandLineOption quiet {QStringLiteral("quiet"), QString()};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({db, listen, quiet}); }
};

} // namespace

void TestConfigFile::flagsComeFirstSoTheCommandLineWins()
{
    const auto config = ConfigFile::parse(
        QStringLiteral("db = /srv/a.db\n[serve]\nlisten = 127.0.0.1:1\n"), QStringLiteral("m.conf"));
    QVERIFY(config.ok());
    QCommandLineParser parser;
    ServeFlags flags;
    flags.addTo(parser);
    const QStringList arguments {
        QStringLiteral("mailadmind serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:2")};
    const auto combined = config.value().apply(parser, arguments, QStringLiteral("serve"));
    QVERIFY(combined.ok());
    QCOMPARE(combined.value(),
        (QStringList {QStringLiteral("mailadmind serve"), QStringLiteral("--db=/srv/a.db"),
            QStringLiteral("--listen=127.0.0.1:1"), QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:2")}));
    QVERIFY(parser.parse(combined.value()));
    QCOMPARE(parser.value(flags.listen), QStringLiteral("127.0.0.1:2"));
    QCOMPARE(parser.value(flags.db), QStringLiteral("/srv/a.db"));
}

void TestConfigFile::sharedKeysReachOnlyCommandsThatHaveThem()
{
    const auto config = ConfigFile::parse(
        QStringLiteral("# shared\ndb = x.db\nthreads = 8\n[ingest]\nfollow = true\n[serve]\nquiet = yes\n"),
        QStringLiteral("m.conf"));
    QVERIFY(config.ok());
    QCommandLineParser parser;
    ServeFlags flags;
    flags.addTo(parser);
    const auto combined
        = config.value().apply(parser, {QStringLiteral("mailadmind serve")}, QStringLiteral("serve"));
    QVERIFY2(combined.ok(), qPrintable(combined.ok() ? QString() : combined.error().detail));
    // threads is unknown to this parser and shared, so it is left out; [ingest] is another command's.
    QCOMPARE(combined.value(),
        (QStringList {
            QStringLiteral("mailadmind serve"), QStringLiteral("--db=x.db"), QStringLiteral("--quiet")}));
}

void TestConfigFile::switches_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("set");
    for (const char *yes : {"true", "yes", "on", "1"})
        QTest::newRow(yes) << QString::fromLatin1(yes) << true;
    for (const char *no : {"false", "no", "off", "0"})
        QTest::newRow(no) << QString::fromLatin1(no) << false;
}

void TestConfigFile::switches()
{
    QFETCH(QString, value);
    QFETCH(bool, set);
    const auto config
        = ConfigFile::parse(QStringLiteral("[serve]\nquiet = ") + value, QStringLiteral("m.conf"));
    QVERIFY(config.ok());
    QCommandLineParser parser;
    ServeFlags flags;
    flags.addTo(parser);
    const auto combined
        = config.value().apply(parser, {QStringLiteral("mailadmind serve")}, QStringLiteral("serve"));
    QVERIFY(combined.ok());
    QVERIFY(parser.parse(combined.value()));
    QCOMPARE(parser.isSet(flags.quiet), set);
}

void TestConfigFile::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("no equals") << QStringLiteral("\n\ndb /x")
                               << QStringLiteral("m.conf:3: expected key = value.");
    QTest::newRow("open section") << QStringLiteral("[serve") << QStringLiteral("m.conf:1: a section");
    QTest::newRow("upper case key") << QStringLiteral("DB = x")
                                    << QStringLiteral("m.conf:1: 'DB' is not a flag");
    QTest::newRow("config in config")
        << QStringLiteral("config = other.conf") << QStringLiteral("cannot be set in the file");
    QTest::newRow("unknown in section")
        << QStringLiteral("[serve]\nlisten-on = x")
        << QStringLiteral("m.conf:2: 'listen-on' is not a flag of mailadmind serve.");
    QTest::newRow("value for a switch")
        << QStringLiteral("[serve]\nquiet = loud") << QStringLiteral("m.conf:2: 'quiet' takes no value");
}

void TestConfigFile::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto config = ConfigFile::parse(text, QStringLiteral("m.conf"));
    QString detail;
    if (!config.ok()) {
        detail = config.error().detail;
    } else {
        QCommandLineParser parser;
        ServeFlags flags;
        flags.addTo(parser);
        const auto combined
            = config.value().apply(parser, {QStringLiteral("mailadmind serve")}, QStringLiteral("serve"));
        QVERIFY(!combined.ok());
        detail = combined.error().detail;
    }
    QVERIFY2(detail.contains(message), qPrintable(detail));
}

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
