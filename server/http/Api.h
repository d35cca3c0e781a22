#pragma once

#include "http/Call.h"
#include "http/Metrics.h"
#include "http/Router.h"
#include "service/AdminService.h"
#include "service/AuditService.h"
#include "service/BrandService.h"
#include "service/CompanyService.h"
#include "service/ContactService.h"
#include "service/DomainService.h"
#include "service/OutboundService.h"
#include "service/UserService.h"
#include "stats/AlertService.h"
#include "stats/IngestService.h"
#include "stats/ReportService.h"
#include "stats/StatsService.h"

#include <QElapsedTimer>

namespace mailadmin::http {

// The REST API (/api/v1): routes each request, checks media type, version preconditions and the bearer token,
// and turns service results into responses. Api.cpp is the dispatcher; the routes live in one file per area.
class Api
{
public:
    Api(store::Database &db, auth::SessionManager &sessions);

    HttpResponse handle(HttpRequest &request);
    const Router &router() const { return m_router; }
    // The OpenAPI 3.1 description of every route, built from the routes themselves.
    QJsonObject openApi() const;

private:
    enum Flags
    {
        Authenticated = 0,
        Public = 1,
        NeedsVersion = 2,
        RawBody = 4
    };
    using Handler = std::function<HttpResponse(Call &)>;
    void route(const QString &method, const QString &pattern, Handler handler, int flags = Authenticated);

    static bool isJsonType(const QByteArray &contentType);
    HttpResponse dispatch(HttpRequest &request, int &route);

    // Each area registers its routes from a file of its own.
    void addAccessRoutes(); // AccessRoutes.cpp
    void addDirectoryRoutes(); // DirectoryRoutes.cpp
    void addUserRoutes(); // UserRoutes.cpp
    void addBrandAndAdminRoutes(); // BrandAdminRoutes.cpp
    void addStatsRoutes(); // StatsRoutes.cpp
    void addOperationsRoutes(); // OperationsRoutes.cpp
    void addIncidentRoutes(); // IncidentRoutes.cpp
    void addOutboundRoutes(); // OutboundRoutes.cpp
    void addOutageRoutes(); // OutageRoutes.cpp
    void addBulletinRoutes(); // BulletinRoutes.cpp

    store::Database &m_db;
    auth::SessionManager &m_sessions;
    service::Context m_ctx;
    service::CompanyService m_companies;
    service::ContactService m_contacts;
    service::DomainService m_domains;
    service::UserService m_users;
    service::BrandService m_brands;
    service::AdminService m_admins;
    service::AuditService m_audit;
    service::IngestService m_ingest;
    service::StatsService m_stats;
    service::AlertService m_alerts;
    service::ReportService m_reports;
    service::OutboundService m_outbound;
    Router m_router;
    struct RouteInfo
    {
        QString method;
        QString pattern;
        int flags;
    };
    QList<RouteInfo> m_routeInfo; // in the router's order
    Metrics m_metrics;
    QElapsedTimer m_uptime;
    qint64 m_startedAt;
};

} // namespace mailadmin::http
