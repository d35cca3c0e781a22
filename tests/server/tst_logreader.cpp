#include "Json.h"
#include "stats/LogReader.h"

#include <QDataStream>
#include <QIODevice>
#include <QRandomGenerator>
#include <QTest>

using namespace mailadmin;
using stats::LogEvent;
using stats::LogReader;
using stats::SkipReason;

// The log parsers against lines in the formats Dovecot, Postfix, Roundcube and doveadm write by default,
// including lines cut short, not UTF-8, or from other programs.
class TestLogReader : public QObject
{
    Q_OBJECT
private slots:
    void dovecot_data();
    void dovecot();
    void dovecotProxyNamesTheBackend();
    void postfixJoinsSaslUserToQueueManager();
    void roundcube();
    void doveadmQuota();
    void skipsBadLinesWithReasons();
    void yearInference();
    void timeZones();
    void formatRestrictsPrograms();
    void mangledLinesNeverCrash();
    void cutRipAndByteOrderMark();
    void stateCarriesOverARestart();
    void impossibleDatesAreMalformed();
    void quotaBeyondBytesIsMalformed();
    void stateWithImpossibleValuesIsIgnored();

private:
    static LogReader::Options utc(const QString &reference = QStringLiteral("2026-11-30T00:00:00Z"))
    {
        LogReader::Options o;
        o.zone = QTimeZone::utc();
        o.reference = json::parseIsoTime(reference);
        return o;
    }
    static QList<LogEvent> readAll(LogReader &reader, const QList<QByteArray> &lines)
    {
        QList<LogEvent> out;
        for (const QByteArray &line : lines)
            reader.readLine(line, out);
        reader.flush(out);
        return out;
    }
};

void TestLogReader::dovecot_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<bool>("success");
    QTest::addColumn<QString>("remote");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("time");

    QTest::newRow("imap via syslog") << QByteArray(
        "Nov 29 10:00:01 mx1 dovecot: imap-login: Login: user=<ann@example.com>, method=PLAIN, "
        "rip=192.0.2.10, "
        "lip=198.51.100.1, mpid=4242, TLS, session=<Qk7x0m3uVtPAqBEK>")
                                     << "ann@example.com"
                                     << "imap" << true << "192.0.2.10" << true << "2026-11-29T10:00:01Z";
    QTest::newRow("pop3 in dovecot's own log")
        << QByteArray("Nov  2 08:15:30 pop3-login: Info: Login: user=<bob@example.com>, method=PLAIN, "
                      "rip=203.0.113.7, lip=198.51.100.1, "
                      "mpid=4243, session=<8bV+cUxYzM0>")
        << "bob@example.com"
        << "pop" << true << "203.0.113.7" << false << "2026-11-02T08:15:30Z";
    QTest::newRow("submission is smtp") << QByteArray(
        "Nov 29 10:00:02 mx1 dovecot[812]: submission-login: Login: user=<carol@example.com>, method=LOGIN, "
        "rip=2001:db8::7, lip=2001:db8::1, mpid=5001, TLS, session=<aBcD>")
                                        << "carol@example.com"
                                        << "smtp" << true << "2001:db8::7" << true << "2026-11-29T10:00:02Z";
    QTest::newRow("auth failed (2.2)")
        << QByteArray("Nov 29 10:00:03 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 "
                      "secs): user=<ann@example.com>, "
                      "method=PLAIN, rip=192.0.2.66, lip=198.51.100.1, TLS, session=<zZ9>")
        << "ann@example.com"
        << "imap" << false << "192.0.2.66" << true << "2026-11-29T10:00:03Z";
    QTest::newRow("auth failed (2.3)") << QByteArray(
        "Nov 29 10:00:04 mx1 dovecot: pop3-login: Disconnected: Connection closed (auth failed, 3 attempts "
        "in 15 secs): "
        "user=<carol@example.com>, method=PLAIN, rip=192.0.2.67, lip=198.51.100.1, TLS: Connection closed, "
        "session=<q1>") << "carol@example.com"
                                       << "pop" << false << "192.0.2.67" << true << "2026-11-29T10:00:04Z";
    QTest::newRow("auth failed (2.3.14+)") << QByteArray(
        "Nov 29 10:00:05 mx1 dovecot: imap-login: Login aborted: Connection closed (auth failed, 1 attempts "
        "in 2 secs) "
        "(auth_failed): user=<dan@example.com>, method=PLAIN, rip=192.0.2.68, lip=198.51.100.1, session=<q2>")
                                           << "dan@example.com"
                                           << "imap" << false << "192.0.2.68" << false
                                           << "2026-11-29T10:00:05Z";
    QTest::newRow("rfc3339 stamp with offset")
        << QByteArray("2026-11-29T10:00:06.123456+01:00 mx1 dovecot[812]: imap-login: Login: "
                      "user=<ann@example.com>, method=PLAIN, "
                      "rip=192.0.2.10, lip=198.51.100.1, mpid=1, TLS, session=<x>")
        << "ann@example.com"
        << "imap" << true << "192.0.2.10" << true << "2026-11-29T09:00:06Z";
}

