#include "Json.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mailadmin;

class TestJson : public QObject
{
    Q_OBJECT
private slots:
    void isoTimeMatchesQt_data();
    void isoTimeMatchesQt();
    void isoTimeRandom();
    void parsing_data();
    void parsing();
    void parseObject();
};

void TestJson::isoTimeMatchesQt_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("leap day 2024") << qint64(1709164800);
    QTest::newRow("end of 1999") << qint64(946684799);
    QTest::newRow("2000-03-01") << qint64(951868800);
    QTest::newRow("before epoch") << qint64(-1);
    QTest::newRow("2100-03-01") << qint64(4107542400);
    QTest::newRow("year 9999") << qint64(253402300799);
}

void TestJson::isoTimeMatchesQt()
{
    QFETCH(qint64, seconds);
    QCOMPARE(json::isoTime(seconds), QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate));
}

void TestJson::isoTimeRandom()
{
    QRandomGenerator rng(42);
    for (int i = 0; i < 20000; ++i) {
        const qint64 s = qint64(rng.bounded(4102444800.0));
        QCOMPARE(json::isoTime(s), QDateTime::fromSecsSinceEpoch(s, Qt::UTC).toString(Qt::ISODate));
        QCOMPARE(json::parseIsoTime(json::isoTime(s)), s);
    }
}

void TestJson::parsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("utc") << QStringLiteral("2026-11-29T20:14:03Z") << qint64(1795983243);
    QTest::newRow("offset") << QStringLiteral("2026-11-29T21:14:03+01:00") << qint64(1795983243);
    QTest::newRow("date only") << QStringLiteral("2026-11-29") << qint64(1795910400);
    QTest::newRow("empty") << QString() << qint64(0);
    QTest::newRow("garbage") << QStringLiteral("yesterday") << qint64(-1);
}

void TestJson::parsing()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QCOMPARE(json::parseIsoTime(text), seconds);
}

void TestJson::parseObject()
{
    QVERIFY(json::parseObject("{\"a\": 1}").ok());
    QCOMPARE(json::parseObject("[1]").error().kind, ErrorKind::Malformed);
    QCOMPARE(json::parseObject("{\"a\": ").error().kind, ErrorKind::Malformed);
}

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
