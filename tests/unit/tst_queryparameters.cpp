#include "http/Problem.h"
#include "http/QueryParameters.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QTest>

using namespace mailadmin;
using namespace mailadmin::http;

class TestQueryParameters : public QObject
{
    Q_OBJECT
private slots:
    void listDefaults();
    void listReadsEverything();
    void listBadInput_data();
    void listBadInput();
    void listSkip();
    void faultsInQueryOrder();
    void stats();
    void statsBadInput_data();
    void statsBadInput();
    void statsCsvFromAccept();
};

namespace {
QUrlQuery query(const QString &text)
{
    return QUrlQuery(text);
}

QStringList fieldsOf(const Error &e)
{
    QStringList out;
    for (const FieldError &f : e.fields)
        out << f.field + QLatin1Char(':') + f.code;
    return out;
}
} // namespace

void TestQueryParameters::listDefaults()
{
    const Result<store::ListQuery> q = readListQuery(query(QString()));
    QVERIFY(q.ok());
    QCOMPARE(q->offset, 0);
    QCOMPARE(q->limit, 100);
    QVERIFY(q->q.isEmpty());
    QVERIFY(q->sort.isEmpty());
    QVERIFY(!q->descending);
    QVERIFY(q->filters.isEmpty());
}

void TestQueryParameters::listReadsEverything()
{
    const Result<store::ListQuery> q = readListQuery(
        query(QStringLiteral("offset=20&limit=50&q=%20Anna%20&sort=-address&status=active&type=mailbox")));
    QVERIFY(q.ok());
    QCOMPARE(q->offset, 20);
    QCOMPARE(q->limit, 50);
    QCOMPARE(q->q, QStringLiteral("anna"));
    QCOMPARE(q->sort, QStringLiteral("address"));
    QVERIFY(q->descending);
    QCOMPARE(q->filters.size(), 2);
    QCOMPARE(q->filters.value(QStringLiteral("status")), QStringLiteral("active"));
    QCOMPARE(q->filters.value(QStringLiteral("type")), QStringLiteral("mailbox"));
}

void TestQueryParameters::listBadInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("faults");
    QTest::newRow("limit zero") << QStringLiteral("limit=0")
                                << QStringList {QStringLiteral("limit:out_of_range")};
    QTest::newRow("limit big") << QStringLiteral("limit=1001")
                               << QStringList {QStringLiteral("limit:out_of_range")};
    QTest::newRow("limit text") << QStringLiteral("limit=ten")
                                << QStringList {QStringLiteral("limit:out_of_range")};
    QTest::newRow("offset negative") << QStringLiteral("offset=-1")
                                     << QStringList {QStringLiteral("offset:out_of_range")};
    QTest::newRow("duplicate") << QStringLiteral("limit=5&limit=6")
                               << QStringList {QStringLiteral("limit:duplicate")};
    QTest::newRow("long search") << QStringLiteral("q=") + QString(201, QLatin1Char('a'))
                                 << QStringList {QStringLiteral("q:invalid")};
    QTest::newRow("control search") << QStringLiteral("q=a%01b") << QStringList {QStringLiteral("q:invalid")};
    QTest::newRow("control filter") << QStringLiteral("status=a%0Ab")
                                    << QStringList {QStringLiteral("status:invalid")};
    QTest::newRow("long filter") << QStringLiteral("status=") + QString(301, QLatin1Char('x'))
                                 << QStringList {QStringLiteral("status:invalid")};
}

void TestQueryParameters::listBadInput()
{
    QFETCH(QString, text);
    QFETCH(QStringList, faults);
    const Result<store::ListQuery> q = readListQuery(query(text));
    QVERIFY(!q.ok());
    QCOMPARE(q.error().kind, ErrorKind::Malformed);
    QCOMPARE(q.error().detail, QStringLiteral("The list parameters are not valid."));
    QCOMPARE(fieldsOf(q.error()), faults);
    for (const FieldError &f : q.error().fields)
        QVERIFY(!f.message.isEmpty());
    // What the caller gets: a 400 problem naming each faulty parameter.
    const HttpResponse r = problem(q.error(), QStringLiteral("req-1"));
    QCOMPARE(r.status, 400);
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(body.value(QLatin1String("status")).toInt(), 400);
    QCOMPARE(body.value(QLatin1String("errors")).toArray().size(), faults.size());
}