void TestLogReader::dovecot()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, user);
    QFETCH(QString, protocol);
    QFETCH(bool, success);
    QFETCH(QString, remote);
    QFETCH(bool, tls);
    QFETCH(QString, time);
    LogReader reader(utc());
    const QList<LogEvent> events = readAll(reader, {line});
    QCOMPARE(events.size(), 1);
    const LogEvent &e = events.first();
    QCOMPARE(e.kind, LogEvent::Kind::Login);
    QCOMPARE(QString::fromUtf8(e.user), user);
    QCOMPARE(QString::fromLatin1(e.protocol), protocol);
    QCOMPARE(e.success, success);
    QCOMPARE(QString::fromLatin1(e.remote), remote);
    QCOMPARE(e.tls, tls);
    QCOMPARE(json::isoTime(e.at), time);
    QCOMPARE(reader.counts().read, 1);
    QCOMPARE(reader.counts().used, 1);
    // What the ingest API takes.
    const QJsonObject o = e.toJson();
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("login"));
    QCOMPARE(o.value(QLatin1String("time")).toString(), time);
    QCOMPARE(o.value(QLatin1String("success")).toBool(), success);
}

void TestLogReader::dovecotProxyNamesTheBackend()
{
    LogReader reader(utc());
    const QList<LogEvent> events = readAll(reader,
        {"Nov 29 09:00:05 proxy1 dovecot: imap-login: proxy(ann@example.com): started proxying to "
         "mail-a2.example.net:143: user=<ann@example.com>, method=PLAIN, rip=192.0.2.10, lip=198.51.100.1, "
         "session=<x1>",
            "Nov 29 09:00:06 proxy1 dovecot: pop3-login: proxy(bob@example.com): started proxying to "
            "[2001:db8::7]:110: user=<bob@example.com>, method=PLAIN, rip=192.0.2.11, lip=198.51.100.1",
            "Nov 29 09:00:07 proxy1 dovecot: imap-login: proxy(ann@example.com): disconnecting 192.0.2.10 "
            "(Disconnected by client): user=<ann@example.com>",
            "Nov 29 09:00:08 proxy1 dovecot: imap-login: proxy(cut@example.com): started proxying to :143: "
            "user=<cut@example.com>"});
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).kind, LogEvent::Kind::Backend);
    QCOMPARE(events.at(0).user, QByteArray("ann@example.com"));
    QCOMPARE(events.at(0).backend, QByteArray("mail-a2.example.net"));
    QCOMPARE(events.at(1).backend, QByteArray("2001:db8::7"));
    const QJsonObject o = events.at(0).toJson();
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("backend"));
    QCOMPARE(o.value(QLatin1String("backend")).toString(), QStringLiteral("mail-a2.example.net"));
    QCOMPARE(reader.counts().skipped[int(SkipReason::NotCounted)], 1);
    QCOMPARE(reader.counts().skipped[int(SkipReason::Malformed)], 1);
}

