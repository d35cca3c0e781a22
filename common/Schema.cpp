#include "Schema.h"

#include "Json.h"
#include "Role.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QByteArray>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace mailadmin {

namespace {

constexpr qint64 kMaxBytes = qint64(16) * 1024 * 1024 * 1024 * 1024; // 16 TiB

FieldSpec f(QString name, FieldType type)
{
    FieldSpec spec;
    spec.name = std::move(name);
    spec.type = type;
    return spec;
}

FieldSpec required(FieldSpec s)
{
    s.required = true;
    return s;
}
FieldSpec readOnly(FieldSpec s)
{
    s.writable = false;
    return s;
}
FieldSpec createOnly(FieldSpec s)
{
    s.createOnly = true;
    return s;
}
FieldSpec nullable(FieldSpec s)
{
    s.nullable = true;
    return s;
}
FieldSpec text(QString name, int maxLength, FieldType type = FieldType::String)
{
    FieldSpec s = f(std::move(name), type);
    s.maxLength = maxLength;
    return s;
}
FieldSpec integer(QString name, qint64 min, qint64 max, FieldType type = FieldType::Integer)
{
    FieldSpec s = f(std::move(name), type);
    s.minimum = min;
    s.maximum = max;
    return s;
}
FieldSpec choice(QString name, QStringList choices)
{
    FieldSpec s = f(std::move(name), FieldType::Choice);
    s.choices = std::move(choices);
    return s;
}
FieldSpec list(QString name, FieldType type, int maxItems)
{
    FieldSpec s = f(std::move(name), type);
    s.maxLength = maxItems;
    return s;
}

QString typeName(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
    case FieldType::Bytes:
    case FieldType::Reference:
        return QStringLiteral("an integer");
    case FieldType::Boolean:
        return QStringLiteral("true or false");
    case FieldType::DomainList:
    case FieldType::EmailList:
    case FieldType::ChoiceList:
        return QStringLiteral("a list of strings");
    case FieldType::IdList:
        return QStringLiteral("a list of ids");
    case FieldType::Time:
        return QStringLiteral("an ISO 8601 time");
    case FieldType::ServiceMap:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("a string");
    }
}

void add(QList<FieldError> &errors, const QString &field, const QString &code, const QString &message)
{
    errors.append(FieldError {field, code, message});
}

bool isWholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d);
}

