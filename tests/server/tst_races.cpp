#include "TestServer.h"
#include "auth/Clock.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <functional>
#include <latch>
#include <thread>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;

// Checks that hold only when each is counted and written in one step: parallel requests over real sockets
// against the real server, all released at the same moment.
class TestRaces : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void parallelWrongPasswordsAreCountedFirst();
    void rightPasswordAmongWrongOnesIsThrottled();
    void passwordChangeEndsOtherSessions();
    void disableAndRoleChangeEndSessions();
    void statusChangesHonourIfMatch();
    void deleteRacedAgainstSuspendStaysDeleted();
    void userCounterMatchesLiveUsers();
    void reportSendIsRateLimited();

private:
    using Call = std::function<HttpClient::Reply(HttpClient &, int)>;
    // Runs `call` `n` times over six connections at once, all signed in with `token` (or none).
    QList<HttpClient::Reply> parallel(int n, const QString &token, const Call &call);
    QString makeAdmin(const QString &role);
    QString userPath(const QString &address) const { return QStringLiteral("/api/v1/users/") + address; }
    // The domain's stored user counter and its users that are not deleted, read straight from the database.
    QPair<qint64, qint64> counterAndLive(const QString &domain);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    qint64 m_company = 0;
    int m_serial = 0;
};

namespace {
const QString kPassword = QStringLiteral("Quiet-Harbor-Lamp-31");
QByteArray statuses(const QList<HttpClient::Reply> &replies)
{
    QByteArray out;
    for (const auto &r : replies)
        out += QByteArray::number(r.status) + ' ';
    return out;
}

int countStatus(const QList<HttpClient::Reply> &replies, int status)
{
    return int(std::count_if(
        replies.begin(), replies.end(), [status](const HttpClient::Reply &r) { return r.status == status; }));
}
} // namespace

QList<HttpClient::Reply> TestRaces::parallel(int n, const QString &token, const Call &call)
{
    // Fewer connections than the test server's eight workers (the test's own clients keep theirs open),
    // each taking the next request as soon as its last one is answered: the server always has six in
    // flight at once, and never a queue of connections past its listen backlog.
    constexpr int kConnections = 6;
    QList<HttpClient::Reply> replies(n);
    std::atomic<int> next {0};
    const int width = std::min(n, kConnections);
    std::latch start(width);
    std::vector<std::thread> threads;
    for (int t = 0; t < width; ++t) {
        threads.emplace_back([&] {
            HttpClient client = m_server->client();
            client.setToken(token);
            // Connected before the start, so the first requests leave together rather than one connect
            // after another.
            client.get(QStringLiteral("/api/v1/status"));
            start.arrive_and_wait();
            for (int i = next++; i < n; i = next++)
                replies[i] = call(client, i);
        });
    }
    for (std::thread &t : threads)
        t.join();
    return replies;
}

QString TestRaces::makeAdmin(const QString &role)
{
    const QString login = QStringLiteral("%1%2").arg(role).arg(++m_serial);
    const auto r = m_op->post(QStringLiteral("/api/v1/admins"),
        QJsonObject {{QStringLiteral("login"), login}, {QStringLiteral("role"), role},
            {QStringLiteral("company_id"), double(m_company)}, {QStringLiteral("password"), kPassword}});
    if (r.status != 201)
        qFatal("fixture admin failed: %d %s", r.status, r.body.constData());
    return login;
}

QPair<qint64, qint64> TestRaces::counterAndLive(const QString &domain)
{
    QSqlQuery q(m_server->db().connection());
    q.prepare(
        QStringLiteral("SELECT d.user_count, (SELECT COUNT(*) FROM users u WHERE u.domain_id = d.id AND "
                       "u.status <> 'deleted') FROM domains d WHERE d.name = ?"));
    q.addBindValue(domain);
    if (!q.exec() || !q.next())
        return {-1, -1};
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
}

void TestRaces::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Race Co")}});
    QCOMPARE(company.status, 201);
    m_company = qint64(company.json().value(QLatin1String("id")).toDouble());
}

void TestRaces::cleanupTestCase()
{
    auth::Clock::resetForTesting();
    m_op.reset();
    m_server.reset();
}

void TestRaces::init()
{
    // Every test starts outside the previous one's failure window (the throttle counts per address too),
    // with a fresh operator session (the clock jumps past its idle timeout).
    auth::Clock::advanceForTesting(20 * 60);
    *m_op = m_server->operatorClient();
    QVERIFY(!m_op->token().isEmpty());
}