void TestLogReader::postfixJoinsSaslUserToQueueManager()
{
    LogReader reader(utc());
    const QList<LogEvent> events = readAll(reader,
        {"Nov 29 11:00:00 mx1 postfix/submission/smtpd[3001]: connect from client.example.net[192.0.2.20]",
            "Nov 29 11:00:01 mx1 postfix/submission/smtpd[3001]: 4NxYz12AbcD: "
            "client=client.example.net[192.0.2.20], sasl_method=PLAIN, "
            "sasl_username=ann@example.com",
            "Nov 29 11:00:01 mx1 postfix/cleanup[3002]: 4NxYz12AbcD: message-id=<1@example.com>",
            "Nov 29 11:00:01 mx1 postfix/qmgr[900]: 4NxYz12AbcD: from=<ann@example.com>, size=2048, nrcpt=3 "
            "(queue active)",
            "Nov 29 11:00:02 mx1 postfix/smtp[3003]: 4NxYz12AbcD: to=<x@remote.example>, "
            "relay=mx.remote.example[203.0.113.50]:25, delay=1, "
            "delays=0.1/0/0.5/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
            // A second message in the same session is not a second login.
            "Nov 29 11:00:02 mx1 postfix/submission/smtpd[3001]: 4PaBc34DefG: "
            "client=client.example.net[192.0.2.20], sasl_method=PLAIN, "
            "sasl_username=ann@example.com",
            "Nov 29 11:00:02 mx1 postfix/qmgr[900]: 4PaBc34DefG: from=<ann@example.com>, size=100, nrcpt=1 "
            "(queue active)",
            // Deferred, then back in the active queue: counted once.
            "Nov 29 11:30:02 mx1 postfix/qmgr[900]: 4PaBc34DefG: from=<ann@example.com>, size=100, nrcpt=1 "
            "(queue active)",
            "Nov 29 11:00:03 mx1 postfix/qmgr[900]: 4NxYz12AbcD: removed",
            "Nov 29 11:00:04 mx1 postfix/submission/smtpd[3001]: disconnect from "
            "client.example.net[192.0.2.20] ehlo=2 starttls=1 auth=1 "
            "mail=2 rcpt=4 data=2 quit=1 commands=15",
            // Inbound mail: no SASL user.
            "Nov 29 11:01:00 mx1 postfix/smtpd[3010]: 5AbCdE6F: client=mail.remote.example[203.0.113.9]",
            "Nov 29 11:01:01 mx1 postfix/qmgr[900]: 5AbCdE6F: from=<someone@remote.example>, size=500, "
            "nrcpt=1 (queue active)",
            // Failed SMTP AUTH, with and without the user (newer Postfix names it).
            "Nov 29 11:02:00 mx1 postfix/submission/smtpd[3020]: warning: unknown[198.51.100.77]: SASL LOGIN "
            "authentication failed: "
            "UGFzc3dvcmQ6, sasl_username=bob@example.com",
            "Nov 29 11:02:01 mx1 postfix/submission/smtpd[3020]: warning: unknown[198.51.100.77]: SASL LOGIN "
            "authentication failed: UGFzc3dvcmQ6",
            // smtps service name, ISO stamp, long queue id.
            "2026-11-29T11:03:00.000001+00:00 mx1 postfix/smtps/smtpd[3030]: 4Q1Xyz3Kp9z5mNW: "
            "client=unknown[192.0.2.21], sasl_method=LOGIN, "
            "sasl_username=bob@example.com",
            "2026-11-29T11:03:01.000001+00:00 mx1 postfix/qmgr[900]: 4Q1Xyz3Kp9z5mNW: "
            "from=<bob@example.com>, size=99999, nrcpt=12 (queue active)",
            // Cut short.
            "Nov 29 11:04:00 mx1 postfix/qmgr[900]: 4NxYz12AbcE: from=<ann@example.com>, siz"});
    QList<LogEvent> logins, messages;
    for (const LogEvent &e : events)
        (e.kind == LogEvent::Kind::Login ? logins : messages).append(e);
    QCOMPARE(logins.size(), 3);
    QCOMPARE(logins.at(0).user, QByteArray("ann@example.com"));
    QCOMPARE(logins.at(0).protocol, QByteArray("smtp"));
    QCOMPARE(logins.at(0).remote, QByteArray("192.0.2.20"));
    QVERIFY(logins.at(0).success);
    QCOMPARE(logins.at(1).user, QByteArray("bob@example.com"));
    QVERIFY(!logins.at(1).success);
    QCOMPARE(logins.at(1).remote, QByteArray("198.51.100.77"));
    QCOMPARE(logins.at(2).user, QByteArray("bob@example.com"));
    QVERIFY(logins.at(2).success);
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).user, QByteArray("ann@example.com"));
    QCOMPARE(messages.at(0).recipients, 3);
    QCOMPARE(messages.at(0).bytes, 2048);
    QCOMPARE(json::isoTime(messages.at(0).at), QStringLiteral("2026-11-29T11:00:01Z"));
    QCOMPARE(messages.at(1).recipients, 1);
    QCOMPARE(messages.at(2).user, QByteArray("bob@example.com"));
    QCOMPARE(messages.at(2).recipients, 12);
    QCOMPARE(messages.at(2).bytes, 99999);
    const stats::LogCounts &c = reader.counts();
    QCOMPARE(c.read, 17);
    QCOMPARE(c.used, 7); // 3 smtpd lines with a SASL user, their 3 qmgr lines, 1 failure naming its user
    QCOMPARE(c.skipped[size_t(SkipReason::Unauthenticated)], 2);
    QCOMPARE(c.skipped[size_t(SkipReason::NoUser)], 1);
    QCOMPARE(c.skipped[size_t(SkipReason::Malformed)], 1);
    QCOMPARE(c.skipped[size_t(SkipReason::NotCounted)], 6);
    QCOMPARE(c.used + c.skippedTotal(), c.read);
}

