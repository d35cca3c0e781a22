#include "service/BulletinService.h"

#include "Validation.h"
#include "notify/BulletinSender.h"
#include "store/BulletinRepository.h"
#include "store/IncidentRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
const QString kBulletin = QStringLiteral("bulletin");
const QStringList kAudited
    = {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("text"), QStringLiteral("scope")};

Error missing(qint64 id)
{
    return Error::notFound(QStringLiteral("There is no bulletin %1.").arg(id));
}

// Checks the fields of a new bulletin or a change; `create` requires name, type and text.
Result<QJsonObject> validFields(const QJsonObject &input, bool create)
{
    QList<FieldError> errors;
    const QStringList known = create
        ? QStringList {QStringLiteral("company_id"), QStringLiteral("domain"), QStringLiteral("name"),
            QStringLiteral("type"), QStringLiteral("text")}
        : QStringList {QStringLiteral("name"), QStringLiteral("type"), QStringLiteral("text")};
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!known.contains(it.key()))
            errors << FieldError {it.key(), QStringLiteral("unknown_field"),
                QStringLiteral("Bulletins have no field %1.").arg(it.key())};
    }
    QJsonObject out;
    if (input.contains(QLatin1String("name")) || create) {
        const QJsonValue v = input.value(QLatin1String("name"));
        const QString name = v.toString().trimmed();
        if (!v.isString() || name.isEmpty())
            errors << FieldError {QStringLiteral("name"),
                v.isUndefined() ? QStringLiteral("required") : QStringLiteral("invalid"),
                QStringLiteral("Give the bulletin a name.")};
        else if (name.size() > 100 || validation::hasControlCharacters(name))
            errors << FieldError {QStringLiteral("name"), QStringLiteral("invalid"),
                QStringLiteral("A name is one line of at most 100 characters.")};
        else
            out.insert(QStringLiteral("name"), name);
    }
    if (input.contains(QLatin1String("type")) || create) {
        const QString type = input.value(QLatin1String("type")).toString();
        if (type != QLatin1String("auto") && type != QLatin1String("manual"))
            errors << FieldError {QStringLiteral("type"),
                input.contains(QLatin1String("type")) ? QStringLiteral("invalid_choice")
                                                      : QStringLiteral("required"),
                QStringLiteral("Use auto (sent to each new mailbox) or manual (sent when posted).")};
        else
            out.insert(QStringLiteral("type"), type);
    }
    if (input.contains(QLatin1String("text")) || create) {
        const QJsonValue v = input.value(QLatin1String("text"));
        if (!v.isString() && !v.isUndefined())
            errors << FieldError {
                QStringLiteral("text"), QStringLiteral("type"), QStringLiteral("The text is a string.")};
        else {
            const QList<FieldError> problems = notify::BulletinSender::checkTemplate(v.toString());
            if (problems.isEmpty())
                out.insert(QStringLiteral("text"), v.toString());
            errors += problems;
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(errors, QStringLiteral("The bulletin is not valid."));
    return out;
}

Status inTransaction(store::Database &db, const std::function<Status()> &work)
{
    store::Transaction tx(db);
    if (!tx.status().ok())
        return tx.status();
    if (Status s = work(); !s.ok())
        return s;
    return tx.commit();
}
} // namespace

Result<Record> BulletinService::visible(const Actor &actor, qint64 id) const
{
    if (Status s = require(actor, QStringLiteral("bulletin.write")); !s.ok())
        return s.error();
    const Result<Record> bulletin = store::BulletinRepository(db()).byId(id);
    if (!bulletin.ok())
        return bulletin;
    if (bulletin->isNull() || (!actor.isOperator() && bulletin->companyId != actor.companyId))
        return missing(id);
    return bulletin;
}

Result<Record> BulletinService::withCounts(Result<Record> bulletin) const
{
    if (!bulletin.ok() || bulletin->isNull())
        return bulletin;
    const Result<QJsonObject> counts = store::BulletinRepository(db()).counts(bulletin->id);
    if (!counts.ok())
        return counts.error();
    bulletin->data.insert(QStringLiteral("counts"), counts.value());
    return bulletin;
}

