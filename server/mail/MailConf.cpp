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

} // namespace

QString MailConf::dovecotSql(const Options &options)
{
    // %s is the service asking (imap, pop3, smtp for Postfix's SASL, submission); mail_passdb holds one row
    // per protocol a mailbox may use now, so a refused protocol reads as an unknown user.
    QString text = QStringLiteral("# Written by mailadmind mailconf: the args of both passdb and userdb "
                                  "{ driver = sql }.\n"
                                  "driver = sqlite\n"
                                  "connect = %1\n\n")
                       .arg(QFileInfo(options.databasePath).absoluteFilePath());
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
    return QStringLiteral("# Written by mailadmind mailconf.\ndbpath = %1\nquery = %2\n")
        .arg(QFileInfo(options.databasePath).absoluteFilePath(), query);
}

QString MailConf::postfixMain(const Options &options)
{
    const QString dir = path(options.outDir, QStringLiteral("postfix"));
    const auto map = [&](const char *file) -> QString {
        return QStringLiteral("sqlite:") + path(dir, QLatin1String(file));
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
        "# Unknown recipients are refused at RCPT; no lookup result is cached by Postfix's sqlite tables.\n"
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