void TestLogReader::roundcube()
{
    LogReader reader(utc());
    const QList<LogEvent> events = readAll(reader,
        {"[29-Nov-2026 12:00:00 +0100]: <a1b2c3d4> Successful login for ann@example.com (ID: 7) from "
         "192.0.2.30 in session a1b2c3d4e5f6a7b8",
            "[29-Nov-2026 12:00:05 +0100]: <a1b2c3d4> Failed login for bob@example.com from 192.0.2.31 in "
            "session a1b2c3d4e5f6a7b8 (error: 0)",
            "Nov 29 12:00:06 web1 roundcube: <e5f6a7b8> Successful login for carol@example.com (ID: 9) from "
            "192.0.2.32 in session e5f6a7b8c9d0",
            "[29-Nov-2026 12:00:07 -0500]: Successful login for dan@example.com (ID: 10) from 192.0.2.33 in "
            "session 1234",
            "[29-Nov-2026 12:00:08 +0100]: <a1b2c3d4> Failed login for  from 192.0.2.34 in session a1b2 "
            "(error: 0)",
            "[29-Nov-2026 12:00:09 +0100]: <a1b2c3d4> IMAP Error: Login failed for ann@example.com against "
            "localhost from 192.0.2.30.",
            "[29-Nov-2026 12:00:10 +0100]: <a1b2c3d4> Successful login for eve@example.com (ID: 11) fr"});
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(0).user, QByteArray("ann@example.com"));
    QCOMPARE(events.at(0).protocol, QByteArray("webmail"));
    QCOMPARE(json::isoTime(events.at(0).at), QStringLiteral("2026-11-29T11:00:00Z"));
    QCOMPARE(events.at(0).remote, QByteArray("192.0.2.30"));
    QVERIFY(!events.at(1).success);
    QCOMPARE(events.at(1).user, QByteArray("bob@example.com"));
    QCOMPARE(events.at(1).remote, QByteArray("192.0.2.31"));
    QCOMPARE(events.at(2).user, QByteArray("carol@example.com"));
    QCOMPARE(json::isoTime(events.at(2).at), QStringLiteral("2026-11-29T12:00:06Z"));
    QCOMPARE(json::isoTime(events.at(3).at), QStringLiteral("2026-11-29T17:00:07Z"));
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::NoUser)], 1);
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::NotCounted)], 1);
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::Malformed)], 1);
}