Result<Page> BulletinService::list(const Actor &actor, const store::ListQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("bulletin.write")); !s.ok())
        return s.error();
    if (Status s = checkQuery(query, {QStringLiteral("name")},
            {{QStringLiteral("company_id"), {}}, {QStringLiteral("domain"), {}},
                {QStringLiteral("type"), {QStringLiteral("auto"), QStringLiteral("manual")}}});
        !s.ok())
        return s.error();
    qint64 company = actor.isOperator() ? query.filters.value(QStringLiteral("company_id")).toLongLong()
                                        : actor.companyId;
    qint64 domainId = 0;
    if (query.filters.contains(QStringLiteral("domain"))) {
        const Result<Record> domain = domainInScope(actor, query.filters.value(QStringLiteral("domain")));
        if (!domain.ok())
            return domain.error();
        domainId = domain->id;
    }
    return store::BulletinRepository(db()).list(
        company, domainId, query.filters.value(QStringLiteral("type")), query);
}

Result<Record> BulletinService::get(const Actor &actor, qint64 id) const
{
    return withCounts(visible(actor, id));
}

Result<Record> BulletinService::create(const Actor &actor, const QJsonObject &input) const
{
    if (Status s = require(actor, QStringLiteral("bulletin.write")); !s.ok())
        return s.error();
    const Result<QJsonObject> valid = validFields(input, true);
    if (!valid.ok())
        return valid.error();
    // The scope: a domain by name, or a company (a company admin's own when it names none).
    qint64 companyId = 0, domainId = 0;
    const QJsonValue domainName = input.value(QLatin1String("domain"));
    const QJsonValue companyValue = input.value(QLatin1String("company_id"));
    if (!domainName.isUndefined() && !domainName.isNull()) {
        if (!domainName.isString())
            return Error::invalidField(
                QStringLiteral("domain"), QStringLiteral("type"), QStringLiteral("The domain is a name."));
        const Result<Record> domain = domainInScope(actor, domainName.toString());
        if (!domain.ok())
            return domain.error();
        domainId = domain->id;
        companyId = domain->companyId;
        if (!companyValue.isUndefined() && !companyValue.isNull()
            && qint64(companyValue.toDouble()) != companyId)
            return Error::invalidField(QStringLiteral("company_id"), QStringLiteral("mismatch"),
                QStringLiteral("The domain belongs to another company; give one of them."));
    } else if (!companyValue.isUndefined() && !companyValue.isNull()) {
        if (!companyValue.isDouble() || companyValue.toDouble() < 1)
            return Error::invalidField(QStringLiteral("company_id"), QStringLiteral("type"),
                QStringLiteral("The company is given by its id."));
        const Result<Record> company = companyInScope(actor, qint64(companyValue.toDouble()));
        if (!company.ok())
            return company.error();
        companyId = company->id;
    } else if (!actor.isOperator()) {
        companyId = actor.companyId;
    } else {
        return Error::invalidField(QStringLiteral("company_id"), QStringLiteral("required"),
            QStringLiteral("Say whose bulletin it is: company_id or domain."));
    }
    QJsonObject object = valid.value();
    object.insert(QStringLiteral("company_id"), double(companyId));
    object.insert(QStringLiteral("domain_id"),
        domainId > 0 ? QJsonValue(double(domainId)) : QJsonValue(QJsonValue::Null));
    const QString scopeKey = store::BulletinRepository::scopeKey(companyId, domainId);
    object.insert(QStringLiteral("scope_key"), scopeKey);
    object.insert(QStringLiteral("created_by"), actor.login);
    return transaction<Record>([&]() -> Result<Record> {
        store::BulletinRepository bulletins(db());
        const Result<qint64> owner = bulletins.nameOwner(scopeKey,
            object.value(QLatin1String("type")).toString(), object.value(QLatin1String("name")).toString());
        if (!owner.ok())
            return owner.error();
        if (owner.value() != 0)
            return Error::conflict(QStringLiteral("A %1 bulletin named %2 already exists here.")
                                       .arg(object.value(QLatin1String("type")).toString(),
                                           object.value(QLatin1String("name")).toString()));
        const Result<qint64> id = bulletins.insert(object, auth::Clock::now());
        if (!id.ok())
            return id.error();
        const Result<Record> created = bulletins.byId(id.value());
        if (!created.ok())
            return created;
        if (Status s = audit(actor, kBulletin, QString::number(id.value()), QStringLiteral("create"),
                diff({}, created->data, kAudited), companyId, domainId);
            !s.ok())
            return s.error();
        return withCounts(created);
    });
}

