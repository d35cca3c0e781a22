#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mailadmin::store {
class Database;
}

namespace mailadmin::notify {

// Where bulletins enter the mailboxes: Dovecot's LMTP (lmtp://host:port) or an SMTP server such as
// Postfix (smtp://host:port), with no authentication, on a trusted network.
struct DeliverySettings
{
    QString url; // empty: bulletins are queued but not delivered
    QString from
        = QStringLiteral("mailadmin@localhost"); // envelope sender, and From when a template has none
    bool isConfigured() const { return !url.isEmpty(); }
    // Empty when `url` is usable, otherwise what is wrong with it.
    static QString check(const QString &url);
};

// The values a template's placeholders take for one recipient.
struct Recipient
{
    QString address;
    QString name;
    QString domain;
    QString title;
};

// Bulletin templates (RFC 5322 messages with {account}, {domain}, {name} and {title}) and their delivery
// through the mail path, one recipient per transaction.
class BulletinSender
{
public:
    BulletinSender(store::Database &db, DeliverySettings settings) : m_db(db), m_settings(std::move(settings))
    { }

    static const QStringList &placeholders();
    // Field errors of a template ("text"): headers, a blank line and a body; known placeholders only.
    static QList<FieldError> checkTemplate(const QString &text);
    // The message one recipient receives: placeholders filled in, CRLF line ends, and Date, Message-ID,
    // To and From added when the template has none.
    static QByteArray render(const QString &text, const Recipient &to, const QString &from,
        const QByteArray &messageId, qint64 now);
    // One LMTP or SMTP transaction. A refusal (5xx) is an Invalid error; anything else that fails is
    // Unavailable (worth trying again).
    static Status transfer(const DeliverySettings &settings, const QString &to, const QByteArray &message);

    // Sends what is due; returns how many were delivered.
    Result<int> deliver(qint64 now) const;

private:
    store::Database &m_db;
    DeliverySettings m_settings;
};

} // namespace mailadmin::notify
