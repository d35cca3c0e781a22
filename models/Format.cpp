#include "Format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace mailadmin::format {

QString bytes(qint64 value)
{
    if (value < 0)
        return {};
    static const char *units[] = {QT_TRANSLATE_NOOP("Format", "B"), QT_TRANSLATE_NOOP("Format", "KB"),
        QT_TRANSLATE_NOOP("Format", "MB"), QT_TRANSLATE_NOOP("Format", "GB"),
        QT_TRANSLATE_NOOP("Format", "TB")};
    double v = double(value);
    int unit = 0;
    while (v >= 1024.0 && unit < 4) {
        v /= 1024.0;
        ++unit;
    }
    const QLocale locale;
    const QString number = unit == 0 || v >= 100 || v == double(qint64(v)) ? locale.toString(qint64(v + 0.5))
                                                                           : locale.toString(v, 'f', 1);
    return number + QLatin1Char(' ') + QCoreApplication::translate("Format", units[unit]);
}

qint64 parseBytes(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:[.,][0-9]+)?)\\s*([kKmMgGtT]?)[iI]?[bB]?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return -1;
    QString number = m.captured(1);
    number.replace(QLatin1Char(','), QLatin1Char('.'));
    double v = number.toDouble();
    const QString unit = m.captured(2).toLower();
    const int power = unit == QLatin1String("k") ? 1
        : unit == QLatin1String("m")             ? 2
        : unit == QLatin1String("g")             ? 3
        : unit == QLatin1String("t")             ? 4
                                                 : 0;
    for (int i = 0; i < power; ++i)
        v *= 1024.0;
    if (v > 9.0e15)
        return -1;
    return qint64(v + 0.5);
}

QString time(const QString &iso)
{
    if (iso.isEmpty())
        return QCoreApplication::translate("Format", "never");
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid())
        return iso;
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString date(const QString &iso)
{
    if (iso.isEmpty())
        return QCoreApplication::translate("Format", "never");
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : iso;
}

QString status(const QString &s)
{
    if (s == QLatin1String("active"))
        return QCoreApplication::translate("Format", "Active", "status of a user account");
    if (s == QLatin1String("suspended"))
        return QCoreApplication::translate("Format", "Suspended", "status of a user account");
    if (s == QLatin1String("deleted"))
        return QCoreApplication::translate("Format", "Deleted", "status of a user account");
    return s;
}

QString companyStatus(const QString &s)
{
    if (s == QLatin1String("active"))
        return QCoreApplication::translate("Format", "Active", "status of a company");
    if (s == QLatin1String("suspended"))
        return QCoreApplication::translate("Format", "Suspended", "status of a company");
    if (s == QLatin1String("deleted"))
        return QCoreApplication::translate("Format", "Deleted", "status of a company");
    return s;
}

QString userType(const QString &t)
{
    if (t == QLatin1String("mailbox"))
        return QCoreApplication::translate("Format", "Mailbox", "kind of user");
    if (t == QLatin1String("forward"))
        return QCoreApplication::translate("Format", "Forward", "kind of user");
    if (t == QLatin1String("filter"))
        return QCoreApplication::translate("Format", "Filter", "kind of user");
    return t;
}

QString role(const QString &r)
{
    if (r == QLatin1String("operator"))
        return QCoreApplication::translate("Format", "Operator");
    if (r == QLatin1String("company_admin"))
        return QCoreApplication::translate("Format", "Company admin");
    if (r == QLatin1String("company_readonly"))
        return QCoreApplication::translate("Format", "Read-only (executive)");
    if (r == QLatin1String("support"))
        return QCoreApplication::translate("Format", "Support");
    if (r == QLatin1String("domain_admin"))
        return QCoreApplication::translate("Format", "Domain admin");
    if (r == QLatin1String("collector"))
        return QCoreApplication::translate("Format", "Log collector");
    return r;
}

