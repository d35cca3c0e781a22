#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mailadmin::notify {

// Where and how the server sends mail (from its command line; the password from the environment).
struct SmtpSettings
{
    QString url; // smtp://host:port or smtps://host:port; empty: mail is queued but not sent
    bool startTls = false;
    QString user;
    QString password;
    QString from = QStringLiteral("mailadmin@localhost");
    bool isConfigured() const { return !url.isEmpty(); }
};

struct Mail
{
    QStringList to;
    QString subject;
    QString body; // plain text
    QString attachmentName; // optional
    QByteArray attachment;
    QByteArray attachmentType = "text/csv";
    // Stable across retries when set, so a receiver can recognise a repeat; a fresh one otherwise.
    QByteArray messageId;
};

// Composes MIME messages and sends them over SMTP with libcurl (STARTTLS and AUTH when configured).
class Mailer
{
public:
    static QByteArray compose(const Mail &mail, const QString &from, qint64 now);
    static Status send(const SmtpSettings &settings, const Mail &mail, qint64 now);
};

} // namespace mailadmin::notify