void TestLogReader::doveadmQuota()
{
    LogReader::Options options = utc();
    options.quotaTime = json::parseIsoTime(QStringLiteral("2026-11-29T06:00:00Z"));
    options.format = stats::LogFormat::DoveadmQuota;
    LogReader reader(options);
    const QList<LogEvent> events = readAll(reader,
        {"Username          Quota name Type    Value   Limit   %",
            "ann@example.com   User quota STORAGE 1048576 2097152 50",
            "ann@example.com   User quota MESSAGE     120       -  0",
            "bob@example.com\tUser quota\tSTORAGE\t10\t-\t0", "carol@example.com User quota STORAGE lots - 0",
            "dan@example.com   User quota MESSAGE 5 - 0"});
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).kind, LogEvent::Kind::Quota);
    QCOMPARE(events.at(0).user, QByteArray("ann@example.com"));
    QCOMPARE(events.at(0).bytes, qint64(1024) * 1024 * 1024);
    QCOMPARE(events.at(0).messages, 120);
    QCOMPARE(json::isoTime(events.at(0).at), QStringLiteral("2026-11-29T06:00:00Z"));
    QCOMPARE(events.at(1).user, QByteArray("bob@example.com"));
    QCOMPARE(events.at(1).bytes, 10240);
    QCOMPARE(events.at(1).messages, -1);
    QVERIFY(!events.at(1).toJson().contains(QLatin1String("messages")));
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::Malformed)], 1);
}

void TestLogReader::skipsBadLinesWithReasons()
{
    LogReader reader(utc());
    QByteArray huge("Nov 29 10:00:01 mx1 dovecot: imap-login: Login: user=<");
    huge += QByteArray(LogReader::kMaxLine, 'a') + "@example.com>, rip=192.0.2.1";
    const QList<LogEvent> events = readAll(reader,
        {"Nov 29 10:00:05 mx1 dovecot: imap-login: Login: user=<ann@exa",
            "Nov 29 10:00:05 mx1 dovecot: imap-login: Login: user=<ann@example.com>, method=PLAIN, "
            "rip=192.0.2.10, lip=198.51.100.1, "
            "mpid=1, TLS, session=<Qk7",
            QByteArray("Nov 29 10:00:06 mx1 dovecot: imap-login: Login: user=<\xff\xfe@example.com>, "
                       "rip=192.0.2.10"),
            QByteArray("Nov 29 10:00:06 mx1 dovecot: imap-login: Login: user=<\xc3\xa9lodie@example.com>, "
                       "method=PLAIN, rip=192.0.2.11, "
                       "lip=198.51.100.1, session=<a>"),
            QByteArray("Nov 29 10:00:06 mx1 dovecot: imap-login: Login: user=<\xed\xa0\x80@example.com>, "
                       "rip=192.0.2.10"),
            "Nov 29 10:00:07 mx1 sshd[22]: Accepted publickey for root from 192.0.2.1 port 22 ssh2",
            "Nov 29 10:00:08 mx1 dovecot: imap(ann@example.com)<123><abc>: Logged out in=10 out=20",
            "Nov 29 10:00:09 mx1 dovecot: imap-login: Disconnected (no auth attempts in 0 secs): user=<>, "
            "rip=192.0.2.99, lip=198.51.100.1",
            "Nov 29 10:00:09 mx1 dovecot: imap-login: Aborted login (auth failed, 1 attempts in 2 secs): "
            "user=<>, rip=192.0.2.99",
            "Nov 31 25:00:09 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.99",
            "2026-13-29T10:00:00Z mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.99",
            "Nov 29 10:00:10 mx1", "complete garbage", "", huge});
    QCOMPARE(events.size(), 1);
    QCOMPARE(QString::fromUtf8(events.first().user), QStringLiteral("\u00e9lodie@example.com"));
    const stats::LogCounts &c = reader.counts();
    QCOMPARE(c.read, 15);
    QCOMPARE(c.used, 1);
    QCOMPARE(c.skipped[size_t(SkipReason::Malformed)], 5);
    QCOMPARE(c.skipped[size_t(SkipReason::InvalidUtf8)], 2);
    QCOMPARE(c.skipped[size_t(SkipReason::TooLong)], 1);
    QCOMPARE(c.skipped[size_t(SkipReason::NoUser)], 1);
    QCOMPARE(c.skipped[size_t(SkipReason::OtherProgram)], 2);
    QCOMPARE(c.skipped[size_t(SkipReason::NotCounted)], 3);
    QCOMPARE(c.used + c.skippedTotal(), c.read);
}

