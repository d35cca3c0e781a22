#include "CsvImportRows.h"

#include "Format.h"
#include "Schema.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace mailadmin::ui::csvimport {

namespace {
// Header names that commonly mean a field.
const QHash<QString, QStringList> &synonyms()
{
    static const QHash<QString, QStringList> map = {
        {QStringLiteral("local_part"),
            {QStringLiteral("local_part"), QStringLiteral("mailbox"), QStringLiteral("user"),
                QStringLiteral("username"), QStringLiteral("address"), QStringLiteral("email"),
                QStringLiteral("e-mail"), QStringLiteral("login")}},
        {QStringLiteral("display_name"),
            {QStringLiteral("display_name"), QStringLiteral("name"), QStringLiteral("full name"),
                QStringLiteral("display name")}},
        {QStringLiteral("type"), {QStringLiteral("type"), QStringLiteral("kind")}},
        {QStringLiteral("quota"),
            {QStringLiteral("quota"), QStringLiteral("size"), QStringLiteral("storage")}},
        {QStringLiteral("password"), {QStringLiteral("password"), QStringLiteral("pass")}},
        {QStringLiteral("forward_recipients"),
            {QStringLiteral("forward_recipients"), QStringLiteral("forward"), QStringLiteral("forward to")}},
        {QStringLiteral("aliases"), {QStringLiteral("aliases"), QStringLiteral("alias")}},
        {QStringLiteral("notes"),
            {QStringLiteral("notes"), QStringLiteral("note"), QStringLiteral("comment")}},
    };
    return map;
}

// A domain typed in Unicode or punycode names the same domain.
bool sameDomain(const QString &typed, const QString &domain)
{
    const validation::Verdict a = validation::normalizeDomainName(typed.trimmed().toLower());
    const validation::Verdict b = validation::normalizeDomainName(domain.trimmed().toLower());
    return a.ok() && b.ok() ? a.value == b.value : typed.trimmed().toLower() == domain.toLower();
}
} // namespace

const QStringList &fields()
{
    static const QStringList list = {QStringLiteral("local_part"), QStringLiteral("display_name"),
        QStringLiteral("type"), QStringLiteral("quota"), QStringLiteral("password"),
        QStringLiteral("forward_recipients"), QStringLiteral("aliases"), QStringLiteral("notes")};
    return list;
}

QList<int> guessMapping(const QStringList &header)
{
    QList<int> mapping(fields().size(), -1);
    for (qsizetype f = 0; f < fields().size(); ++f) {
        // A column named exactly after the field wins (MailAdmin's own exports), then the usual names.
        const qsizetype exact = header.indexOf(fields().at(f));
        if (exact >= 0) {
            mapping[f] = int(exact);
            continue;
        }
        const QStringList names = synonyms().value(fields().at(f));
        for (qsizetype c = 0; c < header.size(); ++c) {
            if (names.contains(header.at(c).trimmed().toLower())) {
                mapping[f] = int(c);
                break;
            }
        }
    }
    return mapping;
}

// The messages are the import widget's (its translation context), written out in full for lupdate.
QJsonObject userBody(
    const QList<int> &mapping, const QStringList &row, const QString &domain, QStringList &problems)
{
    QJsonObject body;
    for (qsizetype f = 0; f < fields().size() && f < mapping.size(); ++f) {
        const int column = mapping.at(f);
        if (column < 0)
            continue;
        const QString field = fields().at(f);
        QString value = column < row.size() ? row.at(column).trimmed() : QString();
        if (value.isEmpty())
            continue;
        if (field == QLatin1String("local_part")) {
            // A full address is accepted when it is in this domain.
            const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
            if (at >= 0) {
                if (!sameDomain(value.mid(at + 1), domain)) {
                    problems << QCoreApplication::translate(
                        "mailadmin::ui::CsvImportWidget", "%1 is not in %2")
                                    .arg(value, domain);
                    continue;
                }
                value = value.left(at);
            }
            body.insert(field, value);
        } else if (field == QLatin1String("quota")) {
            const qint64 bytes = format::parseBytes(value);
            if (bytes < 0)
                problems << QCoreApplication::translate(
                    "mailadmin::ui::CsvImportWidget", "quota: %1 is not a size such as 2 GB")
                                .arg(value);
            else
                body.insert(field, double(bytes));
        } else if (field == QLatin1String("forward_recipients") || field == QLatin1String("aliases")) {
            QJsonArray list;
            static const QRegularExpression separators(QStringLiteral("[;\\s]+"));
            for (const QString &item : value.split(separators, Qt::SkipEmptyParts))
                list.append(item);
            body.insert(field, list);
        } else if (field == QLatin1String("type")) {
            body.insert(field, value.toLower());
        } else {
            body.insert(field, value);
        }
    }
    const Result<QJsonObject> checked = EntitySchema::user().validate(body, EntitySchema::Mode::Create);
    if (!checked.ok()) {
        for (const FieldError &e : checked.error().fields)
            problems << QStringLiteral("%1: %2").arg(e.field, e.message);
    }
    // The server's password policy, known here too, so a weak password is caught before the import.
    if (body.contains(QLatin1String("password"))) {
        const validation::PasswordCheck verdict
            = validation::checkPassword(body.value(QLatin1String("password")).toString(),
                {body.value(QLatin1String("local_part")).toString()});
        for (const QString &reason : verdict.reasons)
            problems
                << QCoreApplication::translate("mailadmin::ui::CsvImportWidget", "password: %1").arg(reason);
    }
    // Aliases live in the same domain as the mailbox.
    for (const QJsonValue &alias : body.value(QLatin1String("aliases")).toArray()) {
        const QString text = alias.toString();
        const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
        if (at >= 0 && !sameDomain(text.mid(at + 1), domain))
            problems << QCoreApplication::translate("mailadmin::ui::CsvImportWidget", "alias %1 is not in %2")
                            .arg(text, validation::domainForDisplay(domain));
    }
    return body;
}

} // namespace mailadmin::ui::csvimport
