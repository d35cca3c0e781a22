#include "store/NoticeRepository.h"

#include "Json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mailadmin::store {

namespace {
// A sender that has held a mail this long without finishing has stopped (the SMTP timeout is one minute).
constexpr qint64 kInterruptedAfter = 180;

const QString kColumns
    = QStringLiteral("n.id, n.incident_id, n.update_id, n.company_id, n.contact_id, n.contact_type, n.name, "
                     "n.email, n.created_at, "
                     "o.sent_at, o.sending_at, o.attempts, o.last_error, o.next_attempt_at, u.kind, c.name");
const QString kFrom
    = QStringLiteral(" FROM notice_deliveries n JOIN outbox o ON o.id = n.outbox_id JOIN "
                     "incident_updates u ON u.id = n.update_id LEFT JOIN companies c ON c.id = "
                     "n.company_id");

QJsonObject readDelivery(Statement &q, qint64 now)
{
    const QVariant sentAt = q.value(9), sendingAt = q.value(10);
    const int attempts = int(q.toInt(11));
    const QVariant error = q.value(12);
    QString state;
    if (!sentAt.isNull())
        state = QStringLiteral("sent");
    else if (!sendingAt.isNull())
        state = now - sendingAt.toLongLong() > kInterruptedAfter ? QStringLiteral("interrupted")
                                                                 : QStringLiteral("sending");
    else if (!error.isNull())
        state = attempts >= 20 ? QStringLiteral("failed") : QStringLiteral("retrying");
    else
        state = QStringLiteral("queued");
    const auto time = [](const QVariant &v) {
        return v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(json::isoTime(v.toLongLong()));
    };
    return QJsonObject {{QStringLiteral("id"), double(q.toInt(0))},
        {QStringLiteral("incident_id"), double(q.toInt(1))},
        {QStringLiteral("update_id"), double(q.toInt(2))}, {QStringLiteral("update_kind"), q.toString(14)},
        {QStringLiteral("company_id"), double(q.toInt(3))}, {QStringLiteral("company"), q.toString(15)},
        {QStringLiteral("contact_id"), double(q.toInt(4))}, {QStringLiteral("contact_type"), q.toString(5)},
        {QStringLiteral("name"), q.toString(6)}, {QStringLiteral("email"), q.toString(7)},
        {QStringLiteral("queued_at"), json::isoTime(q.toInt(8))}, {QStringLiteral("state"), state},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("retried"), attempts > 1 || (attempts == 1 && sentAt.isNull())},
        {QStringLiteral("last_error"),
            error.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.toString())},
        {QStringLiteral("sent_at"), time(sentAt)},
        {QStringLiteral("next_attempt_at"),
            sentAt.isNull() && sendingAt.isNull() && attempts < 20 ? time(q.value(13))
                                                                   : QJsonValue(QJsonValue::Null)}};
}
} // namespace

Result<QList<QJsonObject>> NoticeRepository::recipients(
    qint64 companyId, const QString &type, const QString &kind) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT id, name, email, notice_kinds FROM contacts WHERE company_id = ? AND type = ? ORDER BY id"));
    q.bind(companyId).bind(type);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<QJsonObject> out;
    while (q.next()) {
        const QJsonArray kinds = QJsonDocument::fromJson(q.toString(3).toUtf8()).array();
        if (!kinds.contains(QJsonValue(kind)))
            continue;
        out << QJsonObject {{QStringLiteral("id"), double(q.toInt(0))},
            {QStringLiteral("name"), q.toString(1)}, {QStringLiteral("email"), q.toString(2)}};
    }
    return out;
}

Result<bool> NoticeRepository::exists(qint64 updateId, qint64 contactId) const
{
    Statement q = m_db.prepare(
        QStringLiteral("SELECT COUNT(*) FROM notice_deliveries WHERE update_id = ? AND contact_id = ?"));
    q.bind(updateId).bind(contactId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() && q.toInt(0) > 0;
}

Status NoticeRepository::record(const NoticeDelivery &d, qint64 outboxId, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral("INSERT INTO notice_deliveries (incident_id, update_id, "
                                              "company_id, contact_id, contact_type, name, email, "
                                              "outbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(d.incidentId)
        .bind(d.updateId)
        .bind(d.companyId)
        .bind(d.contactId)
        .bind(d.contactType)
        .bind(d.name)
        .bind(d.email)
        .bind(outboxId)
        .bind(now);
    return q.exec();
}

Result<Page> NoticeRepository::list(
    qint64 incidentId, qint64 companyId, const ListQuery &query, qint64 now) const
{
    QString where = QStringLiteral(" WHERE n.incident_id = ?");
    QVariantList values {incidentId};
    if (companyId > 0) {
        where += QStringLiteral(" AND n.company_id = ?");
        values << companyId;
    }
    if (query.filters.contains(QStringLiteral("update_id"))) {
        where += QStringLiteral(" AND n.update_id = ?");
        values << query.filters.value(QStringLiteral("update_id")).toLongLong();
    }
    const QString state = query.filters.value(QStringLiteral("state"));
    if (state == QLatin1String("sent"))
        where += QStringLiteral(" AND o.sent_at IS NOT NULL");
    else if (state == QLatin1String("queued"))
        where += QStringLiteral(" AND o.sent_at IS NULL AND o.sending_at IS NULL AND o.last_error IS NULL");
    else if (state == QLatin1String("failed"))
        where += QStringLiteral(" AND o.sent_at IS NULL AND o.last_error IS NOT NULL");
    else if (state == QLatin1String("interrupted"))
        where += QStringLiteral(" AND o.sent_at IS NULL AND o.sending_at IS NOT NULL");
    Page page;
    page.offset = query.offset;
    page.limit = query.limit;
    {
        Statement c = m_db.prepare(QStringLiteral("SELECT COUNT(*)") + kFrom + where);
        for (const QVariant &v : values)
            c.bind(v);
        if (Status s = c.exec(); !s.ok())
            return s.error();
        page.total = c.next() ? c.toInt(0) : 0;
    }
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + kColumns + kFrom + where
        + QStringLiteral(" ORDER BY n.id LIMIT ? OFFSET ?"));
    for (const QVariant &v : values)
        q.bind(v);
    q.bind(query.limit).bind(query.offset);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    while (q.next()) {
        Record r;
        r.data = readDelivery(q, now);
        r.id = qint64(r.data.value(QLatin1String("id")).toDouble());
        r.companyId = qint64(r.data.value(QLatin1String("company_id")).toDouble());
        page.items << r;
    }
    return page;
}

Result<std::pair<qint64, qint64>> NoticeRepository::outboxOf(qint64 incidentId, qint64 deliveryId) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT outbox_id, company_id FROM notice_deliveries WHERE id = ? AND incident_id = ?"));
    q.bind(deliveryId).bind(incidentId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return std::pair<qint64, qint64> {0, 0};
    return std::pair<qint64, qint64> {q.toInt(0), q.toInt(1)};
}

Result<QJsonObject> NoticeRepository::byId(qint64 deliveryId, qint64 now) const
{
    Statement q
        = m_db.prepare(QStringLiteral("SELECT ") + kColumns + kFrom + QStringLiteral(" WHERE n.id = ?"));
    q.bind(deliveryId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return QJsonObject {};
    return readDelivery(q, now);
}

} // namespace mailadmin::store
