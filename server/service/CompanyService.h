#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Companies (reseller accounts) and their settings and defaults.
class CompanyService : public ServiceBase
{
public:
    explicit CompanyService(Context context) : ServiceBase(context) { }

    // `deleted` lists the soft-deleted companies (for restore; operators only).
    Result<Page> list(const Actor &actor, const store::ListQuery &query, bool deleted = false) const;
    Result<Record> get(const Actor &actor, qint64 id) const;
    Result<Record> create(const Actor &actor, const QJsonObject &input) const;
    Result<Record> update(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;

    // The operator's dashboard: every live company with its mailboxes, mailboxes active in the last 7 days,
    // storage used of the mailboxes' quotas, open alerts and open incidents. Operators only.
    Result<Page> overview(const Actor &actor, const store::ListQuery &query) const;
    // Suspend (with an optional `reason`, kept in the audit) or resume a company: while suspended, its admins
    // cannot sign in, its mailboxes cannot log in or send and its domains take no mail. Operators only.
    Result<Record> setSuspended(const Actor &actor, qint64 id, bool suspend, const QJsonObject &input,
        std::optional<int> expectedVersion) const;
    // Soft delete: the company and everything under it leaves the lists and the mail servers; nothing is
    // destroyed, and a restore brings it all back as it was (a suspended company comes back suspended).
    Result<Record> remove(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const;
    Result<Record> restore(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const;

    // Settings only an operator changes: the company's user limit, alias limit, send limit and quota maximum.
    static const QStringList &operatorFields();
    // 403 with the fields when a company admin's change would move any of them.
    static Status checkOperatorFields(const Actor &actor, const Record &current, const QJsonObject &next);

    // A brand reference must name a brand of the same company.
    static std::optional<FieldError> checkBrand(
        store::Database &db, const QJsonObject &object, qint64 companyId);
};

} // namespace mailadmin::service
