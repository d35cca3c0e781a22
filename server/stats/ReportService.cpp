#include "stats/ReportService.h"

#include "Validation.h"
#include "notify/Notifier.h"
#include "store/AuditRepository.h"
#include "store/NotifyRepository.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace mailadmin::service {

Result<QJsonObject> ReportService::schedule(const Actor &actor, qint64 companyId) const
{
    // A company-wide setting (with its recipients): not for domain admins.
    if (Status s = require(actor, QStringLiteral("company.read")); !s.ok())
        return s.error();
    if (const Result<Record> c = companyInScope(actor, companyId); !c.ok())
        return c.error();
    return store::NotifyRepository(db()).schedule(companyId);
}

Result<QJsonObject> ReportService::setSchedule(
    const Actor &actor, qint64 companyId, const QJsonObject &input, std::optional<int> version) const
{
    if (Status s = require(actor, QStringLiteral("report.write")); !s.ok())
        return s.error();
    if (const Result<Record> c = companyInScope(actor, companyId); !c.ok())
        return c.error();
    QList<FieldError> errors;
    QJsonObject changes;
    static const QRegularExpression time(QStringLiteral("^([01][0-9]|2[0-3]):[0-5][0-9]$"));
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("enabled")) {
            if (!it.value().isBool())
                errors << FieldError {key, QStringLiteral("type"), QStringLiteral("Expected true or false.")};
            else
                changes.insert(key, it.value());
        } else if (key == QLatin1String("time_of_day")) {
            if (!it.value().isString() || !time.match(it.value().toString()).hasMatch())
                errors << FieldError {
                    key, QStringLiteral("invalid"), QStringLiteral("Use HH:MM in UTC, for example 06:30.")};
            else
                changes.insert(key, it.value());
        } else if (key == QLatin1String("recipients")) {
            if (!it.value().isArray()) {
                errors << FieldError {
                    key, QStringLiteral("type"), QStringLiteral("Expected a list of e-mail addresses.")};
                continue;
            }
            const QJsonArray list = it.value().toArray();
            if (list.size() > 100)
                errors << FieldError {
                    key, QStringLiteral("too_many"), QStringLiteral("Use at most 100 recipients.")};
            QJsonArray normalized;
            for (qsizetype i = 0; i < list.size(); ++i) {
                const validation::Verdict v = validation::normalizeEmail(list.at(i).toString());
                if (!list.at(i).isString() || !v.ok())
                    errors << FieldError {QStringLiteral("recipients[%1]").arg(i), QStringLiteral("invalid"),
                        v.ok() ? QStringLiteral("Expected a string.") : v.message};
                else
                    normalized.append(v.value);
            }
            changes.insert(key, normalized);
        } else if (key != QLatin1String("version") && key != QLatin1String("company_id")
            && key != QLatin1String("last_sent")) {
            errors << FieldError {
                key, QStringLiteral("unknown_field"), QStringLiteral("This field is not known here.")};
        }
    }
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        store::NotifyRepository repo(db());
        const Result<QJsonObject> current = repo.schedule(companyId);
        if (!current.ok())
            return current;
        if (version && *version != current->value(QLatin1String("version")).toInt()) {
            Error e = Error::make(
                ErrorKind::PreconditionFailed, QStringLiteral("The schedule changed meanwhile."));
            e.current = current.value();
            return e;
        }
        QJsonObject next = current.value();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            next.insert(it.key(), it.value());
        if (next.value(QLatin1String("enabled")).toBool()
            && next.value(QLatin1String("recipients")).toArray().isEmpty())
            return Error::invalidField(QStringLiteral("recipients"), QStringLiteral("required"),
                QStringLiteral("An enabled report needs recipients."));
        if (Status s = repo.setSchedule(companyId, next, auth::Clock::now()); !s.ok())
            return s.error();
        if (Status s = audit(actor, QStringLiteral("company"), QString::number(companyId),
                QStringLiteral("report_schedule"),
                diff(current.value(), next,
                    {QStringLiteral("enabled"), QStringLiteral("time_of_day"), QStringLiteral("recipients")}),
                companyId, 0);
            !s.ok())
            return s.error();
        return repo.schedule(companyId);
    });
}

Result<QJsonObject> ReportService::sendNow(const Actor &actor, qint64 companyId) const
{
    if (Status s = require(actor, QStringLiteral("report.write")); !s.ok())
        return s.error();
    if (const Result<Record> c = companyInScope(actor, companyId); !c.ok())
        return c.error();
    const QString object = QString::number(companyId);
    // Counting the recent sends and queueing this one happen in one transaction, so a burst of parallel
    // requests cannot all pass the count; each send is audited, and the audit is what is counted.
    return transaction<QJsonObject>([&]() -> Result<QJsonObject> {
        if (db().dialect().kind() != store::SqlDialect::Kind::SQLite) {
            store::Statement lock
                = db().prepare(QStringLiteral("SELECT id FROM companies WHERE id = ? FOR UPDATE"));
            lock.bind(companyId);
            if (Status s = lock.exec(); !s.ok())
                return s.error();
        }
        const qint64 now = auth::Clock::now();
        const Result<store::AuditRepository::Recent> recent = store::AuditRepository(db()).recent(
            QStringLiteral("company"), object, QStringLiteral("report_send"), now - kSendWindowSeconds);
        if (!recent.ok())
            return recent.error();
        if (recent->count >= kSendsPerWindow) {
            Error e = Error::make(ErrorKind::Throttled,
                QStringLiteral("The report was sent %1 times in the last %2 minutes; try again later.")
                    .arg(recent->count)
                    .arg(kSendWindowSeconds / 60));
            e.retryAfterSeconds = int(qMax<qint64>(1, recent->oldest + kSendWindowSeconds - now));
            return e;
        }
        const Result<qint64> id = notify::Notifier(db(), {}).queueReport(companyId, now);
        if (!id.ok())
            return id.error();
        if (Status s = audit(actor, QStringLiteral("company"), object, QStringLiteral("report_send"),
                QJsonObject {{QStringLiteral("outbox_id"),
                    QJsonObject {{QStringLiteral("before"), QJsonValue::Null},
                        {QStringLiteral("after"), double(id.value())}}}},
                companyId, 0);
            !s.ok())
            return s.error();
        return QJsonObject {
            {QStringLiteral("queued"), true}, {QStringLiteral("outbox_id"), double(id.value())}};
    });
}

} // namespace mailadmin::service
