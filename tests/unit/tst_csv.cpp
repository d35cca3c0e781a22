#include "Csv.h"

#include <QTest>

using namespace mailadmin;

class TestCsv : public QObject
{
    Q_OBJECT
private slots:
    void escaping_data();
    void escaping();
    void roundTrip();
    void parsing_data();
    void parsing();
    void formulas();
};

void TestCsv::escaping_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("anna") << QStringLiteral("anna");
    QTest::newRow("comma") << QStringLiteral("Berg, Anna") << QStringLiteral("\"Berg, Anna\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("empty") << QString() << QString();
    // Opening a file, it would read back as the byte order mark (and be dropped).
    QTest::newRow("leading U+FEFF") << QStringLiteral("\uFEFFmailbox") << QStringLiteral("\"\uFEFFmailbox\"");
    QTest::newRow("inner U+FEFF") << QStringLiteral("a\uFEFF") << QStringLiteral("a\uFEFF");
}

void TestCsv::escaping()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(csv::escapeField(field), expected);
}

void TestCsv::roundTrip()
{
    const QList<QStringList> rows = {
        {QStringLiteral("\uFEFFaddress"), QStringLiteral("name"), QStringLiteral("notes")},
        {QStringLiteral("anna@example.com"), QStringLiteral("Berg, Anna"),
            QStringLiteral("line one\r\nline two")},
        {QStringLiteral("b@example.com"), QStringLiteral("\"Bo\""), QString()},
        {QStringLiteral("c@example.com"), QStringLiteral("Chloé Müller"), QStringLiteral("ünïcödé")},
    };
    QByteArray data;
    for (const QStringList &row : rows)
        data += csv::record(row);
    QVERIFY(data.endsWith("\r\n"));
    const csv::ParseResult parsed = csv::parse(data);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.rows, rows);
}

void TestCsv::parsing_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("ok");
    QTest::newRow("lf endings") << QByteArray("a,b\nc,d\n") << 2 << true;
    QTest::newRow("no final newline") << QByteArray("a,b\r\nc,d") << 2 << true;
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbf"
                                       "a,b\r\n")
                         << 1 << true;
    QTest::newRow("blank lines skipped") << QByteArray("a,b\r\n\r\nc,d\r\n") << 2 << true;
    QTest::newRow("unclosed quote") << QByteArray("a,\"b\r\n") << 0 << false;
    QTest::newRow("quote in field") << QByteArray("a,b\"c\r\n") << 0 << false;
    QTest::newRow("text after quote") << QByteArray("\"a\"b,c\r\n") << 0 << false;
}

void TestCsv::parsing()
{
    QFETCH(QByteArray, data);
    QFETCH(int, rows);
    QFETCH(bool, ok);
    const csv::ParseResult parsed = csv::parse(data);
    QCOMPARE(parsed.error.isEmpty(), ok);
    if (ok)
        QCOMPARE(parsed.rows.size(), rows);
    else
        QVERIFY(parsed.errorLine >= 1);
}

void TestCsv::formulas()
{
    QCOMPARE(csv::neutralizeFormula(QStringLiteral("=SUM(A1)")), QStringLiteral("'=SUM(A1)"));
    QCOMPARE(csv::neutralizeFormula(QStringLiteral("anna")), QStringLiteral("anna"));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
