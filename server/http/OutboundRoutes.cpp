#include "http/Api.h"

namespace mailadmin::http {

// A user's outbound mail under Postfix's policy service: what it is now, hold and release.
void Api::addOutboundRoutes()
{
    const QString outbound = QStringLiteral("/api/v1/users/{address}/outbound");
    route(QStringLiteral("GET"), outbound, [this](Call &call) {
        return answer(m_outbound.state(call.actor, call.param(QStringLiteral("address"))), call);
    });
    route(QStringLiteral("POST"), outbound + QStringLiteral("/hold"), [this](Call &call) {
        return answer(m_outbound.hold(call.actor, call.param(QStringLiteral("address"))), call);
    });
    route(QStringLiteral("POST"), outbound + QStringLiteral("/release"), [this](Call &call) {
        return answer(m_outbound.release(call.actor, call.param(QStringLiteral("address"))), call);
    });
}

} // namespace mailadmin::http
