#include "service/OutageService.h"

#include "Json.h"
#include "auth/Clock.h"
#include "service/IncidentService.h"
#include "stats/OutageDetector.h"
#include "store/OutageRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {

constexpr int kNoteLimit = 2000;
const QString kPermission = QStringLiteral("incident.write");

} // namespace

Result<Page> OutageService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, kPermission); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {},
            {{QStringLiteral("status"),
                 {QStringLiteral("suggested"), QStringLiteral("confirmed"), QStringLiteral("dismissed"),
                     QStringLiteral("recovered")}},
                {QStringLiteral("ongoing"), {QStringLiteral("true"), QStringLiteral("false")}}});
        !s.ok())
        return s.error();
    return store::OutageRepository(db()).list(query.filters.value(QStringLiteral("status")),
        query.filters.value(QStringLiteral("ongoing")) == QLatin1String("true"), query.offset, query.limit);
}

Result<QJsonObject> OutageService::get(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, kPermission); !s.ok())
        return s.error();
    return store::OutageRepository(db()).byId(id);
}

Result<QJsonObject> OutageService::evidence(
    const Actor &actor, qint64 id, const QString &from, const QString &to) const
{
    const Result<QJsonObject> suggestion = get(actor, id);
    if (!suggestion.ok())
        return suggestion;
    const qint64 now = auth::Clock::now();
    const qint64 started = json::parseIsoTime(suggestion->value(QLatin1String("started_at")).toString());
    const QJsonValue recovered = suggestion->value(QLatin1String("recovered_at"));
    qint64 fromAt = started - 3600;
    qint64 toAt = recovered.isString() ? json::parseIsoTime(recovered.toString()) + 1800 : now;
    QList<FieldError> errors;
    const auto parse = [&](const QString &text, const QString &field, qint64 &into) {
        if (text.isEmpty())
            return;
        const qint64 at = json::parseIsoTime(text);
        if (at <= 0)
            errors << FieldError {field, QStringLiteral("invalid"), QStringLiteral("Not an ISO 8601 time.")};
        else
            into = at;
    };
    parse(from, QStringLiteral("from"), fromAt);
    parse(to, QStringLiteral("to"), toAt);
    // The last minute shown is the last complete one, as the detector judges it.
    toAt = std::min(toAt, ((now - OutageDetector::kSettleSeconds) / 60 - 1) * 60);
    if (errors.isEmpty() && toAt < fromAt)
        errors << FieldError {QStringLiteral("to"), QStringLiteral("before_start"),
            QStringLiteral("The end is before the start.")};
    if (errors.isEmpty() && toAt - fromAt > 86400)
        errors << FieldError {QStringLiteral("to"), QStringLiteral("too_long"),
            QStringLiteral("The evidence covers at most one day.")};
    if (!errors.isEmpty())
        return Error::invalid(errors);
    const store::LoginScope scope {
        suggestion->value(QLatin1String("scope")).toString() == QLatin1String("cluster") ? 'c' : 's',
        qint64(suggestion->value(QLatin1String("scope_id")).toDouble())};
    Result<QJsonObject> series = OutageDetector(db()).evidence(scope, fromAt / 60, toAt / 60);
    if (series.ok())
        series->insert(QStringLiteral("suggestion_id"), double(id));
    return series;
}

