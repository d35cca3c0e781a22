#include "stats/AlertService.h"

#include "Json.h"
#include "Validation.h"
#include "store/AlertRepository.h"

#include <QJsonArray>

#include <cmath>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("alert");

// The filters of the alert list and of the episode list, with the values each accepts (none: any).
QHash<QString, QStringList> alertFilters()
{
    return {{QStringLiteral("status"),
                {QStringLiteral("open"), QStringLiteral("acknowledged"), QStringLiteral("resolved")}},
        {QStringLiteral("scope"), {QStringLiteral("user"), QStringLiteral("domain")}},
        {QStringLiteral("span"), {QStringLiteral("hour"), QStringLiteral("day")}},
        {QStringLiteral("subject"), {}}, {QStringLiteral("domain"), {}}, {QStringLiteral("company_id"), {}}};
}
} // namespace

bool AlertService::visible(const Actor &actor, const Record &alert)
{
    if (alert.isNull())
        return false;
    if (!actor.isOperator() && alert.companyId != actor.companyId)
        return false;
    return actor.role != Role::DomainAdmin || actor.domainIds.contains(alert.domainId);
}

Result<Record> AlertService::alertInScope(const Actor &actor, qint64 id) const
{
    Result<Record> alert = store::AlertRepository(db()).byId(id);
    if (!alert.ok())
        return alert;
    if (!visible(actor, alert.value()))
        return Error::notFound(QStringLiteral("There is no alert %1.").arg(id));
    return alert;
}

QList<FieldError> AlertService::checkBody(const QJsonObject &body, const QStringList &allowed)
{
    QList<FieldError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()))
            errors << FieldError {
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
    }
    const QJsonValue note = body.value(QLatin1String("note"));
    if (!note.isUndefined() && !note.isString())
        errors << FieldError {
            QStringLiteral("note"), QStringLiteral("type"), QStringLiteral("Expected a string.")};
    else if (note.toString().size() > 2000)
        errors << FieldError {QStringLiteral("note"), QStringLiteral("too_long"),
            QStringLiteral("Use at most 2000 characters.")};
    else if (validation::hasControlCharacters(note.toString(), true))
        errors << FieldError {QStringLiteral("note"), QStringLiteral("control_characters"),
            QStringLiteral("Control characters are not allowed.")};
    return errors;
}

QJsonObject AlertService::moved(
    const Actor &actor, const Record &current, const QString &status, const QString &note, qint64 now)
{
    QJsonObject next = current.data;
    next.insert(QStringLiteral("status"), status);
    const QString who = status == QLatin1String("acknowledged") ? QStringLiteral("acknowledged")
                                                                : QStringLiteral("resolved");
    next.insert(who + QStringLiteral("_by"), actor.login);
    next.insert(who + QStringLiteral("_at"), json::isoTime(now));
    if (!note.trimmed().isEmpty()) {
        const QString previous = next.value(QLatin1String("note")).toString();
        next.insert(QStringLiteral("note"),
            previous.isEmpty() ? note.trimmed() : previous + QLatin1Char('\n') + note.trimmed());
    }
    return next;
}

Result<Page> AlertService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("stats.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query,
            {QStringLiteral("period_start"), QStringLiteral("factor"), QStringLiteral("observed"),
                QStringLiteral("severity")},
            alertFilters());
        !s.ok())
        return s.error();
    return store::AlertRepository(db()).list(scopeOf(actor), query);
}

Result<Record> AlertService::get(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("stats.read")); !s.ok())
        return s.error();
    return alertInScope(actor, id);
}

