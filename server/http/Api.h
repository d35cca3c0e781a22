#pragma once

#include "AdminService.h"
#include "AlertService.h"
#include "AuditService.h"
#include "BrandService.h"
#include "Call.h"
#include "CompanyService.h"
#include "ContactService.h"
#include "DomainService.h"
#include "IngestService.h"
#include "Metrics.h"
#include "OutboundService.h"
#include "ReportService.h"
#include "Router.h"
#include "StatsService.h"
#include "UserService.h"

#include <QElapsedTimer>

namespace mailadmin::http {

// The REST API (/api/v1): routes each request, checks media type, version preconditions and the bearer token,
// and turns service results into responses.
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

    void addAccessRoutes();
    void addDirectoryRoutes();
    void addUserRoutes();
    void addBrandAndAdminRoutes();
    void addStatsRoutes();
    void addOperationsRoutes();
    HttpResponse dispatch(HttpRequest &request, int &route);
    void addIncidentRoutes(); // IncidentRoutes.cpp
    void addOutboundRoutes(); // ApiOutbound.cpp
    void addBulletinRoutes(); // BulletinRoutes.cpp
    HttpResponse pagedAnswer(const Call &call, bool csv, const QString &name, const QStringList &columns,
        std::function<QStringList(const QJsonObject &)> toRow,
        std::function<Result<store::Page>(int offset, int limit)> fetch);

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