Result<Record> BulletinService::update(
    const Actor &actor, qint64 id, const QJsonObject &input, std::optional<int> expectedVersion) const
{
    if (Status s = require(actor, QStringLiteral("bulletin.write")); !s.ok())
        return s.error();
    const Result<Record> seen = visible(actor, id);
    if (!seen.ok())
        return seen;
    const Result<QJsonObject> valid = validFields(input, false);
    if (!valid.ok())
        return valid.error();
    return transaction<Record>([&]() -> Result<Record> {
        store::BulletinRepository bulletins(db());
        const Result<Record> current = bulletins.byId(id);
        if (!current.ok())
            return current;
        if (current->isNull())
            return missing(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s.error();
        QJsonObject next = merged(current->data, valid.value());
        const QJsonObject changes = diff(current->data, next, kAudited);
        if (changes.isEmpty())
            return withCounts(current);
        if (changes.contains(QLatin1String("name")) || changes.contains(QLatin1String("type"))) {
            const Result<qint64> owner = bulletins.nameOwner(
                next.value(QLatin1String("scope_key")).toString(),
                next.value(QLatin1String("type")).toString(), next.value(QLatin1String("name")).toString());
            if (!owner.ok())
                return owner.error();
            if (owner.value() != 0 && owner.value() != id)
                return Error::conflict(QStringLiteral("A %1 bulletin named %2 already exists here.")
                                           .arg(next.value(QLatin1String("type")).toString(),
                                               next.value(QLatin1String("name")).toString()));
        }
        const Result<bool> updated = bulletins.update(current.value(), next, auth::Clock::now());
        if (!updated.ok())
            return updated.error();
        if (!updated.value())
            return Error::make(
                ErrorKind::PreconditionFailed, QStringLiteral("The bulletin changed meanwhile."));
        if (Status s = audit(actor, kBulletin, QString::number(id), QStringLiteral("update"), changes,
                current->companyId, current->domainId);
            !s.ok())
            return s.error();
        return withCounts(bulletins.byId(id));
    });
}

Status BulletinService::remove(const Actor &actor, qint64 id, std::optional<int> expectedVersion) const
{
    const Result<Record> seen = visible(actor, id);
    if (!seen.ok())
        return seen.error();
    return inTransaction(db(), [&]() -> Status {
        store::BulletinRepository bulletins(db());
        const Result<Record> current = bulletins.byId(id);
        if (!current.ok())
            return current.error();
        if (current->isNull())
            return missing(id);
        if (Status s = checkVersion(current.value(), expectedVersion); !s.ok())
            return s;
        if (Status s = bulletins.remove(id); !s.ok())
            return s;
        return audit(actor, kBulletin, QString::number(id), QStringLiteral("delete"),
            diff(current->data, {}, kAudited), current->companyId, current->domainId);
    });
}

Result<QJsonObject> BulletinService::post(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    const Result<Record> seen = visible(actor, id);
    if (!seen.ok())
        return seen.error();
    QList<FieldError> errors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("target") && it.key() != QLatin1String("incident_id"))
            errors << FieldError {it.key(), QStringLiteral("unknown_field"),
                QStringLiteral("A post takes target and incident_id.")};
    }
    const QString target = input.value(QLatin1String("target")).toString(QStringLiteral("all"));
    if (target != QLatin1String("all") && target != QLatin1String("incident"))
        errors << FieldError {QStringLiteral("target"), QStringLiteral("invalid_choice"),
            QStringLiteral("Use all (every mailbox of the bulletin's company or domain) or incident.")};
    const QJsonValue incidentValue = input.value(QLatin1String("incident_id"));
    qint64 incidentId = 0;
    if (target == QLatin1String("incident")) {
        if (!incidentValue.isDouble() || incidentValue.toDouble() < 1)
            errors << FieldError {QStringLiteral("incident_id"),
                incidentValue.isUndefined() ? QStringLiteral("required") : QStringLiteral("type"),
                QStringLiteral("Name the incident whose affected mailboxes receive the bulletin.")};
        else
            incidentId = qint64(incidentValue.toDouble());
    } else if (!incidentValue.isUndefined() && !incidentValue.isNull()) {
        errors << FieldError {QStringLiteral("incident_id"), QStringLiteral("not_allowed"),
            QStringLiteral("An incident is given only with the target incident.")};
    }
    if (!errors.isEmpty())
        return Error::invalid(errors, QStringLiteral("The post is not valid."));
    const qint64 now = auth::Clock::now();
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        store::BulletinRepository bulletins(db());
        const Result<Record> bulletin = bulletins.byId(id, false);
        if (!bulletin.ok())
            return bulletin.error();
        if (bulletin->isNull())
            return missing(id);
        store::ImpactTargets targets;
        QString occasion = QStringLiteral("v%1").arg(bulletin->version);
        if (incidentId > 0) {
            // Only an incident that touches the bulletin's company counts (an admin sees no others).
            store::IncidentRepository incidents(db());
            const Result<Record> incident = incidents.byId(incidentId, false);
            if (!incident.ok())
                return incident.error();
            bool touches = false;
            if (!incident->isNull()) {
                const Result<QList<store::CompanyImpact>> impact = incidents.storedImpact(incidentId);
                if (!impact.ok())
                    return impact.error();
                for (const store::CompanyImpact &c : impact.value())
                    touches = touches || c.companyId == bulletin->companyId;
            }
            if (!touches)
                return Error::invalidField(QStringLiteral("incident_id"), QStringLiteral("not_found"),
                    QStringLiteral("No incident %1 affects the mailboxes of this bulletin's company.")
                        .arg(incidentId));
            const Result<store::ImpactTargets> t = incidents.targets(incident->data);
            if (!t.ok())
                return t.error();
            targets = t.value();
            occasion += QStringLiteral(":incident:%1").arg(incidentId);
        }
        const Result<qint64> postId
            = bulletins.addPost(bulletin.value(), target, incidentId, actor.login, now);
        if (!postId.ok())
            return postId.error();
        const Result<qint64> queued = bulletins.queueScope(
            bulletin.value(), postId.value(), occasion, incidentId > 0 ? &targets : nullptr, now);
        if (!queued.ok())
            return queued.error();
        QJsonObject changes {
            {QStringLiteral("target"), target}, {QStringLiteral("recipients"), double(queued.value())}};
        if (incidentId > 0)
            changes.insert(QStringLiteral("incident_id"), double(incidentId));
        if (Status s = audit(actor, kBulletin, QString::number(id), QStringLiteral("post"), changes,
                bulletin->companyId, bulletin->domainId);
            !s.ok())
            return s.error();
        return bulletins.post(postId.value());
    });
}

