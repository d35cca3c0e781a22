#include "Csv.h"
#include "TestServer.h"
#include "Validation.h"
#include "auth/PasswordHasher.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlQuery>
#include <QTest>

#include <zlib.h>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Bad input the server must refuse and leave no trace of: logos that could run or load something, images
// that inflate to hundreds of megabytes, guessable passwords; and what it writes: report CSV cells that a
// spreadsheet would run, sign-in log lines that could hold a password.
class TestHardening : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void unsafeSvgIsRefused_data();
    void unsafeSvgIsRefused();
    void plainSvgIsAccepted();
    void logosAreServedNosniff();
    void pngDimensionsAreBoundBeforeInflating_data();
    void pngDimensionsAreBoundBeforeInflating();
    void guessablePasswordsAreRefused_data();
    void guessablePasswordsAreRefused();
    void ourOwnPasswordsPass();
    void reportCsvNeutralisesFormulas();
    void failedSignInNeverLogsAPassword();

private:
    HttpClient::Reply postBrand(const QByteArray &logo);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    qint64 m_company = 0;
    int m_serial = 0;
};

namespace {

QByteArray svg(const QByteArray &inner, const QByteArray &rootAttributes = {})
{
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
           "width=\"40\" height=\"20\" "
        + rootAttributes + ">" + inner + "</svg>";
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    b[0] = char(v >> 24);
    b[1] = char(v >> 16);
    b[2] = char(v >> 8);
    b[3] = char(v);
    return b;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    const QByteArray typed = type + data;
    const quint32 crc
        = crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size()));
    return be32(quint32(data.size())) + typed + be32(crc);
}

// A real w×h PNG (colour type 6, RGBA) of zero pixels, deflated row by row so that even a 4096×4096 16-bit
// image (134 MB of pixels) is built in a few megabytes of memory and comes out at about 130 KiB.
QByteArray zeroPng(quint32 w, quint32 h, int depth)
{
    QByteArray ihdr = be32(w) + be32(h);
    ihdr += char(depth);
    ihdr += char(6);
    ihdr += QByteArray(3, '\0');
    z_stream z {};
    deflateInit(&z, 9);
    const QByteArray row(qsizetype(1 + quint64(w) * 4 * quint64(depth) / 8), '\0');
    QByteArray out;
    QByteArray buffer(1 << 16, '\0');
    for (quint32 y = 0; y < h; ++y) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(row.constData()));
        z.avail_in = uInt(row.size());
        const int flush = y + 1 == h ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer.data());
            z.avail_out = uInt(buffer.size());
            deflate(&z, flush);
            out.append(buffer.constData(), buffer.size() - qsizetype(z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", out) + chunk("IEND", {});
}

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;
void keepLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

HttpClient::Reply TestHardening::postBrand(const QByteArray &logo)
{
    return m_op->post(QStringLiteral("/api/v1/brands"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Brand %1").arg(++m_serial)},
            {QStringLiteral("company_id"), double(m_company)},
            {QStringLiteral("logo"), QString::fromLatin1(logo.toBase64())}});
}

void TestHardening::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto c = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Hard Co")}});
    QCOMPARE(c.status, 201);
    m_company = qint64(c.json().value(QLatin1String("id")).toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("hard.example")}})
                 .status,
        201);
}

void TestHardening::cleanupTestCase()
{
    m_op.reset();
    m_server.reset();
}

