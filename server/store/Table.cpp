#include "store/Table.h"

#include "Validation.h"

#include "Json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mailadmin::store {

Table::Table(QString name, QList<Column> columns) : m_name(std::move(name)), m_columns(std::move(columns))
{
    m_selectAll = buildSelectList(QStringLiteral("t"), true);
    m_selectStored = buildSelectList(QStringLiteral("t"), false);
}

QString Table::selectList(const QString &alias, bool computed) const
{
    if (alias == QLatin1String("t"))
        return computed ? m_selectAll : m_selectStored;
    return buildSelectList(alias, computed);
}

QString Table::buildSelectList(const QString &alias, bool computed) const
{
    QStringList parts;
    for (const Column &c : m_columns) {
        if (!computed && !c.expression.isEmpty())
            continue;
        if (c.expression.isEmpty())
            parts << alias + QLatin1Char('.') + c.column;
        else
            parts << QString(c.expression).replace(QLatin1String("{t}"), alias);
    }
    return parts.join(QStringLiteral(", "));
}

QJsonValue Table::fieldValue(const QJsonObject &data, const QString &field)
{
    const qsizetype dot = field.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return data.value(field);
    return data.value(field.left(dot)).toObject().value(field.mid(dot + 1));
}

void Table::setFieldValue(QJsonObject &data, const QString &field, const QJsonValue &value)
{
    const qsizetype dot = field.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        data.insert(field, value);
        return;
    }
    const QString outer = field.left(dot);
    QJsonObject nested = data.value(outer).toObject();
    nested.insert(field.mid(dot + 1), value);
    data.insert(outer, nested);
}

QJsonObject Table::read(const Statement &statement, int first, bool computed) const
{
    QJsonObject data;
    int position = first;
    for (const Column &c : m_columns) {
        if (!computed && !c.expression.isEmpty())
            continue;
        if (c.kind != ColumnKind::LowerCopy && c.kind != ColumnKind::SortKey)
            setFieldValue(data, c.field, fromSql(c, statement.value(position)));
        ++position;
    }
    return data;
}

namespace {
void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                char escaped[7];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(uchar(c)));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}
} // namespace

QByteArray Table::render(const Statement &statement) const
{
    QByteArray out;
    out.reserve(768);
    out += '{';
    QString openObject; // the nested object being written ("services" for services.imap, ...)
    bool first = true;
    int position = 0;
    for (const Column &c : m_columns) {
        const QVariant value = statement.value(position++);
        if (c.kind == ColumnKind::LowerCopy || c.kind == ColumnKind::SortKey)
            continue;
        const qsizetype dot = c.field.indexOf(QLatin1Char('.'));
        const QString outer = dot < 0 ? QString() : c.field.left(dot);
        const QString key = dot < 0 ? c.field : c.field.mid(dot + 1);
        if (outer != openObject) {
            if (!openObject.isEmpty())
                out += '}';
            if (!outer.isEmpty()) {
                if (!first)
                    out += ',';
                appendString(out, outer);
                out += ":{";
                first = true;
            }
            openObject = outer;
        }
        if (!first)
            out += ',';
        first = false;
        appendString(out, key);
        out += ':';
        if (value.isNull()) {
            out += c.kind == ColumnKind::JsonArray ? "[]" : "null";
            continue;
        }
        switch (c.kind) {
        case ColumnKind::Integer:
            out += QByteArray::number(value.toLongLong());
            break;
        case ColumnKind::Real:
            out += QByteArray::number(value.toDouble(), 'g', 12);
            break;
        case ColumnKind::Boolean:
            out += value.toLongLong() != 0 ? "true" : "false";
            break;
        case ColumnKind::Time:
            appendString(out, json::isoTime(value.toLongLong()));
            break;
        case ColumnKind::JsonArray:
            // Written by this server as compact JSON; it goes out as it is.
            out += value.toString().toUtf8();
            break;
        case ColumnKind::Blob:
            appendString(out, QString::fromLatin1(value.toByteArray().toBase64()));
            break;
        case ColumnKind::Text:
        case ColumnKind::LowerCopy:
        case ColumnKind::SortKey:
            appendString(out, value.toString());
            break;
        }
    }
    if (!openObject.isEmpty())
        out += '}';
    out += '}';
    return out;
}

