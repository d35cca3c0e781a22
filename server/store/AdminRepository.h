#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

class AdminRepository : public Repository
{
public:
    explicit AdminRepository(Database &db);

    Result<Record> byLogin(const QString &login) const;
    Result<Page> list(qint64 onlyCompany, const ListQuery &query) const;
    Result<QString> passwordHash(qint64 adminId) const;
    Status setPasswordHash(qint64 adminId, const QString &hash) const;
    Status setDomainIds(qint64 adminId, const QList<qint64> &domainIds) const;
    Result<QList<qint64>> domainIds(qint64 adminId) const;
    Status touchLogin(qint64 adminId, qint64 now) const;
    Result<qint64> countAll() const;

    static const Table &spec();
};

} // namespace mailadmin::store
