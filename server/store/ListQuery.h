#pragma once

#include <QHash>
#include <QString>
#include <QVariantList>

namespace mailadmin::store {

// A page request for a list: search text, filters, one sort key, offset and limit.
struct ListQuery
{
    QString q; // lower-cased; '*' is a wildcard, otherwise a prefix match
    QHash<QString, QString> filters;
    QString sort; // a field name from the list's allowed sort keys
    bool descending = false;
    int offset = 0;
    int limit = 100;
};

// Collects WHERE conditions and their bound values in order.
struct Where
{
    QStringList conditions;
    QVariantList values;

    void add(const QString &condition, const QVariantList &bound = {})
    {
        conditions << condition;
        values += bound;
    }
    QString sql() const
    {
        return conditions.isEmpty() ? QString()
                                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
};

} // namespace mailadmin::store