QVariant Table::toSql(const Column &column, const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined()) {
        switch (column.kind) {
        case ColumnKind::Integer:
        case ColumnKind::Time:
            return QVariant(QMetaType::fromType<qint64>());
        case ColumnKind::Real:
            return QVariant(QMetaType::fromType<double>());
        case ColumnKind::Boolean:
            return 0;
        case ColumnKind::JsonArray:
            return QStringLiteral("[]");
        case ColumnKind::Blob:
            return QVariant(QMetaType::fromType<QByteArray>());
        case ColumnKind::Text:
            return QVariant(QMetaType::fromType<QString>());
        case ColumnKind::LowerCopy:
        case ColumnKind::SortKey:
            return QString();
        }
    }
    switch (column.kind) {
    case ColumnKind::Integer:
        return qint64(value.toDouble());
    case ColumnKind::Real:
        return value.toDouble();
    case ColumnKind::Boolean:
        return value.toBool() ? 1 : 0;
    case ColumnKind::Time:
        return json::parseIsoTime(value.toString());
    case ColumnKind::JsonArray:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case ColumnKind::Blob:
        return QByteArray::fromBase64(value.toString().toLatin1());
    case ColumnKind::Text:
        return value.toString();
    case ColumnKind::LowerCopy:
        return value.toString().toLower();
    case ColumnKind::SortKey:
        return validation::sortKey(value.toString());
    }
    return {};
}

QJsonValue Table::fromSql(const Column &column, const QVariant &value) const
{
    if (value.isNull())
        return column.kind == ColumnKind::JsonArray ? QJsonValue(QJsonArray()) : QJsonValue(QJsonValue::Null);
    switch (column.kind) {
    case ColumnKind::Integer:
        return double(value.toLongLong());
    case ColumnKind::Real:
        return value.toDouble();
    case ColumnKind::Boolean:
        return value.toLongLong() != 0;
    case ColumnKind::Time:
        return json::isoTime(value.toLongLong());
    case ColumnKind::JsonArray:
        return QJsonDocument::fromJson(value.toString().toUtf8()).array();
    case ColumnKind::Blob:
        return QString::fromLatin1(value.toByteArray().toBase64());
    case ColumnKind::Text:
    case ColumnKind::LowerCopy:
    case ColumnKind::SortKey:
        return value.toString();
    }
    return {};
}

namespace {
bool isStored(const Column &c)
{
    return c.expression.isEmpty() && c.column != QLatin1String("id") && c.column != QLatin1String("version")
        && c.column != QLatin1String("created_at") && c.column != QLatin1String("updated_at");
}
} // namespace

Result<qint64> Table::insert(Database &db, const QJsonObject &data, qint64 now) const
{
    QStringList names, marks;
    QList<QVariant> values;
    for (const Column &c : m_columns) {
        if (!isStored(c))
            continue;
        names << c.column;
        marks << QStringLiteral("?");
        values << toSql(c, fieldValue(data, c.field));
    }
    names << QStringLiteral("version") << QStringLiteral("created_at") << QStringLiteral("updated_at");
    marks << QStringLiteral("1") << QStringLiteral("?") << QStringLiteral("?");
    values << now << now;
    Statement q
        = db.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING id")
                         .arg(m_name, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    for (const QVariant &v : values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    if (!q.next())
        return Error::internal(QStringLiteral("The new row has no id."));
    return q.toInt(0);
}

Result<bool> Table::update(
    Database &db, qint64 id, int expectedVersion, const QJsonObject &data, qint64 now) const
{
    QStringList sets;
    QList<QVariant> values;
    for (const Column &c : m_columns) {
        if (!isStored(c))
            continue;
        sets << c.column + QStringLiteral(" = ?");
        values << toSql(c, fieldValue(data, c.field));
    }
    sets << QStringLiteral("version = version + 1") << QStringLiteral("updated_at = ?");
    values << now << id << expectedVersion;
    Statement q = db.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ? AND version = ?")
                                 .arg(m_name, sets.join(QStringLiteral(", "))));
    for (const QVariant &v : values)
        q.bind(v);
    if (Status s = q.exec(); !s.ok())
        return s.error();
    return q.rowsAffected() == 1;
}

} // namespace mailadmin::store
