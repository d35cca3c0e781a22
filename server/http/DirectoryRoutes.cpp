// Routes for the directory: companies, their contacts and their domains.
#include "http/Api.h"

#include "http/QueryParameters.h"

namespace mailadmin::http {

void Api::addDirectoryRoutes()
{
    const QString companies = QStringLiteral("/api/v1/companies");
    const QString company = companies + QStringLiteral("/{id}");
    route(QStringLiteral("GET"), companies, [this](Call &call) {
        LIST_OR_FAIL(query, {QStringLiteral("deleted")});
        const QString deleted = call.request.query.queryItemValue(QStringLiteral("deleted"));
        if (!deleted.isEmpty() && deleted != QLatin1String("true") && deleted != QLatin1String("false"))
            return problem(Error::make(ErrorKind::Malformed, QStringLiteral("deleted is true or false.")),
                call.request.requestId);
        return answer(m_companies.list(call.actor, query, deleted == QLatin1String("true")), call);
    });
    route(QStringLiteral("POST"), companies,
        [this](Call &call) { return answer(m_companies.create(call.actor, call.body), call, 201); });
    route(QStringLiteral("GET"), company, [this](Call &call) {
        return answer(m_companies.get(call.actor, call.id(QStringLiteral("id"))), call);
    });
    route(
        QStringLiteral("PATCH"), company,
        [this](Call &call) {
            return answer(m_companies.update(
                              call.actor, call.id(QStringLiteral("id")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), company + QStringLiteral("/suspend"), [this](Call &call) {
        return answer(m_companies.setSuspended(
                          call.actor, call.id(QStringLiteral("id")), true, call.body, call.expectedVersion),
            call);
    });
    route(QStringLiteral("POST"), company + QStringLiteral("/resume"), [this](Call &call) {
        return answer(m_companies.setSuspended(
                          call.actor, call.id(QStringLiteral("id")), false, call.body, call.expectedVersion),
            call);
    });
    route(
        QStringLiteral("DELETE"), company,
        [this](Call &call) {
            return answer(
                m_companies.remove(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), company + QStringLiteral("/restore"), [this](Call &call) {
        return answer(
            m_companies.restore(call.actor, call.id(QStringLiteral("id")), call.expectedVersion), call);
    });

    route(QStringLiteral("GET"), QStringLiteral("/api/v1/operator/companies"), [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_companies.overview(call.actor, query), call);
    });

    const QString contacts = company + QStringLiteral("/contacts");
    const QString contact = contacts + QStringLiteral("/{contact}");
    route(QStringLiteral("GET"), contacts, [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_contacts.list(call.actor, call.id(QStringLiteral("id")), query), call);
    });
    route(QStringLiteral("POST"), contacts, [this](Call &call) {
        return answer(m_contacts.create(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });
    route(QStringLiteral("GET"), contact, [this](Call &call) {
        return answer(
            m_contacts.get(call.actor, call.id(QStringLiteral("id")), call.id(QStringLiteral("contact"))),
            call);
    });
    route(
        QStringLiteral("PATCH"), contact,
        [this](Call &call) {
            return answer(m_contacts.update(call.actor, call.id(QStringLiteral("id")),
                              call.id(QStringLiteral("contact")), call.body, call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), contact,
        [this](Call &call) {
            return answer(m_contacts.remove(call.actor, call.id(QStringLiteral("id")),
                              call.id(QStringLiteral("contact")), call.expectedVersion),
                call);
        },
        NeedsVersion);

    route(QStringLiteral("GET"), company + QStringLiteral("/domains"), [this](Call &call) {
        LIST_OR_FAIL(query);
        return answer(m_domains.listForCompany(call.actor, call.id(QStringLiteral("id")), query), call);
    });
    route(QStringLiteral("POST"), company + QStringLiteral("/domains"), [this](Call &call) {
        return answer(m_domains.create(call.actor, call.id(QStringLiteral("id")), call.body), call, 201);
    });

    const QString domains = QStringLiteral("/api/v1/domains");
    const QString domain = domains + QStringLiteral("/{name}");
    route(QStringLiteral("GET"), domains, [this](Call &call) {
        LIST_OR_FAIL(query, {QStringLiteral("deleted")});
        const QString deleted = call.request.query.queryItemValue(QStringLiteral("deleted"));
        if (!deleted.isEmpty() && deleted != QLatin1String("true") && deleted != QLatin1String("false"))
            return problem(Error::make(ErrorKind::Malformed, QStringLiteral("deleted is true or false.")),
                call.request.requestId);
        return answer(m_domains.list(call.actor, query, deleted == QLatin1String("true")), call);
    });
    route(QStringLiteral("GET"), domain, [this](Call &call) {
        return answer(m_domains.get(call.actor, call.param(QStringLiteral("name"))), call);
    });
    route(
        QStringLiteral("PATCH"), domain,
        [this](Call &call) {
            return answer(m_domains.update(call.actor, call.param(QStringLiteral("name")), call.body,
                              call.expectedVersion),
                call);
        },
        NeedsVersion);
    route(
        QStringLiteral("DELETE"), domain,
        [this](Call &call) {
            return answer(
                m_domains.remove(call.actor, call.param(QStringLiteral("name")), call.expectedVersion), call);
        },
        NeedsVersion);
    route(QStringLiteral("POST"), domain + QStringLiteral("/restore"), [this](Call &call) {
        return answer(
            m_domains.restore(call.actor, call.param(QStringLiteral("name")), call.expectedVersion), call);
    });
}

} // namespace mailadmin::http