Result<Record> AlertService::transition(const Actor &actor, qint64 id, const QString &status,
    const QJsonObject &body, std::optional<int> version) const
{
    if (Status s = require(actor, QStringLiteral("alert.write")); !s.ok())
        return s.error();
    if (const Result<Record> visible = alertInScope(actor, id); !visible.ok())
        return visible.error();
    if (const QList<FieldError> errors = checkBody(body, {QStringLiteral("note")}); !errors.isEmpty())
        return Error::invalid(errors);
    const QString note = body.value(QLatin1String("note")).toString();
    return transaction<Record>([&]() -> Result<Record> {
        store::AlertRepository alerts(db());
        const Result<Record> current = alerts.byId(id);
        if (!current.ok())
            return current;
        if (Status s = checkVersion(current.value(), version); !s.ok())
            return s.error();
        const QString from = current->data.value(QLatin1String("status")).toString();
        if (from == status || from == QLatin1String("resolved"))
            return Error::conflict(QStringLiteral("The alert is already %1.").arg(from));
        const qint64 now = auth::Clock::now();
        const QJsonObject next = moved(actor, current.value(), status, note, now);
        if (const Result<bool> u = alerts.update(current.value(), next, now); !u.ok())
            return u.error();
        if (Status s = audit(actor, kType, QString::number(id),
                status == QLatin1String("acknowledged") ? QStringLiteral("acknowledge")
                                                        : QStringLiteral("resolve"),
                diff(current->data, next, {QStringLiteral("status"), QStringLiteral("note")}),
                current->companyId, current->domainId);
            !s.ok())
            return s.error();
        return alerts.byId(id);
    });
}

Result<Page> AlertService::episodes(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("stats.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query,
            {QStringLiteral("first_period_start"), QStringLiteral("last_period_start"),
                QStringLiteral("period_count"), QStringLiteral("peak_observed"), QStringLiteral("max_factor"),
                QStringLiteral("severity")},
            alertFilters());
        !s.ok())
        return s.error();
    return store::AlertRepository(db()).episodes(scopeOf(actor), query);
}

Result<QJsonObject> AlertService::transitionMany(
    const Actor &actor, const QString &status, const QJsonObject &body) const
{
    if (Status s = require(actor, QStringLiteral("alert.write")); !s.ok())
        return s.error();
    QList<FieldError> errors = checkBody(body, {QStringLiteral("ids"), QStringLiteral("note")});
    QList<qint64> ids;
    const QJsonValue idsValue = body.value(QLatin1String("ids"));
    if (!idsValue.isArray() || idsValue.toArray().isEmpty()) {
        errors << FieldError {QStringLiteral("ids"), QStringLiteral("required"),
            QStringLiteral("List the ids of the alerts (at least one).")};
    } else if (idsValue.toArray().size() > 1000) {
        errors << FieldError {QStringLiteral("ids"), QStringLiteral("too_many"),
            QStringLiteral("Send at most 1000 ids at once.")};
    } else {
        for (const QJsonValue &v : idsValue.toArray()) {
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d < 1 || d != std::floor(d) || d > 9e15) {
                errors << FieldError {QStringLiteral("ids"), QStringLiteral("type"),
                    QStringLiteral("Each id is a positive whole number.")};
                break;
            }
            if (!ids.contains(qint64(d)))
                ids << qint64(d);
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const QString note = body.value(QLatin1String("note")).toString();
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        store::AlertRepository alerts(db());
        const Result<QList<Record>> found = alerts.byIds(ids);
        if (!found.ok())
            return found.error();
        QHash<qint64, Record> byId;
        for (const Record &r : found.value())
            byId.insert(r.id, r);
        // Every id is checked before anything is written: one the actor may not see, or one that cannot
        // take the step, leaves all of them as they were.
        QStringList done;
        for (qint64 id : ids) {
            if (!visible(actor, byId.value(id)))
                return Error::notFound(QStringLiteral("There is no alert %1; no alert was changed.").arg(id));
            const QString from = byId.value(id).data.value(QLatin1String("status")).toString();
            if (from == status || from == QLatin1String("resolved"))
                done << QStringLiteral("%1 (%2)").arg(id).arg(from);
        }
        if (!done.isEmpty())
            return Error::conflict(QStringLiteral("Already handled: alert %1; no alert was changed.")
                                       .arg(done.join(QStringLiteral(", "))));
        const qint64 now = auth::Clock::now();
        const QString action = status == QLatin1String("acknowledged") ? QStringLiteral("acknowledge")
                                                                       : QStringLiteral("resolve");
        for (qint64 id : ids) {
            const Record &current = byId[id];
            const QJsonObject next = moved(actor, current, status, note, now);
            const Result<bool> u = alerts.update(current, next, now);
            if (!u.ok())
                return u.error();
            if (!u.value()) // changed by another request since it was read
                return Error::conflict(
                    QStringLiteral("Alert %1 changed meanwhile; no alert was changed.").arg(id));
            if (Status s = audit(actor, kType, QString::number(id), action,
                    diff(current.data, next, {QStringLiteral("status"), QStringLiteral("note")}),
                    current.companyId, current.domainId);
                !s.ok())
                return s.error();
        }
        const Result<QList<Record>> changed = alerts.byIds(ids);
        if (!changed.ok())
            return changed.error();
        QHash<qint64, QJsonObject> changedById;
        for (const Record &r : changed.value())
            changedById.insert(r.id, r.data);
        QJsonArray items;
        for (qint64 id : ids)
            items.append(changedById.value(id));
        return QJsonObject {
            {QStringLiteral("items"), items}, {QStringLiteral("total"), double(items.size())}};
    });
}

