#pragma once

#include "Result.h"
#include "Schema.h"
#include "auth/Actor.h"
#include "auth/Clock.h"
#include "store/AuditRepository.h"
#include "store/Database.h"
#include "store/ListQuery.h"
#include "store/Scope.h"
#include "store/Table.h"

#include <optional>

namespace mailadmin::auth {
class SessionManager;
}

namespace mailadmin::service {

using auth::Actor;
using store::Page;
using store::Record;

// What every use case needs: the database and the sessions.
struct Context
{
    store::Database &db;
    auth::SessionManager &sessions;
};

// Helpers shared by the use cases: permission and scope checks, version checks, audit entries, transactions.
class ServiceBase
{
protected:
    explicit ServiceBase(Context context) : m_ctx(context) { }

    store::Database &db() const { return m_ctx.db; }
    auth::SessionManager &sessions() const { return m_ctx.sessions; }

    static Status require(const Actor &actor, const QString &action);
    // The company if the actor may see it; NotFound otherwise.
    Result<Record> companyInScope(const Actor &actor, qint64 companyId, bool counts = false) const;
    // The live domain if the actor may see it (deleted ones instead when `deleted` is true). Without
    // `counts`, the user count is not computed (it costs a count over the domain's users).
    Result<Record> domainInScope(
        const Actor &actor, const QString &name, bool deleted = false, bool counts = false) const;
    // The user (not deleted unless `deleted`) in a live domain the actor may see.
    Result<Record> userInScope(const Actor &actor, const QString &address, bool deleted = false) const;
    static bool domainVisible(const Actor &actor, const Record &domain);
    static store::Scope scopeOf(const Actor &actor);

    // 412 with the current object when `expected` is given and differs.
    static Status checkVersion(const Record &current, std::optional<int> expected);
    // {"field": {"before": x, "after": y}} for each field of `fields` whose value changed.
    static QJsonObject diff(const QJsonObject &before, const QJsonObject &after, const QStringList &fields);
    Status audit(const Actor &actor, const QString &objectType, const QString &objectId,
        const QString &action, const QJsonObject &changes, qint64 companyId, qint64 domainId) const;

    // Runs `work` in one write transaction; rolls back if it fails.
    template<typename T, typename F> Result<T> transaction(F &&work) const
    {
        store::Transaction tx(db());
        if (!tx.status().ok())
            return tx.status().error();
        Result<T> result = work();
        if (!result.ok())
            return result;
        if (Status s = tx.commit(); !s.ok())
            return s.error();
        return result;
    }

    // 400 for a sort key or filter the list does not know; `filters` maps names to allowed values (empty:
    // any).
    static Status checkQuery(const store::ListQuery &query, const QStringList &sortKeys,
        const QHash<QString, QStringList> &filters);

    static QList<FieldError> checkLimitsOfQuota(
        const QJsonObject &object, const QString &quotaField, const QString &maximumField);

private:
    Context m_ctx;
};

// The fields of a schema that a client may write, used for audit diffs.
QStringList writableFields(const EntitySchema &schema);
// Applies a validated patch to an object; nested service maps are merged.
QJsonObject merged(QJsonObject object, const QJsonObject &patch);

} // namespace mailadmin::service
