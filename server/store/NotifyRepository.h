#pragma once

#include "store/Database.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace mailadmin::store {

struct OutboxMail
{
    qint64 id = 0;
    QStringList recipients;
    QString subject;
    QString body;
    QString attachmentName;
    QByteArray attachment;
    int attempts = 0;
};

// The mail queue and the daily report schedules.
class NotifyRepository
{
public:
    explicit NotifyRepository(Database &db) : m_db(db) { }

    Result<qint64> enqueue(const OutboxMail &mail, qint64 now) const;
    Result<QList<OutboxMail>> due(qint64 now, int limit) const;
    // Takes a mail for sending (false: another sender has it, or it went already). A mail left taken by a
    // server that stopped mid-send is not taken again until released by hand, so nobody gets it twice.
    Result<bool> claim(qint64 id, qint64 now) const;
    // Makes a failed or interrupted mail due again now.
    Status release(qint64 id, qint64 now) const;
    Status markSent(qint64 id, qint64 now) const;
    Status markFailed(qint64 id, int attempts, qint64 retryAt, const QString &error) const;
    Result<QJsonObject> outboxStatus() const;

    // {enabled, time_of_day "HH:MM" (UTC), recipients, last_sent_day, version}; defaults when never set.
    Result<QJsonObject> schedule(qint64 companyId) const;
    Status setSchedule(qint64 companyId, const QJsonObject &schedule, qint64 now) const;
    Status markReportSent(qint64 companyId, qint64 day) const;
    // Companies whose report is enabled, with their schedule.
    Result<QList<std::pair<qint64, QJsonObject>>> enabledSchedules() const;

    // One row per user of the company for the report of `day`.
    Result<QList<QStringList>> reportRows(qint64 companyId, qint64 day) const;

private:
    Database &m_db;
};

} // namespace mailadmin::store
