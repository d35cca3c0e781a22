#pragma once

#include "service/ServiceBase.h"
#include "store/IncidentRepository.h"

#include <functional>

namespace mailadmin::service {

// Incidents: operators open, update and resolve them (each update a notice to the affected companies'
// contacts); every admin of an affected company sees them with its own impact; anyone may read the public
// status feed, which names no customer.
class IncidentService : public ServiceBase
{
public:
    explicit IncidentService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, qint64 id) const;
    // `alsoDo` runs in the same transaction with the new incident's id (a confirmed outage suggestion).
    Result<Record> create(
        const Actor &actor, const QJsonObject &input, const std::function<Status(qint64)> &alsoDo = {}) const;
    // The notice the composer would send, without storing anything.
    Result<QJsonObject> preview(const Actor &actor, const QJsonObject &input) const;
    Result<Record> update(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;
    Result<Record> postUpdate(const Actor &actor, qint64 id, const QJsonObject &input) const;
    Result<Record> resolve(const Actor &actor, qint64 id, const QJsonObject &input) const;

    // Affected companies with their counts (an admin of a company: its own row only).
    Result<Page> impact(const Actor &actor, qint64 id, const store::ListQuery &query) const;
    Result<Page> mailboxes(const Actor &actor, qint64 id, const store::ListQuery &query) const;
    Result<Page> deliveries(const Actor &actor, qint64 id, const store::ListQuery &query) const;
    Result<QJsonObject> retryDelivery(const Actor &actor, qint64 id, qint64 deliveryId) const;

    // Open and scheduled incidents and those resolved in the last 30 days, without customer data.
    Result<QJsonObject> statusFeed() const;
    Result<QByteArray> statusAtom(const QString &selfUrl) const;

private:
    Result<Record> visible(const Actor &actor, qint64 id) const;
    // Checks the targets and times of a full incident object; field errors when something is wrong.
    Result<QList<FieldError>> checkIncident(const QJsonObject &incident) const;
    Result<QJsonObject> validNew(const QJsonObject &input) const;
    // Recomputes and keeps the per-company impact.
    Status refreshImpact(const Record &incident) const;
    Result<Record> withDetails(const Actor &actor, Result<Record> incident) const;
    Result<Record> addUpdateAndNotify(const Actor &actor, const Record &current, QJsonObject next,
        const QString &kind, const QString &body, const QString &action) const;
};

} // namespace mailadmin::service
