#include "service/IncidentService.h"

#include "Json.h"
#include "notify/IncidentNotifier.h"
#include "store/CompanyRepository.h"
#include "store/NoticeRepository.h"
#include "store/NotifyRepository.h"

#include <QJsonArray>
#include <QXmlStreamWriter>

namespace mailadmin::service {

namespace {
const QString kType = QStringLiteral("incident");
constexpr qint64 kFeedDays = 30;

Error missing(qint64 id)
{
    return Error::notFound(QStringLiteral("There is no incident %1.").arg(id));
}

QString defaultSeverity(const QString &kind)
{
    return kind == QLatin1String("outage") ? QStringLiteral("major") : QStringLiteral("minor");
}

QJsonObject impactJson(const store::CompanyImpact &c)
{
    return QJsonObject {{QStringLiteral("company_id"), double(c.companyId)},
        {QStringLiteral("company"), c.company}, {QStringLiteral("mailboxes"), double(c.mailboxes)},
        {QStringLiteral("total"), double(c.total)}};
}

const QStringList &targetFields()
{
    static const QStringList fields = {QStringLiteral("clusters"), QStringLiteral("stores"),
        QStringLiteral("companies"), QStringLiteral("domains")};
    return fields;
}
} // namespace

Result<Record> IncidentService::visible(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("incident.read")); !s.ok())
        return s.error();
    store::IncidentRepository incidents(db());
    const Result<Record> incident = incidents.byId(id);
    if (!incident.ok())
        return incident;
    if (incident->isNull())
        return missing(id);
    if (actor.isOperator())
        return incident;
    const Result<QList<store::CompanyImpact>> impact = incidents.storedImpact(id);
    if (!impact.ok())
        return impact.error();
    for (const store::CompanyImpact &c : impact.value()) {
        if (c.companyId == actor.companyId)
            return incident;
    }
    return missing(id);
}

Result<Record> IncidentService::withDetails(const Actor &actor, Result<Record> incident) const
{
    if (!incident.ok())
        return incident;
    store::IncidentRepository incidents(db());
    const Result<QJsonArray> updates = incidents.updates(incident->id);
    if (!updates.ok())
        return updates.error();
    incident->data.insert(QStringLiteral("updates"), updates.value());
    if (!actor.isOperator()) {
        const Result<store::ImpactTargets> targets = incidents.targets(incident->data);
        if (!targets.ok())
            return targets.error();
        const Result<store::CompanyImpact> mine
            = incidents.impactForCompany(targets.value(), actor.companyId, scopeOf(actor));
        if (!mine.ok())
            return mine.error();
        incident->data.insert(QStringLiteral("your_impact"),
            QJsonObject {{QStringLiteral("mailboxes"), double(mine->mailboxes)},
                {QStringLiteral("total"), double(mine->total)}});
        // Another company's names and the whole count are not this admin's business.
        incident->data.remove(QStringLiteral("companies"));
        incident->data.remove(QStringLiteral("domains"));
        incident->data.remove(QStringLiteral("affected_companies"));
        incident->data.remove(QStringLiteral("affected_mailboxes"));
    }
    return incident;
}

Result<Page> IncidentService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("incident.read")); !s.ok())
        return s.error();
    QStringList statuses = {QStringLiteral("open"), QStringLiteral("scheduled"), QStringLiteral("resolved"),
        QStringLiteral("current")};
    if (Status s = checkQuery(query, {QStringLiteral("starts_at")},
            {{QStringLiteral("status"), statuses}, {QStringLiteral("kind"), incidents::kinds()}});
        !s.ok())
        return s.error();
    store::IncidentRepository incidents(db());
    Result<Page> page = incidents.list(actor.isOperator() ? 0 : std::max<qint64>(actor.companyId, -1), query);
    if (!page.ok() || actor.isOperator())
        return page;
    for (Record &r : page->items) {
        const Result<Record> detailed = withDetails(actor, r);
        if (!detailed.ok())
            return detailed.error();
        r = detailed.value();
        r.data.remove(QStringLiteral("updates"));
    }
    return page;
}

Result<Record> IncidentService::get(const Actor &actor, qint64 id) const
{
    return withDetails(actor, visible(actor, id));
}