void TestHardening::unsafeSvgIsRefused_data()
{
    QTest::addColumn<QByteArray>("logo");
    // Each one was accepted by a check that refused known-bad names; an allow-list refuses them all.
    QTest::newRow("xml-stylesheet PI")
        << QByteArray("<?xml version=\"1.0\"?><?xml-stylesheet href=\"https://evil.example/x.css\"?>")
            + svg("<rect width=\"4\" height=\"4\"/>");
    QTest::newRow("style @import") << svg("<style>@import url(https://evil.example/x.css);</style>");
    QTest::newRow("style element") << svg("<style>rect{fill:red}</style><rect width=\"4\" height=\"4\"/>");
    QTest::newRow("style url()") << svg(
        "<rect width=\"4\" height=\"4\" style=\"fill:url(https://evil.example/p)\"/>");
    QTest::newRow("style url() escaped")
        << svg("<rect width=\"4\" height=\"4\" style=\"fill:u\\72l(https://evil.example/p)\"/>");
    QTest::newRow("fill url()") << svg(
        "<rect width=\"4\" height=\"4\" fill=\"url(https://evil.example/p#g)\"/>");
    QTest::newRow("set href javascript")
        << svg("<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a>");
    QTest::newRow("set on use") << svg(
        "<use href=\"#a\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></use>");
    QTest::newRow("animate href") << svg(
        "<use href=\"#a\"><animate attributeName=\"href\" values=\"javascript:alert(1)\"/></use>");
    QTest::newRow("data href with script") << svg("<use href=\"data:image/svg+xml;base64,"
        + QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>").toBase64()
        + "\"/>");
    QTest::newRow("data image href") << svg(
        "<image href=\"data:image/png;base64,AAAA\" width=\"4\" height=\"4\"/>");
    QTest::newRow("xlink href outside") << svg("<use xlink:href=\"https://evil.example/s.svg#a\"/>");
    QTest::newRow("iframe") << svg("<iframe src=\"https://evil.example/\"/>");
    QTest::newRow("handler") << svg("<handler type=\"application/ecmascript\">alert(1)</handler>");
    QTest::newRow("foreignObject") << svg(
        "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>");
    QTest::newRow("script") << svg("<script>alert(1)</script>");
    QTest::newRow("event handler") << svg("<rect width=\"4\" height=\"4\"/>", "onload=\"alert(1)\"");
    QTest::newRow("a element") << svg("<a href=\"https://evil.example/\"><text>x</text></a>");
    QTest::newRow("foreign namespace element") << svg("<x:thing xmlns:x=\"urn:x\"/>");
    QTest::newRow("foreign attribute") << svg("<rect xmlns:x=\"urn:x\" x:onclick=\"alert(1)\" width=\"4\"/>");
    QTest::newRow("entity") << QByteArray("<!DOCTYPE svg [<!ENTITY e \"x\">]>") + svg("<text>&e;</text>");
    QTest::newRow("filter image") << svg(
        "<filter id=\"f\"><feImage href=\"https://evil.example/i.png\"/></filter>");
    QTest::newRow("svg without namespace") << QByteArray("<svg width=\"4\"><rect width=\"4\"/></svg>");
}

void TestHardening::unsafeSvgIsRefused()
{
    QFETCH(QByteArray, logo);
    const QByteArray before = m_server->digest();
    const auto r = postBrand(logo);
    QVERIFY2(r.status == 422, r.body.constData());
    QCOMPARE(r.fieldCode(QStringLiteral("logo")), QStringLiteral("invalid_image"));
    QCOMPARE(m_server->digest(), before);
}

void TestHardening::plainSvgIsAccepted()
{
    // What real logos use: gradients and clip paths referred to by #id, style with plain values, text.
    const QByteArray logo = QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        + svg("<title>Hard Co</title><defs><linearGradient id=\"g\" x1=\"0\" x2=\"1\"><stop offset=\"0\" "
              "stop-color=\"#1a5fb4\"/><stop offset=\"1\" style=\"stop-color:#e66100;stop-opacity:1\"/>"
              "</linearGradient><clipPath id=\"c\"><rect width=\"40\" height=\"20\" rx=\"4\"/></clipPath>"
              "</defs><g clip-path=\"url(#c)\"><rect width=\"40\" height=\"20\" fill=\"url(#g)\"/>"
              "<use xlink:href=\"#c\"/></g><text x=\"20\" y=\"14\" style=\"font-size:9px; fill:#fff\" "
              "text-anchor=\"middle\">Hard<tspan dx=\"1\">Co</tspan></text>",
            "viewBox=\"0 0 40 20\"");
    const auto r = postBrand(logo);
    QVERIFY2(r.status == 201, r.body.constData());
}

