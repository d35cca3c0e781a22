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

    // The answer holds the rows under "series".
    void series(const SeriesQuery &query, QObject *context, ApiClient::Callback callback) const;

private:
    ApiClient *m_client;
};

} // namespace mailadmin::api