Result<QJsonObject> AlertService::thresholds(const Actor &actor, qint64 companyId) const
{
    // A company-wide setting: not for domain admins.
    if (Status s = require(actor, QStringLiteral("company.read")); !s.ok())
        return s.error();
    if (const Result<Record> company = companyInScope(actor, companyId); !company.ok())
        return company.error();
    return store::AlertRepository(db()).thresholds(companyId);
}

Result<QJsonObject> AlertService::setThresholds(
    const Actor &actor, qint64 companyId, const QJsonObject &input, std::optional<int> version) const
{
    if (Status s = require(actor, QStringLiteral("company.update")); !s.ok())
        return s.error();
    if (const Result<Record> company = companyInScope(actor, companyId); !company.ok())
        return company.error();
    QList<FieldError> errors;
    const QJsonObject defaults = store::AlertRepository::defaultThresholds();
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() == QLatin1String("version") || it.key() == QLatin1String("company_id"))
            continue;
        if (!defaults.contains(it.key())) {
            errors << FieldError {
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
            continue;
        }
        if (it.key() == QLatin1String("spike_action")) {
            // What Postfix's policy service does with an open spike alert's outbound mail.
            static const QStringList actions
                = {QStringLiteral("notify"), QStringLiteral("defer"), QStringLiteral("hold")};
            if (!actions.contains(it.value().toString()))
                errors << FieldError {
                    it.key(), QStringLiteral("invalid"), QStringLiteral("Use notify, defer or hold.")};
            continue;
        }
        const bool isReal
            = it.key() == QLatin1String("mad_multiplier") || it.key() == QLatin1String("minimum_factor");
        const double v = it.value().toDouble(-1);
        if (!it.value().isDouble() || (!isReal && v != std::floor(v)))
            errors << FieldError {it.key(), QStringLiteral("type"),
                isReal ? QStringLiteral("Expected a number.") : QStringLiteral("Expected a whole number.")};
        else if (isReal ? (v < 1 || v > 100) : (v < 1 || v > 10'000'000))
            errors << FieldError {it.key(), QStringLiteral("out_of_range"),
                isReal ? QStringLiteral("Use a value from 1 to 100.")
                       : QStringLiteral("Use a value from 1 to 10000000.")};
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        store::AlertRepository alerts(db());
        const Result<QJsonObject> current = alerts.thresholds(companyId);
        if (!current.ok())
            return current;
        const int stored = current->value(QLatin1String("version")).toInt();
        if (version && *version != stored) {
            Error e = Error::make(ErrorKind::PreconditionFailed,
                QStringLiteral("The thresholds changed meanwhile (now version %1).").arg(stored));
            e.current = current.value();
            return e;
        }
        QJsonObject next = current.value();
        for (auto it = input.begin(); it != input.end(); ++it) {
            if (defaults.contains(it.key()))
                next.insert(it.key(), it.value());
        }
        if (Status s = alerts.setThresholds(companyId, next, auth::Clock::now()); !s.ok())
            return s.error();
        if (Status s = audit(actor, QStringLiteral("company"), QString::number(companyId),
                QStringLiteral("thresholds"), diff(current.value(), next, defaults.keys()), companyId, 0);
            !s.ok())
            return s.error();
        return alerts.thresholds(companyId);
    });
}

} // namespace mailadmin::service