void TestHardening::logosAreServedNosniff()
{
    const auto made = postBrand(svg("<rect width=\"4\" height=\"4\"/>"));
    QCOMPARE(made.status, 201);
    const auto logo = m_op->get(
        QStringLiteral("/api/v1/brands/%1/logo").arg(made.json().value(QLatin1String("id")).toInt()));
    QCOMPARE(logo.status, 200);
    QCOMPARE(logo.header("Content-Type"), QByteArray("image/svg+xml"));
    QCOMPARE(logo.header("X-Content-Type-Options"), QByteArray("nosniff"));
}

void TestHardening::pngDimensionsAreBoundBeforeInflating_data()
{
    QTest::addColumn<QByteArray>("png");
    QTest::addColumn<int>("status");
    QTest::newRow("4096x4096 16-bit bomb") << zeroPng(4096, 4096, 16) << 422;
    QTest::newRow("1025 wide") << zeroPng(1025, 1, 8) << 422;
    QTest::newRow("1025 high") << zeroPng(1, 1025, 8) << 422;
    QTest::newRow("1024x1024") << zeroPng(1024, 1024, 8) << 201;
    QByteArray badDepth = zeroPng(4, 4, 8);
    // IHDR's bit depth (byte 24 of the file) set to 32 and its checksum recomputed.
    QByteArray ihdr = badDepth.mid(16, 13);
    ihdr[8] = char(32);
    badDepth.replace(8, 25, chunk("IHDR", ihdr));
    QTest::newRow("32-bit depth") << badDepth << 422;
}

void TestHardening::pngDimensionsAreBoundBeforeInflating()
{
    QFETCH(QByteArray, png);
    QFETCH(int, status);
    QVERIFY(png.size() < 200 * 1024);
    const QByteArray before = m_server->digest();
    const auto r = postBrand(png);
    QVERIFY2(r.status == status, r.body.constData());
    if (status == 422) {
        QCOMPARE(r.fieldCode(QStringLiteral("logo")), QStringLiteral("invalid_image"));
        QCOMPARE(m_server->digest(), before);
    }
}

void TestHardening::guessablePasswordsAreRefused_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("P@ssw0rd123") << QStringLiteral("P@ssw0rd123");
    QTest::newRow("Summer2026!") << QStringLiteral("Summer2026!");
    QTest::newRow("Monkey12345") << QStringLiteral("Monkey12345");
    QTest::newRow("Qwerty123456") << QStringLiteral("Qwerty123456");
}

void TestHardening::guessablePasswordsAreRefused()
{
    QFETCH(QString, password);
    const QByteArray before = m_server->digest();
    // An admin's password, and a mailbox's.
    const auto admin = m_op->post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), QStringLiteral("weak%1").arg(++m_serial)},
            {QStringLiteral("role"), QStringLiteral("support")},
            {QStringLiteral("company_id"), double(m_company)}, {QStringLiteral("password"), password}});
    QCOMPARE(admin.status, 422);
    QCOMPARE(admin.fieldCode(QStringLiteral("password")), QStringLiteral("weak_password"));
    const auto user = m_op->post(QStringLiteral("/api/v1/domains/hard.example/users"),
        QJsonObject {{QStringLiteral("local_part"), QStringLiteral("w%1").arg(++m_serial)},
            {QStringLiteral("password"), password}});
    QCOMPARE(user.status, 422);
    QCOMPARE(user.fieldCode(QStringLiteral("password")), QStringLiteral("weak_password"));
    // The reason says what made it guessable.
    const QString message = user.json()
                                .value(QLatin1String("errors"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QLatin1String("message"))
                                .toString();
    QVERIFY2(message.contains(QLatin1String("too easy to guess")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("common word")) || message.contains(QLatin1String("keyboard")),
        qPrintable(message));
    QCOMPARE(m_server->digest(), before);
}

