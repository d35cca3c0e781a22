#pragma once

#include "store/Repository.h"

namespace mailadmin::store {

// One notice to one contact about one incident update: the outbox mail that carries it and its state.
struct NoticeDelivery
{
    qint64 incidentId = 0;
    qint64 updateId = 0;
    qint64 companyId = 0;
    qint64 contactId = 0;
    QString contactType;
    QString name;
    QString email;
};

// The contacts notices go to and the record of each notice sent, joined with the outbox for its state.
class NoticeRepository
{
public:
    explicit NoticeRepository(Database &db) : m_db(db) { }

    // The company's contacts of `type` that take notices of `kind`: {id, name, email}.
    Result<QList<QJsonObject>> recipients(qint64 companyId, const QString &type, const QString &kind) const;
    Result<bool> exists(qint64 updateId, qint64 contactId) const;
    Status record(const NoticeDelivery &delivery, qint64 outboxId, qint64 now) const;
    // A page of deliveries of an incident (`companyId` > 0: that company's only), with their state.
    Result<Page> list(qint64 incidentId, qint64 companyId, const ListQuery &query, qint64 now) const;
    // {delivery id, outbox id, company id}; outbox id 0 when there is no such delivery.
    Result<std::pair<qint64, qint64>> outboxOf(qint64 incidentId, qint64 deliveryId) const;
    Result<QJsonObject> byId(qint64 deliveryId, qint64 now) const;

private:
    Database &m_db;
};

} // namespace mailadmin::store