void TestLogReader::yearInference()
{
    // Read in early January: December lines belong to the year before, and the year turns with the log.
    LogReader january(utc(QStringLiteral("2027-01-02T12:00:00Z")));
    QList<LogEvent> events = readAll(january,
        {"Dec 31 23:59:59 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1",
            "Jan  1 00:00:01 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1",
            "Dec 31 23:59:58 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1", // written
                                                                                                     // late
            "Jan  2 08:00:00 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1"});
    QCOMPARE(events.size(), 4);
    QCOMPARE(json::isoTime(events.at(0).at), QStringLiteral("2026-12-31T23:59:59Z"));
    QCOMPARE(json::isoTime(events.at(1).at), QStringLiteral("2027-01-01T00:00:01Z"));
    QCOMPARE(json::isoTime(events.at(2).at), QStringLiteral("2026-12-31T23:59:58Z"));
    QCOMPARE(json::isoTime(events.at(3).at), QStringLiteral("2027-01-02T08:00:00Z"));
    // A log last written in November whose first line says December is from the year before.
    LogReader november(utc());
    events = readAll(november,
        {"Dec 30 10:00:00 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1",
            "Feb 28 10:00:00 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1"});
    QCOMPARE(json::isoTime(events.at(0).at), QStringLiteral("2025-12-30T10:00:00Z"));
    QCOMPARE(json::isoTime(events.at(1).at), QStringLiteral("2026-02-28T10:00:00Z"));
}

void TestLogReader::timeZones()
{
    LogReader::Options options = utc();
    options.zone = QTimeZone("Europe/Paris");
    QVERIFY(options.zone.isValid());
    LogReader reader(options);
    const QList<LogEvent> events = readAll(reader,
        {"Jul  1 12:00:00 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1",
            "Nov 29 12:00:00 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1",
            "2026-11-29T12:00:00 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1",
            "2026-11-29T12:00:00Z mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1"});
    QCOMPARE(events.size(), 4);
    QCOMPARE(json::isoTime(events.at(0).at), QStringLiteral("2026-07-01T10:00:00Z")); // summer time
    QCOMPARE(json::isoTime(events.at(1).at), QStringLiteral("2026-11-29T11:00:00Z"));
    QCOMPARE(json::isoTime(events.at(2).at), QStringLiteral("2026-11-29T11:00:00Z"));
    QCOMPARE(json::isoTime(events.at(3).at), QStringLiteral("2026-11-29T12:00:00Z"));
}

void TestLogReader::formatRestrictsPrograms()
{
    LogReader::Options options = utc();
    options.format = stats::LogFormat::Postfix;
    LogReader reader(options);
    const QList<LogEvent> events = readAll(reader,
        {"Nov 29 10:00:01 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.10",
            "[29-Nov-2026 12:00:00 +0100]: <a1> Successful login for ann@example.com (ID: 7) from 192.0.2.30 "
            "in session a1",
            "ann@example.com User quota STORAGE 1 2 3",
            "Nov 29 11:00:01 mx1 postfix/smtpd[1]: 4NxYz12AbcD: client=a[192.0.2.20], sasl_method=PLAIN, "
            "sasl_username=ann@example.com"});
    QCOMPARE(events.size(), 1);
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::OtherProgram)], 3);
    QVERIFY(stats::logFormatFromName(u"doveadm-quota").has_value());
    QVERIFY(!stats::logFormatFromName(u"exim").has_value());
}

