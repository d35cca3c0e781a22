// Routes for brands (with their logos) and for administrators.
#include "http/Api.h"

#include "http/QueryParameters.h"

namespace mailadmin::http {

void Api::addBrandAndAdminRoutes()
{
    const QString brands = QStringLiteral("/api/v1/brands");
    const QString brand = brands + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), brands, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_brands.list(call.actor, query), call);
    });
    route(QStringLiteral("POST"), brands,
        [this](Call &call) { return answer(m_brands.create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), brand,
        [this](Call &call) { return answer(m_brands.get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(
        QStringLiteral("PATCH"), brand,
        [this](Call &call) {
            return answer(
                m_brands.update(call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), brand,
        [this](Call &call) {
            return answer(
                m_brands.remove(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("GET"), brand + QStringLiteral("/logo"), [this](Call &call) {
        const Result<service::BrandService::Logo> logo
            = m_brands.logo(call.actor, call.id(QStringLiteral("id")));
        if (!logo.ok())
            return problem(logo.error(), call.request.requestId);
        HttpResponse r;
        r.body = logo->data;
        r.contentType = logo->type.toLatin1();
        r.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        // The stored type is the one the check decided; a browser must not guess another from the bytes.
        r.setHeader("X-Content-Type-Options", "nosniff");
        return r;
    });

    const QString admins = QStringLiteral("/api/v1/admins");
    const QString admin = admins + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), admins, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_admins.list(call.actor, query), call);
    });
    route(QStringLiteral("POST"), admins,
        [this](Call &call) { return answer(m_admins.create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), admin,
        [this](Call &call) { return answer(m_admins.get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(
        QStringLiteral("PATCH"), admin,
        [this](Call &call) {
            return answer(
                m_admins.update(call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), admin + QStringLiteral("/password"), [this](Call &call) {
        return answer(m_admins.resetPassword(call.actor, call.id(QStringLiteral("id")), call.body), call);
    });
}

} // namespace mailadmin::http
