#include "stats/AlertService.h"

#include "Json.h"
#include "Validation.h"
#include "store/AlertRepository.h"

#include <cmath>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("alert");
}

Result<Record> AlertService::alertInScope(const Actor &actor, qint64 id) const
{
    const Error missing = Error::notFound(QStringLiteral("There is no alert %1.").arg(id));
    Result<Record> alert = store::AlertRepository(db()).byId(id);
    if (!alert.ok())
        return alert;
    if (alert->isNull())
        return missing;
    if (!actor.isOperator() && alert->companyId != actor.companyId)
        return missing;
    if (actor.role == Role::DomainAdmin && !actor.domainIds.contains(alert->domainId))
        return missing;
    return alert;
}

Result<Page> AlertService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("stats.read")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query,
            {QStringLiteral("period_start"), QStringLiteral("factor"), QStringLiteral("observed"),
                QStringLiteral("severity")},
            {{QStringLiteral("status"),
                 {QStringLiteral("open"), QStringLiteral("acknowledged"), QStringLiteral("resolved")}},
                {QStringLiteral("scope"), {QStringLiteral("user"), QStringLiteral("domain")}},
                {QStringLiteral("span"), {QStringLiteral("hour"), QStringLiteral("day")}},
                {QStringLiteral("subject"), {}}, {QStringLiteral("domain"), {}},
                {QStringLiteral("company_id"), {}}});
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
    QList<FieldError> errors;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != QLatin1String("note"))
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
    if (!errors.isEmpty())
        return Error::invalid(errors);
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
        QJsonObject next = current->data;
        const qint64 now = auth::Clock::now();
        next.insert(QStringLiteral("status"), status);
        const QString who = status == QLatin1String("acknowledged") ? QStringLiteral("acknowledged")
                                                                    : QStringLiteral("resolved");
        next.insert(who + QStringLiteral("_by"), actor.login);
        next.insert(who + QStringLiteral("_at"), json::isoTime(now));
        if (!note.toString().trimmed().isEmpty()) {
            const QString previous = next.value(QLatin1String("note")).toString();
            next.insert(QStringLiteral("note"),
                previous.isEmpty() ? note.toString().trimmed()
                                   : previous + QLatin1Char('\n') + note.toString().trimmed());
        }
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
