#pragma once

#include "ApiError.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace mailadmin::api {

class ApiClient;

// The signed-in admin as GET /me describes it; the UI shows and hides actions from `actions`.
struct Me
{
    qint64 id = 0;
    QString login;
    QString displayName;
    QString role;
    qint64 companyId = 0;
    QString companyName;
    QStringList domains;
    QStringList actions;

    bool can(const QString &action) const { return actions.contains(action); }
    bool isOperator() const { return role == QLatin1String("operator"); }
};

// Signs in and out through the ApiClient and keeps who is signed in.
class Session : public QObject
{
    Q_OBJECT
public:
    explicit Session(ApiClient *client, QObject *parent = nullptr);

    using Done = std::function<void(const ApiError &)>;
    // Signs in, then loads /me; `done` gets an empty error on success.
    void signIn(const QString &login, const QString &password, QObject *context, Done done);
    void signOut();
    bool isSignedIn() const { return m_me.id != 0; }
    const Me &me() const { return m_me; }
    bool can(const QString &action) const { return m_me.can(action); }
    QString lastLogin() const { return m_lastLogin; }

signals:
    void signedIn();
    void signedOut();

private:
    ApiClient *m_client;
    Me m_me;
    QString m_lastLogin;
};

} // namespace mailadmin::api
