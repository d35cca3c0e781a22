#pragma once

#include "service/ServiceBase.h"
#include "store/StatsRepository.h"

namespace mailadmin::service {

// The parameters of a stats question, as the API takes them.
struct StatsQuery
{
    QString company; // exactly one of company, domain and user names the subject
    QString domain;
    QString user;
    qint64 from = 0; // epoch seconds; 0: a default range
    qint64 to = 0;
    QString granularity; // hour, day, week, month
    int days = 0;
    int percent = 0;
    int offset = 0;
    int limit = 100;
    QString protocol; // activity filter
    QString result; // activity filter: success, failure
    QString sort; // inactive users: address, status, last_login_at or used_bytes, "-" first for descending
    int minAge = 0; // inactive users: leave out accounts created fewer than this many days ago
};

// What a stats question is about, once the caller's right to see it is checked.
struct StatsSubject
{
    char scope = 'c'; // 'c' company, 'd' domain, 'u' user
    qint64 id = 0;
    qint64 companyId = 0;
    QString name;
    QJsonObject toJson() const;
};

// Answers about usage, read from the rollups (never from raw events, except one user's login history):
// logins by protocol, active and inactive users, storage, outbound volume with its baseline, top senders.
class StatsService : public ServiceBase
{
public:
    static constexpr int kBaselineDays = 14;

    explicit StatsService(Context context) : ServiceBase(context) { }

    Result<StatsSubject> subject(const Actor &actor, const StatsQuery &query) const;
    Result<QJsonObject> logins(const Actor &actor, const StatsQuery &query) const;
    Result<QJsonObject> active(const Actor &actor, const StatsQuery &query) const;
    Result<Page> inactive(const Actor &actor, const StatsQuery &query) const;
    Result<QJsonObject> quotaDistribution(const Actor &actor, const StatsQuery &query) const;
    Result<Page> quotaTop(const Actor &actor, const StatsQuery &query) const;
    Result<QJsonObject> quotaTrend(const Actor &actor, const StatsQuery &query) const;
    Result<QJsonObject> outbound(const Actor &actor, const StatsQuery &query) const;
    Result<QJsonObject> topSenders(const Actor &actor, const StatsQuery &query) const;
    // One user's logins: time, protocol, result, address; newest first.
    Result<Page> activity(const Actor &actor, const QString &address, const StatsQuery &query) const;

    // Median and scaled median absolute deviation of a series (the robust baseline).
    static std::pair<double, double> medianAndMad(QList<double> values);

private:
    Result<std::pair<qint64, qint64>> range(const StatsQuery &query, qint64 defaultDays) const;
    store::Where usersOf(const StatsSubject &subject) const;
};

} // namespace mailadmin::service
