#pragma once

#include "ApiClient.h"
#include "AppContext.h"
#include "Session.h"
#include "TestServer.h"

#include <QTest>

namespace mailadmin::testing {

// A real server with demo data, and the client objects a window needs, signed in as one demo admin.
struct UiHarness
{
    explicit UiHarness(TestServer *server)
        : server(server)
        , api(new api::ApiClient)
        , session(new api::Session(api))
        , context(new ui::AppContext(api, session))
    {
        api->setBaseUrl(QUrl(server->baseUrl()));
        api->setRetryDelays({});
    }
    ~UiHarness()
    {
        delete context;
        delete session;
        delete api;
    }

    bool signIn(const QString &login, const QString &password = QString::fromLatin1(TestServer::kPassword))
    {
        bool done = false;
        bool ok = false;
        session->signIn(login, password, context, [&](const api::ApiError &e) {
            ok = e.isNone();
            done = true;
        });
        return QTest::qWaitFor([&] { return done; }, 10000) && ok;
    }

    TestServer *server;
    api::ApiClient *api;
    api::Session *session;
    ui::AppContext *context;
};

// Demo admins of the first demo company (seed 1): see DemoSeeder.
inline QString demoLogin(const char *role)
{
    const QString r = QString::fromLatin1(role);
    if (r == QLatin1String("operator"))
        return QStringLiteral("operator");
    if (r == QLatin1String("company_readonly"))
        return QStringLiteral("exec@northwind");
    if (r == QLatin1String("support"))
        return QStringLiteral("support@northwind");
    if (r == QLatin1String("domain_admin"))
        return QStringLiteral("domains@northwind");
    return QStringLiteral("admin@northwind");
}

} // namespace mailadmin::testing