Result<QList<FieldError>> IncidentService::checkIncident(const QJsonObject &incident) const
{
    QList<FieldError> errors;
    bool anyTarget = false;
    for (const QString &field : targetFields())
        anyTarget = anyTarget || !incident.value(field).toArray().isEmpty();
    if (!anyTarget)
        errors << FieldError {QStringLiteral("stores"), QStringLiteral("required"),
            QStringLiteral("Name at least one cluster, mail store, company or domain that is affected.")};
    if (incident.value(QLatin1String("services")).toArray().isEmpty())
        errors << FieldError {QStringLiteral("services"), QStringLiteral("required"),
            QStringLiteral("Name at least one affected service.")};
    const qint64 starts = json::parseIsoTime(incident.value(QLatin1String("starts_at")).toString());
    const qint64 ends = json::parseIsoTime(incident.value(QLatin1String("expected_end_at")).toString());
    if (ends > 0 && ends < starts)
        errors << FieldError {QStringLiteral("expected_end_at"), QStringLiteral("before_start"),
            QStringLiteral("The expected end is before the start.")};
    const auto checkIds = [&](const QString &field, const QString &table) -> Status {
        const QJsonArray ids = incident.value(field).toArray();
        for (qsizetype i = 0; i < ids.size(); ++i) {
            store::Statement q
                = db().prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE id = ?").arg(table));
            q.bind(qint64(ids.at(i).toDouble()));
            if (Status s = q.exec(); !s.ok())
                return s;
            if (!q.next() || q.toInt(0) == 0)
                errors << FieldError {QStringLiteral("%1[%2]").arg(field).arg(i), QStringLiteral("not_found"),
                    QStringLiteral("There is no such object.")};
        }
        return Status::success();
    };
    if (Status s = checkIds(QStringLiteral("clusters"), QStringLiteral("clusters")); !s.ok())
        return s.error();
    if (Status s = checkIds(QStringLiteral("stores"), QStringLiteral("mail_stores")); !s.ok())
        return s.error();
    if (Status s = checkIds(QStringLiteral("companies"), QStringLiteral("companies")); !s.ok())
        return s.error();
    const QJsonArray domains = incident.value(QLatin1String("domains")).toArray();
    for (qsizetype i = 0; i < domains.size(); ++i) {
        store::Statement q = db().prepare(
            QStringLiteral("SELECT COUNT(*) FROM domains WHERE name = ? AND deleted_at IS NULL"));
        q.bind(domains.at(i).toString());
        if (Status s = q.exec(); !s.ok())
            return s.error();
        if (!q.next() || q.toInt(0) == 0)
            errors << FieldError {QStringLiteral("domains[%1]").arg(i), QStringLiteral("not_found"),
                QStringLiteral("There is no such domain.")};
    }
    return errors;
}

Result<QJsonObject> IncidentService::validNew(const QJsonObject &input) const
{
    const Result<QJsonObject> valid = EntitySchema::incident().validate(input, EntitySchema::Mode::Create);
    if (!valid.ok())
        return valid.error();
    const qint64 now = auth::Clock::now();
    const QString kind = valid->value(QLatin1String("kind")).toString();
    QJsonObject object = merged(
        QJsonObject {{QStringLiteral("description"), QString()},
            {QStringLiteral("severity"), defaultSeverity(kind)}, {QStringLiteral("clusters"), QJsonArray()},
            {QStringLiteral("stores"), QJsonArray()}, {QStringLiteral("companies"), QJsonArray()},
            {QStringLiteral("domains"), QJsonArray()}, {QStringLiteral("starts_at"), json::isoTime(now)},
            {QStringLiteral("expected_end_at"), QJsonValue::Null},
            {QStringLiteral("remind_before_minutes"), 0}, {QStringLiteral("closing_note"), QString()}},
        valid.value());
    const Result<QList<FieldError>> errors = checkIncident(object);
    if (!errors.ok())
        return errors.error();
    if (!errors->isEmpty())
        return Error::invalid(errors.value());
    // Anything starting more than a minute from now waits as scheduled.
    const qint64 starts = json::parseIsoTime(object.value(QLatin1String("starts_at")).toString());
    object.insert(
        QStringLiteral("status"), starts > now + 60 ? QStringLiteral("scheduled") : QStringLiteral("open"));
    return object;
}

Status IncidentService::refreshImpact(const Record &incident) const
{
    store::IncidentRepository incidents(db());
    const Result<store::ImpactTargets> targets = incidents.targets(incident.data);
    if (!targets.ok())
        return targets.error();
    const Result<QList<store::CompanyImpact>> impact = incidents.impactByCompany(targets.value());
    if (!impact.ok())
        return impact.error();
    return incidents.storeImpact(incident.id, impact.value());
}

