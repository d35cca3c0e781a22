#pragma once

#include "Result.h"
#include "notify/Mailer.h"

namespace mailadmin::store {
class Database;
}

namespace mailadmin::notify {

// Everything the server mails: new outbound-spike alerts to the company's abuse contacts, and each company's
// scheduled daily CSV report. Mails wait in an outbox table and are retried until the SMTP server takes them.
class Notifier
{
public:
    Notifier(store::Database &db, SmtpSettings settings) : m_db(db), m_settings(std::move(settings)) { }

    // Queues one mail per new alert (to the abuse contacts); returns how many.
    Result<int> queueAlertMails() const;
    // Queues the reports whose time of day has come and that were not sent today; returns how many.
    Result<int> queueDueReports(qint64 now) const;
    // Queues a company's report now (for "send now"); returns the outbox id.
    Result<qint64> queueReport(qint64 companyId, qint64 now) const;
    // Sends what waits in the outbox; returns how many went out.
    Result<int> deliver(qint64 now) const;

    // The daily report: one row per user with yesterday's logins by protocol and messages sent.
    Result<QByteArray> reportCsv(qint64 companyId, qint64 day) const;

private:
    store::Database &m_db;
    SmtpSettings m_settings;
};

} // namespace mailadmin::notify
