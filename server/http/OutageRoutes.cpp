// Routes for the outage detector's suggested incidents: operators list them, read their evidence, and confirm
// or dismiss them.
#include "http/Api.h"

#include "http/Problem.h"
#include "service/OutageService.h"

namespace mailadmin::http {

void Api::addOutageRoutes()
{
    auto outages = std::make_shared<service::OutageService>(m_ctx);
    const QString all = QStringLiteral("/api/v1/outage-suggestions");
    const QString one = all + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), all, [=](Call &call) {
        const auto q = call.listQuery();
        return q.ok() ? answer(outages->list(call.actor, q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("GET"), one,
        [=](Call &call) { return answer(outages->get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(QStringLiteral("GET"), one + QStringLiteral("/evidence"), [=](Call &call) {
        const QUrlQuery &query = call.request.query;
        return answer(outages->evidence(call.actor, call.id(QStringLiteral("id")),
                          query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
                          query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded)),
            call);
    });
    route(QStringLiteral("POST"), one + QStringLiteral("/confirm"), [=](Call &call) {
        return answer(outages->confirm(call.actor, call.id(QStringLiteral("id")), call.body), call);
    });
    route(QStringLiteral("POST"), one + QStringLiteral("/dismiss"), [=](Call &call) {
        return answer(outages->dismiss(call.actor, call.id(QStringLiteral("id")), call.body), call);
    });
}

} // namespace mailadmin::http