void TestHardening::ourOwnPasswordsPass()
{
    // Generated passwords (new admins, resets, `mailadmind demo`) and the fixed ones the test suites use.
    for (int i = 0; i < 500; ++i) {
        const QString generated = auth::PasswordHasher::generate();
        const auto check = validation::checkPassword(generated, {QStringLiteral("admin")});
        QVERIFY2(check.ok(), qPrintable(generated + QLatin1Char(' ') + check.reasons.join(QLatin1Char(' '))));
    }
    for (const char *fixed : {TestServer::kPassword, "Matrix-Pass-2026", "Blue-Pipe-Carrier-77",
             "Green-Valve-Copper-19", "Quiet-Harbor-Lamp-31", "Stats-Domain-2026", "Fresh-Cedar-88-wind",
             "Green-Owl-77-lake", "Quiet-Fox-19-hill", "Blue-Kite-42-river", "Amber-Signal-Tower-64",
             "Copper-Lantern-Field-58", "Walnut-Meadow-Ferry-27"})
        QVERIFY2(validation::checkPassword(QString::fromLatin1(fixed)).ok(), fixed);
}

void TestHardening::reportCsvNeutralisesFormulas()
{
    // A legal address that a spreadsheet would run as a formula.
    const QString local = QStringLiteral("=cmd|'/ccalc'!a0");
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/hard.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), local}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/hard.example/users"),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("+sum")}})
                 .status,
        201);
    const QString schedule = QStringLiteral("/api/v1/companies/%1/report-schedule").arg(m_company);
    QCOMPARE(
        m_op->patch(schedule,
                QJsonObject {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("boss@example.com")}}},
                m_op->get(schedule).etag())
            .status,
        200);
    const auto sent = m_op->post(schedule + QStringLiteral("/send"));
    QCOMPARE(sent.status, 202);
    QSqlQuery q(m_server->db().connection());
    q.prepare(QStringLiteral("SELECT attachment FROM outbox WHERE id = ?"));
    q.addBindValue(sent.json().value(QLatin1String("outbox_id")).toDouble());
    QVERIFY(q.exec() && q.next());
    const csv::ParseResult report = csv::parse(q.value(0).toByteArray());
    QVERIFY(report.error.isEmpty());
    QStringList firstCells;
    for (const QStringList &row : report.rows.mid(1))
        firstCells << row.first();
    const QString address = local + QStringLiteral("@hard.example");
    QVERIFY2(firstCells.contains(QLatin1Char('\'') + address), qPrintable(firstCells.join(QLatin1Char(' '))));
    QVERIFY(firstCells.contains(QStringLiteral("'+sum@hard.example")));
    QVERIFY(!firstCells.contains(address));
    // The same cell as the API's own CSV download writes it.
    const auto download
        = m_op->get(QStringLiteral("/api/v1/stats/quota/top?company=%1&format=csv").arg(m_company));
    QCOMPARE(download.status, 200);
    const csv::ParseResult api = csv::parse(download.body);
    QStringList apiCells;
    for (const QStringList &row : api.rows.mid(1))
        apiCells << row.first();
    QVERIFY2(apiCells.contains(QLatin1Char('\'') + address), download.body.constData());
    // Tab and carriage return lead formulas too.
    QCOMPARE(csv::neutralizeFormula(QStringLiteral("\t=1+1")), QStringLiteral("'\t=1+1"));
    QCOMPARE(csv::neutralizeFormula(QStringLiteral("\r=1+1")), QStringLiteral("'\r=1+1"));
}

void TestHardening::failedSignInNeverLogsAPassword()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mailadmind.auth.info=true"));
    g_previous = qInstallMessageHandler(keepLog);
    HttpClient c = m_server->client();
    // A password typed into the login field, and a known login with a wrong password.
    QCOMPARE(c.signIn(QStringLiteral("Tulip-Orbit-Canyon-92"), QStringLiteral("x")), 401);
    QCOMPARE(
        c.signIn(QString::fromLatin1(TestServer::kOperator), QStringLiteral("Tulip-Orbit-Canyon-92")), 401);
    qInstallMessageHandler(g_previous);
    QMutexLocker lock(&g_logMutex);
    const QString all = g_log.join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(QLatin1String("tulip-orbit-canyon-92"), Qt::CaseInsensitive), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("unknown login #")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("failed sign-in for root")), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