void TestRaces::parallelWrongPasswordsAreCountedFirst()
{
    for (int round = 0; round < 3; ++round) {
        const QString login = makeAdmin(QStringLiteral("support"));
        const auto replies = parallel(40, {}, [&](HttpClient &c, int) {
            return c.post(QStringLiteral("/api/v1/sessions"),
                QJsonObject {
                    {QStringLiteral("login"), login}, {QStringLiteral("password"), QStringLiteral("nope")}});
        });
        // A 401 is a password that was checked; the rest were turned away before any check.
        const int checked = countStatus(replies, 401);
        QVERIFY2(checked <= 5, qPrintable(QStringLiteral("%1 passwords were checked").arg(checked)));
        QVERIFY(checked >= 1);
        QVERIFY2(countStatus(replies, 429) == 40 - checked, statuses(replies).constData());
        for (const auto &r : replies) {
            if (r.status == 429)
                QVERIFY(r.header("Retry-After").toInt() > 0);
        }
        init();
    }
}

void TestRaces::rightPasswordAmongWrongOnesIsThrottled()
{
    const QString login = makeAdmin(QStringLiteral("support"));
    const auto replies = parallel(31, {}, [&](HttpClient &c, int i) {
        return c.post(QStringLiteral("/api/v1/sessions"),
            QJsonObject {{QStringLiteral("login"), login},
                {QStringLiteral("password"), i == 15 ? kPassword : QStringLiteral("wrong-guess-%1").arg(i)}});
    });
    // However the 31 interleave, no more than the limit are checked, the right one included.
    const int checked = countStatus(replies, 401) + countStatus(replies, 201);
    QVERIFY2(checked <= 5, qPrintable(QStringLiteral("%1 passwords were checked").arg(checked)));
    // The limit is reached now: the right password is refused until the window passes.
    HttpClient c = m_server->client();
    QCOMPARE(c.signIn(login, kPassword), 429);
    auth::Clock::advanceForTesting(16 * 60);
    QCOMPARE(c.signIn(login, kPassword), 201);
}

