#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Mailboxes, forwards and filters: create, change, delete and restore, passwords, suspension.
class UserService : public ServiceBase
{
public:
    static constexpr qint64 kRetentionSeconds = 30 * 24 * 3600;

    explicit UserService(Context context) : ServiceBase(context) { }

    Result<Page> listInDomain(const Actor &actor, const QString &domain, const store::ListQuery &query) const;
    // Across every domain the actor may see (the jump box, the deleted-items list).
    Result<Page> search(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, const QString &address) const;
    Result<Record> create(const Actor &actor, const QString &domain, const QJsonObject &input) const;
    Result<Record> update(const Actor &actor, const QString &address, const QJsonObject &input,
        std::optional<int> expectedVersion) const;
    Result<Record> remove(
        const Actor &actor, const QString &address, std::optional<int> expectedVersion) const;
    Result<Record> restore(
        const Actor &actor, const QString &address, std::optional<int> expectedVersion) const;
    Result<Record> setPassword(const Actor &actor, const QString &address, const QJsonObject &input,
        std::optional<int> expectedVersion) const;
    // suspend: true suspends an active user, false makes a suspended one active again. `input` may give a
    // `reason` (at most 500 characters), kept in the audit entry.
    Result<Record> setSuspended(const Actor &actor, const QString &address, bool suspend,
        std::optional<int> expectedVersion, const QJsonObject &input = {}) const;

    Result<int> purgeExpired() const;

private:
    Result<QList<FieldError>> checkUser(const Record &domain, const Record &company, const QJsonObject &next,
        qint64 selfId, const QJsonObject &patch, bool countsAsNew) const;
    Result<Record> changeStatus(const Actor &actor, const Record &user, const QString &status,
        const QString &action, std::optional<int> expectedVersion, const QString &reason = {}) const;
};

} // namespace mailadmin::service
