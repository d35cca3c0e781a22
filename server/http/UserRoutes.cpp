// Routes for mail users: in a domain, across the directory, and one user's lifecycle.
#include "http/Api.h"

#include "http/QueryParameters.h"

namespace mailadmin::http {

void Api::addUserRoutes()
{
    const QString domainUsers = QStringLiteral("/api/v1/domains/{name}/users");
    route(QStringLiteral("GET"), domainUsers, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_users.listInDomain(call.actor, call.param(QStringLiteral("name")), query), call);
    });
    route(QStringLiteral("POST"), domainUsers, [this](Call &call) {
        return answer(m_users.create(call.actor, call.param(QStringLiteral("name")), call.body), call, 201);
    });

    const QString users = QStringLiteral("/api/v1/users");
    const QString user = users + QStringLiteral("/{address}");
    route(QStringLiteral("GET"), users, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_users.search(call.actor, query), call);
    });
    route(QStringLiteral("GET"), user, [this](Call &call) {
        return answer(m_users.get(call.actor, call.param(QStringLiteral("address"))), call);
    });
    route(
        QStringLiteral("PATCH"), user,
        [this](Call &call) {
            return answer(m_users.update(call.actor, call.param(QStringLiteral("address")), call.body,
                              call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), user,
        [this](Call &call) {
            return answer(
                m_users.remove(call.actor, call.param(QStringLiteral("address")), call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), user + QStringLiteral("/restore"), [this](Call &call) {
        return answer(
            m_users.restore(call.actor, call.param(QStringLiteral("address")), call.expectedVersion), call);
    });
    route(QStringLiteral("POST"), user + QStringLiteral("/suspend"), [this](Call &call) {
        return answer(m_users.setSuspended(call.actor, call.param(QStringLiteral("address")), true,
                          call.expectedVersion, call.body),
            call);
    });
    route(QStringLiteral("POST"), user + QStringLiteral("/unsuspend"), [this](Call &call) {
        return answer(m_users.setSuspended(
                          call.actor, call.param(QStringLiteral("address")), false, call.expectedVersion),
            call);
    });
    route(QStringLiteral("POST"), user + QStringLiteral("/password"), [this](Call &call) {
        return answer(m_users.setPassword(
                          call.actor, call.param(QStringLiteral("address")), call.body, call.expectedVersion),
            call);
    });
}

} // namespace mailadmin::http