Result<Record> IncidentService::create(
    const Actor &actor, const QJsonObject &input, const std::function<Status(qint64)> &alsoDo) const
{
    if (Status s = require(actor, QStringLiteral("incident.write")); !s.ok())
        return s.error();
    Result<QJsonObject> object = validNew(input);
    if (!object.ok())
        return object.error();
    object->insert(QStringLiteral("created_by"), actor.login);
    return transaction<Record>([&]() -> Result<Record> {
        store::IncidentRepository incidents(db());
        const qint64 now = auth::Clock::now();
        const Result<qint64> id = incidents.insert(object.value(), now);
        if (!id.ok())
            return id.error();
        const Result<Record> created = incidents.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = refreshImpact(created.value()); !s.ok())
            return s.error();
        const bool scheduled
            = object->value(QLatin1String("status")).toString() == QLatin1String("scheduled");
        QString body = object->value(QLatin1String("description")).toString();
        if (body.trimmed().isEmpty())
            body = object->value(QLatin1String("title")).toString();
        const Result<qint64> updateId = incidents.addUpdate(id.value(),
            scheduled ? QStringLiteral("scheduled") : QStringLiteral("opened"), body, actor.login, now);
        if (!updateId.ok())
            return updateId.error();
        if (const Result<int> n
            = notify::IncidentNotifier(db()).queueUpdate(id.value(), updateId.value(), now);
            !n.ok())
            return n.error();
        if (Status s = audit(actor, kType, QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, writableFields(EntitySchema::incident())), 0, 0);
            !s.ok())
            return s.error();
        if (alsoDo) {
            if (Status s = alsoDo(id.value()); !s.ok())
                return s.error();
        }
        return withDetails(actor, incidents.byId(id.value()));
    });
}

Result<QJsonObject> IncidentService::preview(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("incident.write")); !s.ok())
        return s.error();
    Result<QJsonObject> object = validNew(input);
    if (!object.ok())
        return object.error();
    store::IncidentRepository incidents(db());
    const Result<store::ImpactTargets> targets = incidents.targets(object.value());
    if (!targets.ok())
        return targets.error();
    const Result<QList<store::CompanyImpact>> impact = incidents.impactByCompany(targets.value());
    if (!impact.ok())
        return impact.error();
    notify::IncidentNotifier notifier(db());
    const Result<QString> where = notifier.whereText(object.value());
    if (!where.ok())
        return where.error();
    const QString kind = object->value(QLatin1String("kind")).toString();
    const QString type = notify::IncidentNotifier::contactTypeFor(kind);
    store::NoticeRepository notices(db());
    qint64 mailboxes = 0;
    int recipients = 0;
    QJsonArray companies;
    QString sampleName = QStringLiteral("(contact name)");
    store::CompanyImpact sample {0, QStringLiteral("(company)"), 0, 0};
    for (const store::CompanyImpact &c : impact.value()) {
        mailboxes += c.mailboxes;
        const Result<QList<QJsonObject>> contacts = notices.recipients(c.companyId, type, kind);
        if (!contacts.ok())
            return contacts.error();
        recipients += int(contacts->size());
        if (sample.companyId == 0) {
            sample = c;
            if (!contacts->isEmpty())
                sampleName = contacts->first().value(QLatin1String("name")).toString();
        }
        if (companies.size() < 1000) {
            QJsonObject row = impactJson(c);
            row.insert(QStringLiteral("recipients"), double(contacts->size()));
            companies.append(row);
        }
    }
    QString body = object->value(QLatin1String("description")).toString();
    if (body.trimmed().isEmpty())
        body = object->value(QLatin1String("title")).toString();
    const bool scheduled = object->value(QLatin1String("status")).toString() == QLatin1String("scheduled");
    const QJsonObject update {
        {QStringLiteral("kind"), scheduled ? QStringLiteral("scheduled") : QStringLiteral("opened")},
        {QStringLiteral("body"), body}};
    const notify::NoticeText text
        = notify::IncidentNotifier::compose(object.value(), update, sample, where.value(), sampleName);
    return QJsonObject {{QStringLiteral("subject"), text.subject}, {QStringLiteral("body"), text.body},
        {QStringLiteral("status"), object->value(QLatin1String("status"))},
        {QStringLiteral("contact_type"), type},
        {QStringLiteral("affected_companies"), double(impact->size())},
        {QStringLiteral("affected_mailboxes"), double(mailboxes)}, {QStringLiteral("recipients"), recipients},
        {QStringLiteral("companies"), companies}};
}

