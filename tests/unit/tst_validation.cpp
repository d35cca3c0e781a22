#include "Validation.h"

#include <QTest>

using namespace mailadmin::validation;

class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void domainNames_data();
    void domainNames();
    void namesForDisplay();
    void sizesForPeople();
    void localParts_data();
    void localParts();
    void emails_data();
    void emails();
    void colours_data();
    void colours();
    void urls_data();
    void urls();
    void phones_data();
    void phones();
    void controlCharacters();
    void passwords_data();
    void passwords();
};

void TestValidation::domainNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::newRow("plain") << QStringLiteral("example.com") << QStringLiteral("example.com");
    QTest::newRow("upper case") << QStringLiteral("Example.COM") << QStringLiteral("example.com");
    QTest::newRow("trailing dot") << QStringLiteral("example.com.") << QStringLiteral("example.com");
    QTest::newRow("unicode") << QStringLiteral("bäckerei.de") << QStringLiteral("xn--bckerei-5wa.de");
    QTest::newRow("unicode upper") << QStringLiteral("BÄCKEREI.de") << QStringLiteral("xn--bckerei-5wa.de");
    QTest::newRow("punycode kept") << QStringLiteral("xn--bckerei-5wa.de")
                                   << QStringLiteral("xn--bckerei-5wa.de");
    QTest::newRow("subdomain") << QStringLiteral("mail.eu.example.co.uk")
                               << QStringLiteral("mail.eu.example.co.uk");
    QTest::newRow("hyphen inside") << QStringLiteral("my-shop.net") << QStringLiteral("my-shop.net");
    QTest::newRow("single label") << QStringLiteral("localhost") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("leading hyphen") << QStringLiteral("-shop.net") << QString();
    QTest::newRow("trailing hyphen") << QStringLiteral("shop-.net") << QString();
    QTest::newRow("underscore") << QStringLiteral("my_shop.net") << QString();
    QTest::newRow("space") << QStringLiteral("my shop.net") << QString();
    QTest::newRow("empty label") << QStringLiteral("shop..net") << QString();
    QTest::newRow("numeric tld") << QStringLiteral("shop.123") << QString();
    QTest::newRow("long label") << QString(QString(64, QLatin1Char('a')) + QStringLiteral(".com"))
                                << QString();
    QTest::newRow("too long") << QString(QString(63, QLatin1Char('a')) + QStringLiteral(".")
        + QString(63, QLatin1Char('b')) + QStringLiteral(".") + QString(63, QLatin1Char('c'))
        + QStringLiteral(".") + QString(63, QLatin1Char('d')) + QStringLiteral(".com"))
                              << QString();
    QTest::newRow("control") << QStringLiteral("exa\tmple.com") << QString();
    QTest::newRow("reserved hyphens") << QStringLiteral("ab--cd.com") << QString();
}

void TestValidation::domainNames()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Verdict v = normalizeDomainName(input);
    QCOMPARE(v.ok(), !expected.isEmpty());
    if (v.ok())
        QCOMPARE(v.value, expected);
    else
        QVERIFY(!v.message.isEmpty());
}

void TestValidation::namesForDisplay()
{
    QCOMPARE(domainForDisplay(QStringLiteral("xn--bckerei-5wa.de")), QStringLiteral("bäckerei.de"));
    QCOMPARE(
        addressForDisplay(QStringLiteral("anna@xn--bckerei-5wa.de")), QStringLiteral("anna@bäckerei.de"));
    QCOMPARE(addressForDisplay(QStringLiteral("xn--bckerei-5wa.de")), QStringLiteral("bäckerei.de"));
    QCOMPARE(addressForDisplay(QStringLiteral("anna@example.com")), QStringLiteral("anna@example.com"));
    // Top-level domains outside Qt's default IDN list too.
    QCOMPARE(domainForDisplay(QStringLiteral("xn--caf-toile-d4ab.fr")), QStringLiteral("café-étoile.fr"));
    QCOMPARE(addressForDisplay(QStringLiteral("aandersen@xn--bckerei-mller-bfb28a.de")),
        QStringLiteral("aandersen@bäckerei-müller.de"));
    // A local part is never decoded, even when it looks like punycode.
    QCOMPARE(addressForDisplay(QStringLiteral("xn--abc@example.com")), QStringLiteral("xn--abc@example.com"));
}

void TestValidation::localParts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << QStringLiteral("anna") << QStringLiteral("anna");
    QTest::newRow("dots") << QStringLiteral("Anna.Berg") << QStringLiteral("anna.berg");
    QTest::newRow("plus") << QStringLiteral("anna+news") << QStringLiteral("anna+news");
    QTest::newRow("symbols") << QStringLiteral("o'brien_2") << QStringLiteral("o'brien_2");
    QTest::newRow("leading dot") << QStringLiteral(".anna") << QString();
    QTest::newRow("trailing dot") << QStringLiteral("anna.") << QString();
    QTest::newRow("double dot") << QStringLiteral("an..na") << QString();
    QTest::newRow("space") << QStringLiteral("an na") << QString();
    QTest::newRow("at") << QStringLiteral("an@na") << QString();
    QTest::newRow("unicode") << QStringLiteral("ännä") << QString();
    QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << QString();
    QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << QString(64, QLatin1Char('a'));
    QTest::newRow("empty") << QString() << QString();
}

void TestValidation::localParts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Verdict v = normalizeLocalPart(input);
    QCOMPARE(v.ok(), !expected.isEmpty());
    if (v.ok())
        QCOMPARE(v.value, expected);
}