void TestLogReader::mangledLinesNeverCrash()
{
    // Real lines of every kind, cut at every length and with bytes flipped at random: each is counted as used
    // or skipped, and nothing crashes or hangs.
    const QList<QByteArray> seeds = {
        "Nov 29 10:00:01 mx1 dovecot: imap-login: Login: user=<ann@example.com>, method=PLAIN, "
        "rip=192.0.2.10, lip=198.51.100.1, mpid=4242, TLS, session=<Qk7x0m3u>",
        "Nov 29 10:00:03 mx1 dovecot: imap-login: Disconnected (auth failed, 1 attempts in 2 secs): "
        "user=<ann@example.com>, method=PLAIN, rip=192.0.2.66",
        "2026-11-29T10:00:06.123456+01:00 mx1 dovecot[812]: pop3-login: Login: user=<bob@example.com>, "
        "rip=192.0.2.10, session=<x>",
        "Nov 29 11:00:01 mx1 postfix/submission/smtpd[3001]: 4NxYz12AbcD: client=c.example.net[192.0.2.20], "
        "sasl_method=PLAIN, sasl_username=ann@example.com",
        "Nov 29 11:00:01 mx1 postfix/qmgr[900]: 4NxYz12AbcD: from=<ann@example.com>, size=2048, nrcpt=3 "
        "(queue active)",
        "Nov 29 11:02:00 mx1 postfix/submission/smtpd[3020]: warning: unknown[198.51.100.77]: SASL LOGIN "
        "authentication failed: UGFz, sasl_username=bob@example.com",
        "[29-Nov-2026 12:00:00 +0100]: <a1b2c3d4> Successful login for ann@example.com (ID: 7) from "
        "192.0.2.30 in session a1b2c3d4e5f6a7b8",
        "[29-Nov-2026 12:00:05 +0100]: <a1b2c3d4> Failed login for bob@example.com from 192.0.2.31 in "
        "session a1b2 (error: 0)",
        "ann@example.com   User quota STORAGE 1048576 2097152 50",
    };
    LogReader reader(utc());
    QList<LogEvent> out;
    qint64 lines = 0;
    QRandomGenerator rng(99);
    for (const QByteArray &seed : seeds) {
        for (qsizetype cut = 0; cut <= seed.size(); ++cut, ++lines)
            reader.readLine(seed.left(cut), out);
    }
    for (int i = 0; i < 50000; ++i, ++lines) {
        QByteArray line = seeds.at(int(rng.bounded(int(seeds.size()))));
        const int flips = 1 + int(rng.bounded(4));
        for (int f = 0; f < flips; ++f)
            line[int(rng.bounded(int(line.size())))] = char(rng.bounded(256));
        reader.readLine(line, out);
    }
    reader.flush(out);
    const stats::LogCounts &c = reader.counts();
    QCOMPARE(c.read, lines);
    QCOMPARE(c.used + c.skippedTotal(), c.read);
    QVERIFY(c.skipped[size_t(SkipReason::InvalidUtf8)] > 0);
    QVERIFY(c.skipped[size_t(SkipReason::Malformed)] > 0);
    // Every event that came out is well formed.
    for (const LogEvent &e : std::as_const(out)) {
        QVERIFY(!e.user.isEmpty());
        QVERIFY(e.at > 0);
    }
}

void TestLogReader::cutRipAndByteOrderMark()
{
    LogReader reader(utc());
    const QByteArray login = "Nov 29 10:00:01 mx1 dovecot: imap-login: Login: user=<ann@example.com>, "
                             "method=PLAIN, rip=192.0.2.10, lip=198.51.100.1, session=<x>";
    const QList<LogEvent> out = readAll(reader,
        {"\xEF\xBB\xBF" + login, login.left(login.indexOf("rip=") + 4),
            login.left(login.indexOf("rip=") + 4) + ", lip=1"});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().remote, QByteArray("192.0.2.10"));
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::Malformed)], 2);
}

void TestLogReader::stateCarriesOverARestart()
{
    // A submission line before the restart, its queue line after: the saved state joins them, and a
    // message already counted (deferred, then back in the queue) is not counted again.
    const QByteArray submission
        = "Nov 29 11:00:01 mx1 postfix/submission/smtpd[3001]: 4NxYz12AbcD: "
          "client=c.example.net[192.0.2.20], sasl_method=PLAIN, sasl_username=ann@example.com";
    const QByteArray queued = "Nov 29 11:00:02 mx1 postfix/qmgr[900]: 4NxYz12AbcD: from=<ann@example.com>, "
                              "size=2048, nrcpt=3 (queue active)";
    LogReader before(utc());
    QCOMPARE(readAll(before, {submission}).size(), 1); // the SMTP login
    LogReader after(utc());
    after.restoreState(before.saveState());
    const QList<LogEvent> out = readAll(after, {queued});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().kind, LogEvent::Kind::Message);
    QCOMPARE(out.first().recipients, 3);
    LogReader again(utc());
    again.restoreState(after.saveState());
    QCOMPARE(readAll(again, {queued}).size(), 0);
    // A damaged state is ignored rather than half read.
    LogReader damaged(utc());
    damaged.restoreState(QByteArray("\x01\x00garbage", 9));
    QCOMPARE(readAll(damaged, {queued}).size(), 0);
}

