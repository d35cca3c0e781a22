#pragma once

#include "service/ServiceBase.h"

namespace mailadmin::service {

// Bulletins: message templates of a company or a domain that reach its mailboxes, automatically when a
// mailbox is created (type auto), when posted to all of them, or when posted to those an incident affects;
// a test send goes to one address. Operators and company admins manage them, each within its own scope.
class BulletinService : public ServiceBase
{
public:
    explicit BulletinService(Context context) : ServiceBase(context) { }

    Result<Page> list(const Actor &actor, const store::ListQuery &query) const;
    Result<Record> get(const Actor &actor, qint64 id) const;
    Result<Record> create(const Actor &actor, const QJsonObject &input) const;
    Result<Record> update(
        const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const;
    Status remove(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const;

    // {"target": "all"} or {"target": "incident", "incident_id": N}: queues the bulletin for each mailbox
    // in scope (affected by the incident) that has not had this version for this occasion yet.
    Result<QJsonObject> post(const Actor &actor, qint64 id, const QJsonObject &input) const;
    // {"address": "..."}: one copy to that address.
    Result<QJsonObject> sendTest(const Actor &actor, qint64 id, const QJsonObject &input) const;
    Result<Page> posts(const Actor &actor, qint64 id, const store::ListQuery &query) const;
    Result<Page> deliveries(const Actor &actor, qint64 id, const store::ListQuery &query) const;

private:
    Result<Record> visible(const Actor &actor, qint64 id) const;
    Result<Record> withCounts(Result<Record> bulletin) const;
};

} // namespace mailadmin::service