void TestRaces::passwordChangeEndsOtherSessions()
{
    const QString login = makeAdmin(QStringLiteral("company_admin"));
    HttpClient here = m_server->client();
    HttpClient laptop = m_server->client();
    HttpClient phone = m_server->client();
    QCOMPARE(here.signIn(login, kPassword), 201);
    QCOMPARE(laptop.signIn(login, kPassword), 201);
    QCOMPARE(phone.signIn(login, kPassword), 201);
    const qint64 id
        = qint64(here.get(QStringLiteral("/api/v1/me")).json().value(QLatin1String("id")).toDouble());
    // The other sessions were in use (and cached) right before.
    QCOMPARE(laptop.get(QStringLiteral("/api/v1/me")).status, 200);
    QCOMPARE(phone.get(QStringLiteral("/api/v1/me")).status, 200);

    // Their own change: the session it came from stays, every other ends at once.
    const QString changed = QStringLiteral("Copper-Lantern-Field-58");
    QCOMPARE(here.post(QStringLiteral("/api/v1/admins/%1/password").arg(id),
                     QJsonObject {{QStringLiteral("password"), changed}})
                 .status,
        200);
    QCOMPARE(here.get(QStringLiteral("/api/v1/me")).status, 200);
    for (HttpClient *other : {&laptop, &phone}) {
        const auto replies = parallel(
            8, other->token(), [](HttpClient &c, int) { return c.get(QStringLiteral("/api/v1/me")); });
        QCOMPARE(countStatus(replies, 401), 8);
    }

    // Set by another admin: every session of theirs ends, the one that changed its own password too.
    QCOMPARE(laptop.signIn(login, changed), 201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins/%1/password").arg(id),
                     QJsonObject {{QStringLiteral("password"), QStringLiteral("Walnut-Meadow-Ferry-27")}})
                 .status,
        200);
    QCOMPARE(here.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(laptop.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(laptop.signIn(login, QStringLiteral("Walnut-Meadow-Ferry-27")), 201);
}

void TestRaces::disableAndRoleChangeEndSessions()
{
    const QString login = makeAdmin(QStringLiteral("company_readonly"));
    HttpClient a = m_server->client();
    HttpClient b = m_server->client();
    QCOMPARE(a.signIn(login, kPassword), 201);
    QCOMPARE(b.signIn(login, kPassword), 201);
    const qint64 id
        = qint64(a.get(QStringLiteral("/api/v1/me")).json().value(QLatin1String("id")).toDouble());
    QCOMPARE(b.get(QStringLiteral("/api/v1/me")).status, 200);
    const QString path = QStringLiteral("/api/v1/admins/%1").arg(id);

    QCOMPARE(m_op->patch(path, QJsonObject {{QStringLiteral("role"), QStringLiteral("support")}},
                     m_op->get(path).etag())
                 .status,
        200);
    QCOMPARE(a.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(b.get(QStringLiteral("/api/v1/me")).status, 401);

    QCOMPARE(a.signIn(login, kPassword), 201);
    QCOMPARE(a.get(QStringLiteral("/api/v1/me")).json().value(QLatin1String("role")).toString(),
        QStringLiteral("support"));
    QCOMPARE(
        m_op->patch(path, QJsonObject {{QStringLiteral("disabled"), true}}, m_op->get(path).etag()).status,
        200);
    const auto replies
        = parallel(8, a.token(), [](HttpClient &c, int) { return c.get(QStringLiteral("/api/v1/me")); });
    QCOMPARE(countStatus(replies, 401), 8);
    QCOMPARE(a.signIn(login, kPassword), 401);
}

void TestRaces::statusChangesHonourIfMatch()
{
    const QString domain = QStringLiteral("ifmatch.example");
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), domain}})
                 .status,
        201);
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
                     QJsonObject {{QStringLiteral("local_part"), QStringLiteral("ida")}})
                 .status,
        201);
    const QString path = userPath(QStringLiteral("ida@") + domain);
    const int v1 = m_op->get(path).etag();
    QCOMPARE(m_op->post(path + QStringLiteral("/suspend"), {}, v1 + 5).status, 412);
    QCOMPARE(m_op->get(path).json().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    const auto suspended = m_op->post(path + QStringLiteral("/suspend"), {}, v1);
    QCOMPARE(suspended.status, 200);
    QCOMPARE(m_op->post(path + QStringLiteral("/unsuspend"), {}, v1).status, 412);
    const int v2 = m_op->get(path).etag();
    QCOMPARE(m_op->post(path + QStringLiteral("/unsuspend"), {}, v2).status, 200);
    const int v3 = m_op->get(path).etag();
    QCOMPARE(m_op->del(path, v3).status, 200);
    QCOMPARE(m_op->post(path + QStringLiteral("/restore"), {}, v3).status, 412);
    QCOMPARE(counterAndLive(domain), qMakePair(qint64(0), qint64(0)));
    QCOMPARE(m_op->post(path + QStringLiteral("/restore"), {}, v3 + 1).status, 200);
    QCOMPARE(counterAndLive(domain), qMakePair(qint64(1), qint64(1)));
}

void TestRaces::deleteRacedAgainstSuspendStaysDeleted()
{
    const QString domain = QStringLiteral("race.example");
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                     QJsonObject {{QStringLiteral("name"), domain}})
                 .status,
        201);
    constexpr int kUsers = 12;
    QStringList addresses;
    for (int i = 0; i < kUsers; ++i) {
        const QString local = QStringLiteral("r%1").arg(i);
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
                         QJsonObject {{QStringLiteral("local_part"), local}})
                     .status,
            201);
        addresses << local + QLatin1Char('@') + domain;
    }
    // For every user at once: a delete, a suspend and an unsuspend, none of them with a version.
    const auto replies = parallel(kUsers * 3, m_op->token(), [&](HttpClient &c, int i) {
        const QString path = userPath(addresses.at(i / 3));
        switch (i % 3) {
        case 0:
            return c.del(path, 1);
        case 1:
            return c.post(path + QStringLiteral("/suspend"));
        default:
            return c.post(path + QStringLiteral("/unsuspend"));
        }
    });
    for (int i = 0; i < replies.size(); ++i) {
        if (i % 3 == 0)
            QVERIFY2(
                replies.at(i).status == 200 || replies.at(i).status == 412, replies.at(i).body.constData());
        else
            QVERIFY2(QList<int>({200, 404, 409}).contains(replies.at(i).status),
                QByteArray(QByteArray::number(replies.at(i).status) + ' ' + replies.at(i).body).constData());
    }
    for (int u = 0; u < kUsers; ++u) {
        const QString path = userPath(addresses.at(u));
        if (replies.at(u * 3).status == 200) {
            // A delete that went through is never undone by a suspend or unsuspend that ran beside it.
            QCOMPARE(m_op->get(path).status, 404);
            const auto deleted = m_op->get(
                QStringLiteral("/api/v1/domains/%1/users?status=deleted&q=%2").arg(domain, addresses.at(u)));
            QCOMPARE(deleted.json().value(QLatin1String("total")).toInt(), 1);
        }
    }
    const auto [counter, live] = counterAndLive(domain);
    QCOMPARE(counter, live);
}

