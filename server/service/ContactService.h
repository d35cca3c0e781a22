#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// A company's emergency, maintenance, technical, billing, abuse and business contacts.
class ContactService : public ServiceBase
{
public:
    static constexpr int kMaxPerCompany = 100;

    explicit ContactService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, qint64 companyId, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, qint64 companyId, qint64 id) const;
    Result<Record> create(const Actor &actor, qint64 companyId, const QJsonObject &input) const;
    Result<Record> update(const Actor &actor, qint64 companyId, qint64 id, const QJsonObject &input,
        std::optional<int> expectedVersion) const;
    Status remove(const Actor &actor, qint64 companyId, qint64 id, std::optional<int> expectedVersion) const;

private:
    Result<Record> contactInScope(const Actor &actor, qint64 companyId, qint64 id) const;
};

} // namespace mailadmin::service