Result<QJsonObject> BulletinService::sendTest(const Actor &actor, qint64 id, const QJsonObject &input) const
{
    const Result<Record> seen = visible(actor, id);
    if (!seen.ok())
        return seen.error();
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (it.key() != QLatin1String("address"))
            return Error::invalidField(
                it.key(), QStringLiteral("unknown_field"), QStringLiteral("A test send takes an address."));
    }
    const validation::Verdict address
        = validation::normalizeEmail(input.value(QLatin1String("address")).toString());
    if (!address.ok())
        return Error::invalidField(QStringLiteral("address"),
            input.contains(QLatin1String("address")) ? address.code : QStringLiteral("required"),
            input.contains(QLatin1String("address"))
                ? address.message
                : QStringLiteral("Give the address to send the test to."));
    const qint64 now = auth::Clock::now();
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        store::BulletinRepository bulletins(db());
        const Result<Record> bulletin = bulletins.byId(id, false);
        if (!bulletin.ok())
            return bulletin.error();
        if (bulletin->isNull())
            return missing(id);
        const Result<qint64> postId
            = bulletins.addPost(bulletin.value(), QStringLiteral("test"), 0, actor.login, now);
        if (!postId.ok())
            return postId.error();
        if (const Result<qint64> n
            = bulletins.queueTest(bulletin.value(), postId.value(), address.value, now);
            !n.ok())
            return n.error();
        if (Status s = audit(actor, kBulletin, QString::number(id), QStringLiteral("test"),
                {{QStringLiteral("address"), address.value}}, bulletin->companyId, bulletin->domainId);
            !s.ok())
            return s.error();
        return bulletins.post(postId.value());
    });
}

Result<Page> BulletinService::posts(const Actor &actor, qint64 id, const store::ListQuery &query) const
{
    const Result<Record> seen = visible(actor, id);
    if (!seen.ok())
        return seen.error();
    if (Status s = checkQuery(query, {}, {}); !s.ok())
        return s.error();
    return store::BulletinRepository(db()).posts(id, query);
}

Result<Page> BulletinService::deliveries(const Actor &actor, qint64 id, const store::ListQuery &query) const
{
    const Result<Record> seen = visible(actor, id);
    if (!seen.ok())
        return seen.error();
    if (Status s = checkQuery(query, {},
            {{QStringLiteral("post_id"), {}},
                {QStringLiteral("state"),
                    {QStringLiteral("waiting"), QStringLiteral("sending"), QStringLiteral("delivered"),
                        QStringLiteral("failed")}}});
        !s.ok())
        return s.error();
    return store::BulletinRepository(db()).deliveries(id, query, auth::Clock::now());
}

} // namespace mailadmin::service