// Checks one string value and returns the normalized form; adds a field error otherwise.
std::optional<QString> checkString(
    const FieldSpec &spec, const QString &field, const QString &value, QList<FieldError> &errors)
{
    using namespace validation;
    Verdict verdict;
    switch (spec.type) {
    case FieldType::DomainName:
    case FieldType::DomainList:
        verdict = normalizeDomainName(value);
        break;
    case FieldType::LocalPart:
        verdict = normalizeLocalPart(value);
        break;
    case FieldType::Email:
    case FieldType::EmailList:
        verdict = normalizeEmail(value);
        break;
    case FieldType::Url:
        verdict = normalizeUrl(value);
        break;
    case FieldType::Phone:
        verdict = normalizePhone(value);
        break;
    case FieldType::Colour:
        verdict = normalizeColour(value);
        break;
    case FieldType::Login:
        verdict = normalizeLogin(value);
        break;
    case FieldType::Time:
        if (value.isEmpty() || json::parseIsoTime(value) <= 0)
            verdict = Verdict::reject(QStringLiteral("invalid"),
                QCoreApplication::translate("Validation", "Use an ISO 8601 UTC time such as 2026-12-01T22:00:00Z."));
        else
            verdict = Verdict::accept(json::isoTime(json::parseIsoTime(value)));
        break;
    case FieldType::Choice:
    case FieldType::ChoiceList:
        if (!spec.choices.contains(value))
            verdict = Verdict::reject(QStringLiteral("invalid_choice"),
                QCoreApplication::translate("Validation", "Use one of: %1.").arg(spec.choices.join(QStringLiteral(", "))));
        else
            verdict = Verdict::accept(value);
        break;
    case FieldType::Password:
        if (value.size() > 128)
            verdict
                = Verdict::reject(QStringLiteral("too_long"), QCoreApplication::translate("Validation", "Use at most 128 characters."));
        else
            verdict = Verdict::accept(value); // policy is checked by the service, which knows the account
        break;
    case FieldType::String:
    case FieldType::Text: {
        const bool multiline = spec.type == FieldType::Text;
        const QString trimmed = multiline ? value : value.trimmed();
        if (hasControlCharacters(trimmed, multiline))
            verdict = Verdict::reject(QStringLiteral("control_characters"),
                multiline
                    ? QCoreApplication::translate("Validation", "Control characters other than line breaks and tabs are not allowed.")
                    : QCoreApplication::translate("Validation", "Control characters and line breaks are not allowed."));
        else if (spec.maxLength > 0 && trimmed.size() > spec.maxLength)
            verdict = Verdict::reject(
                QStringLiteral("too_long"), QCoreApplication::translate("Validation", "Use at most %1 characters.").arg(spec.maxLength));
        else if (trimmed.size() < spec.minLength)
            verdict = Verdict::reject(
                spec.minLength == 1 ? QStringLiteral("required") : QStringLiteral("too_short"),
                spec.minLength == 1 ? QCoreApplication::translate("Validation", "This cannot be empty.")
                                    : QCoreApplication::translate("Validation", "Use at least %1 characters.").arg(spec.minLength));
        else
            verdict = Verdict::accept(trimmed);
        break;
    }
    default:
        verdict = Verdict::accept(value);
    }
    if (!verdict.ok()) {
        add(errors, field, verdict.code, verdict.message);
        return std::nullopt;
    }
    return verdict.value;
}

