#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

// What an incident touches, resolved to ids: its stores (named ones plus every store of its clusters),
// domains and companies. A mailbox is affected when it is on one of the stores, in one of the domains, or
// in one of the companies.
struct ImpactTargets
{
    QList<qint64> stores;
    QList<qint64> domains;
    QList<qint64> companies;
};

// Affected and total mailboxes of one company.
struct CompanyImpact
{
    qint64 companyId = 0;
    QString company;
    qint64 mailboxes = 0;
    qint64 total = 0;
};

// Incidents, their timed updates and their impact, computed through the mail stores.
class IncidentRepository : public Repository
{
public:
    explicit IncidentRepository(Database &db);

    // `companyId` > 0: only incidents that touch that company.
    Result<Page> list(qint64 companyId, const ListQuery &query) const;
    Result<QJsonArray> updates(qint64 incidentId) const;
    Result<qint64> addUpdate(
        qint64 incidentId, const QString &kind, const QString &body, const QString &author, qint64 at) const;
    Result<QJsonObject> updateById(qint64 updateId) const;

    Result<ImpactTargets> targets(const QJsonObject &incident) const;
    // Every affected company with its counts (live, from the users).
    Result<QList<CompanyImpact>> impactByCompany(const ImpactTargets &targets) const;
    // One company's counts (live), within `scope`'s domains when it lists them.
    Result<CompanyImpact> impactForCompany(
        const ImpactTargets &targets, qint64 companyId, const Scope &scope) const;
    // The affected mailboxes, a page at a time, ordered by address; `companyId` 0 means every company.
    Result<Page> affectedMailboxes(
        const ImpactTargets &targets, qint64 companyId, const Scope &scope, const ListQuery &query) const;
    // The condition on `users t JOIN domains d` that picks the affected mailboxes (`companyId` 0: of every
    // company), with its values appended to `values`.
    static QString affectedWhere(const ImpactTargets &targets, qint64 companyId, QVariantList &values);
    // Keeps the per-company counts beside the incident (who is affected, for lists and notices).
    Status storeImpact(qint64 incidentId, const QList<CompanyImpact> &impact) const;
    Result<QList<CompanyImpact>> storedImpact(qint64 incidentId) const;
    // Open incidents and scheduled maintenance whose reminder or start time has come.
    Result<QList<Record>> due(qint64 now) const;
    // Open and scheduled incidents, and those resolved since `since`, newest first (at most `limit`).
    Result<QList<Record>> recent(qint64 since, int limit) const;

    static const Table &spec();
};

} // namespace mailadmin::store
