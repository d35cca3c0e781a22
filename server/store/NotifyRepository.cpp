#include "store/NotifyRepository.h"

#include "Json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mailadmin::store {

Result<qint64> NotifyRepository::enqueue(const OutboxMail &mail, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO outbox (created_at, recipients, subject, body, attachment_name, attachment, attempts, "
        "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?) RETURNING id"));
    q.bind(now)
        .bind(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(mail.recipients)).toJson(QJsonDocument::Compact)))
        .bind(mail.subject)
        .bind(mail.body)
        .bind(mail.attachmentName.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                            : QVariant(mail.attachmentName))
        .bind(mail.attachment.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                        : QVariant(mail.attachment))
        .bind(now);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.next() ? q.toInt(0) : 0;
}

Result<QList<OutboxMail>> NotifyRepository::due(qint64 now, int limit) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT id, recipients, subject, body, attachment_name, attachment, attempts FROM outbox WHERE "
        "sent_at IS NULL AND sending_at IS NULL AND next_attempt_at <= ? AND attempts < 20 ORDER BY id LIMIT "
        "?"));
    q.bind(now).bind(limit);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<OutboxMail> out;
    while (q.next()) {
        OutboxMail m;
        m.id = q.toInt(0);
        for (const QJsonValue &v : QJsonDocument::fromJson(q.toString(1).toUtf8()).array())
            m.recipients << v.toString();
        m.subject = q.toString(2);
        m.body = q.toString(3);
        m.attachmentName = q.toString(4);
        m.attachment = q.value(5).toByteArray();
        m.attempts = int(q.toInt(6));
        out.append(m);
    }
    return out;
}

Result<bool> NotifyRepository::claim(qint64 id, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE outbox SET sending_at = ? WHERE id = ? AND sending_at IS NULL AND sent_at IS NULL"));
    q.bind(now).bind(id);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.rowsAffected() == 1;
}

Status NotifyRepository::release(qint64 id, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral("UPDATE outbox SET sending_at = NULL, next_attempt_at = ?, "
                                              "attempts = MIN(attempts, 19), last_error = "
                                              "NULL WHERE id = ? AND sent_at IS NULL"));
    q.bind(now).bind(id);
    return q.exec();
}

Status NotifyRepository::markSent(qint64 id, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?"));
    q.bind(now).bind(id);
    return q.exec();
}

Status NotifyRepository::markFailed(qint64 id, int attempts, qint64 retryAt, const QString &error) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, sending_at = NULL "
        "WHERE id = ?"));
    q.bind(attempts).bind(retryAt).bind(error).bind(id);
    return q.exec();
}

Result<QJsonObject> NotifyRepository::outboxStatus() const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT COUNT(*) FILTER (WHERE sent_at IS NULL), COUNT(*) FILTER (WHERE sent_at IS NOT NULL), "
        "MAX(last_error) FROM outbox"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return QJsonObject {};
    return QJsonObject {{QStringLiteral("waiting"), double(q.toInt(0))},
        {QStringLiteral("sent"), double(q.toInt(1))},
        {QStringLiteral("last_error"),
            q.value(2).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.toString(2))}};
}

Result<QJsonObject> NotifyRepository::schedule(qint64 companyId) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT enabled, time_of_day, recipients, last_sent_day, "
                                              "version FROM report_schedules WHERE company_id = ?"));
    q.bind(companyId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next()) {
        return QJsonObject {{QStringLiteral("company_id"), double(companyId)},
            {QStringLiteral("enabled"), false}, {QStringLiteral("time_of_day"), QStringLiteral("06:00")},
            {QStringLiteral("recipients"), QJsonArray()}, {QStringLiteral("last_sent"), QJsonValue::Null},
            {QStringLiteral("version"), 1}};
    }
    return QJsonObject {{QStringLiteral("company_id"), double(companyId)},
        {QStringLiteral("enabled"), q.toInt(0) != 0}, {QStringLiteral("time_of_day"), q.toString(1)},
        {QStringLiteral("recipients"), QJsonDocument::fromJson(q.toString(2).toUtf8()).array()},
        {QStringLiteral("last_sent"),
            q.value(3).isNull() ? QJsonValue(QJsonValue::Null)
                                : QJsonValue(json::isoTime(q.toInt(3) * 86400))},
        {QStringLiteral("version"), int(q.toInt(4))}};
}

Status NotifyRepository::setSchedule(qint64 companyId, const QJsonObject &s, qint64 now) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO report_schedules (company_id, enabled, time_of_day, recipients, version, updated_at) "
        "VALUES (?, ?, ?, ?, 2, ?) ON CONFLICT (company_id) DO UPDATE SET enabled = excluded.enabled, "
        "time_of_day = excluded.time_of_day, recipients = excluded.recipients, version = "
        "report_schedules.version + 1, updated_at = excluded.updated_at"));
    q.bind(companyId)
        .bind(s.value(QLatin1String("enabled")).toBool() ? 1 : 0)
        .bind(s.value(QLatin1String("time_of_day")).toString())
        .bind(QString::fromUtf8(
            QJsonDocument(s.value(QLatin1String("recipients")).toArray()).toJson(QJsonDocument::Compact)))
        .bind(now);
    return q.exec();
}

Status NotifyRepository::markReportSent(qint64 companyId, qint64 day) const
{
    Statement q
        = m_db.prepare(QStringLiteral("UPDATE report_schedules SET last_sent_day = ? WHERE company_id = ?"));
    q.bind(day).bind(companyId);
    return q.exec();
}

Result<QList<std::pair<qint64, QJsonObject>>> NotifyRepository::enabledSchedules() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT company_id FROM report_schedules WHERE enabled = 1"));
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<qint64> ids;
    while (q.next())
        ids << q.toInt(0);
    QList<std::pair<qint64, QJsonObject>> out;
    for (qint64 id : ids) {
        const Result<QJsonObject> s = schedule(id);
        if (!s.ok())
            return s.error();
        out.append({id, s.value()});
    }
    return out;
}

Result<QList<QStringList>> NotifyRepository::reportRows(qint64 companyId, qint64 day) const
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT u.address, u.type, u.status, u.quota, u.used_bytes, COALESCE(s.logins_imap, 0), "
        "COALESCE(s.logins_pop, 0), "
        "COALESCE(s.logins_webmail, 0), COALESCE(s.logins_smtp, 0), u.last_login_at, COALESCE(s.messages, 0) "
        "FROM users u "
        "JOIN domains d ON d.id = u.domain_id LEFT JOIN stats_daily s ON s.scope = 'u' AND s.scope_id = u.id "
        "AND s.bucket = ? "
        "WHERE d.company_id = ? AND d.deleted_at IS NULL AND u.status <> 'deleted' ORDER BY u.address"));
    q.bind(day).bind(companyId);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    QList<QStringList> rows;
    while (q.next()) {
        rows.append({q.toString(0), q.toString(1), q.toString(2), QString::number(q.toInt(3)),
            QString::number(q.toInt(4)), QString::number(q.toInt(5)), QString::number(q.toInt(6)),
            QString::number(q.toInt(7)), QString::number(q.toInt(8)),
            q.value(9).isNull() ? QString() : json::isoTime(q.toInt(9)), QString::number(q.toInt(10))});
    }
    return rows;
}

} // namespace mailadmin::store
