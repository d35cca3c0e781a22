#include "mail/MailConf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mailadmin::mail {

namespace {

QString path(const QString &dir, const QString &name)
{
    return QDir(dir).absoluteFilePath(name);
}

// The queries Postfix runs, one map each; %s is the whole key, %u and %d its local part and domain.
struct PostfixMap
{
    const char *file;
    const char *query;
};
const PostfixMap kMaps[] = {
    {"virtual_mailbox_domains.cf", "SELECT domain FROM mail_domains WHERE domain = '%s'"},
    {"virtual_mailbox_maps.cf", "SELECT mail_path FROM mail_mailboxes WHERE address = '%s'"},
    {"virtual_alias_maps.cf", "SELECT destination FROM mail_aliases WHERE address = '%s'"},
    // An address of an alias domain maps to the same local part in its domain, but only when that address
    // exists there, so that Postfix still rejects unknown recipients of alias domains.
    {"virtual_alias_domain_maps.cf",
        "SELECT '%u@' || a.target_domain FROM mail_alias_domains a WHERE a.alias_domain = '%d' "
        "AND EXISTS (SELECT 1 FROM mail_recipients r WHERE r.address = '%u@' || a.target_domain)"},
    {"sender_login_maps.cf", "SELECT login FROM mail_sender_logins WHERE address = '%s'"},
};

bool isPgsql(const MailConf::Options &options)
{
    return options.driver == QLatin1String("pgsql");
}

} // namespace

