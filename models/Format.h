#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mailadmin::format {

// "1.5 GB", "640 KB": binary units with one decimal, the way admins read quotas.
QString bytes(qint64 value);
// Parses "2 GB", "512MB", "1.5 gb", "1073741824"; -1 when it cannot.
qint64 parseBytes(const QString &text);
// An ISO 8601 UTC time from the API as local date and time, or "never".
QString time(const QString &iso);
QString date(const QString &iso);
// Translated names for API enum values.
QString status(const QString &status);
// A company's status: its own words, as a company is feminine in French ("Suspendue").
QString companyStatus(const QString &status);
QString userType(const QString &type);
QString role(const QString &role);
QString contactType(const QString &type);
QString serviceState(const QString &state);
QString protocol(const QString &protocol);
// The protocols in the order every page shows them: IMAP, POP, Webmail, SMTP (their API names).
const QStringList &protocols();
// An audit entry's action ("update") and object type ("user") in words; unknown values as they are.
QString auditAction(const QString &action);
QString objectType(const QString &type);
// Alert and incident words: "Critical", "Open", "Hour"; unknown values as they are.
QString severity(const QString &severity);
QString alertStatus(const QString &status);
QString incidentStatus(const QString &status);
QString span(const QString &span);
// An incident's service ("inbound", "imap") in words, and a list of them joined with commas.
QString service(const QString &service);
QString services(const QStringList &services);
// A login attempt's outcome: "Successful" or "Failed".
QString loginResult(bool success);
// An API field ("display_name") by the label the forms give it ("Display name"); an unknown one with its
// underscores as spaces.
QString fieldLabel(const QString &field);
// "Yes" or "No".
QString yesNo(bool value);
// A user's `last_login` object as "IMAP: <time> · POP: never · …", always in that order.
QString lastLogins(const QJsonObject &lastLogin);

} // namespace mailadmin::format
