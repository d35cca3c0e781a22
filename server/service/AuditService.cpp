#include "service/AuditService.h"

#include "Json.h"

namespace mailadmin::service {

Result<Page> AuditService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("audit.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("at")},
            {{QStringLiteral("object_type"),
                 {QStringLiteral("company"), QStringLiteral("contact"), QStringLiteral("domain"),
                     QStringLiteral("user"), QStringLiteral("brand"), QStringLiteral("admin"),
                     QStringLiteral("bulletin")}},
                {QStringLiteral("object_id"), {}}, {QStringLiteral("actor"), {}},
                {QStringLiteral("action"), {}}, {QStringLiteral("from"), {}}, {QStringLiteral("to"), {}}});
        !s.ok())
        return s.error();
    store::ListQuery q = query;
    QList<FieldError> errors;
    for (const QString &key : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!q.filters.contains(key))
            continue;
        const qint64 t = json::parseIsoTime(q.filters.value(key));
        if (t <= 0)
            errors << FieldError {key, QStringLiteral("invalid"),
                QStringLiteral("Use an ISO 8601 time such as 2026-11-01T00:00:00Z.")};
        else
            q.filters.insert(key, QString::number(t));
    }
    if (!errors.isEmpty()) {
        Error e = Error::make(ErrorKind::Malformed, QStringLiteral("The list parameters are not valid."));
        e.fields = errors;
        return e;
    }
    if (q.filters.value(QStringLiteral("object_type")) == QLatin1String("user")
        && q.filters.contains(QStringLiteral("object_id")))
        q.filters.insert(QStringLiteral("object_id"), q.filters.value(QStringLiteral("object_id")).toLower());
    return store::AuditRepository(db()).list(scopeOf(actor), q);
}

} // namespace mailadmin::service
