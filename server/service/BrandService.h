#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Webmail brands: names, colours, logo, support links; assigned to a company, domain or user.
class BrandService : public ServiceBase
{
public:
    explicit BrandService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, qint64 id) const;
    struct Logo
    {
        QByteArray data;
        QString type;
    };
    Result<Logo> logo(const Actor &actor, qint64 id) const;
    Result<Record> create(const Actor &actor, const QJsonObject &input) const;
    Result<Record> update(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;
    Status remove(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const;

private:
    Result<Record> brandInScope(const Actor &actor, qint64 id) const;
    // Checks the logo by decoding it and records its type; adds a field error otherwise.
    static void inspectLogo(QJsonObject &object, QList<FieldError> &errors);
};

} // namespace mailadmin::service