std::optional<QJsonValue> checkValue(
    const FieldSpec &spec, const QJsonValue &value, QList<FieldError> &errors)
{
    const QString &name = spec.name;
    if (value.isNull()) {
        if (spec.nullable)
            return QJsonValue(QJsonValue::Null);
        add(errors, name, QStringLiteral("type"), QCoreApplication::translate("Validation", "This field cannot be null."));
        return std::nullopt;
    }
    switch (spec.type) {
    case FieldType::Integer:
    case FieldType::Bytes:
    case FieldType::Reference: {
        if (!isWholeNumber(value)) {
            add(errors, name, QStringLiteral("type"),
                QCoreApplication::translate("Validation", "Expected %1.").arg(typeName(spec.type)));
            return std::nullopt;
        }
        if (std::fabs(value.toDouble()) > 9.0e15) {
            add(errors, name, QStringLiteral("out_of_range"),
                QCoreApplication::translate("Validation", "This number is far too large."));
            return std::nullopt;
        }
        const qint64 n = qint64(value.toDouble());
        const qint64 max = spec.type == FieldType::Bytes && spec.maximum == 0 ? kMaxBytes : spec.maximum;
        const qint64 min = spec.type == FieldType::Reference ? 1 : spec.minimum;
        if (n < min || (max > 0 && n > max)) {
            add(errors, name, QStringLiteral("out_of_range"),
                max > 0 ? QCoreApplication::translate("Validation", "Use a value from %1 to %2.").arg(min).arg(max)
                        : QCoreApplication::translate("Validation", "Use a value of at least %1.").arg(min));
            return std::nullopt;
        }
        return QJsonValue(double(n));
    }
    case FieldType::Boolean:
        if (!value.isBool()) {
            add(errors, name, QStringLiteral("type"), QCoreApplication::translate("Validation", "Expected true or false."));
            return std::nullopt;
        }
        return value;
    case FieldType::IdList: {
        if (!value.isArray()) {
            add(errors, name, QStringLiteral("type"), QCoreApplication::translate("Validation", "Expected a list of ids."));
            return std::nullopt;
        }
        const QJsonArray items = value.toArray();
        if (spec.maxLength > 0 && items.size() > spec.maxLength) {
            add(errors, name, QStringLiteral("too_many"),
                QCoreApplication::translate("Validation", "Use at most %1 entries.").arg(spec.maxLength));
            return std::nullopt;
        }
        QJsonArray out;
        QSet<qint64> seen;
        bool good = true;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString field = QStringLiteral("%1[%2]").arg(name).arg(i);
            const QJsonValue item = items.at(i);
            if (!isWholeNumber(item) || item.toDouble() < 1 || item.toDouble() > 9.0e15) {
                add(errors, field, QStringLiteral("type"), QCoreApplication::translate("Validation", "Expected a positive id."));
                good = false;
                continue;
            }
            const qint64 id = qint64(item.toDouble());
            if (seen.contains(id)) {
                add(errors, field, QStringLiteral("duplicate"),
                    QCoreApplication::translate("Validation", "This entry is listed twice."));
                good = false;
                continue;
            }
            seen.insert(id);
            out.append(double(id));
        }
        if (!good)
            return std::nullopt;
        return QJsonValue(out);
    }
    case FieldType::DomainList:
    case FieldType::ChoiceList:
    case FieldType::EmailList: {
        if (!value.isArray()) {
            add(errors, name, QStringLiteral("type"), QCoreApplication::translate("Validation", "Expected a list of strings."));
            return std::nullopt;
        }
        const QJsonArray items = value.toArray();
        if (spec.maxLength > 0 && items.size() > spec.maxLength) {
            add(errors, name, QStringLiteral("too_many"),
                QCoreApplication::translate("Validation", "Use at most %1 entries.").arg(spec.maxLength));
            return std::nullopt;
        }
        QJsonArray out;
        QSet<QString> seen;
        bool good = true;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString field = QStringLiteral("%1[%2]").arg(name).arg(i);
            if (!items.at(i).isString()) {
                add(errors, field, QStringLiteral("type"), QCoreApplication::translate("Validation", "Expected a string."));
                good = false;
                continue;
            }
            const auto normalized = checkString(spec, field, items.at(i).toString(), errors);
            if (!normalized) {
                good = false;
                continue;
            }
            if (seen.contains(*normalized)) {
                add(errors, field, QStringLiteral("duplicate"),
                    QCoreApplication::translate("Validation", "This entry is listed twice."));
                good = false;
                continue;
            }
            seen.insert(*normalized);
            out.append(*normalized);
        }
        if (!good)
            return std::nullopt;
        return QJsonValue(out);
    }
    case FieldType::ServiceMap: {
        if (!value.isObject()) {
            add(errors, name, QStringLiteral("type"),
                QCoreApplication::translate("Validation", "Expected an object of protocol to state."));
            return std::nullopt;
        }
        const QJsonObject object = value.toObject();
        QJsonObject out;
        bool good = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString field = name + QLatin1Char('.') + it.key();
            if (!services::protocols().contains(it.key())) {
                add(errors, field, QStringLiteral("unknown_field"),
                    QCoreApplication::translate("Validation", "Known protocols: %1.")
                        .arg(services::protocols().join(QStringLiteral(", "))));
                good = false;
            } else if (!it.value().isString() || !services::states().contains(it.value().toString())) {
                add(errors, field, QStringLiteral("invalid_choice"),
                    QCoreApplication::translate("Validation", "Use one of: %1.").arg(services::states().join(QStringLiteral(", "))));
                good = false;
            } else {
                out.insert(it.key(), it.value());
            }
        }
        if (!good)
            return std::nullopt;
        return QJsonValue(out);
    }
    case FieldType::Base64: {
        if (!value.isString()) {
            add(errors, name, QStringLiteral("type"), QCoreApplication::translate("Validation", "Expected base64 text."));
            return std::nullopt;
        }
        const QByteArray text = value.toString().toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            add(errors, name, QStringLiteral("invalid"), QCoreApplication::translate("Validation", "This is not valid base64."));
            return std::nullopt;
        }
        if (spec.maxLength > 0 && decoded.decoded.size() > spec.maxLength) {
            add(errors, name, QStringLiteral("too_large"),
                QCoreApplication::translate("Validation", "Use at most %1 KiB.").arg(spec.maxLength / 1024));
            return std::nullopt;
        }
        return value;
    }
    default: {
        if (!value.isString()) {
            add(errors, name, QStringLiteral("type"),
                QCoreApplication::translate("Validation", "Expected %1.").arg(typeName(spec.type)));
            return std::nullopt;
        }
        const auto normalized = checkString(spec, name, value.toString(), errors);
        if (!normalized)
            return std::nullopt;
        return QJsonValue(*normalized);
    }
    }
}

} // namespace