// A day the month does not have was read as a day of the next month (30 February as 2 March); such stamps
// are malformed, in every form. 29 February counts only in a leap year.
void TestLogReader::impossibleDatesAreMalformed()
{
    const QByteArray login = " mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1";
    LogReader reader(utc(QStringLiteral("2026-11-30T00:00:00Z")));
    const QList<LogEvent> events = readAll(reader,
        {"2026-02-29T10:00:00Z" + login, "2026-04-31T10:00:00+02:00" + login,
            "[31-Jun-2026 10:00:00 +0100]: Successful login for ann@example.com (ID: 7) from 192.0.2.30 in "
            "session a1",
            "Feb 30 10:00:00" + login, "Sep 31 10:00:00" + login, "Feb 29 10:00:00" + login,
            "2028-02-29T10:00:00Z" + login, "Apr 30 10:00:00" + login});
    QCOMPARE(events.size(), 2);
    QCOMPARE(json::isoTime(events.at(0).at), QStringLiteral("2028-02-29T10:00:00Z"));
    QCOMPARE(json::isoTime(events.at(1).at), QStringLiteral("2026-04-30T10:00:00Z"));
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::Malformed)], 6);
}

// doveadm's KiB times 1024 overflowed for a value of 17 digits and more.
void TestLogReader::quotaBeyondBytesIsMalformed()
{
    LogReader::Options options = utc();
    options.format = stats::LogFormat::DoveadmQuota;
    LogReader reader(options);
    const QList<LogEvent> events = readAll(reader,
        {"ann@example.com   User quota STORAGE 99999999999999999 -  0",
            "bob@example.com   User quota STORAGE 9007199254740991 -  0"});
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().user, QByteArray("bob@example.com"));
    QCOMPARE(events.first().bytes, qint64(9007199254740991) * 1024);
    QCOMPARE(reader.counts().skipped[size_t(SkipReason::Malformed)], 1);
}

// A saved state is read back from the database; one whose year, month or quota no run could have saved (a
// damaged row) is dropped whole, as one that does not parse: the values would overflow later.
void TestLogReader::stateWithImpossibleValuesIsIgnored()
{
    const auto state = [](qint32 year, qint32 month, qint64 storageKib) {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << quint8(1) << year << month << qint32(0) << qint32(0) << QByteArray("ann@example.com")
            << storageKib << qint64(-1);
        return bytes;
    };
    const QList<QByteArray> dovecot
        = {"Dec 31 23:59:59 mx1 dovecot: imap-login: Login: user=<ann@example.com>, rip=192.0.2.1"};
    for (const QByteArray &damaged :
        {state(std::numeric_limits<qint32>::max(), 12, 1), state(2026, std::numeric_limits<qint32>::min(), 1),
            state(2026, 11, std::numeric_limits<qint64>::max())}) {
        LogReader reader(utc());
        reader.restoreState(damaged);
        const QList<LogEvent> events = readAll(reader, dovecot);
        QCOMPARE(events.size(), 1); // no quota sample came from the state
        QCOMPARE(json::isoTime(events.first().at), QStringLiteral("2025-12-31T23:59:59Z"));
    }
    LogReader sound(utc());
    sound.restoreState(state(2026, 11, 4));
    const QList<LogEvent> events = readAll(sound, dovecot);
    QCOMPARE(events.size(), 2);
    QCOMPARE(json::isoTime(events.first().at), QStringLiteral("2026-12-31T23:59:59Z")); // the state's year
    QCOMPARE(events.last().kind, LogEvent::Kind::Quota);
    QCOMPARE(events.last().bytes, qint64(4096));
}

QTEST_GUILESS_MAIN(TestLogReader)
#include "tst_logreader.moc"
