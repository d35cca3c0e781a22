#pragma once

#include "store/Scope.h"

#include <QHash>
#include <QString>
#include <QStringList>
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
    // Keeps rows within `scope`: its company (t.company_id), and its domains when it lists them (the rows'
    // domain is in `domainColumn`; no domain listed means no rows).
    void addScope(const Scope &scope, const QString &domainColumn)
    {
        if (scope.companyId > 0)
            add(QStringLiteral("t.company_id = ?"), {scope.companyId});
        if (!scope.domainsOnly)
            return;
        QStringList marks;
        QVariantList ids;
        for (qint64 id : scope.domainIds) {
            marks << QStringLiteral("?");
            ids << id;
        }
        add(marks.isEmpty()
                ? QStringLiteral("1 = 0")
                : QStringLiteral("%1 IN (%2)").arg(domainColumn, marks.join(QStringLiteral(", "))),
            ids);
    }
    QString sql() const
    {
        return conditions.isEmpty() ? QString()
                                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
};

} // namespace mailadmin::store
