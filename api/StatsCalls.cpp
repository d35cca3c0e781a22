#include "StatsCalls.h"

namespace mailadmin::api {

QString StatsCalls::seriesPath(SeriesQuery::Series series)
{
    switch (series) {
    case SeriesQuery::Series::Logins:
        return QStringLiteral("/stats/logins");
    case SeriesQuery::Series::QuotaTrend:
        return QStringLiteral("/stats/quota/trend");
    case SeriesQuery::Series::Outbound:
        return QStringLiteral("/stats/outbound");
    }
    return {};
}

QString StatsCalls::activePath()
{
    return QStringLiteral("/stats/active");
}

QString StatsCalls::quotaDistributionPath()
{
    return QStringLiteral("/stats/quota/distribution");
}

QString StatsCalls::sendersPath()
{
    return QStringLiteral("/stats/senders");
}

QString StatsCalls::inactivePath()
{
    return QStringLiteral("/stats/inactive");
}

void StatsCalls::series(const SeriesQuery &query, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(seriesPath(query.series), query.query, context, std::move(callback));
}

} // namespace mailadmin::api
