#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

class ContactRepository : public Repository
{
public:
    explicit ContactRepository(Database &db);

    Result<Page> list(qint64 companyId, const ListQuery &query) const;
    Result<qint64> countForCompany(qint64 companyId) const;
    Status remove(qint64 id) const;
    // Addresses of one type of contact (e.g. "abuse") for notices.
    Result<QStringList> emails(qint64 companyId, const QString &type) const;

    static const Table &spec();
};

} // namespace mailadmin::store
