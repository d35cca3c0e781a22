#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

namespace mailadmin::mail {

// Writes the Dovecot and Postfix configuration that reads one MailAdmin database through its mail_* views.
class MailConf
{
public:
    struct Options
    {
        QString databasePath; // the SQLite file both daemons open read-only
        QString outDir;
        QString mailRoot = QStringLiteral("/var/vmail"); // each mailbox lives in mailRoot/domain/local_part
        QString mailUid = QStringLiteral("vmail");
        QString mailGid = QStringLiteral("vmail");
        QString lmtp = QStringLiteral("lmtp:unix:private/dovecot-lmtp"); // Postfix's virtual_transport
        QString saslPath = QStringLiteral("private/auth"); // Dovecot's auth socket as Postfix names it
        QString policy = QStringLiteral("inet:127.0.0.1:10040"); // mailadmind serve --policy-listen
    };

    // The files written, relative to outDir.
    static Result<QStringList> write(const Options &options);

    static QString dovecotSql(const Options &options);
    static QString dovecotAuth(const Options &options);
    static QString dovecotQuota();
    static QString postfixMap(const Options &options, const QString &query);
    static QString postfixMain(const Options &options);
    static QString postfixMaster();
};

} // namespace mailadmin::mail
