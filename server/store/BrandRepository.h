#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

class BrandRepository : public Repository
{
public:
    explicit BrandRepository(Database &db);

    // Lists leave the logo out; `onlyCompany` > 0 limits to one company.
    Result<Page> list(qint64 onlyCompany, const ListQuery &query) const;
    Result<bool> nameTaken(qint64 companyId, const QString &name, qint64 exceptId) const;
    Status remove(qint64 id) const;
    struct Logo
    {
        QByteArray data;
        QString type;
    };
    Result<Logo> logo(qint64 id) const;

    static const Table &spec();
};

} // namespace mailadmin::store
