#include "http/Router.h"

#include <QTest>

using namespace mailadmin::http;

class TestRouter : public QObject
{
    Q_OBJECT
private slots:
    void matching_data();
    void matching();
    void parameters();
};

namespace {
Router makeRouter()
{
    Router r;
    const auto ok = [](HttpRequest &) { return HttpResponse {}; };
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users/{address}"), ok);
    r.add(QStringLiteral("PATCH"), QStringLiteral("/api/v1/users/{address}"), ok);
    r.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/users/{address}"), ok);
    r.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/{address}/suspend"), ok);
    r.add(QStringLiteral("GET"), QStringLiteral("/api/v1/status"), ok);
    return r;
}
} // namespace

void TestRouter::matching_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("allowed");
    QTest::newRow("found") << "GET"
                           << "/api/v1/users/a@b.com" << int(Router::Match::Kind::Found) << QString();
    QTest::newRow("head is get") << "HEAD"
                                 << "/api/v1/status" << int(Router::Match::Kind::Found) << QString();
    QTest::newRow("wrong method") << "PUT"
                                  << "/api/v1/users/a@b.com" << int(Router::Match::Kind::NoMethod)
                                  << "GET, PATCH, DELETE, HEAD";
    QTest::newRow("post only") << "GET"
                               << "/api/v1/users/a@b.com/suspend" << int(Router::Match::Kind::NoMethod)
                               << "POST";
    QTest::newRow("no path") << "GET"
                             << "/api/v1/nothing" << int(Router::Match::Kind::NoPath) << QString();
    QTest::newRow("too deep") << "GET"
                              << "/api/v1/users/a/b/c" << int(Router::Match::Kind::NoPath) << QString();
}

void TestRouter::matching()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(QString, allowed);
    const Router router = makeRouter();
    HttpRequest request;
    request.method = method;
    request.path = path;
    const Router::Match match = router.match(request);
    QCOMPARE(int(match.kind), kind);
    QCOMPARE(match.allowed.join(QStringLiteral(", ")), allowed);
}

void TestRouter::parameters()
{
    const Router router = makeRouter();
    HttpRequest request;
    request.method = QStringLiteral("GET");
    request.path = QStringLiteral("/api/v1/users/anna%40b%C3%A4ckerei.de");
    QCOMPARE(int(router.match(request).kind), int(Router::Match::Kind::Found));
    QCOMPARE(request.params.value(QStringLiteral("address")), QStringLiteral("anna@bäckerei.de"));
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
