#include "Format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace mailadmin::format {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Format", text);
}
} // namespace

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
    return number + QLatin1Char(' ') + tr(units[unit]);
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
        return tr("never");
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid())
        return iso;
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString date(const QString &iso)
{
    if (iso.isEmpty())
        return tr("never");
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : iso;
}

QString status(const QString &s)
{
    if (s == QLatin1String("active"))
        return tr("Active");
    if (s == QLatin1String("suspended"))
        return tr("Suspended");
    if (s == QLatin1String("deleted"))
        return tr("Deleted");
    return s;
}

QString userType(const QString &t)
{
    if (t == QLatin1String("mailbox"))
        return tr("Mailbox");
    if (t == QLatin1String("forward"))
        return tr("Forward");
    if (t == QLatin1String("filter"))
        return tr("Filter");
    return t;
}

QString role(const QString &r)
{
    if (r == QLatin1String("operator"))
        return tr("Operator");
    if (r == QLatin1String("company_admin"))
        return tr("Company admin");
    if (r == QLatin1String("company_readonly"))
        return tr("Read-only (executive)");
    if (r == QLatin1String("support"))
        return tr("Support");
    if (r == QLatin1String("domain_admin"))
        return tr("Domain admin");
    if (r == QLatin1String("collector"))
        return tr("Log collector");
    return r;
}

QString contactType(const QString &t)
{
    if (t == QLatin1String("emergency"))
        return tr("Emergency");
    if (t == QLatin1String("maintenance"))
        return tr("Maintenance");
    if (t == QLatin1String("technical"))
        return tr("Technical");
    if (t == QLatin1String("billing"))
        return tr("Billing");
    if (t == QLatin1String("abuse"))
        return tr("Abuse");
    if (t == QLatin1String("business"))
        return tr("Business");
    return t;
}

QString serviceState(const QString &s)
{
    if (s == QLatin1String("enabled"))
        return tr("Enabled");
    if (s == QLatin1String("disabled"))
        return tr("Disabled");
    if (s == QLatin1String("suspended"))
        return tr("Suspended");
    return s;
}

QString protocol(const QString &p)
{
    if (p == QLatin1String("imap"))
        return tr("IMAP");
    if (p == QLatin1String("pop"))
        return tr("POP");
    if (p == QLatin1String("webmail"))
        return tr("Webmail");
    if (p == QLatin1String("smtp"))
        return tr("SMTP");
    return p;
}

} // namespace mailadmin::format
