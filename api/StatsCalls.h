#pragma once

#include "ApiClient.h"

#include <QUrlQuery>

namespace mailadmin::api {

// Which time series of the stats routes, and the subject and range to ask it for.
struct SeriesQuery
{
    enum class Series
    {
        Logins,
        QuotaTrend,
        Outbound
    };
    Series series = Series::Logins;
    QUrlQuery query; // company_id / domain / user, from, to, granularity
};

// Typed calls on the stats routes: the only place that knows their paths.
class StatsCalls
{
public:
    explicit StatsCalls(ApiClient *client) : m_client(client) { }

    static QString seriesPath(SeriesQuery::Series series);
    // The stats pages ask these for the subject's figures: active users over `days`, the quota buckets,
    // the top senders; the inactive users' list pages through its path.
    static QString activePath();
    static QString quotaDistributionPath();
    static QString sendersPath();
    static QString inactivePath();

    // The answer holds the rows under "series".
    void series(const SeriesQuery &query, QObject *context, ApiClient::Callback callback) const;

private:
    ApiClient *m_client;
};

} // namespace mailadmin::api