Result<Record> IncidentService::update(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("incident.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = EntitySchema::incident().validate(input, EntitySchema::Mode::Patch);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::IncidentRepository incidents(db());
        const Result<Record> current = incidents.byId(id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return missing(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        if (current->data.value(QLatin1String("status")).toString() == QLatin1String("resolved"))
            return Error::conflict(QStringLiteral("This incident is resolved; open a new one instead."));
        QJsonObject next = merged(current->data, valid.value());
        if (valid->contains(QLatin1String("starts_at"))
            && current->data.value(QLatin1String("status")).toString() == QLatin1String("scheduled")) {
            const qint64 starts = json::parseIsoTime(next.value(QLatin1String("starts_at")).toString());
            next.insert(QStringLiteral("status"),
                starts > auth::Clock::now() + 60 ? QStringLiteral("scheduled") : QStringLiteral("open"));
            next.insert(QStringLiteral("reminded_at"), QJsonValue::Null);
        }
        const Result<QList<FieldError>> errors = checkIncident(next);
        if (!errors.ok())
            return errors.error();
        if (!errors->isEmpty())
            return Error::invalid(errors.value());
        const QJsonObject changes = diff(current->data, next, writableFields(EntitySchema::incident()));
        if (changes.isEmpty())
            return withDetails(actor, current);
        const Result<bool> updated = incidents.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        const Result<Record> stored = incidents.byId(id);
        if (!stored.ok())
            return stored;
        if (Status s = refreshImpact(stored.value()); !s.ok())
            return s.error();
        if (Status s = audit(actor, kType, QString::number(id), QStringLiteral("update"), changes, 0, 0);
            !s.ok())
            return s.error();
        return withDetails(actor, incidents.byId(id));
    });
}

Result<Record> IncidentService::addUpdateAndNotify(const Actor &actor, const Record &current,
    QJsonObject next, const QString &kind, const QString &body, const QString &action) const
{
    store::IncidentRepository incidents(db());
    const qint64 now = auth::Clock::now();
    const QJsonObject changes = diff(current.data, next,
        QStringList {
            QStringLiteral("status"), QStringLiteral("expected_end_at"), QStringLiteral("closing_note")});
    if (!changes.isEmpty()) {
        const Result<bool> updated = incidents.update(current, next, now);
        if (!updated.ok())
            return updated.error();
    }
    const Result<Record> stored = incidents.byId(current.id);
    if (!stored.ok())
        return stored;
    // Mailboxes placed or moved since the last notice count for this one.
    if (Status s = refreshImpact(stored.value()); !s.ok())
        return s.error();
    const Result<qint64> updateId = incidents.addUpdate(current.id, kind, body, actor.login, now);
    if (!updateId.ok())
        return updateId.error();
    if (const Result<int> n = notify::IncidentNotifier(db()).queueUpdate(current.id, updateId.value(), now);
        !n.ok())
        return n.error();
    QJsonObject auditChanges = changes;
    auditChanges.insert(QStringLiteral("update"),
        QJsonObject {{QStringLiteral("before"), QJsonValue::Null}, {QStringLiteral("after"), body}});
    if (Status s = audit(actor, kType, QString::number(current.id), action, auditChanges, 0, 0); !s.ok())
        return s.error();
    return withDetails(actor, incidents.byId(current.id));
}

namespace {
// {"body": text, optional "expected_end_at"} (and "note" for resolving); everything else refused.
Result<QJsonObject> readUpdate(const QJsonObject &input, const QString &textField, bool withEnd)
{
    QList<FieldError> errors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != textField && !(withEnd && it.key() == QLatin1String("expected_end_at")))
            errors << FieldError {
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
    }
    const QJsonValue text = input.value(textField);
    if (!text.isString() || text.toString().trimmed().isEmpty())
        errors << FieldError {textField,
            text.isUndefined() ? QStringLiteral("required") : QStringLiteral("type"),
            QStringLiteral("Write what changed, as text.")};
    else if (text.toString().size() > 8000)
        errors << FieldError {
            textField, QStringLiteral("too_long"), QStringLiteral("Use at most 8000 characters.")};
    QJsonObject out {{textField, text.toString().trimmed()}};
    if (withEnd && input.contains(QLatin1String("expected_end_at"))) {
        const QJsonValue end = input.value(QLatin1String("expected_end_at"));
        if (end.isNull())
            out.insert(QStringLiteral("expected_end_at"), QJsonValue::Null);
        else if (!end.isString() || json::parseIsoTime(end.toString()) <= 0)
            errors << FieldError {QStringLiteral("expected_end_at"), QStringLiteral("invalid"),
                QStringLiteral("Use an ISO 8601 UTC time such as 2026-12-01T22:00:00Z.")};
        else
            out.insert(QStringLiteral("expected_end_at"), json::isoTime(json::parseIsoTime(end.toString())));
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return out;
}
} // namespace

Result<Record> IncidentService::postUpdate(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("incident.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = readUpdate(input, QStringLiteral("body"), true);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        const Result<Record> current = store::IncidentRepository(db()).byId(id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return missing(id);
        if (current->data.value(QLatin1String("status")).toString() == QLatin1String("resolved"))
            return Error::conflict(QStringLiteral("This incident is resolved; open a new one instead."));
        QJsonObject next = current->data;
        if (valid->contains(QLatin1String("expected_end_at")))
            next.insert(QStringLiteral("expected_end_at"), valid->value(QLatin1String("expected_end_at")));
        const qint64 ends = json::parseIsoTime(next.value(QLatin1String("expected_end_at")).toString());
        if (ends > 0 && ends < json::parseIsoTime(next.value(QLatin1String("starts_at")).toString()))
            return Error::invalidField(QStringLiteral("expected_end_at"), QStringLiteral("before_start"),
                QStringLiteral("The expected end is before the start."));
        return addUpdateAndNotify(actor, current.value(), next, QStringLiteral("update"),
            valid->value(QLatin1String("body")).toString(), QStringLiteral("update"));
    });
}

