#include "notify/IncidentNotifier.h"

#include "Json.h"
#include "store/Database.h"
#include "store/NoticeRepository.h"
#include "store/NotifyRepository.h"

#include <QJsonArray>
#include <QLocale>

namespace mailadmin::notify {

namespace {
QString readableTime(const QJsonValue &iso)
{
    if (!iso.isString() || iso.toString().isEmpty())
        return QStringLiteral("not known yet");
    const qint64 t = json::parseIsoTime(iso.toString());
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        + QStringLiteral(" UTC");
}

QString capitalized(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

QString serviceList(const QJsonArray &services)
{
    QStringList names;
    for (const QJsonValue &v : services) {
        const QString s = v.toString();
        names << (s == QLatin1String("imap") || s == QLatin1String("pop") ? s.toUpper() : s);
    }
    return names.isEmpty() ? QStringLiteral("none named") : names.join(QStringLiteral(", "));
}
} // namespace

QString IncidentNotifier::contactTypeFor(const QString &kind)
{
    return kind == QLatin1String("maintenance") ? QStringLiteral("maintenance") : QStringLiteral("emergency");
}

NoticeText IncidentNotifier::compose(const QJsonObject &incident, const QJsonObject &update,
    const store::CompanyImpact &impact, const QString &where, const QString &contactName)
{
    const QString kind = incident.value(QLatin1String("kind")).toString();
    const QString updateKind = update.value(QLatin1String("kind")).toString();
    const QString title = incident.value(QLatin1String("title")).toString();
    QString label;
    if (updateKind == QLatin1String("resolved"))
        label = QStringLiteral("Resolved");
    else if (updateKind == QLatin1String("reminder"))
        label = QStringLiteral("Reminder");
    else if (updateKind == QLatin1String("scheduled"))
        label = QStringLiteral("Scheduled");
    else if (updateKind == QLatin1String("update"))
        label = QStringLiteral("Update");
    else if (updateKind == QLatin1String("started"))
        label = QStringLiteral("Started");
    else
        label = QStringLiteral("New");
    NoticeText out;
    out.subject = QStringLiteral("[MailAdmin] %1 %2: %3").arg(label, kind, title);
    // English figures with their digit grouping ("2,255 of your 7,174"), whatever the server's locale.
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    const QString affected = impact.total > 0
        ? QStringLiteral("%1 of your %2 mailboxes (%3)")
              .arg(c.toString(impact.mailboxes), c.toString(impact.total), impact.company)
        : QStringLiteral("%1 (no mailboxes yet)").arg(impact.company);
    QString body = QStringLiteral("Hello %1,\n\n").arg(contactName);
    body += update.value(QLatin1String("body")).toString().trimmed() + QStringLiteral("\n\n");
    body += QStringLiteral("What:      %1, %2 severity\n")
                .arg(capitalized(kind), incident.value(QLatin1String("severity")).toString());
    body += QStringLiteral("Services:  %1\n")
                .arg(serviceList(incident.value(QLatin1String("services")).toArray()));
    if (!where.isEmpty())
        body += QStringLiteral("Where:     %1\n").arg(where);
    body += QStringLiteral("Starts:    %1\n").arg(readableTime(incident.value(QLatin1String("starts_at"))));
    if (updateKind == QLatin1String("resolved"))
        body += QStringLiteral("Resolved:  %1\n")
                    .arg(readableTime(incident.value(QLatin1String("resolved_at"))));
    else
        body += QStringLiteral("Expected end: %1\n")
                    .arg(readableTime(incident.value(QLatin1String("expected_end_at"))));
    body += QStringLiteral("Affected:  %1\n\n").arg(affected);
    // A preview has no number yet.
    const qint64 id = qint64(incident.value(QLatin1String("id")).toDouble());
    const QString which = id > 0 ? QStringLiteral(" (incident %1)").arg(id) : QString();
    body += QStringLiteral(
        "The affected mailboxes are listed in MailAdmin under Incidents%1, and can be exported "
        "as CSV there.\n")
                .arg(which);
    body
        += QStringLiteral("You receive this as the %1 contact of %2; choose which notices you receive in the "
                          "Contacts page.\n")
               .arg(contactTypeFor(kind), impact.company);
    out.body = body;
    return out;
}

Result<QString> IncidentNotifier::whereText(const QJsonObject &incident) const
{
    QStringList parts;
    for (const auto &[key, table, label] :
        {std::tuple {QStringLiteral("clusters"), QStringLiteral("clusters"), QStringLiteral("cluster")},
            std::tuple {
                QStringLiteral("stores"), QStringLiteral("mail_stores"), QStringLiteral("mail store")}}) {
        QStringList names;
        for (const QJsonValue &v : incident.value(key).toArray()) {
            store::Statement q = m_db.prepare(QStringLiteral("SELECT name FROM %1 WHERE id = ?").arg(table));
            q.bind(qint64(v.toDouble()));
            if (Status s = q.exec(); !s.ok())
                return s.error();
            if (q.next())
                names << q.toString(0);
        }
        if (!names.isEmpty())
            parts << QStringLiteral("%1 %2").arg(
                names.size() == 1 ? label : label + QLatin1Char('s'), names.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

Result<int> IncidentNotifier::queueUpdate(qint64 incidentId, qint64 updateId, qint64 now) const
{
    store::IncidentRepository incidents(m_db);
    store::NoticeRepository notices(m_db);
    store::NotifyRepository outbox(m_db);
    const Result<store::Record> incident = incidents.byId(incidentId);
    if (!incident.ok())
        return incident.error();
    const Result<QJsonObject> update = incidents.updateById(updateId);
    if (!update.ok())
        return update.error();
    if (incident->isNull() || update->isEmpty())
        return 0;
    const Result<QList<store::CompanyImpact>> impact = incidents.storedImpact(incidentId);
    if (!impact.ok())
        return impact.error();
    const Result<QString> where = whereText(incident->data);
    if (!where.ok())
        return where.error();
    const QString kind = incident->data.value(QLatin1String("kind")).toString();
    const QString type = contactTypeFor(kind);
    int queued = 0;
    for (const store::CompanyImpact &company : impact.value()) {
        const Result<QList<QJsonObject>> contacts = notices.recipients(company.companyId, type, kind);
        if (!contacts.ok())
            return contacts.error();
        for (const QJsonObject &contact : contacts.value()) {
            const qint64 contactId = qint64(contact.value(QLatin1String("id")).toDouble());
            const Result<bool> seen = notices.exists(updateId, contactId);
            if (!seen.ok())
                return seen.error();
            if (seen.value())
                continue;
            const NoticeText text = compose(incident->data, update.value(), company, where.value(),
                contact.value(QLatin1String("name")).toString());
            store::OutboxMail mail;
            mail.recipients = {contact.value(QLatin1String("email")).toString()};
            mail.subject = text.subject;
            mail.body = text.body;
            const Result<qint64> outboxId = outbox.enqueue(mail, now);
            if (!outboxId.ok())
                return outboxId.error();
            store::NoticeDelivery d {incidentId, updateId, company.companyId, contactId, type,
                contact.value(QLatin1String("name")).toString(), mail.recipients.first()};
            if (Status s = notices.record(d, outboxId.value(), now); !s.ok())
                return s.error();
            ++queued;
        }
    }
    return queued;
}

Result<int> IncidentNotifier::tick(qint64 now) const
{
    store::IncidentRepository incidents(m_db);
    const Result<QList<store::Record>> due = incidents.due(now);
    if (!due.ok())
        return due.error();
    int queued = 0;
    for (const store::Record &incident : due.value()) {
        store::Transaction tx(m_db);
        if (!tx.status().ok())
            return tx.status().error();
        const Result<store::Record> current = incidents.byId(incident.id, false);
        if (!current.ok())
            return current.error();
        if (current->isNull() || current->version != incident.version)
            continue; // changed meanwhile; the next tick sees it again
        QJsonObject next = current->data;
        QString kind, body;
        const qint64 startsAt = json::parseIsoTime(next.value(QLatin1String("starts_at")).toString());
        if (startsAt <= now) {
            next.insert(QStringLiteral("status"), QStringLiteral("open"));
            kind = QStringLiteral("started");
            body = QStringLiteral("The %1 has begun.").arg(next.value(QLatin1String("kind")).toString());
        } else {
            kind = QStringLiteral("reminder");
            body = QStringLiteral("Reminder: this %1 starts at %2.")
                       .arg(next.value(QLatin1String("kind")).toString(),
                           readableTime(next.value(QLatin1String("starts_at"))));
        }
        next.insert(QStringLiteral("reminded_at"), json::isoTime(now));
        const Result<bool> updated = store::IncidentRepository(m_db).update(current.value(), next, now);
        if (!updated.ok())
            return updated.error();
        if (!updated.value())
            continue;
        const Result<qint64> updateId
            = incidents.addUpdate(incident.id, kind, body, QStringLiteral("(schedule)"), now);
        if (!updateId.ok())
            return updateId.error();
        const Result<int> n = queueUpdate(incident.id, updateId.value(), now);
        if (!n.ok())
            return n.error();
        if (Status s = tx.commit(); !s.ok())
            return s.error();
        queued += n.value();
    }
    return queued;
}

} // namespace mailadmin::notify
