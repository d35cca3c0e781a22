#include "DirectoryModels.h"
#include "Format.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

using namespace mailadmin;

// How the client writes sizes, times and protocol names for people.
class TestFormat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void bytesRoundTrip_data();
    void bytesRoundTrip();
    void unreadableSizes();
    void lastLoginsInFixedOrder();
    void auditChangesReadable();
    void apiWordsForPeople_data();
    void apiWordsForPeople();
};

void TestFormat::bytesRoundTrip_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("bytes") << qint64(640) << QStringLiteral("640 B");
    QTest::newRow("kilobytes") << qint64(1536) << QStringLiteral("1.5 KB");
    QTest::newRow("gigabytes") << qint64(2) * 1024 * 1024 * 1024 << QStringLiteral("2 GB");
}

void TestFormat::bytesRoundTrip()
{
    QFETCH(qint64, value);
    QFETCH(QString, text);
    QCOMPARE(format::bytes(value), text);
    QCOMPARE(format::parseBytes(text), value);
}

void TestFormat::unreadableSizes()
{
    QCOMPARE(format::parseBytes(QStringLiteral("lots")), qint64(-1));
    QCOMPARE(format::parseBytes(QStringLiteral("2 XB")), qint64(-1));
    QCOMPARE(format::parseBytes(QStringLiteral("512MB")), qint64(512) * 1024 * 1024);
}

void TestFormat::lastLoginsInFixedOrder()
{
    // Whatever order the server's object has, the line reads IMAP, POP, Webmail, SMTP; a missing one is
    // "never".
    const QJsonObject last {{QStringLiteral("smtp"), QStringLiteral("2026-11-25T12:04:49Z")},
        {QStringLiteral("imap"), QStringLiteral("2026-11-26T13:20:51Z")}};
    const QString line = format::lastLogins(last);
    const QStringList parts = line.split(QStringLiteral(" · "));
    QCOMPARE(parts.size(), 4);
    QVERIFY(parts.at(0).startsWith(QStringLiteral("IMAP: ")));
    QCOMPARE(parts.at(1), QStringLiteral("POP: never"));
    QCOMPARE(parts.at(2), QStringLiteral("Webmail: never"));
    QVERIFY(parts.at(3).startsWith(QStringLiteral("SMTP: ")));
    QCOMPARE(parts.at(0).mid(6), format::time(QStringLiteral("2026-11-26T13:20:51Z")));
}

void TestFormat::auditChangesReadable()
{
    // Sizes in units, times as local date and time, nothing as a dash.
    const QJsonObject changes {
        {QStringLiteral("quota"),
            QJsonObject {{QStringLiteral("before"), 536870912.0}, {QStringLiteral("after"), 1073741824.0}}},
        {QStringLiteral("deleted_at"),
            QJsonObject {{QStringLiteral("before"), QJsonValue::Null},
                {QStringLiteral("after"), QStringLiteral("2026-11-27T00:39:34Z")}}}};
    const QString text = models::AuditListModel::describeChanges(changes);
    QCOMPARE(text,
        QStringLiteral("Deleted on: — → %1; Quota: 512 MB → 1 GB")
            .arg(format::time(QStringLiteral("2026-11-27T00:39:34Z"))));
    QVERIFY(!text.contains(QLatin1String("T00:39:34Z")));
    // Field labels and display words, not API names; a field written but not changed is left out.
    const QJsonObject user {{QStringLiteral("display_name"),
                                QJsonObject {{QStringLiteral("before"), QJsonValue::Null},
                                    {QStringLiteral("after"), QStringLiteral("Nina")}}},
        {QStringLiteral("type"),
            QJsonObject {{QStringLiteral("before"), QJsonValue::Null},
                {QStringLiteral("after"), QStringLiteral("forward")}}},
        {QStringLiteral("company_id"),
            QJsonObject {
                {QStringLiteral("before"), QJsonValue::Null}, {QStringLiteral("after"), QJsonValue::Null}}},
        {QStringLiteral("disabled"),
            QJsonObject {{QStringLiteral("before"), QJsonValue::Null}, {QStringLiteral("after"), false}}},
        {QStringLiteral("users"),
            QJsonObject {{QStringLiteral("before"), 0}, {QStringLiteral("after"), 20000}}}};
    QCOMPARE(models::AuditListModel::describeChanges(user),
        QStringLiteral("Disabled: — → No; Display name: — → Nina; Type: — → Forward; Users: 0 → 20,000"));
    QCOMPARE(format::auditAction(QStringLiteral("update")), QStringLiteral("Changed"));
    QCOMPARE(format::objectType(QStringLiteral("admin")), QStringLiteral("Administrator"));
    // A value this client does not know yet is shown as the server sent it.
    QCOMPARE(format::auditAction(QStringLiteral("merge")), QStringLiteral("merge"));
}

void TestFormat::apiWordsForPeople_data()
{
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("severity") << format::severity(QStringLiteral("critical")) << QStringLiteral("Critical");
    QTest::newRow("minor") << format::severity(QStringLiteral("minor")) << QStringLiteral("Minor");
    QTest::newRow("alert status") << format::alertStatus(QStringLiteral("open")) << QStringLiteral("Open");
    QTest::newRow("incident status") << format::incidentStatus(QStringLiteral("scheduled"))
                                     << QStringLiteral("Scheduled");
    QTest::newRow("span") << format::span(QStringLiteral("hour")) << QStringLiteral("Hour");
    QTest::newRow("login") << format::loginResult(true) << QStringLiteral("Successful");
    QTest::newRow("services") << format::services(
        {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"), QStringLiteral("inbound")})
                              << QStringLiteral("IMAP, POP, Webmail, Inbound mail");
    QTest::newRow("unknown") << format::severity(QStringLiteral("dire")) << QStringLiteral("dire");
}

// API keys ("critical", "open", "inbound") are never what a user reads.
void TestFormat::apiWordsForPeople()
{
    QFETCH(QString, shown);
    QFETCH(QString, expected);
    QCOMPARE(shown, expected);
}

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
