#include "notify/Notifier.h"

#include "Csv.h"
#include "Json.h"
#include "service/ServiceLog.h"
#include "store/AlertRepository.h"
#include "store/CompanyRepository.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/NotifyRepository.h"

#include <QJsonArray>

namespace mailadmin::notify {

Result<int> Notifier::queueAlertMails() const
{
    store::AlertRepository alerts(m_db);
    store::ContactRepository contacts(m_db);
    store::NotifyRepository outbox(m_db);
    const Result<QList<store::Record>> fresh = alerts.unnotified();
    if (!fresh.ok())
        return fresh.error();
    int queued = 0;
    for (const store::Record &alert : fresh.value()) {
        const Result<QStringList> abuse = contacts.emails(alert.companyId, QStringLiteral("abuse"));
        if (!abuse.ok())
            return abuse.error();
        const QJsonObject &a = alert.data;
        if (!abuse->isEmpty()) {
            store::OutboxMail mail;
            mail.recipients = abuse.value();
            const bool hourly = a.value(QLatin1String("span")).toString() == QLatin1String("hour");
            mail.subject = QStringLiteral("[MailAdmin] %1 outbound spike: %2 sent %3 messages in one %4")
                               .arg(a.value(QLatin1String("severity")).toString() == QLatin1String("critical")
                                       ? QStringLiteral("Critical")
                                       : QStringLiteral("Warning"),
                                   a.value(QLatin1String("subject")).toString())
                               .arg(qint64(a.value(QLatin1String("observed")).toDouble()))
                               .arg(hourly ? QStringLiteral("hour") : QStringLiteral("day"));
            mail.body = QStringLiteral(
                "An outbound spike was detected.\n\n"
                "Who:       %1 (%2)\n"
                "Period:    the %3 starting %4 (UTC)\n"
                "Sent:      %5 messages\n"
                "Normal:    median %6, MAD %7 over the 14 days before\n"
                "Threshold: %8 (factor %9 over normal)\n\n"
                "Open the Alerts page in MailAdmin to acknowledge or resolve it (alert %10).\n")
                            .arg(a.value(QLatin1String("subject")).toString(),
                                a.value(QLatin1String("scope")).toString(),
                                hourly ? QStringLiteral("hour") : QStringLiteral("day"),
                                a.value(QLatin1String("period_start")).toString())
                            .arg(qint64(a.value(QLatin1String("observed")).toDouble()))
                            .arg(a.value(QLatin1String("baseline_median")).toDouble(), 0, 'f', 1)
                            .arg(a.value(QLatin1String("baseline_mad")).toDouble(), 0, 'f', 1)
                            .arg(a.value(QLatin1String("threshold")).toDouble(), 0, 'f', 0)
                            .arg(a.value(QLatin1String("factor")).toDouble(), 0, 'f', 1)
                            .arg(alert.id);
            if (const Result<qint64> id = outbox.enqueue(mail, QDateTime::currentSecsSinceEpoch()); !id.ok())
                return id.error();
            ++queued;
        }
        if (Status s = alerts.markNotified(alert.id); !s.ok())
            return s.error();
    }
    return queued;
}

Result<QByteArray> Notifier::reportCsv(qint64 companyId, qint64 day) const
{
    const Result<QList<QStringList>> rows = store::NotifyRepository(m_db).reportRows(companyId, day);
    if (!rows.ok())
        return rows.error();
    QByteArray out = csv::record({QStringLiteral("address"), QStringLiteral("type"), QStringLiteral("status"),
        QStringLiteral("quota_bytes"), QStringLiteral("used_bytes"), QStringLiteral("logins_imap"),
        QStringLiteral("logins_pop"), QStringLiteral("logins_webmail"), QStringLiteral("logins_smtp"),
        QStringLiteral("last_login"), QStringLiteral("messages_sent")});
    // Addresses may legally start with = or @: the same guard as the API's CSV downloads.
    for (const QStringList &row : rows.value()) {
        QStringList cells;
        cells.reserve(row.size());
        for (const QString &cell : row)
            cells << csv::neutralizeFormula(cell);
        out += csv::record(cells);
    }
    return out;
}

Result<qint64> Notifier::queueReport(qint64 companyId, qint64 now) const
{
    store::NotifyRepository repo(m_db);
    const Result<QJsonObject> schedule = repo.schedule(companyId);
    if (!schedule.ok())
        return schedule.error();
    QStringList recipients;
    for (const QJsonValue &v : schedule->value(QLatin1String("recipients")).toArray())
        recipients << v.toString();
    if (recipients.isEmpty())
        return Error::invalidField(QStringLiteral("recipients"), QStringLiteral("required"),
            QStringLiteral("The report has no recipients."));
    const Result<store::Record> company = store::CompanyRepository(m_db).byId(companyId, false);
    if (!company.ok())
        return company.error();
    const qint64 day = now / 86400 - 1; // yesterday, UTC
    const Result<QByteArray> csvData = reportCsv(companyId, day);
    if (!csvData.ok())
        return csvData.error();
    const QString date = json::isoTime(day * 86400).left(10);
    store::OutboxMail mail;
    mail.recipients = recipients;
    mail.subject = QStringLiteral("[MailAdmin] Daily report for %1, %2")
                       .arg(company->data.value(QLatin1String("name")).toString(), date);
    mail.body = QStringLiteral("The attached CSV lists every user of %1 with their logins by protocol and "
                               "the messages they sent on %2 (UTC).\n")
                    .arg(company->data.value(QLatin1String("name")).toString(), date);
    mail.attachmentName = QStringLiteral("mailadmin-report-%1.csv").arg(date);
    mail.attachment = csvData.value();
    return repo.enqueue(mail, now);
}

Result<int> Notifier::queueDueReports(qint64 now) const
{
    store::NotifyRepository repo(m_db);
    const Result<QList<std::pair<qint64, QJsonObject>>> schedules = repo.enabledSchedules();
    if (!schedules.ok())
        return schedules.error();
    int queued = 0;
    const qint64 today = now / 86400;
    const int minuteOfDay = int((now % 86400) / 60);
    for (const auto &[companyId, schedule] : schedules.value()) {
        const QString at = schedule.value(QLatin1String("time_of_day")).toString();
        const int due = at.left(2).toInt() * 60 + at.mid(3, 2).toInt();
        const qint64 last = schedule.value(QLatin1String("last_sent")).isNull()
            ? -1
            : json::parseIsoTime(schedule.value(QLatin1String("last_sent")).toString()) / 86400;
        if (minuteOfDay < due || last >= today)
            continue;
        const Result<qint64> id = queueReport(companyId, now);
        if (!id.ok()) {
            qCWarning(lcNotify) << "report for company" << companyId << "not queued:" << id.error().detail;
            continue;
        }
        if (Status s = repo.markReportSent(companyId, today); !s.ok())
            return s.error();
        ++queued;
    }
    return queued;
}

Result<int> Notifier::deliver(qint64 now) const
{
    if (!m_settings.isConfigured())
        return 0;
    store::NotifyRepository repo(m_db);
    const Result<QList<store::OutboxMail>> due = repo.due(now, 20);
    if (!due.ok())
        return due.error();
    int sent = 0;
    for (const store::OutboxMail &m : due.value()) {
        const Result<bool> mine = repo.claim(m.id, now);
        if (!mine.ok())
            return mine.error();
        if (!mine.value())
            continue;
        Mail mail {m.recipients, m.subject, m.body, m.attachmentName, m.attachment, "text/csv",
            "outbox-" + QByteArray::number(m.id) + '.'
                + QByteArray::number(qHash(m.subject + m.recipients.join(QLatin1Char(','))), 16)};
        const Status s = Mailer::send(m_settings, mail, now);
        if (s.ok()) {
            if (Status mark = repo.markSent(m.id, now); !mark.ok())
                return mark.error();
            ++sent;
        } else {
            // Back off: 1, 2, 4 … minutes, at most an hour.
            const int attempts = m.attempts + 1;
            const qint64 wait = std::min<qint64>(3600, qint64(60) << std::min(attempts - 1, 6));
            qCWarning(lcNotify) << "mail" << m.id << "not sent:" << s.error().detail;
            if (Status mark = repo.markFailed(m.id, attempts, now + wait, s.error().detail); !mark.ok())
                return mark.error();
        }
    }
    return sent;
}

} // namespace mailadmin::notify