void TestRaces::userCounterMatchesLiveUsers()
{
    for (int round = 0; round < 6; ++round) {
        const QString domain = QStringLiteral("limit%1.example").arg(round);
        QCOMPARE(m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
                         QJsonObject {{QStringLiteral("name"), domain}, {QStringLiteral("user_limit"), 5}})
                     .status,
            201);
        // Five users, three of them deleted: two live, room for three.
        QStringList deleted;
        for (int i = 0; i < 5; ++i) {
            const QString local = QStringLiteral("k%1").arg(i);
            QCOMPARE(m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
                             QJsonObject {{QStringLiteral("local_part"), local}})
                         .status,
                201);
            if (i < 3) {
                const QString path = userPath(local + QLatin1Char('@') + domain);
                QCOMPARE(m_op->del(path, m_op->get(path).etag()).status, 200);
                deleted << local + QLatin1Char('@') + domain;
            }
        }
        QCOMPARE(counterAndLive(domain), qMakePair(qint64(2), qint64(2)));
        // Restores of the deleted three (three times each), suspends of them, and six new users, all at once.
        const auto replies = parallel(int(deleted.size()) * 4 + 6, m_op->token(), [&](HttpClient &c, int i) {
            if (i < deleted.size() * 3)
                return c.post(userPath(deleted.at(i % deleted.size())) + QStringLiteral("/restore"));
            if (i < deleted.size() * 4)
                return c.post(userPath(deleted.at(i % deleted.size())) + QStringLiteral("/suspend"));
            return c.post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
                QJsonObject {{QStringLiteral("local_part"), QStringLiteral("n%1").arg(i)}});
        });
        for (const auto &r : replies)
            QVERIFY2(QList<int>({200, 201, 404, 409, 422}).contains(r.status), r.body.constData());
        const int restored = countStatus(replies.mid(0, deleted.size() * 3), 200);
        QVERIFY2(restored <= 3, "a user was restored twice");
        const auto [counter, live] = counterAndLive(domain);
        QCOMPARE(counter, live);
        QCOMPARE(live, qint64(5)); // the limit is filled, never passed
    }
}

void TestRaces::reportSendIsRateLimited()
{
    const QString schedule = QStringLiteral("/api/v1/companies/%1/report-schedule").arg(m_company);
    QCOMPARE(
        m_op->patch(schedule,
                QJsonObject {{QStringLiteral("recipients"), QJsonArray {QStringLiteral("boss@example.com")}}},
                m_op->get(schedule).etag())
            .status,
        200);
    const auto outbox = [this] {
        QSqlQuery q(m_server->db().connection());
        q.exec(QStringLiteral("SELECT COUNT(*) FROM outbox"));
        return q.next() ? q.value(0).toLongLong() : -1;
    };
    const qint64 before = outbox();
    const auto replies = parallel(
        50, m_op->token(), [&](HttpClient &c, int) { return c.post(schedule + QStringLiteral("/send")); });
    QVERIFY2(countStatus(replies, 202) == 3, statuses(replies).constData());
    QVERIFY2(countStatus(replies, 429) == 47, statuses(replies).constData());
    for (const auto &r : replies) {
        if (r.status == 429) {
            QVERIFY(r.header("Retry-After").toInt() > 0);
            QVERIFY(r.header("Retry-After").toInt() <= 600);
            QCOMPARE(r.json().value(QLatin1String("type")).toString(),
                QStringLiteral("urn:mailadmin:problem:throttled"));
        }
    }
    QCOMPARE(outbox(), before + 3);
    // The window passes, and a send goes out again.
    auth::Clock::advanceForTesting(11 * 60);
    QCOMPARE(m_op->post(schedule + QStringLiteral("/send")).status, 202);
    QCOMPARE(outbox(), before + 4);
}

QTEST_GUILESS_MAIN(TestRaces)
#include "tst_races.moc"
