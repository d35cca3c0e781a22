#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Mail domains: create, change, soft delete and restore within the retention period.
class DomainService : public ServiceBase
{
public:
    static constexpr qint64 kRetentionSeconds = 30 * 24 * 3600;

    explicit DomainService(Context context) : ServiceBase(context) { }

    // `deleted` lists soft-deleted domains (for restore).
    Result<Page> list(const Actor &actor, const store::ListQuery &query, bool deleted) const;
    Result<Page> listForCompany(const Actor &actor, qint64 companyId, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, const QString &name) const;
    Result<Record> create(const Actor &actor, qint64 companyId, const QJsonObject &input) const;
    Result<Record> update(const Actor &actor, const QString &name, const QJsonObject &input,
        std::optional<int> expectedVersion) const;
    Result<Record> remove(const Actor &actor, const QString &name, std::optional<int> expectedVersion) const;
    Result<Record> restore(const Actor &actor, const QString &name, std::optional<int> expectedVersion) const;

    // Removes domains (and their users) deleted longer ago than the retention period; returns how many.
    Result<int> purgeExpired() const;

private:
    Result<QList<FieldError>> checkNames(const QJsonObject &next, qint64 selfId) const;
    Result<QList<FieldError>> checkLimits(
        const Record &company, const QJsonObject &next, qint64 selfId, const QJsonObject &patch) const;
};

} // namespace mailadmin::service