QString contactType(const QString &t)
{
    if (t == QLatin1String("emergency"))
        return QCoreApplication::translate("Format", "Emergency");
    if (t == QLatin1String("maintenance"))
        return QCoreApplication::translate("Format", "Maintenance");
    if (t == QLatin1String("technical"))
        return QCoreApplication::translate("Format", "Technical");
    if (t == QLatin1String("billing"))
        return QCoreApplication::translate("Format", "Billing");
    if (t == QLatin1String("abuse"))
        return QCoreApplication::translate("Format", "Abuse");
    if (t == QLatin1String("business"))
        return QCoreApplication::translate("Format", "Business");
    return t;
}

QString serviceState(const QString &s)
{
    if (s == QLatin1String("enabled"))
        return QCoreApplication::translate("Format", "Enabled");
    if (s == QLatin1String("disabled"))
        return QCoreApplication::translate("Format", "Disabled");
    if (s == QLatin1String("suspended"))
        return QCoreApplication::translate("Format", "Suspended", "status of a user account");
    return s;
}

QString protocol(const QString &p)
{
    if (p == QLatin1String("imap"))
        return QCoreApplication::translate("Format", "IMAP");
    if (p == QLatin1String("pop"))
        return QCoreApplication::translate("Format", "POP");
    if (p == QLatin1String("webmail"))
        return QCoreApplication::translate("Format", "Webmail");
    if (p == QLatin1String("smtp"))
        return QCoreApplication::translate("Format", "SMTP");
    return p;
}

namespace {
QString lookUp(const QHash<QString, const char *> &names, const QString &value)
{
    const auto it = names.constFind(value);
    return it == names.constEnd() ? value : QCoreApplication::translate("Format", it.value());
}
} // namespace

QString auditAction(const QString &action)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("create"), QT_TRANSLATE_NOOP("Format", "Created")},
        {QStringLiteral("update"), QT_TRANSLATE_NOOP("Format", "Changed")},
        {QStringLiteral("delete"), QT_TRANSLATE_NOOP("Format", "Deleted")},
        {QStringLiteral("restore"), QT_TRANSLATE_NOOP("Format", "Restored")},
        {QStringLiteral("password"), QT_TRANSLATE_NOOP("Format", "Password set")},
        {QStringLiteral("suspend"), QT_TRANSLATE_NOOP("Format", "Suspended")},
        {QStringLiteral("unsuspend"), QT_TRANSLATE_NOOP("Format", "Unsuspended")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("Format", "Demo data")},
    };
    return lookUp(names, action);
}

QString objectType(const QString &type)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("company"), QT_TRANSLATE_NOOP("Format", "Company")},
        {QStringLiteral("contact"), QT_TRANSLATE_NOOP("Format", "Contact")},
        {QStringLiteral("domain"), QT_TRANSLATE_NOOP("Format", "Domain")},
        {QStringLiteral("user"), QT_TRANSLATE_NOOP("Format", "User")},
        {QStringLiteral("brand"), QT_TRANSLATE_NOOP("Format", "Brand")},
        {QStringLiteral("admin"), QT_TRANSLATE_NOOP("Format", "Administrator")},
    };
    return lookUp(names, type);
}

QString severity(const QString &severity)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("minor"), QT_TRANSLATE_NOOP("Format", "Minor")},
        {QStringLiteral("major"), QT_TRANSLATE_NOOP("Format", "Major")},
        {QStringLiteral("warning"), QT_TRANSLATE_NOOP("Format", "Warning")},
        {QStringLiteral("critical"), QT_TRANSLATE_NOOP("Format", "Critical")},
    };
    return lookUp(names, severity);
}

QString alertStatus(const QString &status)
{
    if (status == QLatin1String("open"))
        return QCoreApplication::translate("Format", "Open", "status of an alert");
    if (status == QLatin1String("acknowledged"))
        return QCoreApplication::translate("Format", "Acknowledged", "status of an alert");
    if (status == QLatin1String("resolved"))
        return QCoreApplication::translate("Format", "Resolved", "status of an alert");
    return status;
}

