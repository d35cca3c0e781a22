// Routes for bulletins: message templates of a company or a domain, posted into its mailboxes.
#include "http/Api.h"

#include "service/BulletinService.h"

namespace mailadmin::http {

void Api::addBulletinRoutes()
{
    auto bulletins = std::make_shared<service::BulletinService>(m_ctx);
    const QString all = QStringLiteral("/api/v1/bulletins");
    const QString one = all + QStringLiteral("/{id}");

    route(QStringLiteral("GET"), all, [=](Call &call) {
        const auto q = call.listQuery();
        return q.ok() ? answer(bulletins->list(call.actor, q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("POST"), all,
        [=](Call &call) { return answer(bulletins->create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), one,
        [=](Call &call) { return answer(bulletins->get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(
        QStringLiteral("PATCH"), one,
        [=](Call &call) {
            return answer(
                bulletins->update(call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), one,
        [=](Call &call) {
            return answer(
                bulletins->remove(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), one + QStringLiteral("/posts"), [=](Call &call) {
        return answer(bulletins->post(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });
    route(QStringLiteral("GET"), one + QStringLiteral("/posts"), [=](Call &call) {
        const auto q = call.listQuery();
        return q.ok() ? answer(bulletins->posts(call.actor, call.id(QStringLiteral("id")), q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("POST"), one + QStringLiteral("/test"), [=](Call &call) {
        return answer(bulletins->sendTest(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });
    route(QStringLiteral("GET"), one + QStringLiteral("/deliveries"), [=](Call &call) {
        const auto q = call.listQuery();
        return q.ok()
            ? answer(bulletins->deliveries(call.actor, call.id(QStringLiteral("id")), q.value()), call)
            : problem(q.error(), call.request.requestId);
    });
}

} // namespace mailadmin::http
