#include "stats/DemoActivity.h"

#include "Json.h"
#include "auth/Clock.h"
#include "stats/OutageDemo.h"
#include "store/Database.h"
#include "store/FastStatement.h"
#include "store/StatsRepository.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>

namespace mailadmin::stats {

using store::Statement;

namespace {

enum Counter
{
    Imap,
    Pop,
    Webmail,
    Smtp,
    Failed,
    Messages,
    Recipients,
    Bytes,
    CounterCount
};
using Counters = std::array<qint64, CounterCount>;

// Share of a day's activity in each hour (UTC): quiet nights, a morning and an afternoon peak.
constexpr std::array<double, 24> kHourWeights = {1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3.5, 6.0, 7.5, 7.5, 7.0,
    5.5, 6.5, 7.0, 7.0, 6.5, 5.0, 3.5, 3.0, 2.8, 2.5, 2.0, 1.5};

// Protocol mixes (imap, pop, webmail, smtp) a domain's users lean to.
constexpr std::array<std::array<double, 4>, 4> kDomainMixes = {{
    {0.45, 0.05, 0.15, 0.35}, // office: desktop clients
    {0.10, 0.05, 0.60, 0.25}, // webmail-first
    {0.20, 0.35, 0.15, 0.30}, // older POP users
    {0.35, 0.02, 0.35, 0.28}, // mixed
}};

// Monday .. Sunday.
constexpr std::array<double, 7> kWeekday = {1.0, 1.0, 1.0, 0.97, 0.9, 0.35, 0.3};

int weekdayOf(qint64 day)
{
    return int((day + 3) % 7); // 1970-01-01 was a Thursday
}

// A small, fast generator (splitmix64): the demo draws tens of millions of numbers.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return n <= 1 ? 0 : int(next() % quint64(n)); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    qint64 poisson(double lambda)
    {
        if (lambda <= 0)
            return 0;
        if (lambda > 30)
            return std::max<qint64>(0, qint64(std::llround(lambda + std::sqrt(lambda) * normal())));
        const double limit = std::exp(-lambda);
        double p = 1.0;
        qint64 k = 0;
        do {
            ++k;
            p *= uniform();
        } while (p > limit);
        return k - 1;
    }
    int hour()
    {
        static const std::array<double, 24> cumulative = [] {
            std::array<double, 24> c {};
            double total = 0;
            for (double w : kHourWeights)
                total += w;
            double run = 0;
            for (size_t h = 0; h < 24; ++h) {
                run += kHourWeights[h] / total;
                c[h] = run;
            }
            return c;
        }();
        const double u = uniform();
        for (int h = 0; h < 24; ++h)
            if (u < cumulative[size_t(h)])
                return h;
        return 23;
    }

private:
    quint64 m_state;
};

// Writes rows through one prepared statement.
class RowWriter
{
public:
    // `head`: "INSERT INTO t (a, b, c)"; `prefix`: SQL literals leading every row, such as "'u', ".
    RowWriter(store::Database &db, const QString &head, int columns, const QString &prefix = QString())
        : m_insert(db, sql(head, columns, prefix))
    { }
    Status add(std::initializer_list<QVariant> values)
    {
        ++m_total;
        int i = 1;
        for (const QVariant &v : values) {
            if (v.isNull())
                m_insert.bindNull(i);
            else if (v.typeId() == QMetaType::QString)
                m_insert.bind(i, v.toString());
            else
                m_insert.bind(i, v.toLongLong());
            ++i;
        }
        return m_insert.run();
    }
    Status flush() { return Status::success(); }
    qint64 total() const { return m_total; }

private:
    static QString sql(const QString &head, int columns, const QString &prefix)
    {
        QString marks = QStringLiteral("(") + prefix;
        for (int c = 0; c < columns; ++c)
            marks += c == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
        return head + QStringLiteral(" VALUES ") + marks + QLatin1Char(')');
    }

