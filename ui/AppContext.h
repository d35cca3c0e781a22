#pragma once

#include <QJsonObject>
#include <QObject>

namespace mailadmin::api {
class ApiClient;
class Session;
struct ServerProfile;
} // namespace mailadmin::api

namespace mailadmin::ui {

// What every page needs: the API client, the session, and a place to announce changes so that lists and
// the navigation tree show an edit made on another page.
class AppContext : public QObject
{
    Q_OBJECT
public:
    AppContext(api::ApiClient *api, api::Session *session, QObject *parent = nullptr)
        : QObject(parent), m_api(api), m_session(session)
    { }
    api::ApiClient *api() const { return m_api; }
    api::Session *session() const { return m_session; }
    bool can(const QString &action) const;

signals:
    // kind: "company", "domain", "user", "contact", "brand", "admin"; removed: deleted or moved to the trash.
    void objectChanged(const QString &kind, const QJsonObject &object, bool removed);
    void openUser(const QString &address);
    // The user's activity page (user 360).
    void openUserActivity(const QString &address);
    void openDomain(const QString &name);
    void openCompany(qint64 id);
    void showStatus(const QString &message);

private:
    api::ApiClient *m_api;
    api::Session *m_session;
};

} // namespace mailadmin::ui