Result<Record> IncidentService::resolve(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("incident.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = readUpdate(input, QStringLiteral("note"), false);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        const Result<Record> current = store::IncidentRepository(db()).byId(id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return missing(id);
        if (current->data.value(QLatin1String("status")).toString() == QLatin1String("resolved"))
            return Error::conflict(QStringLiteral("This incident is already resolved."));
        QJsonObject next = current->data;
        const QString note = valid->value(QLatin1String("note")).toString();
        next.insert(QStringLiteral("status"), QStringLiteral("resolved"));
        next.insert(QStringLiteral("resolved_at"), json::isoTime(auth::Clock::now()));
        next.insert(QStringLiteral("closing_note"), note);
        return addUpdateAndNotify(
            actor, current.value(), next, QStringLiteral("resolved"), note, QStringLiteral("resolve"));
    });
}

Result<Page> IncidentService::impact(const Actor &actor, qint64 id, const store::ListQuery &query) const
{
    const Result<Record> incident = visible(actor, id);
    if (!incident.ok())
        return incident.error();
    if (Status s = checkQuery(query, {}, {}); !s.ok())
        return s.error();
    store::IncidentRepository incidents(db());
    const Result<store::ImpactTargets> targets = incidents.targets(incident->data);
    if (!targets.ok())
        return targets.error();
    Page page;
    page.offset = query.offset;
    page.limit = query.limit;
    if (!actor.isOperator()) {
        Result<store::CompanyImpact> mine
            = incidents.impactForCompany(targets.value(), actor.companyId, scopeOf(actor));
        if (!mine.ok())
            return mine.error();
        const Result<Record> company = store::CompanyRepository(db()).byId(actor.companyId, false);
        if (!company.ok())
            return company.error();
        mine->company = company->data.value(QLatin1String("name")).toString();
        page.total = 1;
        if (query.offset == 0)
            page.items << Record {actor.companyId, 0, actor.companyId, 0, impactJson(mine.value())};
        return page;
    }
    const Result<QList<store::CompanyImpact>> all = incidents.impactByCompany(targets.value());
    if (!all.ok())
        return all.error();
    QList<store::CompanyImpact> rows = all.value();
    if (!query.q.isEmpty()) {
        QList<store::CompanyImpact> kept;
        const QString needle = QString(query.q).remove(QLatin1Char('*'));
        for (const store::CompanyImpact &c : rows) {
            if (c.company.toLower().contains(needle))
                kept << c;
        }
        rows = kept;
    }
    page.total = rows.size();
    for (qsizetype i = query.offset; i < rows.size() && i < qsizetype(query.offset) + query.limit; ++i)
        page.items << Record {rows.at(i).companyId, 0, rows.at(i).companyId, 0, impactJson(rows.at(i))};
    return page;
}

