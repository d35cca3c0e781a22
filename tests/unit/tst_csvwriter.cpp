#include "http/CsvWriter.h"

#include "Csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mailadmin;
using namespace mailadmin::http;

class TestCsvWriter : public QObject
{
    Q_OBJECT
private slots:
    void cells_data();
    void cells();
    void table();
    void download();
    void pagedJson();
    void pagedCsvStreamsEveryPage();
    void pagedCsvRefusedBeforeItStarts();
};

void TestCsvWriter::cells_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole") << QJsonValue(42.0) << QStringLiteral("42");
    QTest::newRow("negative") << QJsonValue(-7.0) << QStringLiteral("-7");
    QTest::newRow("fraction") << QJsonValue(2.345) << QStringLiteral("2.35");
    QTest::newRow("huge") << QJsonValue(1e16) << QStringLiteral("10000000000000000.00");
    QTest::newRow("true") << QJsonValue(true) << QStringLiteral("true");
    QTest::newRow("false") << QJsonValue(false) << QStringLiteral("false");
    QTest::newRow("text") << QJsonValue(QStringLiteral("anna@example.com"))
                          << QStringLiteral("anna@example.com");
    QTest::newRow("formula") << QJsonValue(QStringLiteral("=HYPERLINK(\"x\")"))
                             << QStringLiteral("'=HYPERLINK(\"x\")");
    QTest::newRow("plus") << QJsonValue(QStringLiteral("+1")) << QStringLiteral("'+1");
    QTest::newRow("null") << QJsonValue() << QString();
}

void TestCsvWriter::cells()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QCOMPARE(csvCell(value), expected);
}

void TestCsvWriter::table()
{
    const QJsonArray rows = {
        QJsonObject {{QStringLiteral("period"), QStringLiteral("2026-11-01")}, {QStringLiteral("imap"), 3},
            {QStringLiteral("extra"), QStringLiteral("ignored")}},
        QJsonObject {{QStringLiteral("period"), QStringLiteral("Berg, Anna")}, {QStringLiteral("imap"), 1.5}},
        QJsonObject {{QStringLiteral("imap"), QStringLiteral("-2")}},
    };
    const QByteArray out = csvTable(rows, {QStringLiteral("period"), QStringLiteral("imap")});
    QCOMPARE(out, QByteArray("period,imap\r\n2026-11-01,3\r\n\"Berg, Anna\",1.50\r\n,'-2\r\n"));
    const csv::ParseResult parsed = csv::parse(out);
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.rows.size(), 4);
    QCOMPARE(parsed.rows.at(2).at(0), QStringLiteral("Berg, Anna"));
}

void TestCsvWriter::download()
{
    const HttpResponse r = csvResponse("a\r\n", QStringLiteral("stats-logins"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("text/csv; charset=utf-8"));
    QCOMPARE(r.body, QByteArray("a\r\n"));
    QCOMPARE(r.headers.size(), 1);
    QCOMPARE(r.headers.first().first, QByteArray("Content-Disposition"));
    QCOMPARE(r.headers.first().second, QByteArray("attachment; filename=\"stats-logins.csv\""));
}

namespace {
// A list of `total` rows, answered in pages as a repository would.
store::Page pageOf(int total, int offset, int limit, bool rendered)
{
    store::Page page;
    page.total = total;
    page.offset = offset;
    page.limit = limit;
    for (int i = offset; i < qMin(total, offset + limit); ++i) {
        const QJsonObject row {
            {QStringLiteral("n"), i}, {QStringLiteral("name"), QStringLiteral("=u%1").arg(i)}};
        if (rendered)
            page.rendered << QJsonDocument(row).toJson(QJsonDocument::Compact);
        else {
            store::Record record;
            record.id = i + 1;
            record.data = row;
            page.items << record;
        }
    }
    return page;
}

QStringList rowOf(const QJsonObject &o)
{
    return {csvCell(o.value(QLatin1String("n"))), csvCell(o.value(QLatin1String("name")))};
}
} // namespace

void TestCsvWriter::pagedJson()
{
    HttpRequest request;
    Call call {request, {}, {}, std::nullopt};
    QList<QPair<int, int>> asked;
    const HttpResponse r
        = pagedAnswer(call, false, QStringLiteral("users"), {}, rowOf, [&](int offset, int limit) {
              asked << qMakePair(offset, limit);
              return Result<store::Page>(pageOf(3, 0, 100, false));
          });
    QCOMPARE(asked, (QList<QPair<int, int>> {{-1, -1}}));
    QVERIFY(!r.stream);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(body.value(QLatin1String("items")).toArray().size(), 3);
}

void TestCsvWriter::pagedCsvStreamsEveryPage()
{
    for (const bool rendered : {false, true}) {
        HttpRequest request;
        Call call {request, {}, {}, std::nullopt};
        const int total = 2500;
        QList<int> offsets;
        HttpResponse r = pagedAnswer(call, true, QStringLiteral("inactive"),
            {QStringLiteral("n"), QStringLiteral("name")}, rowOf, [&](int offset, int limit) {
                offsets << offset;
                return Result<store::Page>(pageOf(total, offset, limit, rendered));
            });
        QCOMPARE(r.contentType, QByteArray("text/csv; charset=utf-8"));
        QVERIFY(r.stream);
        QByteArray all;
        int chunks = 0;
        for (bool more = true; more && chunks < 100; ++chunks) {
            QByteArray chunk;
            more = r.stream(chunk);
            all += chunk;
        }
        QCOMPARE(chunks, 3);
        QCOMPARE(offsets, (QList<int> {0, 0, 1000, 2000}));
        const csv::ParseResult parsed = csv::parse(all);
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.rows.size(), total + 1);
        QCOMPARE(parsed.rows.first(), (QStringList {QStringLiteral("n"), QStringLiteral("name")}));
        QCOMPARE(parsed.rows.at(1), (QStringList {QStringLiteral("0"), QStringLiteral("'=u0")}));
        QCOMPARE(parsed.rows.last(), (QStringList {QStringLiteral("2499"), QStringLiteral("'=u2499")}));
    }
}

void TestCsvWriter::pagedCsvRefusedBeforeItStarts()
{
    HttpRequest request;
    request.requestId = QStringLiteral("r1");
    Call call {request, {}, {}, std::nullopt};
    const HttpResponse r = pagedAnswer(call, true, QStringLiteral("inactive"), {QStringLiteral("n")}, rowOf,
        [](int, int) { return Result<store::Page>(Error::forbidden(QStringLiteral("Not yours."))); });
    QCOMPARE(r.status, 403);
    QVERIFY(!r.stream);
    QVERIFY(r.contentType.startsWith("application/problem+json"));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