Result<QJsonObject> OutageService::confirm(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    const Result<QJsonObject> suggestion = get(actor, id);
    if (!suggestion.ok())
        return suggestion;
    static const QStringList allowed = {QStringLiteral("title"), QStringLiteral("kind"),
        QStringLiteral("severity"), QStringLiteral("services"), QStringLiteral("description")};
    for (auto it = input.constBegin(); it != input.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return Error::invalidField(
                it.key(), QStringLiteral("unknown"), QStringLiteral("Not a field of a confirmation."));
    }
    if (suggestion->value(QLatin1String("status")).toString() != QLatin1String("suggested"))
        return Error::conflict(QStringLiteral("This suggestion is already %1.")
                                   .arg(suggestion->value(QLatin1String("status")).toString()));
    const bool cluster = suggestion->value(QLatin1String("scope")).toString() == QLatin1String("cluster");
    const bool failedRise
        = suggestion->value(QLatin1String("signal")).toString() == QLatin1String("failed_rise");
    const QString name = suggestion->value(QLatin1String("scope_name")).toString();
    const QString where = cluster ? name : QStringLiteral("Mail store ") + name;
    QJsonObject incident {{QStringLiteral("kind"), QStringLiteral("outage")},
        {QStringLiteral("title"),
            QString(where
                + (failedRise ? QStringLiteral(": logins failing") : QStringLiteral(": logins dropped")))},
        {QStringLiteral("services"),
            QJsonArray {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail")}},
        {QStringLiteral("starts_at"), suggestion->value(QLatin1String("started_at"))},
        {QStringLiteral("description"),
            failedRise ? QStringLiteral("Logins to this store are failing; we are investigating.")
                       : QStringLiteral(
                           "Far fewer logins than usual succeed on this store; we are investigating.")}};
    incident.insert(cluster ? QStringLiteral("clusters") : QStringLiteral("stores"),
        QJsonArray {suggestion->value(QLatin1String("scope_id"))});
    for (auto it = input.constBegin(); it != input.constEnd(); ++it)
        incident.insert(it.key(), it.value());
    bool lost = false;
    const Result<Record> created
        = IncidentService(Context {db(), sessions()})
              .create(actor, incident, [&](qint64 incidentId) -> Status {
                  const Result<bool> decided = store::OutageRepository(db()).decide(id,
                      QStringLiteral("confirmed"), actor.login, auth::Clock::now(), incidentId, QString());
                  if (!decided.ok())
                      return decided.error();
                  lost = !decided.value();
                  if (lost)
                      return Error::conflict(QStringLiteral("This suggestion was decided meanwhile."));
                  return Status::success();
              });
    if (!created.ok())
        return created.error();
    if (Status s
        = audit(actor, QStringLiteral("outage_suggestion"), QString::number(id), QStringLiteral("confirm"),
            QJsonObject {{QStringLiteral("incident_id"),
                QJsonObject {{QStringLiteral("after"), double(created->id)}}}},
            0, 0);
        !s.ok())
        return s.error();
    return store::OutageRepository(db()).byId(id);
}

Result<QJsonObject> OutageService::dismiss(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    const Result<QJsonObject> suggestion = get(actor, id);
    if (!suggestion.ok())
        return suggestion;
    for (auto it = input.constBegin(); it != input.constEnd(); ++it) {
        if (it.key() != QLatin1String("note"))
            return Error::invalidField(
                it.key(), QStringLiteral("unknown"), QStringLiteral("Not a field of a dismissal."));
    }
    const QJsonValue note = input.value(QLatin1String("note"));
    if (!note.isUndefined() && !note.isString())
        return Error::invalidField(QStringLiteral("note"), QStringLiteral("type"), QStringLiteral("A text."));
    if (note.toString().size() > kNoteLimit)
        return Error::invalidField(
            QStringLiteral("note"), QStringLiteral("too_long"), QStringLiteral("At most 2000 characters."));
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        store::OutageRepository repo(db());
        const Result<bool> decided = repo.decide(
            id, QStringLiteral("dismissed"), actor.login, auth::Clock::now(), 0, note.toString());
        if (!decided.ok())
            return decided.error();
        if (!decided.value())
            return Error::conflict(QStringLiteral("This suggestion is already %1.")
                                       .arg(suggestion->value(QLatin1String("status")).toString()));
        if (Status s = audit(actor, QStringLiteral("outage_suggestion"), QString::number(id),
                QStringLiteral("dismiss"),
                QJsonObject {
                    {QStringLiteral("note"), QJsonObject {{QStringLiteral("after"), note.toString()}}}},
                0, 0);
            !s.ok())
            return s.error();
        return repo.byId(id);
    });
}

} // namespace mailadmin::service
