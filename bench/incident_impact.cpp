// The impact of an incident at scale: seeds a directory (1,000,000 mailboxes by default, in 200 companies
// over two clusters of ten mail stores each), opens an outage of one mail store, then measures in the
// service layer (no HTTP):
//   - one company admin's share ("N of your M mailboxes"): the big company (10% of all mailboxes)
//   - that company's first page of affected mailboxes (100, by address)
//   - the operator's impact over every company
// and prints the median of several runs.   bench_incident_impact [--users N] [--runs N]
//
// Mailboxes are written straight into the users table, with the schema's indexes in place; the substring
// search index (an FTS table fed by triggers) is left out, as it plays no part here and triples the load.

#include "auth/Actor.h"
#include "auth/Clock.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionManager.h"
#include "service/AdminService.h"
#include "service/IncidentService.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace mailadmin;

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

bool ok(const Status &s)
{
    if (!s.ok())
        QTextStream(stderr) << s.error().detail << '\n';
    return s.ok();
}

template<typename F> QList<double> timed(int runs, F &&work)
{
    QList<double> times;
    for (int i = 0; i < runs + 1; ++i) {
        QElapsedTimer t;
        t.start();
        if (!work())
            std::exit(1);
        if (i > 0) // the first warms the caches
            times << double(t.nsecsElapsed()) / 1e6;
    }
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption usersOption(QStringLiteral("users"),
        QStringLiteral("Mailboxes (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Runs of each question (default 21)."), QStringLiteral("n"), QStringLiteral("21"));
    const QCommandLineOption keepOption(QStringLiteral("keep"),
        QStringLiteral("Write the database here and keep it (for EXPLAIN QUERY PLAN)."),
        QStringLiteral("path"));
    parser.addOptions({usersOption, runsOption, keepOption});
    parser.process(app);
    const int users = std::max(10000, parser.value(usersOption).toInt());
    const int runs = std::max(3, parser.value(runsOption).toInt());
    QLoggingCategory::setFilterRules(QStringLiteral("mailadmind.*.info=false"));

    QTemporaryDir dir;
    store::Database::Options dbOptions;
    dbOptions.path
        = parser.isSet(keepOption) ? parser.value(keepOption) : dir.filePath(QStringLiteral("bench.db"));
    auto opened = store::Database::open(dbOptions);
    if (!opened.ok()) {
        QTextStream(stderr) << opened.error().detail << '\n';
        return 1;
    }
    store::Database &db = *opened.value();
    auth::PasswordHasher::setStrength(auth::PasswordHasher::Strength::Fast);
    auth::SessionManager sessions(db);
    const service::Context ctx {db, sessions};

    QElapsedTimer timer;
    timer.start();
    constexpr int kCompanies = 200;
    constexpr int kDomainsPerCompany = 10;
    constexpr int kStoresPerCluster = 10;
    const auto exec = [&](const QString &sql, const QVariantList &values = {}) {
        store::Statement q = db.prepare(sql);
        for (const QVariant &v : values)
            q.bind(v);
        return ok(q.exec());
    };
    if (!exec(QStringLiteral("DROP TRIGGER IF EXISTS user_search_insert")))
        return 1;
    QList<qint64> clusterOf; // per company
    {
        store::Transaction tx(db);
        for (int c = 0; c < 2; ++c) {
            if (!exec(QStringLiteral(
                          "INSERT INTO clusters (name, name_lc, created_at, updated_at) VALUES (?, ?, 0, 0)"),
                    {QStringLiteral("Cluster %1").arg(QChar(u'A' + c)),
                        QStringLiteral("cluster %1").arg(QChar(u'a' + c))}))
                return 1;
            for (int s = 0; s < kStoresPerCluster; ++s) {
                const QString name = QStringLiteral("%1%2").arg(QChar(u'a' + c)).arg(s + 1);
                if (!exec(QStringLiteral(
                              "INSERT INTO mail_stores (cluster_id, name, name_lc, created_at, updated_at) "
                              "VALUES (?, ?, ?, 0, 0)"),
                        {c + 2, name, name})) // clusters 2 and 3 (1 is the default)
                    return 1;
            }
        }
        // Company 1 holds 10% of the mailboxes, the others share the rest.
        const QString companySql
            = (QStringLiteral("INSERT INTO companies (name, name_lc, default_quota, quota_maximum, "
                              "created_at, updated_at) VALUES (?, ?, "
                              "1073741824, 0, 0, 0) RETURNING id"));
        const QString domainSql = (QStringLiteral("INSERT INTO domains (company_id, name, default_quota, "
                                                  "quota_maximum, cluster_id, created_at, updated_at) "
                                                  "VALUES (?, ?, 1073741824, 0, ?, 0, 0) RETURNING id"));
        const QString userSql
            = (QStringLiteral("INSERT INTO users (domain_id, local_part, address, type, name_lc, "
                              "quota, store_id, created_at, updated_at) "
                              "VALUES (?, ?, ?, 'mailbox', ?, 1073741824, ?, 0, 0)"));
        qint64 written = 0;
        for (int c = 0; c < kCompanies; ++c) {
            const QString name = QStringLiteral("Company %1").arg(c + 1);
            store::Statement company = db.prepare(companySql);
            company.bind(name).bind(name.toLower());
            if (!ok(company.exec()) || !company.next())
                return 1;
            const qint64 companyId = company.toInt(0);
            const qint64 cluster = c % 2 == 0 ? 2 : 3;
            const qint64 firstStore = cluster == 2 ? 2 : 2 + kStoresPerCluster;
            const qint64 share = c == 0 ? users / 10 : (users - users / 10) / (kCompanies - 1);
            for (int d = 0; d < kDomainsPerCompany; ++d) {
                const QString domainName = QStringLiteral("d%1-c%2.example").arg(d).arg(c + 1);
                store::Statement domain = db.prepare(domainSql);
                domain.bind(companyId).bind(domainName).bind(cluster);
                if (!ok(domain.exec()) || !domain.next())
                    return 1;
                const qint64 domainId = domain.toInt(0);
                for (qint64 u = 0; u < share / kDomainsPerCompany; ++u) {
                    const QString local = QStringLiteral("user%1").arg(u);
                    store::Statement user = db.prepare(userSql);
                    user.bind(domainId)
                        .bind(local)
                        .bind(QString(local + QLatin1Char('@') + domainName))
                        .bind(local)
                        .bind(firstStore + (written % kStoresPerCluster));
                    if (!ok(user.exec()))
                        return 1;
                    ++written;
                }
            }
        }
        if (!exec(QStringLiteral(
                "UPDATE mail_stores SET mailbox_count = (SELECT COUNT(*) FROM users u WHERE u.store_id "
                "= mail_stores.id)")))
            return 1;
        if (!ok(tx.commit()))
            return 1;
        out() << "Seeded " << written << " mailboxes in " << kCompanies << " companies, "
              << kCompanies * kDomainsPerCompany << " domains, " << 2 * kStoresPerCluster
              << " stores on 2 clusters (" << timer.restart() << " ms)\n";
    }
    for (const QString &sql : db.dialect().optimize())
        (void)db.execute(sql);

    auth::Actor op;
    op.adminId = 1;
    op.login = QStringLiteral("bench-root");
    op.role = Role::Operator;
    service::IncidentService incidents(ctx);
    const Result<store::Record> outage = incidents.create(op,
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("outage")},
            {QStringLiteral("title"), QStringLiteral("a3 down")},
            {QStringLiteral("services"), QJsonArray {QStringLiteral("imap")}},
            {QStringLiteral("stores"), QJsonArray {4}}});
    if (!outage.ok()) {
        QTextStream(stderr) << outage.error().detail << '\n';
        return 1;
    }
    out() << "Opening the outage of store a3 (impact of every company computed and kept): " << timer.restart()
          << " ms\n";
    const qint64 id = outage->id;

    auth::Actor admin;
    admin.adminId = 2;
    admin.login = QStringLiteral("admin@company1");
    admin.role = Role::CompanyAdmin;
    admin.companyId = 1;
    qint64 affected = 0, total = 0;
    const QList<double> share = timed(runs, [&] {
        const Result<store::Page> page = incidents.impact(admin, id, store::ListQuery {});
        if (!page.ok() || page->items.isEmpty())
            return false;
        affected = qint64(page->items.first().data.value(QLatin1String("mailboxes")).toDouble());
        total = qint64(page->items.first().data.value(QLatin1String("total")).toDouble());
        return true;
    });
    out() << "One company's impact (" << affected << " of its " << total << " mailboxes): median "
          << QString::number(median(share), 'f', 2) << " ms\n";
    const QList<double> firstPage = timed(runs, [&] {
        const Result<store::Page> page = incidents.mailboxes(admin, id, store::ListQuery {});
        return page.ok() && page->items.size() == 100;
    });
    out() << "Its first page of affected mailboxes (100 by address): median "
          << QString::number(median(firstPage), 'f', 2) << " ms\n";
    qint64 companies = 0;
    const QList<double> everyone = timed(std::max(3, runs / 3), [&] {
        const Result<store::Page> page = incidents.impact(op, id, store::ListQuery {});
        companies = page.ok() ? page->total : 0;
        return page.ok();
    });
    out() << "The operator's impact over all " << companies << " affected companies: median "
          << QString::number(median(everyone), 'f', 2) << " ms\n";
    return 0;
}
