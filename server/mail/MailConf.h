#pragma once

#include "Result.h"

#include <QHash>
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
        // "sqlite" (databasePath) or "pgsql" (pgConnect, libpq's "host=... port=... dbname=... user=...
        // password=..."): the same views and the same queries on either.
        QString driver = QStringLiteral("sqlite");
        QString pgConnect;
        QString outDir;
        QString mailRoot = QStringLiteral("/var/vmail"); // each mailbox lives in mailRoot/domain/local_part
        QString mailUid = QStringLiteral("vmail");
        QString mailGid = QStringLiteral("vmail");
        QString lmtp = QStringLiteral("lmtp:unix:private/dovecot-lmtp"); // Postfix's virtual_transport
        QString saslPath = QStringLiteral("private/auth"); // Dovecot's auth socket as Postfix names it
        QString policy = QStringLiteral("inet:127.0.0.1:10040"); // mailadmind serve --policy-listen
    };

    // The files written, relative to outDir. Fails, writing nothing, on a bad driver or connect string.
    static Result<QStringList> write(const Options &options);

    // The keys of a libpq connect string Postfix's pgsql tables can take (host, port, dbname, user,
    // password); anything else, or no dbname, is an Invalid error.
    static Result<QHash<QString, QString>> parsePgConnect(const QString &connect);

    static QString dovecotSql(const Options &options);
    static QString dovecotAuth(const Options &options);
    static QString dovecotQuota();
    static QString postfixMap(const Options &options, const QString &query);
    static QString postfixMain(const Options &options);
    static QString postfixMaster();
};

} // namespace mailadmin::mail
