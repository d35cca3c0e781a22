#pragma once

#include "Error.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace mailadmin {

enum class FieldType
{
    String, // one line of text
    Text, // several lines allowed
    Integer,
    Bytes, // a size in bytes
    Boolean,
    Choice, // one of `choices`
    DomainName,
    DomainList,
    LocalPart,
    Email,
    EmailList,
    Url,
    Phone,
    Colour,
    Login,
    Password, // write-only, policy checked by the service
    Reference, // an id of another object, or null
    ServiceMap, // {"imap": "enabled", "pop": ..., "webmail": ..., "smtp": ...}
    Base64, // binary data, base64 in JSON
    ChoiceList, // a list of distinct values from `choices`
    IdList, // a list of distinct ids of other objects
    Time, // an ISO 8601 UTC time
};

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::String;
    bool required = false; // on create
    bool writable = true; // false: computed by the server, rejected in input
    bool createOnly = false; // settable on create only
    bool nullable = false;
    int maxLength = 0; // strings: characters; lists: items; Base64: decoded bytes
    qint64 minimum = 0;
    qint64 maximum = 0;
    QStringList choices;
    int minLength = 0;
};

// The fields of one kind of object and the rules for each: one description serves the server's checks
// and the client's checks before sending.
class EntitySchema
{
public:
    enum class Mode
    {
        Create,
        Patch
    };

    EntitySchema(QString name, QList<FieldSpec> fields);

    const QString &name() const { return m_name; }
    const QList<FieldSpec> &fields() const { return m_fields; }
    const FieldSpec *field(const QString &name) const;

    // Checks `input` and returns it normalized (only known, writable fields, canonical forms).
    // All problems are reported together as field errors.
    Result<QJsonObject> validate(const QJsonObject &input, Mode mode) const;

    static const EntitySchema &company();
    static const EntitySchema &contact();
    static const EntitySchema &domain();
    static const EntitySchema &user();
    static const EntitySchema &brand();
    static const EntitySchema &admin();
    static const EntitySchema &cluster();
    static const EntitySchema &mailStore();
    static const EntitySchema &incident();

private:
    QString m_name;
    QList<FieldSpec> m_fields;
};

namespace services {
inline const QStringList &protocols()
{
    static const QStringList list
        = {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"), QStringLiteral("smtp")};
    return list;
}
inline const QStringList &states()
{
    static const QStringList list
        = {QStringLiteral("enabled"), QStringLiteral("disabled"), QStringLiteral("suspended")};
    return list;
}
QJsonObject defaults();
} // namespace services

namespace incidents {
// What an incident can be, and what it can touch (the mail system's services, not the admin protocols).
inline const QStringList &kinds()
{
    static const QStringList list
        = {QStringLiteral("outage"), QStringLiteral("degradation"), QStringLiteral("maintenance")};
    return list;
}
inline const QStringList &services()
{
    static const QStringList list = {QStringLiteral("inbound"), QStringLiteral("outbound"),
        QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail")};
    return list;
}
inline const QStringList &severities()
{
    static const QStringList list
        = {QStringLiteral("minor"), QStringLiteral("major"), QStringLiteral("critical")};
    return list;
}
} // namespace incidents

} // namespace mailadmin
