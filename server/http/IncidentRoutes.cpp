// Routes for where mail lives (clusters, mail stores, moving a mailbox) and for incidents, their impact,
// their notices and the public status feed.
#include "http/Api.h"

#include "Json.h"
#include "http/CsvWriter.h"
#include "http/Problem.h"
#include "service/IncidentService.h"
#include "service/PlacementService.h"

#include <QJsonArray>

namespace mailadmin::http {

void Api::addIncidentRoutes()
{
    auto places = std::make_shared<service::PlacementService>(m_ctx);
    auto incidents = std::make_shared<service::IncidentService>(m_ctx);
    const QString v1 = QStringLiteral("/api/v1");

    const auto list = [](const Call &call, const QStringList &skip = {}) { return call.listQuery(skip); };

    // Clusters and mail stores.
    const QString clusters = v1 + QStringLiteral("/clusters");
    route(QStringLiteral("GET"), clusters, [=](Call &call) {
        const auto q = list(call);
        return q.ok() ? answer(places->listClusters(call.actor, q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("POST"), clusters,
        [=](Call &call) { return answer(places->createCluster(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), clusters + QStringLiteral("/{id}"), [=](Call &call) {
        return answer(places->getCluster(call.actor, call.id(QStringLiteral("id"))), call);
    });
    route(
        QStringLiteral("PATCH"), clusters + QStringLiteral("/{id}"),
        [=](Call &call) {
            return answer(places->updateCluster(
                              call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), clusters + QStringLiteral("/{id}"),
        [=](Call &call) {
            return answer(
                places->removeCluster(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
        },
        NeedsVersion);

    const QString stores = v1 + QStringLiteral("/mail-stores");
    route(QStringLiteral("GET"), stores, [=](Call &call) {
        const auto q = list(call);
        return q.ok() ? answer(places->listStores(call.actor, q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("POST"), stores,
        [=](Call &call) { return answer(places->createStore(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), stores + QStringLiteral("/{id}"), [=](Call &call) {
        return answer(places->getStore(call.actor, call.id(QStringLiteral("id"))), call);
    });
    route(
        QStringLiteral("PATCH"), stores + QStringLiteral("/{id}"),
        [=](Call &call) {
            return answer(places->updateStore(
                              call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), stores + QStringLiteral("/{id}"),
        [=](Call &call) {
            return answer(
                places->removeStore(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), v1 + QStringLiteral("/users/{address}/move"), [=](Call &call) {
        return answer(places->moveUser(
                          call.actor, call.param(QStringLiteral("address")), call.body, call.expectedVersion),
            call);
    });

    // Incidents.
    const QString all = v1 + QStringLiteral("/incidents");
    const QString one = all + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), all, [=](Call &call) {
        const auto q = list(call);
        return q.ok() ? answer(incidents->list(call.actor, q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("POST"), all,
        [=](Call &call) { return answer(incidents->create(call.actor, call.body), call, 201); });
    route(QStringLiteral("POST"), all + QStringLiteral("/preview"),
        [=](Call &call) { return answer(incidents->preview(call.actor, call.body), call); });
    route(QStringLiteral("GET"), one,
        [=](Call &call) { return answer(incidents->get(call.actor, call.id(QStringLiteral("id"))), call); });
    route(
        QStringLiteral("PATCH"), one,
        [=](Call &call) {
            return answer(
                incidents->update(call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), one + QStringLiteral("/updates"), [=](Call &call) {
        return answer(incidents->postUpdate(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });
    route(QStringLiteral("POST"), one + QStringLiteral("/resolve"), [=](Call &call) {
        return answer(incidents->resolve(call.actor, call.id(QStringLiteral("id")), call.body), call);
    });
    route(QStringLiteral("GET"), one + QStringLiteral("/impact"), [=](Call &call) {
        const auto q = list(call);
        return q.ok() ? answer(incidents->impact(call.actor, call.id(QStringLiteral("id")), q.value()), call)
                      : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("GET"), one + QStringLiteral("/mailboxes"), [=, this](Call &call) {
        const auto q = list(call, {QStringLiteral("format")});
        if (!q.ok())
            return problem(q.error(), call.request.requestId);
        const QString format = call.request.query.queryItemValue(QStringLiteral("format"));
        if (!format.isEmpty() && format != QLatin1String("csv") && format != QLatin1String("json"))
            return problem(Error::invalidField(QStringLiteral("format"), QStringLiteral("invalid_choice"),
                               QStringLiteral("Use json or csv.")),
                call.request.requestId);
        const bool csv = format == QLatin1String("csv") || call.request.header("accept").contains("text/csv");
        const auth::Actor actor = call.actor;
        const qint64 id = call.id(QStringLiteral("id"));
        const store::ListQuery base = q.value();
        return pagedAnswer(
            call, csv, QStringLiteral("incident-%1-mailboxes").arg(id),
            {QStringLiteral("address"), QStringLiteral("domain"), QStringLiteral("display_name"),
                QStringLiteral("status"), QStringLiteral("store")},
            [](const QJsonObject &u) {
                return QStringList {csvCell(u.value(QLatin1String("address"))),
                    csvCell(u.value(QLatin1String("domain"))),
                    csvCell(u.value(QLatin1String("display_name"))),
                    csvCell(u.value(QLatin1String("status"))), csvCell(u.value(QLatin1String("store")))};
            },
            [incidents, actor, id, base](int offset, int limit) {
                store::ListQuery page = base;
                if (offset >= 0) {
                    page.offset = offset;
                    page.limit = limit;
                }
                return incidents->mailboxes(actor, id, page);
            });
    });
    route(QStringLiteral("GET"), one + QStringLiteral("/deliveries"), [=](Call &call) {
        const auto q = list(call);
        return q.ok()
            ? answer(incidents->deliveries(call.actor, call.id(QStringLiteral("id")), q.value()), call)
            : problem(q.error(), call.request.requestId);
    });
    route(QStringLiteral("POST"), one + QStringLiteral("/deliveries/{delivery}/retry"), [=](Call &call) {
        return answer(incidents->retryDelivery(
                          call.actor, call.id(QStringLiteral("id")), call.id(QStringLiteral("delivery"))),
            call);
    });

    // The public status feed: no sign-in, no customer data.
    route(
        QStringLiteral("GET"), v1 + QStringLiteral("/status/incidents"),
        [=](Call &call) { return answer(incidents->statusFeed(), call); }, Public);
    route(
        QStringLiteral("GET"), v1 + QStringLiteral("/status/incidents.atom"),
        [=](Call &call) {
            const QByteArray host = call.request.header("host");
            const QString self
                = QStringLiteral("http://%1/api/v1/status/incidents.atom")
                      .arg(host.isEmpty() ? QStringLiteral("localhost") : QString::fromLatin1(host));
            const Result<QByteArray> atom = incidents->statusAtom(self);
            if (!atom.ok())
                return problem(atom.error(), call.request.requestId);
            HttpResponse r;
            r.body = atom.value();
            r.contentType = "application/atom+xml; charset=utf-8";
            return r;
        },
        Public);
}

} // namespace mailadmin::http