    store::FastStatement m_insert;
    qint64 m_total = 0;
};

struct DemoUser
{
    qint64 id = 0;
    qint64 companyId = 0;
    int domain = 0; // index
    QString address;
    bool active = false; // has activity at all
    qint64 stopDay = 0; // no activity after this day
    double logins = 0; // mean per weekday
    double messages = 0; // mean per weekday
    double extraRecipients = 0;
    double bytesPerMessage = 0;
    bool bulk = false; // a steady high-volume sender (newsletters): spread over the day
    std::array<double, 4> mix {};
    qint64 usedNow = 0;
    double usedStart = 1; // share of today's storage at the start of the period
};

struct DemoDomain
{
    qint64 id = 0;
    qint64 companyId = 0;
    QString name;
    int mix = 0;
    QList<int> users;
};

// Extra outbound mail of an incident for one user on one day, sent over a few hours.
struct Burst
{
    int dayIndex = 0;
    qint64 messages = 0;
    double recipientsPerMessage = 1;
    int hourStart = 0;
    int hours = 1;
};

} // namespace

Result<ActivitySummary> DemoActivity::write(const ActivityOptions &options)
{
    ActivitySummary summary;
    const qint64 now = auth::Clock::now();
    const qint64 today = now / 86400;
    const int days = std::max(options.days, 1);
    const qint64 first = today - days + 1;
    const int rawDays = std::clamp(options.rawDays, 0, days);
    const qint64 firstRaw = today - rawDays + 1;
    Random rng(options.seed * 7919 + 17);

    {
        Statement existing = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM stats_daily"));
        if (Status s = existing.exec(); !s.ok())
            return s.error();
        if (existing.next() && existing.toInt(0) > 0)
            return Error::conflict(
                QStringLiteral("This database already holds stats; demo activity goes into a fresh one."));
    }

    // The directory: live mailboxes and their domains.
    QList<DemoDomain> domains;
    QHash<qint64, int> domainIndex;
    {
        Statement q = m_db.prepare(
            QStringLiteral("SELECT id, company_id, name FROM domains WHERE deleted_at IS NULL ORDER BY id"));
        if (Status s = q.exec(); !s.ok())
            return s.error();
        while (q.next()) {
            DemoDomain d;
            d.id = q.toInt(0);
            d.companyId = q.toInt(1);
            d.name = q.toString(2);
            d.mix = int(qHash(d.name, 0) % kDomainMixes.size());
            domainIndex.insert(d.id, int(domains.size()));
            domains.append(d);
        }
    }
    QList<DemoUser> users;
    {
        Statement q = m_db.prepare(QStringLiteral("SELECT id, domain_id, address, type, status, used_bytes "
                                                  "FROM users WHERE deleted_at IS NULL ORDER BY id"));
        if (Status s = q.exec(); !s.ok())
            return s.error();
        while (q.next()) {
            const auto d = domainIndex.constFind(q.toInt(1));
            if (d == domainIndex.constEnd())
                continue;
            DemoUser u;
            u.id = q.toInt(0);
            u.domain = d.value();
            u.companyId = domains.at(u.domain).companyId;
            u.address = q.toString(2);
            const bool mailbox = q.toString(3) == QLatin1String("mailbox");
            const QString status = q.toString(4);
            u.usedNow = q.toInt(5);
            u.usedStart = 0.7 + 0.28 * rng.uniform();
            if (!mailbox) {
                users.append(u);
                continue;
            }
            u.active = true;
            u.stopDay = today;
            const double roll = rng.uniform();
            if (status == QLatin1String("suspended"))
                u.stopDay = today - 1 - rng.below(20);
            else if (roll < 0.12)
                u.stopDay = today - 31 - rng.below(120); // inactive: nothing for a month or more
            u.logins = std::min(40.0, 1.0 + rng.exponential(5.0));
            u.bulk = rng.uniform() < 0.003;
            u.messages = u.bulk ? 250.0 + rng.below(200) : std::min(45.0, 0.3 + rng.exponential(5.0));
            u.extraRecipients = 0.1 + 0.9 * rng.uniform();
            u.bytesPerMessage = 12000 + rng.exponential(50000);
            double total = 0;
            for (size_t p = 0; p < 4; ++p) {
                u.mix[p] = kDomainMixes[size_t(domains.at(u.domain).mix)][p] * (0.3 + 1.4 * rng.uniform());
                total += u.mix[p];
            }
            for (double &w : u.mix)
                w /= total;
            domains[u.domain].users.append(int(users.size()));
            users.append(u);
        }
    }

    // Incidents: single accounts flooding, and domains where many accounts each send a little too much.
    QHash<int, QList<Burst>> bursts; // user index -> bursts
    const int earliest = std::min(days - 2, 16); // room for a 14-day baseline
    const auto incidentDay = [&](bool recent) {
        return recent ? days - 2 : earliest + rng.below(std::max(1, days - 2 - earliest));
    };
    if (days >= 18) {
        QList<int> candidates;
        for (int i = 0; i < users.size(); ++i)
            if (users.at(i).active && !users.at(i).bulk && users.at(i).stopDay >= today - 1)
                candidates.append(i);
        for (int n = 0; n < options.userIncidents && !candidates.isEmpty(); ++n) {
            const int pickAt = rng.below(int(candidates.size()));
            const int ui = candidates.takeAt(pickAt);
            Burst b;
            b.dayIndex = incidentDay(n < 2); // two fresh ones, still open when the demo starts
            b.messages = 300 + rng.below(900);
            b.recipientsPerMessage = 3 + rng.below(13);
            b.hours = 1 + rng.below(3);
            b.hourStart = rng.below(24 - b.hours);
            if (b.dayIndex == days - 1)
                b.dayIndex = days - 2;
            bursts[ui].append(b);
            summary.incidents.append(QJsonObject {{QStringLiteral("scope"), QStringLiteral("user")},
                {QStringLiteral("subject"), users.at(ui).address},
                {QStringLiteral("domain"), domains.at(users.at(ui).domain).name},
                {QStringLiteral("day"), json::isoTime((first + b.dayIndex) * 86400).left(10)},
                {QStringLiteral("messages"), double(b.messages)}});
        }
        QList<int> floodable;
        for (int d = 0; d < domains.size(); ++d)
            if (domains.at(d).users.size() >= 60)
                floodable.append(d);
        for (int n = 0; n < options.domainIncidents && !floodable.isEmpty(); ++n) {
            const int d = floodable.takeAt(rng.below(int(floodable.size())));
            // Quiet senders of the domain each send up to 150 more: no single account passes its own floor.
            QList<int> quiet;
            double level = 0;
            for (int ui : domains.at(d).users) {
                level += users.at(ui).messages;
                if (users.at(ui).messages <= 20 && users.at(ui).stopDay == today && !bursts.contains(ui))
                    quiet.append(ui);
            }
            const qint64 wanted = std::max<qint64>(3000, qint64(5 * level));
            const int perUser = 120;
            if (qint64(quiet.size()) * perUser < wanted)
                continue;
            const int dayIndex = incidentDay(false);
            const int hourStart = 6 + rng.below(10);
            qint64 sent = 0;
            for (int i = 0; sent < wanted && i < quiet.size(); ++i) {
                Burst b;
                b.dayIndex = dayIndex;
                b.messages = std::min<qint64>(perUser + rng.below(30) - 15, wanted - sent);
                b.recipientsPerMessage = 2 + rng.below(4);
                b.hourStart = hourStart;
                b.hours = 4;
                bursts[quiet.at(i)].append(b);
                sent += b.messages;
            }
            summary.incidents.append(QJsonObject {{QStringLiteral("scope"), QStringLiteral("domain")},
                {QStringLiteral("subject"), domains.at(d).name},
                {QStringLiteral("domain"), domains.at(d).name},
                {QStringLiteral("day"), json::isoTime((first + dayIndex) * 86400).left(10)},
                {QStringLiteral("messages"), double(sent)}});
        }
    }

    store::Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status().error();
    // A bulk load is quicker with the secondary indexes built once at the end.
    const QStringList indexes
        = {QStringLiteral("stats_daily_volume ON stats_daily (scope, bucket, messages)"),
            QStringLiteral("stats_hourly_volume ON stats_hourly (scope, bucket, messages)")};
    for (const QString &index : indexes) {
        if (Status s = m_db.execute(QStringLiteral("DROP INDEX ") + index.section(QLatin1Char(' '), 0, 0));
            !s.ok())
            return s.error();
    }
    const QString counterColumns = QStringLiteral(
        "logins_imap, logins_pop, logins_webmail, logins_smtp, failed_logins, messages, recipients, bytes");
    const QString dailyHead
        = QStringLiteral("INSERT INTO stats_daily (scope, scope_id, bucket, %1, used_bytes)")
              .arg(counterColumns);
    const QString hourlyHead
        = QStringLiteral("INSERT INTO stats_hourly (scope, scope_id, bucket, %1)").arg(counterColumns);
    std::array<std::unique_ptr<RowWriter>, 3> dayRows, hourRows; // users, domains, companies
    const char scopes[] = {'u', 'd', 'c'};
    for (size_t i = 0; i < 3; ++i) {
        const QString prefix = QStringLiteral("'%1', ").arg(QLatin1Char(scopes[i]));
        dayRows[i] = std::make_unique<RowWriter>(m_db, dailyHead, 11, prefix);
        hourRows[i] = std::make_unique<RowWriter>(m_db, hourlyHead, 10, prefix);
    }
    RowWriter loginRows(m_db,
        QStringLiteral("INSERT INTO login_events (at, user_id, domain_id, company_id, success, protocol, "
                       "remote_address)"),
        7);
    RowWriter messageRows(m_db,
        QStringLiteral("INSERT INTO message_events (at, user_id, domain_id, company_id, recipients, bytes)"),
        6);
    const auto scopeIndex = [](const char *scope) { return scope[0] == 'u' ? 0 : scope[0] == 'd' ? 1 : 2; };
    const auto writeDay = [&](const char *scope, qint64 id, qint64 day, const Counters &c, qint64 used) {
        return dayRows[size_t(scopeIndex(scope))]->add({id, day, c[Imap], c[Pop], c[Webmail], c[Smtp],
            c[Failed], c[Messages], c[Recipients], c[Bytes], used >= 0 ? QVariant(used) : QVariant()});
    };
    const auto writeHour = [&](const char *scope, qint64 id, qint64 hour, const Counters &c) {
        return hourRows[size_t(scopeIndex(scope))]->add({id, hour, c[Imap], c[Pop], c[Webmail], c[Smtp],
            c[Failed], c[Messages], c[Recipients], c[Bytes]});
    };
    const auto isZero
        = [](const Counters &c) { return std::all_of(c.begin(), c.end(), [](qint64 v) { return v == 0; }); };

    const int domainCount = int(domains.size());
    // Normal traffic of older days is spread over the hours afterwards; raw days and incidents land in their
    // hours.
    std::vector<Counters> domainDays(size_t(domainCount) * size_t(days), Counters {});
    std::vector<Counters> domainSpread(size_t(domainCount) * size_t(days), Counters {});
    std::vector<Counters> domainHours(size_t(domainCount) * size_t(days) * 24, Counters {});
    std::vector<double> usedStart(size_t(domainCount), 0.0), usedGrowth(size_t(domainCount), 0.0);
    static const char *kProtocols[] = {"imap", "pop", "webmail", "smtp"};
    const qint64 secondsToday = now - today * 86400;

    struct LastLogin
    {
        std::array<qint64, 4> at {{-1, -1, -1, -1}};
    };
    QList<LastLogin> lastLogins(users.size());

    for (int ui = 0; ui < users.size(); ++ui) {
        const DemoUser &u = users.at(ui);
        Random r(options.seed * 1000003 + quint64(u.id) * 7817);
        const size_t dbase = size_t(u.domain) * size_t(days);
        usedStart[size_t(u.domain)] += double(u.usedNow) * u.usedStart;
        usedGrowth[size_t(u.domain)] += double(u.usedNow) * (1.0 - u.usedStart);
        const QList<Burst> userBursts = bursts.value(ui);
        QHash<qint64, Counters> hours; // raw days: this user's hours
        const QByteArray home
            = u.id % 3 == 0 ? QByteArrayLiteral("198.51.100.") : QByteArrayLiteral("192.0.2.");
        for (int di = 0; di < days; ++di) {
            const qint64 day = first + di;
            Counters c {};
            const bool raw = day >= firstRaw;
            if (u.active && day <= u.stopDay) {
                const double wf = kWeekday[size_t(weekdayOf(day))];
                const double partOfDay = day == today ? double(secondsToday) / 86400.0 : 1.0;
                const qint64 logins = r.poisson(u.logins * wf * partOfDay);
                const qint64 failed = r.poisson(0.04 * u.logins * partOfDay);
                const qint64 sent = r.poisson(u.messages * (u.bulk ? 1.0 : wf) * partOfDay);
                if (raw) {
                    const auto at = [&](bool spread) {
                        for (int tries = 0; tries < 8; ++tries) {
                            const qint64 t
                                = day * 86400 + (spread ? r.below(24) : r.hour()) * 3600 + r.below(3600);
                            if (t <= now)
                                return t;
                        }
                        return std::min(now, day * 86400 + r.below(int(std::max<qint64>(1, secondsToday))));
                    };
                    for (qint64 i = 0; i < logins + failed; ++i) {
                        const bool success = i < logins;
                        const double pick = r.uniform();
                        int p = 0;
                        for (double acc = u.mix[0]; p < 3 && pick >= acc; acc += u.mix[size_t(++p)]) { }
                        const qint64 t = at(false);
                        Counters &h = hours[t / 3600];
                        ++h[success ? p : Failed];
                        ++c[success ? p : Failed];
                        if (success)
                            lastLogins[ui].at[size_t(p)] = std::max(lastLogins[ui].at[size_t(p)], t);
                        // Home and office addresses for logins; failures also from strangers.
                        const QByteArray remote = success || r.uniform() < 0.5
                            ? QByteArray(home + QByteArray::number(1 + (u.id + (p == 2 ? 7 : 0)) % 250))
                            : QByteArray("203.0.113." + QByteArray::number(1 + r.below(250)));
                        if (Status s
                            = loginRows.add({t, u.id, domains.at(u.domain).id, u.companyId, success ? 1 : 0,
                                QString::fromLatin1(kProtocols[p]), QString::fromLatin1(remote)});
                            !s.ok())
                            return s.error();
                    }
                    for (qint64 i = 0; i < sent; ++i) {
                        const qint64 t = at(u.bulk);
                        const qint64 recipients = 1 + r.poisson(u.extraRecipients);
                        const qint64 bytes = qint64(u.bytesPerMessage * (0.4 + 1.2 * r.uniform()));
                        Counters &h = hours[t / 3600];
                        ++h[Messages];
                        h[Recipients] += recipients;
                        h[Bytes] += bytes;
                        ++c[Messages];
                        c[Recipients] += recipients;
                        c[Bytes] += bytes;
                        if (Status s = messageRows.add(
                                {t, u.id, domains.at(u.domain).id, u.companyId, recipients, bytes});
                            !s.ok())
                            return s.error();
                    }
                } else {
                    std::array<qint64, 4> byProtocol {};
                    for (qint64 i = 0; i < logins; ++i) {
                        const double pick = r.uniform();
                        int p = 0;
                        for (double acc = u.mix[0]; p < 3 && pick >= acc; acc += u.mix[size_t(++p)]) { }
                        ++byProtocol[size_t(p)];
                    }
                    for (int p = 0; p < 4; ++p) {
                        c[p] = byProtocol[size_t(p)];
                        if (c[p] > 0)
                            lastLogins[ui].at[size_t(p)]
                                = day * 86400 + (7 + r.below(12)) * 3600 + r.below(3600);
                    }
                    c[Failed] = failed;
                    c[Messages] = sent;
                    c[Recipients] = sent + r.poisson(double(sent) * u.extraRecipients);
                    c[Bytes] = qint64(double(sent) * u.bytesPerMessage * (0.8 + 0.4 * r.uniform()));
                    Counters &spread = domainSpread[dbase + size_t(di)];
                    for (int k = 0; k < CounterCount; ++k)
                        spread[size_t(k)] += c[size_t(k)];
                }
            }
            // Incident mail on top, in its hours.
            for (const Burst &b : userBursts) {
                if (b.dayIndex != di)
                    continue;
                for (int h = 0; h < b.hours; ++h) {
                    const qint64 part = b.messages / b.hours + (h < b.messages % b.hours ? 1 : 0);
                    const qint64 hour = day * 24 + b.hourStart + h;
                    Counters extra {};
                    extra[Messages] = part;
                    extra[Recipients] = qint64(double(part) * b.recipientsPerMessage);
                    extra[Bytes] = part * 4200;
                    for (int k = Messages; k <= Bytes; ++k)
                        c[size_t(k)] += extra[size_t(k)];
                    if (!raw) {
                        Counters &dh = domainHours[(dbase + size_t(di)) * 24 + size_t(b.hourStart + h)];
                        for (int k = Messages; k <= Bytes; ++k)
                            dh[size_t(k)] += extra[size_t(k)];
                    } else {
                        Counters &uh = hours[hour];
                        for (int k = Messages; k <= Bytes; ++k)
                            uh[size_t(k)] += extra[size_t(k)];
                        for (qint64 m = 0; m < part; ++m) {
                            if (Status s
                                = messageRows.add({hour * 3600 + r.below(3600), u.id, domains.at(u.domain).id,
                                    u.companyId, qint64(b.recipientsPerMessage), 4200});
                                !s.ok())
                                return s.error();
                        }
                    }
                }
            }
            Counters &dd = domainDays[dbase + size_t(di)];
            for (int k = 0; k < CounterCount; ++k)
                dd[size_t(k)] += c[size_t(k)];
            // Storage: a weekly sample, and today's.
            const bool sample = u.usedNow > 0 && (di % 7 == 0 || di == days - 1);
            const qint64 used = sample
                ? qint64(double(u.usedNow)
                    * (u.usedStart + (1.0 - u.usedStart) * double(di) / std::max(1, days - 1)))
                : -1;
            if (!isZero(c) || sample) {
                if (Status s = writeDay("u", u.id, day, c, used); !s.ok())
                    return s.error();
            }
        }
        for (auto it = hours.constBegin(); it != hours.constEnd(); ++it) {
            if (Status s = writeHour("u", u.id, it.key(), it.value()); !s.ok())
                return s.error();
            Counters &dh = domainHours[(dbase + size_t(it.key() / 24 - first)) * 24 + size_t(it.key() % 24)];
            for (int k = 0; k < CounterCount; ++k)
                dh[size_t(k)] += it.value()[size_t(k)];
        }
        if (u.active)
            ++summary.activeUsers;
    }
    // Domains and companies: days, the hours of each day, and storage.
    static const std::array<double, 24> kHourShare = [] {
        std::array<double, 24> share {};
        double total = 0;
        for (double w : kHourWeights)
            total += w;
        for (size_t h = 0; h < 24; ++h)
            share[h] = kHourWeights[h] / total;
        return share;
    }();
    QHash<qint64, std::vector<Counters>> companyDays, companyHours;
    QHash<qint64, std::pair<double, double>> companyUsed;
    for (int d = 0; d < domainCount; ++d) {
        const DemoDomain &domain = domains.at(d);
        std::vector<Counters> &cDays = companyDays[domain.companyId];
        std::vector<Counters> &cHours = companyHours[domain.companyId];
        cDays.resize(size_t(days));
        cHours.resize(size_t(days) * 24);
        companyUsed[domain.companyId].first += usedStart[size_t(d)];
        companyUsed[domain.companyId].second += usedGrowth[size_t(d)];
        for (int di = 0; di < days; ++di) {
            const size_t slot = size_t(d) * size_t(days) + size_t(di);
            // Spread each counter over the hours, keeping the day's total exact.
            const Counters &spread = domainSpread[slot];
            for (int k = 0; k < CounterCount; ++k) {
                qint64 left = spread[size_t(k)];
                for (int h = 0; h < 24 && left > 0; ++h) {
                    const qint64 part = h == 23
                        ? left
                        : std::min(left,
                            qint64(std::floor(
                                double(spread[size_t(k)]) * kHourShare[size_t(h)] + rng.uniform())));
                    domainHours[slot * 24 + size_t(h)][size_t(k)] += part;
                    left -= part;
                }
            }
            const qint64 day = first + di;
            const qint64 used
                = qint64(usedStart[size_t(d)] + usedGrowth[size_t(d)] * double(di) / std::max(1, days - 1));
            if (Status s = writeDay("d", domain.id, day, domainDays[slot], used); !s.ok())
                return s.error();
            for (int k = 0; k < CounterCount; ++k)
                cDays[size_t(di)][size_t(k)] += domainDays[slot][size_t(k)];
            for (int h = 0; h < 24; ++h) {
                const Counters &hc = domainHours[slot * 24 + size_t(h)];
                if (isZero(hc))
                    continue;
                if (Status s = writeHour("d", domain.id, day * 24 + h, hc); !s.ok())
                    return s.error();
                for (int k = 0; k < CounterCount; ++k)
                    cHours[size_t(di) * 24 + size_t(h)][size_t(k)] += hc[size_t(k)];
            }
        }
    }
    for (auto it = companyDays.constBegin(); it != companyDays.constEnd(); ++it) {
        const auto [start, growth] = companyUsed.value(it.key());
        const std::vector<Counters> &cHours = companyHours.value(it.key());
        for (int di = 0; di < days; ++di) {
            const qint64 used = qint64(start + growth * double(di) / std::max(1, days - 1));
            if (Status s = writeDay("c", it.key(), first + di, it.value().at(size_t(di)), used); !s.ok())
                return s.error();
            for (int h = 0; h < 24; ++h) {
                const Counters &hc = cHours.at(size_t(di) * 24 + size_t(h));
                if (isZero(hc))
                    continue;
                if (Status s = writeHour("c", it.key(), (first + di) * 24 + h, hc); !s.ok())
                    return s.error();
            }
        }
    }
    for (RowWriter *w : {dayRows[0].get(), dayRows[1].get(), dayRows[2].get(), hourRows[0].get(),
             hourRows[1].get(), hourRows[2].get(), &loginRows, &messageRows}) {
        if (Status s = w->flush(); !s.ok())
            return s.error();
    }
    for (size_t i = 0; i < 3; ++i)
        summary.rollupRows += dayRows[i]->total() + hourRows[i]->total();
    summary.rawEvents = loginRows.total() + messageRows.total();

    for (const QString &index : indexes) {
        if (Status s = m_db.execute(QStringLiteral("CREATE INDEX ") + index); !s.ok())
            return s.error();
    }
    // The raw rows written are already in the rollups.
    if (Status s = store::StatsRepository(m_db).markFolded(); !s.ok())
        return s.error();

    // Last login per protocol as the activity says; users idle all period keep an older one, or none.
    Statement update = m_db.prepare(QStringLiteral("UPDATE users SET last_login_imap = ?, last_login_pop = "
                                                   "?, last_login_webmail = ?, last_login_smtp = ?, "
                                                   "last_login_at = ?, messages = ? WHERE id = ?"));
    for (int ui = 0; ui < users.size(); ++ui) {
        std::array<qint64, 4> at = lastLogins.at(ui).at;
        if (users.at(ui).active && std::all_of(at.begin(), at.end(), [](qint64 t) { return t < 0; })
            && rng.uniform() < 0.7)
            at[size_t(rng.below(4))] = (first - 1 - rng.below(200)) * 86400 + rng.below(86400);
        const qint64 latest = *std::max_element(at.begin(), at.end());
        for (int p = 0; p < 4; ++p)
            update.query().bindValue(p, at[size_t(p)] < 0 ? QVariant() : QVariant(at[size_t(p)]));
        update.query().bindValue(4, latest < 0 ? QVariant() : QVariant(latest));
        // Messages stored, as the latest quota sample would say: about 60 KB each.
        update.query().bindValue(5, users.at(ui).usedNow / 61440);
        update.query().bindValue(6, users.at(ui).id);
        if (Status s = update.exec(); !s.ok())
            return s.error();
    }
    // Logins per minute of each mail store, with outages injected into the last two days.
    if (options.outages >= 0) {
        OutageDemoOptions o;
        o.seed = options.seed;
        o.toMinute = now / 60 - 1;
        o.fromMinute = std::max(first * 1440, o.toMinute - 14 * 1440 + 1);
        o.outagesFrom = o.toMinute - 2 * 1440;
        o.outages = options.outages;
        const Result<QList<store::OutageTruth>> outages = OutageDemo(m_db).write(o);
        if (!outages.ok())
            return outages.error();
        for (const store::OutageTruth &t : outages.value())
            summary.outages.append(QJsonObject {{QStringLiteral("store_id"), double(t.storeId)},
                {QStringLiteral("signal"), t.signal},
                {QStringLiteral("started_at"), json::isoTime(t.startedAt)},
                {QStringLiteral("ended_at"), json::isoTime(t.endedAt)}});
    }
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    return summary;
}

} // namespace mailadmin::stats