Result<QHash<QString, QString>> MailConf::parsePgConnect(const QString &connect)
{
    const auto invalid = [](const QString &why) {
        return Error::make(ErrorKind::Invalid, QStringLiteral("--pg-connect: %1").arg(why));
    };
    static const QStringList kKeys = {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("dbname"),
        QStringLiteral("user"), QStringLiteral("password")};
    QHash<QString, QString> values;
    qsizetype i = 0;
    const qsizetype n = connect.size();
    while (i < n) {
        while (i < n && connect.at(i).isSpace())
            ++i;
        if (i == n)
            break;
        const qsizetype eq = connect.indexOf(QLatin1Char('='), i);
        if (eq < 0)
            return invalid(QStringLiteral("'%1' is not key=value.").arg(connect.mid(i)));
        const QString key = connect.mid(i, eq - i).trimmed();
        if (!kKeys.contains(key))
            return invalid(QStringLiteral("'%1' is not one of host, port, dbname, user, password.").arg(key));
        i = eq + 1;
        while (i < n && connect.at(i).isSpace())
            ++i;
        QString value;
        if (i < n && connect.at(i) == QLatin1Char('\'')) {
            // libpq's quoting: '...' with \' and \\ inside.
            ++i;
            bool closed = false;
            for (; i < n; ++i) {
                const QChar c = connect.at(i);
                if (c == QLatin1Char('\\') && i + 1 < n) {
                    value += connect.at(++i);
                } else if (c == QLatin1Char('\'')) {
                    closed = true;
                    ++i;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return invalid(QStringLiteral("a quoted value is not closed."));
        } else {
            while (i < n && !connect.at(i).isSpace())
                value += connect.at(i++);
        }
        if (value.isEmpty())
            return invalid(QStringLiteral("%1 has no value.").arg(key));
        if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
            return invalid(QStringLiteral("a value cannot hold a line break."));
        values.insert(key, value);
    }
    if (!values.contains(QStringLiteral("dbname")))
        return invalid(QStringLiteral("it needs dbname=..."));
    if (const QString port = values.value(QStringLiteral("port")); !port.isEmpty()) {
        bool ok = false;
        const int p = port.toInt(&ok);
        if (!ok || p < 1 || p > 65535)
            return invalid(QStringLiteral("port=%1 is not a port.").arg(port));
    }
    return values;
}

QString MailConf::dovecotSql(const Options &options)
{
    // %s is the service asking (imap, pop3, smtp for Postfix's SASL, submission); mail_passdb holds one row
    // per protocol a mailbox may use now, so a refused protocol reads as an unknown user.
    QString text = QStringLiteral("# Written by mailadmind mailconf: the args of both passdb and userdb "
                                  "{ driver = sql }.\n"
                                  "driver = %1\n"
                                  "connect = %2\n\n")
                       .arg(isPgsql(options) ? QStringLiteral("pgsql") : QStringLiteral("sqlite"),
                           isPgsql(options) ? options.pgConnect.trimmed()
                                            : QFileInfo(options.databasePath).absoluteFilePath());
    text += QStringLiteral("password_query = SELECT address AS user, password FROM mail_passdb "
                           "WHERE address = '%u' AND protocol = '%s'\n\n");
    text += QStringLiteral("user_query = SELECT '%1/' || mail_path AS home, mail, "
                           "'%2' AS uid, '%3' AS gid, quota_rule FROM mail_userdb WHERE address = '%u'\n\n")
                .arg(options.mailRoot, options.mailUid, options.mailGid);
    text += QStringLiteral("iterate_query = SELECT address AS user FROM mail_mailboxes\n");
    return text;
}

QString MailConf::dovecotAuth(const Options &options)
{
    const QString sql = path(options.outDir, QStringLiteral("dovecot-sql.conf.ext"));
    return QStringLiteral(
        "# Written by mailadmind mailconf: MailAdmin's directory as Dovecot's passdb and userdb.\n"
        "auth_mechanisms = plain login\n"
        "auth_username_format = %Lu\n"
        "# No cache: a password change, suspension or service change counts at the next login.\n"
        "auth_cache_size = 0\n"
        "passdb {\n"
        "  driver = sql\n"
        "  args = %1\n"
        "}\n"
        "userdb {\n"
        "  driver = sql\n"
        "  args = %1\n"
        "}\n")
        .arg(sql);
}

QString MailConf::dovecotQuota()
{
    return QStringLiteral(
        "# Written by mailadmind mailconf: MailAdmin's quota (quota_rule from userdb) enforced by Dovecot.\n"
        "mail_plugins = $mail_plugins quota\n"
        "# Over quota is refused at RCPT, so Postfix's LMTP client bounces the message at once.\n"
        "lmtp_rcpt_check_quota = yes\n"
        "plugin {\n"
        "  quota = count:User quota\n"
        "  quota_vsizes = yes\n"
        "  # The quota is the limit: no grace for the message that crosses it.\n"
        "  quota_grace = 0\n"
        "}\n"
        "protocol imap {\n"
        "  mail_plugins = $mail_plugins imap_quota\n"
        "}\n");
}

QString MailConf::postfixMap(const Options &options, const QString &query)
{
    if (isPgsql(options)) {
        // parsePgConnect has accepted the string before anything is written.
        const QHash<QString, QString> pg = parsePgConnect(options.pgConnect).value();
        QString text = QStringLiteral("# Written by mailadmind mailconf.\nhosts = inet:%1%2\ndbname = %3\n")
                           .arg(pg.value(QStringLiteral("host"), QStringLiteral("localhost")),
                               pg.contains(QStringLiteral("port"))
                                   ? QLatin1Char(':') + pg.value(QStringLiteral("port"))
                                   : QString(),
                               pg.value(QStringLiteral("dbname")));
        if (pg.contains(QStringLiteral("user")))
            text += QStringLiteral("user = %1\n").arg(pg.value(QStringLiteral("user")));
        if (pg.contains(QStringLiteral("password")))
            text += QStringLiteral("password = %1\n").arg(pg.value(QStringLiteral("password")));
        return text + QStringLiteral("query = %1\n").arg(query);
    }
    return QStringLiteral("# Written by mailadmind mailconf.\ndbpath = %1\nquery = %2\n")
        .arg(QFileInfo(options.databasePath).absoluteFilePath(), query);
}

QString MailConf::postfixMain(const Options &options)
{
    const QString dir = path(options.outDir, QStringLiteral("postfix"));
    const auto map = [&](const char *file) -> QString {
        return (isPgsql(options) ? QStringLiteral("pgsql:") : QStringLiteral("sqlite:"))
            + path(dir, QLatin1String(file));
    };
    return QStringLiteral(
        "# Written by mailadmind mailconf: add these lines to main.cf (postconf -e accepts them one by "
        "one).\n"
        "virtual_mailbox_domains = %1\n"
        "virtual_mailbox_maps = %2\n"
        "virtual_alias_maps = %3, %4\n"
        "virtual_transport = %5\n"
        "smtpd_sasl_type = dovecot\n"
        "smtpd_sasl_path = %6\n"
        "smtpd_sender_login_maps = %7\n"
        "# Unknown recipients are refused at RCPT; no lookup result is cached by Postfix's SQL tables.\n"
        "smtpd_reject_unlisted_recipient = yes\n"
        "# The outbound policy: a policy server that does not answer leaves the message to the other\n"
        "# restrictions (DUNNO), so a stopped mailadmind never bounces or delays mail.\n"
        "mailadmin_policy = check_policy_service { %8, timeout=10s, default_action=DUNNO }\n")
        .arg(map("virtual_mailbox_domains.cf"), map("virtual_mailbox_maps.cf"), map("virtual_alias_maps.cf"),
            map("virtual_alias_domain_maps.cf"), options.lmtp, options.saslPath, map("sender_login_maps.cf"),
            options.policy);
}

QString MailConf::postfixMaster()
{
    return QStringLiteral(
        "# Written by mailadmind mailconf: the submission service in master.cf; mailboxes sign in through\n"
        "# Dovecot and only as their own addresses.\n"
        "submission inet n       -       y       -       -       smtpd\n"
        "  -o syslog_name=postfix/submission\n"
        "  -o smtpd_tls_security_level=encrypt\n"
        "  -o smtpd_sasl_auth_enable=yes\n"
        "  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n"
        "  -o smtpd_sender_restrictions=reject_sender_login_mismatch\n"
        "  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject\n"
        "  -o smtpd_end_of_data_restrictions=$mailadmin_policy\n");
}

Result<QStringList> MailConf::write(const Options &options)
{
    if (options.driver != QLatin1String("sqlite") && !isPgsql(options))
        return Error::make(ErrorKind::Invalid,
            QStringLiteral("The driver is sqlite or pgsql, not '%1'.").arg(options.driver));
    if (isPgsql(options)) {
        if (const auto pg = parsePgConnect(options.pgConnect); !pg.ok())
            return pg.error();
    }
    const QDir out(options.outDir);
    if (!out.mkpath(QStringLiteral("dovecot.conf.d")) || !out.mkpath(QStringLiteral("postfix")))
        return Error::internal(QStringLiteral("Cannot create folders in %1.").arg(options.outDir));
    QList<std::pair<QString, QString>> files = {
        {QStringLiteral("dovecot-sql.conf.ext"), dovecotSql(options)},
        {QStringLiteral("dovecot.conf.d/10-mailadmin-auth.conf"), dovecotAuth(options)},
        {QStringLiteral("dovecot.conf.d/90-mailadmin-quota.conf"), dovecotQuota()},
        {QStringLiteral("postfix/main.cf.lines"), postfixMain(options)},
        {QStringLiteral("postfix/master.cf.lines"), postfixMaster()},
    };
    for (const PostfixMap &m : kMaps)
        files.append({QStringLiteral("postfix/") + QLatin1String(m.file),
            postfixMap(options, QLatin1String(m.query))});
    QStringList written;
    for (const auto &[name, text] : files) {
        QFile file(out.absoluteFilePath(name));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)
            || file.write(text.toUtf8()) < 0)
            return Error::internal(QStringLiteral("Cannot write %1.").arg(file.fileName()));
        written << name;
    }
    return written;
}

} // namespace mailadmin::mail
