#pragma once

#include "ApiClient.h"
#include "AppContext.h"
#include "Session.h"
#include "TestServer.h"

#include <QAbstractButton>
#include <QLabel>
#include <QTabBar>
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

// The texts in a widget whose mnemonic is Alt+key (labels with a buddy, buttons, tabs): one each, or a
// key press reaches the wrong control.
inline QStringList mnemonicOwners(const QWidget *root, QChar key)
{
    const auto mnemonic = [](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
        return QChar();
    };
    QStringList out;
    const QChar k = key.toLower();
    for (const QLabel *label : root->findChildren<QLabel *>())
        if (label->buddy() && mnemonic(label->text()) == k)
            out << label->text();
    for (const QAbstractButton *button : root->findChildren<QAbstractButton *>())
        if (mnemonic(button->text()) == k)
            out << button->text();
    for (const QTabBar *tabs : root->findChildren<QTabBar *>())
        for (int i = 0; i < tabs->count(); ++i)
            if (mnemonic(tabs->tabText(i)) == k)
                out << tabs->tabText(i);
    return out;
}

} // namespace mailadmin::testing