void TestValidation::sizesForPeople()
{
    QCOMPARE(sizeForPeople(53687091200), QStringLiteral("50 GB"));
    QCOMPARE(sizeForPeople(qint64(1536) * 1024 * 1024), QStringLiteral("1.5 GB"));
    QCOMPARE(sizeForPeople(512 * 1024 * 1024), QStringLiteral("512 MB"));
    QCOMPARE(sizeForPeople(12), QStringLiteral("12 bytes"));
}

void TestValidation::emails_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << QStringLiteral("Anna@Example.com") << QStringLiteral("anna@example.com");
    QTest::newRow("idn") << QStringLiteral("info@café.fr") << QStringLiteral("info@xn--caf-dma.fr");
    QTest::newRow("no at") << QStringLiteral("anna.example.com") << QString();
    QTest::newRow("no local") << QStringLiteral("@example.com") << QString();
    QTest::newRow("no domain") << QStringLiteral("anna@") << QString();
    QTest::newRow("bad domain") << QStringLiteral("anna@example") << QString();
    QTest::newRow("two ats") << QStringLiteral("a@b@example.com") << QString();
    QTest::newRow("dots") << QStringLiteral("anna..berg@example.com") << QString();
    QTest::newRow("long local") << QString(70, QLatin1Char('a')) + QStringLiteral("@example.com") << QString();
}

void TestValidation::emails()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Verdict v = normalizeEmail(input);
    QCOMPARE(v.ok(), !expected.isEmpty());
    if (v.ok())
        QCOMPARE(v.value, expected);
    else
        // An e-mail address (a contact's, a forward) is not a mailbox here: its errors never say so.
        QVERIFY2(!v.message.contains(QLatin1String("mailbox"), Qt::CaseInsensitive), qPrintable(v.message));
}

void TestValidation::colours_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lower") << QStringLiteral("#1a73e8") << QStringLiteral("#1a73e8");
    QTest::newRow("upper") << QStringLiteral("#FFAA00") << QStringLiteral("#ffaa00");
    QTest::newRow("short") << QStringLiteral("#fff") << QString();
    QTest::newRow("no hash") << QStringLiteral("ffaa00") << QString();
    QTest::newRow("name") << QStringLiteral("red") << QString();
    QTest::newRow("bad digit") << QStringLiteral("#ggaa00") << QString();
}

void TestValidation::colours()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Verdict v = normalizeColour(input);
    QCOMPARE(v.ok(), !expected.isEmpty());
    if (v.ok())
        QCOMPARE(v.value, expected);
}

void TestValidation::urls_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("https") << QStringLiteral("https://support.example.com/help") << true;
    QTest::newRow("http") << QStringLiteral("http://example.com") << true;
    QTest::newRow("ftp") << QStringLiteral("ftp://example.com") << false;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("no host") << QStringLiteral("https://") << false;
    QTest::newRow("relative") << QStringLiteral("/help") << false;
    QTest::newRow("userinfo") << QStringLiteral("https://user:pw@example.com") << false;
    QTest::newRow("space") << QStringLiteral("https://exa mple.com") << false;
}

void TestValidation::urls()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(normalizeUrl(input).ok(), valid);
}

void TestValidation::phones_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("international") << QStringLiteral("+1 555 123 4567") << true;
    QTest::newRow("parentheses") << QStringLiteral("(030) 1234-5678") << true;
    QTest::newRow("dots") << QStringLiteral("01.23.45.67.89") << true;
    QTest::newRow("letters") << QStringLiteral("555-CALL-NOW") << false;
    QTest::newRow("too short") << QStringLiteral("12") << false;
    QTest::newRow("too many digits") << QStringLiteral("+123456789012345678901") << false;
    QTest::newRow("plus inside") << QStringLiteral("12+34") << false;
}

void TestValidation::phones()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QCOMPARE(normalizePhone(input).ok(), valid);
}

void TestValidation::controlCharacters()
{
    QVERIFY(!hasControlCharacters(QStringLiteral("plain text")));
    QVERIFY(hasControlCharacters(QStringLiteral("bell\a")));
    QVERIFY(hasControlCharacters(QStringLiteral("line\nbreak")));
    QVERIFY(!hasControlCharacters(QStringLiteral("line\nbreak"), true));
    QVERIFY(hasControlCharacters(QString(QStringLiteral("c1 ") + QChar(0x85))));
    QVERIFY(hasControlCharacters(QStringLiteral("del\x7f")));
}

void TestValidation::passwords_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("reasons");
    QTest::newRow("strong") << QStringLiteral("Blue-Kite-42-river") << 0;
    QTest::newRow("short") << QStringLiteral("Ab1!xy") << 1;
    QTest::newRow("one class") << QStringLiteral("abcdefghijkl") << 1;
    QTest::newRow("contains name") << QStringLiteral("Anna-2026-Secret") << 1;
    QTest::newRow("common word") << QStringLiteral("MyPassword-2026") << 1;
    QTest::newRow("repetitive") << QStringLiteral("Aa1Aa1Aa1Aa1") << 1;
    // Each passes the old shape rules (length, three classes): the estimator sees the word under them.
    QTest::newRow("word in disguise") << QStringLiteral("P@ssw0rd123") << 1;
    QTest::newRow("season and year") << QStringLiteral("Summer2026!") << 1;
    QTest::newRow("word and digits") << QStringLiteral("Monkey12345") << 1;
    QTest::newRow("random demo password") << QStringLiteral("Demo-x7Kq9pLm-7") << 0;
}

void TestValidation::passwords()
{
    QFETCH(QString, password);
    QFETCH(int, reasons);
    const PasswordCheck check = checkPassword(password, {QStringLiteral("anna")});
    QCOMPARE(check.reasons.size(), reasons);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