QString incidentStatus(const QString &status)
{
    if (status == QLatin1String("open"))
        return QCoreApplication::translate("Format", "Open", "status of an incident");
    if (status == QLatin1String("scheduled"))
        return QCoreApplication::translate("Format", "Scheduled", "status of an incident");
    if (status == QLatin1String("resolved"))
        return QCoreApplication::translate("Format", "Resolved", "status of an incident");
    return status;
}

QString span(const QString &span)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("hour"), QT_TRANSLATE_NOOP("Format", "Hour")},
        {QStringLiteral("day"), QT_TRANSLATE_NOOP("Format", "Day")},
    };
    return lookUp(names, span);
}

QString service(const QString &service)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("inbound"), QT_TRANSLATE_NOOP("Format", "Inbound mail")},
        {QStringLiteral("outbound"), QT_TRANSLATE_NOOP("Format", "Outbound mail")},
    };
    if (names.contains(service))
        return lookUp(names, service);
    return protocol(service);
}

QString services(const QStringList &services)
{
    QStringList out;
    for (const QString &s : services)
        out << service(s);
    return out.join(QStringLiteral(", "));
}

QString loginResult(bool success)
{
    return success ? QCoreApplication::translate("Format", "Successful", "result of a login")
                   : QCoreApplication::translate("Format", "Failed", "result of a login");
}

QString fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("Format", "Name")},
        {QStringLiteral("display_name"), QT_TRANSLATE_NOOP("Format", "Display name")},
        {QStringLiteral("type"), QT_TRANSLATE_NOOP("Format", "Type")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("Format", "Status")},
        {QStringLiteral("role"), QT_TRANSLATE_NOOP("Format", "Role")},
        {QStringLiteral("company_id"), QT_TRANSLATE_NOOP("Format", "Company")},
        {QStringLiteral("brand_id"), QT_TRANSLATE_NOOP("Format", "Brand")},
        {QStringLiteral("disabled"), QT_TRANSLATE_NOOP("Format", "Disabled")},
        {QStringLiteral("quota"), QT_TRANSLATE_NOOP("Format", "Quota")},
        {QStringLiteral("default_quota"), QT_TRANSLATE_NOOP("Format", "Default quota")},
        {QStringLiteral("quota_maximum"), QT_TRANSLATE_NOOP("Format", "Quota maximum")},
        {QStringLiteral("user_limit"), QT_TRANSLATE_NOOP("Format", "User limit")},
        {QStringLiteral("alias_limit"), QT_TRANSLATE_NOOP("Format", "Alias limit")},
        {QStringLiteral("users"), QT_TRANSLATE_NOOP("Format", "Users")},
        {QStringLiteral("aliases"), QT_TRANSLATE_NOOP("Format", "Alias domains")},
        {QStringLiteral("forward_recipients"), QT_TRANSLATE_NOOP("Format", "Forward to")},
        {QStringLiteral("services"), QT_TRANSLATE_NOOP("Format", "Services")},
        {QStringLiteral("language"), QT_TRANSLATE_NOOP("Format", "Language")},
        {QStringLiteral("notes"), QT_TRANSLATE_NOOP("Format", "Notes")},
        {QStringLiteral("deleted_at"), QT_TRANSLATE_NOOP("Format", "Deleted on")},
    };
    const auto it = names.constFind(field);
    if (it != names.constEnd())
        return QCoreApplication::translate("Format", it.value());
    QString words = field;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("Format", "Yes") : QCoreApplication::translate("Format", "No");
}

const QStringList &protocols()
{
    static const QStringList names
        = {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"), QStringLiteral("smtp")};
    return names;
}

QString lastLogins(const QJsonObject &lastLogin)
{
    QStringList parts;
    for (const QString &p : protocols())
        parts << QStringLiteral("%1: %2").arg(protocol(p), time(lastLogin.value(p).toString()));
    return parts.join(QStringLiteral(" · "));
}

} // namespace mailadmin::format
