#include "StatsCalls.h"

namespace mailadmin::api {

namespace {

QString seriesPath(SeriesQuery::Series series)
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

} // namespace

void StatsCalls::series(const SeriesQuery &query, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(seriesPath(query.series), query.query, context, std::move(callback));
}

} // namespace mailadmin::api
