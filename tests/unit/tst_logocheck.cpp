#include "service/LogoCheck.h"

#include <QTest>

#include <zlib.h>

using mailadmin::service::LogoCheck;

namespace {

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

// A w×h RGBA PNG written by hand, so the check is tested against bytes it did not produce.
QByteArray makePng(quint32 w, quint32 h, qsizetype dropPixelBytes = 0)
{
    QByteArray ihdr = be32(w) + be32(h);
    ihdr += char(8); // depth
    ihdr += char(6); // RGBA
    ihdr += char(0);
    ihdr += char(0);
    ihdr += char(0);
    QByteArray raw;
    for (quint32 y = 0; y < h; ++y) {
        raw += char(0);
        for (quint32 x = 0; x < w; ++x)
            raw += QByteArray("\x20\x60\xa0\xff", 4);
    }
    raw.chop(dropPixelBytes);
    uLongf size = compressBound(uLong(raw.size()));
    QByteArray compressed(qsizetype(size), '\0');
    compress(reinterpret_cast<Bytef *>(compressed.data()), &size,
        reinterpret_cast<const Bytef *>(raw.constData()), uLong(raw.size()));
    compressed.resize(qsizetype(size));
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", compressed)
        + chunk("IEND", {});
}

} // namespace

class TestLogoCheck : public QObject
{
    Q_OBJECT
private slots:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
};

void TestLogoCheck::accepts_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("type");
    QTest::newRow("png") << makePng(16, 8) << QStringLiteral("image/png");
    QTest::newRow("svg") << QByteArray("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                                       "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>")
                         << QStringLiteral("image/svg+xml");
    QTest::newRow("svg internal link")
        << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"#a\"/></svg>")
        << QStringLiteral("image/svg+xml");
}

void TestLogoCheck::accepts()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, type);
    const LogoCheck check = LogoCheck::inspect(data);
    QVERIFY2(check.ok(), qPrintable(check.problem));
    QCOMPARE(check.mimeType, type);
}

void TestLogoCheck::refuses_data()
{
    QTest::addColumn<QByteArray>("data");
    QByteArray png = makePng(4, 4);
    QByteArray badCrc = png;
    badCrc[30] = char(badCrc[30] ^ 0x55);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("jpeg") << QByteArray("\xff\xd8\xff\xe0\x00\x10JFIF", 10);
    QTest::newRow("text") << QByteArray("hello world");
    QTest::newRow("truncated png") << png.left(png.size() - 20);
    QTest::newRow("bad checksum") << badCrc;
    QTest::newRow("short pixel data") << makePng(4, 4, 3);
    QTest::newRow("zero width") << makePng(0, 4);
    QTest::newRow("huge") << makePng(5000, 1);
    QTest::newRow("svg script") << QByteArray(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    QTest::newRow("svg handler") << QByteArray(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
    QTest::newRow("svg external") << QByteArray(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"http://evil.example/x.png\"/></svg>");
    QTest::newRow("svg doctype") << QByteArray(
        "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    QTest::newRow("svg javascript in text") << QByteArray(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>javascript:alert(1)</text></svg>");
    QTest::newRow("svg script in comment") << QByteArray(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- <SCRIPT>alert(1)</SCRIPT> --><g/></svg>");
    QTest::newRow("svg script in cdata") << QByteArray(
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><title><![CDATA[<script>x</script>]]></title></svg>");
    QTest::newRow("not svg xml") << QByteArray("<html><body/></html>");
    QTest::newRow("broken xml") << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>");
}

void TestLogoCheck::refuses()
{
    QFETCH(QByteArray, data);
    const LogoCheck check = LogoCheck::inspect(data);
    QVERIFY(!check.ok());
    QVERIFY(!check.problem.isEmpty());
}

QTEST_GUILESS_MAIN(TestLogoCheck)
#include "tst_logocheck.moc"
