#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Administrator accounts: roles, scopes, disabling and password resets.
class AdminService : public ServiceBase
{
public:
    explicit AdminService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, qint64 id) const;
    // A missing password is generated; the answer then carries it once, as "password".
    Result<Record> create(const Actor &actor, const QJsonObject &input) const;
    Result<Record> update(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;
    // Sets the given password, or a generated one returned once; ends the admin's sessions.
    Result<QJsonObject> resetPassword(const Actor &actor, qint64 id, const QJsonObject &input) const;

    // The signed-in admin, the role's allowed actions and the domains in scope (GET /me).
    Result<QJsonObject> me(const Actor &actor) const;

    // The first operator of a new server (mailadmind init); no actor, no permission check.
    Result<Record> bootstrapOperator(const QString &login, const QString &password) const;

private:
    Result<Record> adminInScope(const Actor &actor, qint64 id) const;
    // Checks role, company and domains for the new state; fills domain ids.
    Result<QList<FieldError>> checkScope(
        const Actor &actor, const QJsonObject &next, QList<qint64> &domainIds) const;
};

} // namespace mailadmin::service