Result<Page> IncidentService::mailboxes(const Actor &actor, qint64 id, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("user.read")); !s.ok())
        return s.error();
    const Result<Record> incident = visible(actor, id);
    if (!incident.ok())
        return incident.error();
    if (Status s = checkQuery(query, {QStringLiteral("address")},
            {{QStringLiteral("domain"), {}}, {QStringLiteral("store_id"), {}},
                {QStringLiteral("company_id"), {}},
                {QStringLiteral("status"), {QStringLiteral("active"), QStringLiteral("suspended")}}});
        !s.ok())
        return s.error();
    store::IncidentRepository incidents(db());
    const Result<store::ImpactTargets> targets = incidents.targets(incident->data);
    if (!targets.ok())
        return targets.error();
    const qint64 company = actor.isOperator() ? query.filters.value(QStringLiteral("company_id")).toLongLong()
                                              : actor.companyId;
    return incidents.affectedMailboxes(targets.value(), company, scopeOf(actor), query);
}

Result<Page> IncidentService::deliveries(const Actor &actor, qint64 id, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("contact.read")); !s.ok())
        return s.error();
    const Result<Record> incident = visible(actor, id);
    if (!incident.ok())
        return incident.error();
    if (Status s = checkQuery(query, {},
            {{QStringLiteral("state"),
                 {QStringLiteral("queued"), QStringLiteral("sent"), QStringLiteral("failed"),
                     QStringLiteral("interrupted")}},
                {QStringLiteral("update_id"), {}}});
        !s.ok())
        return s.error();
    return store::NoticeRepository(db()).list(
        id, actor.isOperator() ? 0 : actor.companyId, query, auth::Clock::now());
}

Result<QJsonObject> IncidentService::retryDelivery(const Actor &actor, qint64 id, qint64 deliveryId) const
{
    if (Status s = require(actor, QStringLiteral("incident.write")); !s.ok())
        return s.error();
    const Result<Record> incident = visible(actor, id);
    if (!incident.ok())
        return incident.error();
    store::NoticeRepository notices(db());
    const qint64 now = auth::Clock::now();
    const Result<QJsonObject> delivery = notices.byId(deliveryId, now);
    if (!delivery.ok())
        return delivery.error();
    if (delivery->isEmpty() || qint64(delivery->value(QLatin1String("incident_id")).toDouble()) != id)
        return Error::notFound(QStringLiteral("There is no delivery %1 of this incident.").arg(deliveryId));
    const QString state = delivery->value(QLatin1String("state")).toString();
    if (state == QLatin1String("sent") || state == QLatin1String("sending")
        || state == QLatin1String("queued"))
        return Error::conflict(
            QStringLiteral("This notice is %1; only a failed or interrupted one is sent again.").arg(state));
    const Result<std::pair<qint64, qint64>> outbox = notices.outboxOf(id, deliveryId);
    if (!outbox.ok())
        return outbox.error();
    const Result<QJsonObject> done = transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        if (Status s = store::NotifyRepository(db()).release(outbox->first, now); !s.ok())
            return s.error();
        if (Status s
            = audit(actor, QStringLiteral("notice"), QString::number(deliveryId), QStringLiteral("retry"),
                QJsonObject {{QStringLiteral("state"),
                    QJsonObject {{QStringLiteral("before"), state},
                        {QStringLiteral("after"), QStringLiteral("queued")}}}},
                outbox->second, 0);
            !s.ok())
            return s.error();
        return notices.byId(deliveryId, now);
    });
    return done;
}