QJsonObject services::defaults()
{
    QJsonObject o;
    for (const QString &p : protocols())
        o.insert(p, QStringLiteral("enabled"));
    return o;
}

EntitySchema::EntitySchema(QString name, QList<FieldSpec> fields)
    : m_name(std::move(name)), m_fields(std::move(fields))
{ }

const FieldSpec *EntitySchema::field(const QString &name) const
{
    for (const FieldSpec &spec : m_fields) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

Result<QJsonObject> EntitySchema::validate(const QJsonObject &input, Mode mode) const
{
    QList<FieldError> errors;
    QJsonObject out;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const FieldSpec *spec = field(it.key());
        if (!spec) {
            // "version" is accepted and ignored: clients echo objects back; If-Match carries the version.
            if (it.key() != QLatin1String("version"))
                add(errors, it.key(), QStringLiteral("unknown_field"),
                    QCoreApplication::translate("Validation", "This field is not known here."));
            continue;
        }
        if (!spec->writable) {
            add(errors, it.key(), QStringLiteral("read_only"), QCoreApplication::translate("Validation", "This field cannot be set."));
            continue;
        }
        if (spec->createOnly && mode == Mode::Patch) {
            add(errors, it.key(), QStringLiteral("read_only"),
                QCoreApplication::translate("Validation", "This field is set when the object is created."));
            continue;
        }
        if (auto value = checkValue(*spec, it.value(), errors))
            out.insert(spec->name, *value);
    }
    if (mode == Mode::Create) {
        for (const FieldSpec &spec : m_fields) {
            if (spec.required && !input.contains(spec.name))
                add(errors, spec.name, QStringLiteral("required"), QCoreApplication::translate("Validation", "This field is required."));
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(errors, QCoreApplication::translate("Validation", "Some fields are not valid."));
    return out;
}

const EntitySchema &EntitySchema::company()
{
    static const EntitySchema schema(QStringLiteral("company"),
        {
            required([] {
                auto s = text(QStringLiteral("name"), 128);
                s.minLength = 1;
                return s;
            }()),
            integer(QStringLiteral("default_quota"), 0, 0, FieldType::Bytes),
            integer(QStringLiteral("quota_maximum"), 0, 0, FieldType::Bytes),
            integer(QStringLiteral("user_limit"), 0, 10'000'000),
            integer(QStringLiteral("alias_limit"), 0, 10'000'000),
            f(QStringLiteral("service_defaults"), FieldType::ServiceMap),
            integer(QStringLiteral("smtp_send_limit"), 0, 10'000),
            nullable(f(QStringLiteral("brand_id"), FieldType::Reference)),
            text(QStringLiteral("language"), 16),
            text(QStringLiteral("notes"), 4096, FieldType::Text),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("domain_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("user_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::contact()
{
    static const EntitySchema schema(QStringLiteral("contact"),
        {
            required(choice(QStringLiteral("type"),
                {QStringLiteral("emergency"), QStringLiteral("maintenance"), QStringLiteral("technical"),
                    QStringLiteral("billing"), QStringLiteral("abuse"), QStringLiteral("business")})),
            required([] {
                auto s = text(QStringLiteral("name"), 128);
                s.minLength = 1;
                return s;
            }()),
            required(f(QStringLiteral("email"), FieldType::Email)),
            nullable(f(QStringLiteral("phone"), FieldType::Phone)),
            text(QStringLiteral("notes"), 1024, FieldType::Text),
            // Which incident notices this contact receives (emergency contacts: outages and degradations;
            // maintenance contacts: maintenance); all by default.
            [] {
                auto s = list(QStringLiteral("notice_kinds"), FieldType::ChoiceList, 3);
                s.choices = incidents::kinds();
                return s;
            }(),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("company_id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::domain()
{
    static const EntitySchema schema(QStringLiteral("domain"),
        {
            required(createOnly(f(QStringLiteral("name"), FieldType::DomainName))),
            list(QStringLiteral("aliases"), FieldType::DomainList, 200),
            integer(QStringLiteral("default_quota"), 0, 0, FieldType::Bytes),
            integer(QStringLiteral("quota_maximum"), 0, 0, FieldType::Bytes),
            integer(QStringLiteral("user_limit"), 0, 10'000'000),
            f(QStringLiteral("disabled"), FieldType::Boolean),
            nullable(f(QStringLiteral("brand_id"), FieldType::Reference)),
            text(QStringLiteral("notes"), 4096, FieldType::Text),
            createOnly(nullable(f(QStringLiteral("cluster_id"), FieldType::Reference))),
            readOnly(f(QStringLiteral("cluster"), FieldType::String)),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("company_id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("display_name"), FieldType::String)),
            readOnly(f(QStringLiteral("user_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
            readOnly(f(QStringLiteral("deleted_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::user()
{
    static const EntitySchema schema(QStringLiteral("user"),
        {
            required(createOnly(f(QStringLiteral("local_part"), FieldType::LocalPart))),
            createOnly(choice(QStringLiteral("type"),
                {QStringLiteral("mailbox"), QStringLiteral("forward"), QStringLiteral("filter")})),
            text(QStringLiteral("display_name"), 256),
            text(QStringLiteral("title"), 60),
            integer(QStringLiteral("quota"), 0, 0, FieldType::Bytes),
            list(QStringLiteral("aliases"), FieldType::EmailList, 200),
            list(QStringLiteral("forward_recipients"), FieldType::EmailList, 100),
            f(QStringLiteral("services"), FieldType::ServiceMap),
            nullable(f(QStringLiteral("brand_id"), FieldType::Reference)),
            text(QStringLiteral("notes"), 4096, FieldType::Text),
            createOnly(f(QStringLiteral("password"), FieldType::Password)),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("address"), FieldType::Email)),
            readOnly(f(QStringLiteral("domain"), FieldType::DomainName)),
            readOnly(f(QStringLiteral("status"), FieldType::String)),
            readOnly(f(QStringLiteral("used_bytes"), FieldType::Bytes)),
            readOnly(f(QStringLiteral("messages"), FieldType::Integer)),
            readOnly(f(QStringLiteral("last_login"), FieldType::ServiceMap)),
            readOnly(f(QStringLiteral("password_set"), FieldType::Boolean)),
            readOnly(f(QStringLiteral("store_id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("store"), FieldType::String)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
            readOnly(f(QStringLiteral("deleted_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::brand()
{
    static const EntitySchema schema(QStringLiteral("brand"),
        {
            required([] {
                auto s = text(QStringLiteral("name"), 64);
                s.minLength = 1;
                return s;
            }()),
            text(QStringLiteral("product_name"), 64),
            f(QStringLiteral("primary_colour"), FieldType::Colour),
            f(QStringLiteral("accent_colour"), FieldType::Colour),
            nullable([] {
                auto s = f(QStringLiteral("logo"), FieldType::Base64);
                s.maxLength = 256 * 1024;
                return s;
            }()),
            nullable(f(QStringLiteral("support_url"), FieldType::Url)),
            nullable(f(QStringLiteral("support_email"), FieldType::Email)),
            text(QStringLiteral("login_message"), 2000, FieldType::Text),
            createOnly(f(QStringLiteral("company_id"), FieldType::Reference)),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("logo_type"), FieldType::String)),
            readOnly(f(QStringLiteral("assignments"), FieldType::Integer)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::admin()
{
    static const EntitySchema schema(QStringLiteral("admin"),
        {
            required(createOnly(f(QStringLiteral("login"), FieldType::Login))),
            text(QStringLiteral("display_name"), 128),
            required(choice(QStringLiteral("role"), roles::names())),
            nullable(f(QStringLiteral("company_id"), FieldType::Reference)),
            list(QStringLiteral("domains"), FieldType::DomainList, 1000),
            f(QStringLiteral("disabled"), FieldType::Boolean),
            createOnly(f(QStringLiteral("password"), FieldType::Password)),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("last_login_at"), FieldType::String)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::cluster()
{
    static const EntitySchema schema(QStringLiteral("cluster"),
        {
            required([] {
                auto s = text(QStringLiteral("name"), 64);
                s.minLength = 1;
                return s;
            }()),
            text(QStringLiteral("description"), 1024, FieldType::Text),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("store_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("mailbox_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("domain_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::mailStore()
{
    static const EntitySchema schema(QStringLiteral("mail_store"),
        {
            required([] {
                auto s = text(QStringLiteral("name"), 64);
                s.minLength = 1;
                return s;
            }()),
            required(createOnly(f(QStringLiteral("cluster_id"), FieldType::Reference))),
            text(QStringLiteral("host"), 255),
            text(QStringLiteral("mail_location"), 255),
            [] {
                auto s = list(QStringLiteral("services"), FieldType::ChoiceList, 5);
                s.choices = incidents::services();
                return s;
            }(),
            f(QStringLiteral("accepting"), FieldType::Boolean),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("cluster"), FieldType::String)),
            readOnly(f(QStringLiteral("mailbox_count"), FieldType::Integer)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

const EntitySchema &EntitySchema::incident()
{
    static const EntitySchema schema(QStringLiteral("incident"),
        {
            required(createOnly(choice(QStringLiteral("kind"), incidents::kinds()))),
            required([] {
                auto s = text(QStringLiteral("title"), 200);
                s.minLength = 1;
                return s;
            }()),
            text(QStringLiteral("description"), 8000, FieldType::Text),
            choice(QStringLiteral("severity"), incidents::severities()),
            required([] {
                auto s = list(QStringLiteral("services"), FieldType::ChoiceList, 5);
                s.choices = incidents::services();
                return s;
            }()),
            list(QStringLiteral("clusters"), FieldType::IdList, 100),
            list(QStringLiteral("stores"), FieldType::IdList, 1000),
            list(QStringLiteral("companies"), FieldType::IdList, 1000),
            list(QStringLiteral("domains"), FieldType::DomainList, 1000),
            f(QStringLiteral("starts_at"), FieldType::Time),
            nullable(f(QStringLiteral("expected_end_at"), FieldType::Time)),
            integer(QStringLiteral("remind_before_minutes"), 0, 10080),
            readOnly(f(QStringLiteral("id"), FieldType::Integer)),
            readOnly(f(QStringLiteral("status"), FieldType::String)),
            readOnly(f(QStringLiteral("resolved_at"), FieldType::String)),
            readOnly(f(QStringLiteral("closing_note"), FieldType::String)),
            readOnly(f(QStringLiteral("reminded_at"), FieldType::String)),
            readOnly(f(QStringLiteral("created_by"), FieldType::String)),
            readOnly(f(QStringLiteral("created_at"), FieldType::String)),
            readOnly(f(QStringLiteral("updated_at"), FieldType::String)),
        });
    return schema;
}

} // namespace mailadmin
