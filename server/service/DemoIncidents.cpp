#include "service/DemoIncidents.h"

#include "Json.h"
#include "Schema.h"
#include "notify/IncidentNotifier.h"
#include "store/ClusterRepository.h"
#include "store/Database.h"
#include "store/IncidentRepository.h"
#include "store/MailStoreRepository.h"

#include <QJsonArray>

namespace mailadmin::service {

namespace {
Status run(store::Database &db, const QString &sql, const QVariantList &values = {})
{
    store::Statement q = db.prepare(sql);
    for (const QVariant &v : values)
        q.bind(v);
    return q.exec();
}
} // namespace

Status DemoIncidents::seed(qint64 now)
{
    store::ClusterRepository clusters(m_db);
    store::MailStoreRepository stores(m_db);
    // The default cluster of a fresh database holds nothing yet; the demo has its own.
    if (Status s = run(m_db,
            QStringLiteral("DELETE FROM mail_stores WHERE mailbox_count = 0 AND id NOT IN (SELECT "
                           "store_id FROM users WHERE store_id IS NOT NULL)"));
        !s.ok())
        return s;
    if (Status s = run(m_db,
            QStringLiteral("DELETE FROM clusters WHERE id NOT IN (SELECT cluster_id FROM mail_stores)"));
        !s.ok())
        return s;
    struct Layout
    {
        QString cluster;
        QString description;
        QStringList stores;
    };
    const QList<Layout> layout = {
        {QStringLiteral("Cluster A"), QStringLiteral("Primary data centre, Toronto."),
            {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}},
        {QStringLiteral("Cluster B"), QStringLiteral("Second data centre, Montreal."),
            {QStringLiteral("b1"), QStringLiteral("b2")}},
    };
    QList<qint64> clusterIds;
    QList<QList<qint64>> storeIds;
    for (const Layout &l : layout) {
        const Result<qint64> cluster = clusters.insert(
            QJsonObject {{QStringLiteral("name"), l.cluster}, {QStringLiteral("description"), l.description}},
            now);
        if (!cluster.ok())
            return cluster.error();
        clusterIds << cluster.value();
        QList<qint64> ids;
        for (const QString &name : l.stores) {
            const Result<qint64> store = stores.insert(
                QJsonObject {{QStringLiteral("cluster_id"), double(cluster.value())},
                    {QStringLiteral("name"), name},
                    {QStringLiteral("host"), QStringLiteral("mail-%1.example.net").arg(name)},
                    {QStringLiteral("mail_location"), QStringLiteral("maildir:/srv/mail/%1/%d/%n").arg(name)},
                    {QStringLiteral("services"), QJsonArray::fromStringList(incidents::services())},
                    {QStringLiteral("accepting"), true}},
                now);
            if (!store.ok())
                return store.error();
            ids << store.value();
        }
        storeIds << ids;
    }
    // Odd companies on A, even ones on B, with every fifth domain on the other cluster, so some companies
    // span both.
    if (Status s = run(m_db,
            QStringLiteral(
                "UPDATE domains SET cluster_id = CASE WHEN (company_id + CASE WHEN id % 5 = 0 THEN 1 ELSE 0 "
                "END) % 2 = 1 THEN ? ELSE ? END"),
            {clusterIds.at(0), clusterIds.at(1)});
        !s.ok())
        return s;
    for (qsizetype c = 0; c < clusterIds.size(); ++c) {
        const QList<qint64> &ids = storeIds.at(c);
        for (qsizetype k = 0; k < ids.size(); ++k) {
            if (Status s = run(m_db,
                    QStringLiteral("UPDATE users SET store_id = ? WHERE type = 'mailbox' AND id % ? = ? AND "
                                   "domain_id IN "
                                   "(SELECT id FROM domains WHERE cluster_id = ?)"),
                    {ids.at(k), qint64(ids.size()), qint64(k), clusterIds.at(c)});
                !s.ok())
                return s;
        }
    }
    if (Status s = stores.recount(); !s.ok())
        return s;

    // One open outage on store a2 and one maintenance of cluster B in three days.
    store::IncidentRepository incidents(m_db);
    notify::IncidentNotifier notifier(m_db);
    const QJsonObject outage {{QStringLiteral("kind"), QStringLiteral("outage")},
        {QStringLiteral("title"), QStringLiteral("Mail store a2 unavailable")},
        {QStringLiteral("description"),
            QStringLiteral(
                "A storage controller of mail store a2 failed. Mailboxes on a2 cannot be read over IMAP, POP "
                "or webmail; incoming mail is queued and will be delivered once the store is back.")},
        {QStringLiteral("severity"), QStringLiteral("critical")},
        {QStringLiteral("status"), QStringLiteral("open")},
        {QStringLiteral("services"),
            QJsonArray {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"),
                QStringLiteral("inbound")}},
        {QStringLiteral("clusters"), QJsonArray()},
        {QStringLiteral("stores"), QJsonArray {double(storeIds.at(0).at(1))}},
        {QStringLiteral("companies"), QJsonArray()}, {QStringLiteral("domains"), QJsonArray()},
        {QStringLiteral("starts_at"), json::isoTime(now - 2 * 3600)},
        {QStringLiteral("expected_end_at"), json::isoTime(now + 4 * 3600)},
        {QStringLiteral("remind_before_minutes"), 0}, {QStringLiteral("closing_note"), QString()},
        {QStringLiteral("created_by"), QStringLiteral("operator")}};
    const QJsonObject maintenance {{QStringLiteral("kind"), QStringLiteral("maintenance")},
        {QStringLiteral("title"), QStringLiteral("Cluster B storage firmware upgrade")},
        {QStringLiteral("description"),
            QStringLiteral(
                "Stores b1 and b2 get new storage firmware. Expect IMAP and POP sessions to drop for up to "
                "five minutes per store during the window.")},
        {QStringLiteral("severity"), QStringLiteral("minor")},
        {QStringLiteral("status"), QStringLiteral("scheduled")},
        {QStringLiteral("services"), QJsonArray {QStringLiteral("imap"), QStringLiteral("pop")}},
        {QStringLiteral("clusters"), QJsonArray {double(clusterIds.at(1))}},
        {QStringLiteral("stores"), QJsonArray()}, {QStringLiteral("companies"), QJsonArray()},
        {QStringLiteral("domains"), QJsonArray()},
        {QStringLiteral("starts_at"), json::isoTime((now / 86400 + 3) * 86400 + 2 * 3600)},
        {QStringLiteral("expected_end_at"), json::isoTime((now / 86400 + 3) * 86400 + 4 * 3600)},
        {QStringLiteral("remind_before_minutes"), 24 * 60}, {QStringLiteral("closing_note"), QString()},
        {QStringLiteral("created_by"), QStringLiteral("operator")}};
    const QList<std::pair<QJsonObject, QStringList>> plan = {
        {outage,
            {QStringLiteral("opened"), outage.value(QLatin1String("description")).toString(),
                QStringLiteral("update"),
                QStringLiteral(
                    "The failed controller is replaced; the volume is being checked before it is brought "
                    "back. Mail for these mailboxes is queued, not lost.")}},
        {maintenance,
            {QStringLiteral("scheduled"), maintenance.value(QLatin1String("description")).toString()}},
    };
    for (const auto &[object, updates] : plan) {
        const qint64 created = json::parseIsoTime(object.value(QLatin1String("starts_at")).toString());
        const Result<qint64> id = incidents.insert(object, std::min(now, created));
        if (!id.ok())
            return id.error();
        const Result<store::ImpactTargets> targets = incidents.targets(object);
        if (!targets.ok())
            return targets.error();
        const Result<QList<store::CompanyImpact>> impact = incidents.impactByCompany(targets.value());
        if (!impact.ok())
            return impact.error();
        if (Status s = incidents.storeImpact(id.value(), impact.value()); !s.ok())
            return s;
        for (qsizetype u = 0; u + 1 < updates.size(); u += 2) {
            const qint64 at = object.value(QLatin1String("status")).toString() == QLatin1String("open")
                ? created + qint64(u) * 1800
                : now - 86400;
            const Result<qint64> update = incidents.addUpdate(
                id.value(), updates.at(u), updates.at(u + 1), QStringLiteral("operator"), at);
            if (!update.ok())
                return update.error();
            if (const Result<int> n = notifier.queueUpdate(id.value(), update.value(), at); !n.ok())
                return n.error();
        }
    }
    return Status::success();
}

} // namespace mailadmin::service