Result<QJsonObject> IncidentService::statusFeed() const
{
    store::IncidentRepository incidents(db());
    const qint64 now = auth::Clock::now();
    const Result<QList<Record>> recent = incidents.recent(now - kFeedDays * 86400, 200);
    if (!recent.ok())
        return recent.error();
    notify::IncidentNotifier notifier(db());
    QJsonArray items;
    for (const Record &r : recent.value()) {
        const Result<QJsonArray> updates = incidents.updates(r.id);
        if (!updates.ok())
            return updates.error();
        const Result<QString> where = notifier.whereText(r.data);
        if (!where.ok())
            return where.error();
        QJsonArray publicUpdates;
        for (const QJsonValue &u : updates.value())
            publicUpdates.append(QJsonObject {{QStringLiteral("at"), u.toObject().value(QLatin1String("at"))},
                {QStringLiteral("kind"), u.toObject().value(QLatin1String("kind"))},
                {QStringLiteral("body"), u.toObject().value(QLatin1String("body"))}});
        QJsonObject item;
        for (const QString &key : {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("title"),
                 QStringLiteral("severity"), QStringLiteral("status"), QStringLiteral("services"),
                 QStringLiteral("starts_at"), QStringLiteral("expected_end_at"),
                 QStringLiteral("resolved_at"), QStringLiteral("updated_at")})
            item.insert(key, r.data.value(key));
        item.insert(QStringLiteral("where"), where.value());
        item.insert(QStringLiteral("updates"), publicUpdates);
        items.append(item);
    }
    return QJsonObject {
        {QStringLiteral("generated_at"), json::isoTime(now)}, {QStringLiteral("incidents"), items}};
}

Result<QByteArray> IncidentService::statusAtom(const QString &selfUrl) const
{
    const Result<QJsonObject> feed = statusFeed();
    if (!feed.ok())
        return feed.error();
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("feed"));
    xml.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2005/Atom"));
    xml.writeTextElement(QStringLiteral("id"), QStringLiteral("urn:mailadmin:status:incidents"));
    xml.writeTextElement(QStringLiteral("title"), QStringLiteral("MailAdmin service status"));
    const QJsonArray items = feed->value(QLatin1String("incidents")).toArray();
    QString updated = feed->value(QLatin1String("generated_at")).toString();
    if (!items.isEmpty()) {
        updated = QString();
        for (const QJsonValue &v : items)
            updated = std::max(updated, v.toObject().value(QLatin1String("updated_at")).toString());
    }
    xml.writeTextElement(QStringLiteral("updated"), updated);
    xml.writeStartElement(QStringLiteral("author"));
    xml.writeTextElement(QStringLiteral("name"), QStringLiteral("MailAdmin operations"));
    xml.writeEndElement();
    xml.writeEmptyElement(QStringLiteral("link"));
    xml.writeAttribute(QStringLiteral("rel"), QStringLiteral("self"));
    xml.writeAttribute(QStringLiteral("href"), selfUrl);
    for (const QJsonValue &v : items) {
        const QJsonObject i = v.toObject();
        xml.writeStartElement(QStringLiteral("entry"));
        xml.writeTextElement(QStringLiteral("id"),
            QStringLiteral("urn:mailadmin:incident:%1").arg(qint64(i.value(QLatin1String("id")).toDouble())));
        xml.writeTextElement(QStringLiteral("title"),
            QStringLiteral("[%1] %2").arg(
                i.value(QLatin1String("status")).toString(), i.value(QLatin1String("title")).toString()));
        xml.writeTextElement(QStringLiteral("updated"), i.value(QLatin1String("updated_at")).toString());
        xml.writeTextElement(QStringLiteral("published"), i.value(QLatin1String("starts_at")).toString());
        xml.writeEmptyElement(QStringLiteral("category"));
        xml.writeAttribute(QStringLiteral("term"), i.value(QLatin1String("kind")).toString());
        QStringList lines;
        lines << QStringLiteral("%1, %2 severity. Services: %3.")
                     .arg(i.value(QLatin1String("kind")).toString(),
                         i.value(QLatin1String("severity")).toString(),
                         i.value(QLatin1String("services"))
                             .toVariant()
                             .toStringList()
                             .join(QStringLiteral(", ")));
        if (!i.value(QLatin1String("where")).toString().isEmpty())
            lines << QStringLiteral("Where: %1.").arg(i.value(QLatin1String("where")).toString());
        const QJsonArray updates = i.value(QLatin1String("updates")).toArray();
        for (qsizetype u = updates.size() - 1; u >= 0; --u) {
            const QJsonObject up = updates.at(u).toObject();
            lines << QStringLiteral("%1 (%2): %3")
                         .arg(up.value(QLatin1String("at")).toString(),
                             up.value(QLatin1String("kind")).toString(),
                             up.value(QLatin1String("body")).toString());
        }
        xml.writeStartElement(QStringLiteral("content"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("text"));
        xml.writeCharacters(lines.join(QLatin1Char('\n')));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace mailadmin::service