void TestQueryParameters::listSkip()
{
    const Result<store::ListQuery> q
        = readListQuery(query(QStringLiteral("deleted=true&limit=3")), {QStringLiteral("deleted")});
    QVERIFY(q.ok());
    QVERIFY(q->filters.isEmpty());
    QCOMPARE(q->limit, 3);
    // A skipped parameter is still given only once.
    const Result<store::ListQuery> twice
        = readListQuery(query(QStringLiteral("deleted=true&deleted=false")), {QStringLiteral("deleted")});
    QVERIFY(!twice.ok());
    QCOMPARE(fieldsOf(twice.error()), QStringList {QStringLiteral("deleted:duplicate")});
}

void TestQueryParameters::faultsInQueryOrder()
{
    const Result<store::ListQuery> q
        = readListQuery(query(QStringLiteral("status=a%01&q=b%02&limit=0&offset=x&limit=2")));
    QVERIFY(!q.ok());
    QCOMPARE(fieldsOf(q.error()),
        (QStringList {QStringLiteral("status:invalid"), QStringLiteral("q:invalid"),
            QStringLiteral("limit:out_of_range"), QStringLiteral("offset:out_of_range"),
            QStringLiteral("limit:duplicate")}));
}

void TestQueryParameters::stats()
{
    HttpRequest request;
    request.query
        = query(QStringLiteral("domain=example.com&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z"
                               "&granularity=hour&days=30&percent=90&offset=5&limit=10&protocol=imap"
                               "&result=failure&format=csv"));
    bool csv = false;
    const Result<service::StatsQuery> q = readStatsQuery(request, csv);
    QVERIFY(q.ok());
    QVERIFY(csv);
    QCOMPARE(q->domain, QStringLiteral("example.com"));
    QCOMPARE(q->from, qint64(1793491200));
    QCOMPARE(q->to, qint64(1793491200 + 86400));
    QCOMPARE(q->granularity, QStringLiteral("hour"));
    QCOMPARE(q->days, 30);
    QCOMPARE(q->percent, 90);
    QCOMPARE(q->offset, 5);
    QCOMPARE(q->limit, 10);
    QCOMPARE(q->protocol, QStringLiteral("imap"));
    QCOMPARE(q->result, QStringLiteral("failure"));

    request.query = query(QStringLiteral("company=acme&format=json"));
    QVERIFY(readStatsQuery(request, csv).ok());
    QVERIFY(!csv);
}

void TestQueryParameters::statsBadInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("faults");
    QTest::newRow("unknown") << QStringLiteral("domain=a.example&colour=red")
                             << QStringList {QStringLiteral("colour:unknown_parameter")};
    QTest::newRow("bad time") << QStringLiteral("from=yesterday")
                              << QStringList {QStringLiteral("from:invalid")};
    QTest::newRow("days zero") << QStringLiteral("days=0")
                               << QStringList {QStringLiteral("days:out_of_range")};
    QTest::newRow("percent big") << QStringLiteral("percent=1001")
                                 << QStringList {QStringLiteral("percent:out_of_range")};
    QTest::newRow("format") << QStringLiteral("format=xml")
                            << QStringList {QStringLiteral("format:invalid_choice")};
    QTest::newRow("duplicate") << QStringLiteral("days=1&days=2")
                               << QStringList {QStringLiteral("days:duplicate")};
    QTest::newRow("control") << QStringLiteral("user=a%00b@example.com")
                             << QStringList {QStringLiteral("user:invalid")};
    QTest::newRow("several") << QStringLiteral("limit=0&x=1&to=soon")
                             << QStringList {QStringLiteral("limit:out_of_range"),
                                    QStringLiteral("x:unknown_parameter"), QStringLiteral("to:invalid")};
}

void TestQueryParameters::statsBadInput()
{
    QFETCH(QString, text);
    QFETCH(QStringList, faults);
    HttpRequest request;
    request.query = query(text);
    bool csv = false;
    const Result<service::StatsQuery> q = readStatsQuery(request, csv);
    QVERIFY(!q.ok());
    QCOMPARE(q.error().kind, ErrorKind::Malformed);
    QCOMPARE(q.error().detail, QStringLiteral("The stats parameters are not valid."));
    QCOMPARE(fieldsOf(q.error()), faults);
}

void TestQueryParameters::statsCsvFromAccept()
{
    HttpRequest request;
    request.query = query(QStringLiteral("domain=a.example"));
    request.headers.insert("accept", "text/csv, */*");
    bool csv = false;
    QVERIFY(readStatsQuery(request, csv).ok());
    QVERIFY(csv);
}

QTEST_GUILESS_MAIN(TestQueryParameters)
#include "tst_queryparameters.moc"
