#include "service/DemoSeeder.h"

#include "Json.h"
#include "Schema.h"
#include "auth/Clock.h"
#include "auth/PasswordHasher.h"
#include "service/DemoIncidents.h"
#include "store/AdminRepository.h"
#include "store/AuditRepository.h"
#include "store/BrandRepository.h"
#include "store/CompanyRepository.h"
#include "store/ContactRepository.h"
#include "store/Database.h"
#include "store/DomainRepository.h"
#include "store/UserRepository.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

#include <cmath>

namespace mailadmin::service {

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kGiB = 1024 * kMiB;

const QStringList kFirstNames = {
    QStringLiteral("Anna"),
    QStringLiteral("Ben"),
    QStringLiteral("Chloé"),
    QStringLiteral("David"),
    QStringLiteral("Elena"),
    QStringLiteral("Farid"),
    QStringLiteral("Grace"),
    QStringLiteral("Hugo"),
    QStringLiteral("Ines"),
    QStringLiteral("Jonas"),
    QStringLiteral("Katarzyna"),
    QStringLiteral("Liam"),
    QStringLiteral("Maya"),
    QStringLiteral("Noah"),
    QStringLiteral("Olivia"),
    QStringLiteral("Pedro"),
    QStringLiteral("Qiu"),
    QStringLiteral("Rosa"),
    QStringLiteral("Samir"),
    QStringLiteral("Tanja"),
    QStringLiteral("Umar"),
    QStringLiteral("Valérie"),
    QStringLiteral("William"),
    QStringLiteral("Ximena"),
    QStringLiteral("Yusuf"),
    QStringLiteral("Zoë"),
    QStringLiteral("Amir"),
    QStringLiteral("Beatriz"),
    QStringLiteral("Carlos"),
    QStringLiteral("Daniela"),
    QStringLiteral("Emil"),
    QStringLiteral("Fatima"),
    QStringLiteral("Georg"),
    QStringLiteral("Hannah"),
    QStringLiteral("Ivan"),
    QStringLiteral("Julia"),
    QStringLiteral("Kenji"),
    QStringLiteral("Lena"),
    QStringLiteral("Marco"),
    QStringLiteral("Nina"),
    QStringLiteral("Oskar"),
    QStringLiteral("Priya"),
    QStringLiteral("Rafael"),
    QStringLiteral("Sofia"),
    QStringLiteral("Tomás"),
    QStringLiteral("Ursula"),
    QStringLiteral("Viktor"),
    QStringLiteral("Wen"),
    QStringLiteral("Yara"),
    QStringLiteral("Zain"),
};
const QStringList kLastNames = {
    QStringLiteral("Andersen"),
    QStringLiteral("Becker"),
    QStringLiteral("Costa"),
    QStringLiteral("Dubois"),
    QStringLiteral("Eriksson"),
    QStringLiteral("Fischer"),
    QStringLiteral("García"),
    QStringLiteral("Hansen"),
    QStringLiteral("Ibrahim"),
    QStringLiteral("Jensen"),
    QStringLiteral("Kowalski"),
    QStringLiteral("Lefèvre"),
    QStringLiteral("Müller"),
    QStringLiteral("Nakamura"),
    QStringLiteral("O'Brien"),
    QStringLiteral("Petrov"),
    QStringLiteral("Quinn"),
    QStringLiteral("Rossi"),
    QStringLiteral("Schmidt"),
    QStringLiteral("Tanaka"),
    QStringLiteral("Ueda"),
    QStringLiteral("Vasquez"),
    QStringLiteral("Weber"),
    QStringLiteral("Xu"),
    QStringLiteral("Yilmaz"),
    QStringLiteral("Zimmermann"),
    QStringLiteral("Almeida"),
    QStringLiteral("Brown"),
    QStringLiteral("Chen"),
    QStringLiteral("Dimitrov"),
    QStringLiteral("Evans"),
    QStringLiteral("Fernández"),
    QStringLiteral("Gruber"),
    QStringLiteral("Horvat"),
    QStringLiteral("Iverson"),
    QStringLiteral("Jovanović"),
    QStringLiteral("Kim"),
    QStringLiteral("Larsen"),
    QStringLiteral("Martin"),
    QStringLiteral("Novak"),
    QStringLiteral("Okafor"),
    QStringLiteral("Popescu"),
    QStringLiteral("Reyes"),
    QStringLiteral("Silva"),
    QStringLiteral("Thomas"),
    QStringLiteral("Varga"),
    QStringLiteral("Wagner"),
    QStringLiteral("Young"),
    QStringLiteral("Zhang"),
    QStringLiteral("Moreau"),
};
const QStringList kCompanyNames = {
    QStringLiteral("Northwind Hosting"),
    QStringLiteral("Bluebird Telecom"),
    QStringLiteral("Cedar Valley Networks"),
    QStringLiteral("Harbour Light ISP"),
    QStringLiteral("Alpine Mail Services"),
    QStringLiteral("Meridian Web"),
    QStringLiteral("Red Kite Communications"),
    QStringLiteral("Oakfield Digital"),
    QStringLiteral("Silverline Hosting"),
    QStringLiteral("Lakeshore Broadband"),
};
const QStringList kDomainWords = {
    QStringLiteral("bakery"),
    QStringLiteral("dental"),
    QStringLiteral("law"),
    QStringLiteral("garden"),
    QStringLiteral("studio"),
    QStringLiteral("clinic"),
    QStringLiteral("motors"),
    QStringLiteral("school"),
    QStringLiteral("books"),
    QStringLiteral("coffee"),
    QStringLiteral("design"),
    QStringLiteral("travel"),
    QStringLiteral("energy"),
    QStringLiteral("fitness"),
    QStringLiteral("legal"),
    QStringLiteral("media"),
    QStringLiteral("build"),
    QStringLiteral("farm"),
    QStringLiteral("print"),
    QStringLiteral("logistics"),
};
const QStringList kDomainPrefixes = {
    QStringLiteral("green"),
    QStringLiteral("river"),
    QStringLiteral("summit"),
    QStringLiteral("oak"),
    QStringLiteral("blue"),
    QStringLiteral("city"),
    QStringLiteral("harbour"),
    QStringLiteral("sun"),
    QStringLiteral("maple"),
    QStringLiteral("stone"),
    QStringLiteral("north"),
    QStringLiteral("west"),
    QStringLiteral("bright"),
    QStringLiteral("old"),
    QStringLiteral("new"),
};
const QStringList kTlds
    = {QStringLiteral("com"), QStringLiteral("net"), QStringLiteral("org"), QStringLiteral("de"),
        QStringLiteral("fr"), QStringLiteral("co.uk"), QStringLiteral("ca"), QStringLiteral("nl")};
const QStringList kUnicodeDomains = {
    QStringLiteral("bäckerei-müller.de"), QStringLiteral("café-étoile.fr"), QStringLiteral("søndergaard.dk")};

QString slug(const QString &text)
{
    QString out;
    for (QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber() && c.unicode() < 0x80)
            out += c.toLower();
    }
    return out;
}

} // namespace

Result<DemoSummary> DemoSeeder::seed(const DemoOptions &options)
{
    QRandomGenerator rng(options.seed);
    const auto pick = [&](const QStringList &list) -> const QString & {
        return list.at(int(rng.bounded(quint32(list.size()))));
    };
    const auto chance = [&](double p) { return rng.generateDouble() < p; };
    const qint64 now = auth::Clock::now();
    DemoSummary summary;

    store::Transaction tx(m_db);
    if (!tx.status().ok())
        return tx.status().error();
    store::CompanyRepository companies(m_db);
    store::ContactRepository contacts(m_db);
    store::BrandRepository brands(m_db);
    store::DomainRepository domains(m_db);
    store::UserRepository users(m_db);
    store::AdminRepository admins(m_db);

    const QString adminHash = auth::PasswordHasher::hash(options.adminPassword);
    const auto addAdmin = [&](const QString &login, const QString &name, const QString &role, qint64 company,
                              const QStringList &domainNames, const QList<qint64> &domainIds) -> Status {
        const Result<store::Record> existing = admins.byLogin(login);
        if (!existing.ok())
            return existing.error();
        if (!existing->isNull())
            return Status::success();
        const QJsonObject object {{QStringLiteral("login"), login}, {QStringLiteral("display_name"), name},
            {QStringLiteral("role"), role},
            {QStringLiteral("company_id"),
                company > 0 ? QJsonValue(double(company)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("domains"), QJsonArray::fromStringList(domainNames)},
            {QStringLiteral("disabled"), false}};
        const Result<qint64> id = admins.insert(object, now);
        if (!id.ok())
            return id.error();
        if (Status s = admins.setPasswordHash(id.value(), adminHash); !s.ok())
            return s;
        if (Status s = admins.setDomainIds(id.value(), domainIds); !s.ok())
            return s;
        summary.adminLogins << QStringLiteral("%1 (%2)").arg(login, role);
        return Status::success();
    };
    if (Status s = addAdmin(QStringLiteral("operator"), QStringLiteral("Platform Operator"),
            QStringLiteral("operator"), 0, {}, {});
        !s.ok())
        return s.error();

    // Companies with contacts and brands.
    struct CompanyInfo
    {
        qint64 id;
        QString slug;
        QList<qint64> brands;
        qint64 quotaMaximum;
    };
    QList<CompanyInfo> companyInfos;
    for (int c = 0; c < options.companies; ++c) {
        QString name = kCompanyNames.at(c % kCompanyNames.size());
        if (c >= kCompanyNames.size())
            name += QStringLiteral(" %1").arg(c / kCompanyNames.size() + 1);
        const qint64 quotaMaximum = (c % 3 == 0 ? 50 : c % 3 == 1 ? 25 : 100) * kGiB;
        QJsonObject services = services::defaults();
        if (c % 3 == 2)
            services.insert(QStringLiteral("pop"), QStringLiteral("disabled"));
        const QJsonObject company {{QStringLiteral("name"), name},
            {QStringLiteral("default_quota"), double((c % 2 == 0 ? 2 : 5) * kGiB)},
            {QStringLiteral("quota_maximum"), double(quotaMaximum)}, {QStringLiteral("user_limit"), 0},
            {QStringLiteral("alias_limit"), 0}, {QStringLiteral("service_defaults"), services},
            {QStringLiteral("smtp_send_limit"), c % 2 == 0 ? 500 : 1000},
            {QStringLiteral("brand_id"), QJsonValue::Null},
            {QStringLiteral("language"), c % 4 == 1 ? QStringLiteral("fr") : QStringLiteral("en")},
            {QStringLiteral("notes"), QStringLiteral("Demo company %1.").arg(c + 1)},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("suspended_reason"), QString()}};
        const Result<qint64> id = companies.insert(company, now - 400 * 86400 + c * 86400);
        if (!id.ok())
            return id.error();
        CompanyInfo info {id.value(),
            slug(name.section(QLatin1Char(' '), 0, 0))
                + (c >= kCompanyNames.size() ? QString::number(c / kCompanyNames.size() + 1) : QString()),
            {}, quotaMaximum};
        const QString mailDomain = info.slug + QStringLiteral(".example");
        const QList<QPair<QString, QString>> contactPeople = {
            {QStringLiteral("emergency"), pick(kFirstNames) + QLatin1Char(' ') + pick(kLastNames)},
            {QStringLiteral("maintenance"), QStringLiteral("Operations desk")},
            {QStringLiteral("technical"), pick(kFirstNames) + QLatin1Char(' ') + pick(kLastNames)},
            {QStringLiteral("billing"), QStringLiteral("Accounts payable")},
            {QStringLiteral("abuse"), QStringLiteral("Abuse desk")},
            {QStringLiteral("business"), pick(kFirstNames) + QLatin1Char(' ') + pick(kLastNames)},
        };
        for (const auto &[type, person] : contactPeople) {
            const QJsonObject contact {
                {QStringLiteral("notice_kinds"), QJsonArray::fromStringList(incidents::kinds())},
                {QStringLiteral("company_id"), double(info.id)}, {QStringLiteral("type"), type},
                {QStringLiteral("name"), person},
                {QStringLiteral("email"), QString(type + QLatin1Char('@') + mailDomain)},
                {QStringLiteral("phone"),
                    QStringLiteral("+1 555 %1 %2").arg(100 + c).arg(1000 + int(rng.bounded(8999)))},
                {QStringLiteral("notes"),
                    type == QLatin1String("emergency") ? QStringLiteral("Call any time, day or night.")
                                                       : QString()}};
            if (const Result<qint64> cid = contacts.insert(contact, now); !cid.ok())
                return cid.error();
        }
        for (int b = 0; b < 2; ++b) {
            const QString colour
                = QStringLiteral("#%1").arg(quint32(rng.bounded(0x1000000)), 6, 16, QLatin1Char('0'));
            const QString svg = QStringLiteral(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"40\"><rect width=\"120\" "
                "height=\"40\" rx=\"6\" fill=\"%1\"/><text x=\"60\" y=\"26\" font-size=\"16\" "
                "text-anchor=\"middle\" fill=\"#ffffff\">%2</text></svg>")
                                    .arg(colour, name.section(QLatin1Char(' '), 0, 0));
            const QJsonObject brand {{QStringLiteral("company_id"), double(info.id)},
                {QStringLiteral("name"),
                    b == 0 ? QStringLiteral("%1 Mail").arg(name) : QStringLiteral("%1 Business").arg(name)},
                {QStringLiteral("product_name"),
                    b == 0 ? QStringLiteral("Webmail") : QStringLiteral("Business Mail")},
                {QStringLiteral("primary_colour"), colour},
                {QStringLiteral("accent_colour"), QStringLiteral("#e66100")},
                {QStringLiteral("logo"), QString::fromLatin1(svg.toUtf8().toBase64())},
                {QStringLiteral("logo_type"), QStringLiteral("image/svg+xml")},
                {QStringLiteral("support_url"), QStringLiteral("https://support.%1/").arg(mailDomain)},
                {QStringLiteral("support_email"), QStringLiteral("help@%1").arg(mailDomain)},
                {QStringLiteral("login_message"), QStringLiteral("Welcome to %1 webmail.").arg(name)}};
            const Result<qint64> bid = brands.insert(brand, now);
            if (!bid.ok())
                return bid.error();
            info.brands << bid.value();
        }
        // The company's default brand.
        const Result<store::Record> row = companies.byId(info.id);
        if (!row.ok())
            return row.error();
        QJsonObject withBrand = row->data;
        withBrand.insert(QStringLiteral("brand_id"), double(info.brands.first()));
        if (const Result<bool> u = companies.update(row.value(), withBrand, now); !u.ok())
            return u.error();
        companyInfos << info;
        ++summary.companies;
    }

    // Domains, round-robin over companies; a few have Unicode names and alias domains.
    struct DomainInfo
    {
        qint64 id;
        qint64 companyId;
        QString name;
        qint64 defaultQuota;
        int weight;
    };
    QList<DomainInfo> domainInfos;
    QSet<QString> usedNames;
    const int domainCount = options.domains + (options.bigDomainUsers > 0 ? 1 : 0);
    for (int d = 0; d < domainCount && !companyInfos.isEmpty(); ++d) {
        const bool big = options.bigDomainUsers > 0 && d == domainCount - 1;
        const CompanyInfo &company = companyInfos.at(d % companyInfos.size());
        QString name;
        if (big) {
            name = QStringLiteral("bigcorp.example");
        } else if (d < kUnicodeDomains.size() && options.domains >= 10) {
            name = QString::fromLatin1(QUrl::toAce(kUnicodeDomains.at(d)));
        } else {
            do {
                name = pick(kDomainPrefixes) + pick(kDomainWords) + QLatin1Char('.') + pick(kTlds);
                if (usedNames.contains(name))
                    name = pick(kDomainPrefixes) + pick(kDomainWords) + QString::number(rng.bounded(1000))
                        + QLatin1Char('.') + pick(kTlds);
            } while (usedNames.contains(name));
        }
        usedNames.insert(name);
        QJsonArray aliases;
        if (!big && d % 7 == 3) {
            QString alias = name.section(QLatin1Char('.'), 0, 0) + QStringLiteral("-mail.net");
            if (!usedNames.contains(alias)) {
                usedNames.insert(alias);
                aliases.append(alias);
            }
        }
        const qint64 defaultQuota = (d % 4 == 0 ? 1 : d % 4 == 1 ? 2 : d % 4 == 2 ? 5 : 10) * kGiB;
        const QJsonObject domain {{QStringLiteral("company_id"), double(company.id)},
            {QStringLiteral("name"), name}, {QStringLiteral("aliases"), aliases},
            {QStringLiteral("default_quota"), double(defaultQuota)},
            {QStringLiteral("quota_maximum"), double(company.quotaMaximum)},
            {QStringLiteral("user_limit"), 0}, {QStringLiteral("disabled"), !big && d % 29 == 11},
            {QStringLiteral("brand_id"),
                d % 3 == 0 ? QJsonValue(double(company.brands.last())) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("notes"), QString()}};
        const Result<qint64> id = domains.insert(domain, now - qint64(rng.bounded(300)) * 86400 - 30 * 86400);
        if (!id.ok())
            return id.error();
        QStringList aliasNames;
        for (const QJsonValue &a : aliases)
            aliasNames << a.toString();
        if (Status s = domains.setAliases(id.value(), aliasNames); !s.ok())
            return s.error();
        // Domain sizes vary a lot in real life: a few large ones, many small.
        const int weight = big ? 0 : (d % 10 == 0 ? 12 : d % 5 == 1 ? 5 : 1 + int(rng.bounded(3)));
        domainInfos << DomainInfo {id.value(), company.id, name, defaultQuota, weight};
        if (big)
            summary.bigDomain = name;
        ++summary.domains;
    }

    // Users.
    int totalWeight = 0;
    for (const DomainInfo &d : domainInfos)
        totalWeight += d.weight;
    QList<int> perDomain;
    int assigned = 0;
    for (const DomainInfo &d : domainInfos) {
        const int n = totalWeight > 0 ? int(qint64(options.users) * d.weight / totalWeight) : 0;
        perDomain << n;
        assigned += n;
    }
    for (int i = 0; assigned < options.users && !domainInfos.isEmpty();
         i = (i + 1) % int(domainInfos.size())) {
        if (domainInfos.at(i).weight > 0) {
            ++perDomain[i];
            ++assigned;
        }
    }
    if (options.bigDomainUsers > 0 && !domainInfos.isEmpty())
        perDomain.last() = options.bigDomainUsers;

    const QStringList protocols = services::protocols();
    for (qsizetype di = 0; di < domainInfos.size(); ++di) {
        const DomainInfo &domain = domainInfos.at(di);
        QSet<QString> locals;
        const bool pickedAliases = !domain.name.startsWith(QLatin1String("bigcorp"));
        for (int u = 0; u < perDomain.at(di); ++u) {
            const QString first = pick(kFirstNames);
            const QString last = pick(kLastNames);
            QString local;
            const int style = int(rng.bounded(4));
            const QString f = slug(first), l = slug(last);
            if (style == 0)
                local = f + QLatin1Char('.') + l;
            else if (style == 1)
                local = f.left(1) + l;
            else if (style == 2)
                local = f + QLatin1Char('_') + l;
            else
                local = f + l.left(1);
            if (locals.contains(local)) {
                int n = 2;
                while (locals.contains(local + QString::number(n)))
                    n = n < 50 ? n + 1 : n + int(rng.bounded(100000));
                local += QString::number(n);
            }
            locals.insert(local);
            const double roll = rng.generateDouble();
            const QString type = roll < 0.92 ? QStringLiteral("mailbox")
                : roll < 0.98                ? QStringLiteral("forward")
                                             : QStringLiteral("filter");
            const qint64 quota = domain.defaultQuota;
            // Usage: most mailboxes are modest, some are nearly full.
            const double fill = chance(0.08) ? 0.85 + 0.15 * rng.generateDouble()
                                             : std::pow(rng.generateDouble(), 2.2) * 0.8;
            const qint64 used = type == QLatin1String("mailbox") ? qint64(double(quota) * fill) : 0;
            QString status = QStringLiteral("active");
            if (chance(0.03))
                status = QStringLiteral("suspended");
            QJsonValue deletedAt = QJsonValue::Null;
            if (chance(0.01)) {
                status = QStringLiteral("deleted");
                deletedAt = json::isoTime(now - qint64(rng.bounded(25)) * 86400 - 3600);
            }
            QJsonObject services = services::defaults();
            if (chance(0.15))
                services.insert(QStringLiteral("pop"), QStringLiteral("disabled"));
            if (status == QLatin1String("suspended"))
                services.insert(QStringLiteral("smtp"), QStringLiteral("suspended"));
            QJsonObject lastLogin;
            const bool inactive = chance(0.12);
            for (const QString &p : protocols) {
                const bool uses = type == QLatin1String("mailbox") && !inactive
                    && (p == QLatin1String("webmail")    ? chance(0.7)
                            : p == QLatin1String("imap") ? chance(0.75)
                            : p == QLatin1String("smtp") ? chance(0.8)
                                                         : chance(0.25));
                lastLogin.insert(p,
                    uses ? QJsonValue(json::isoTime(now - qint64(rng.bounded(30 * 86400))))
                         : QJsonValue(QJsonValue::Null));
            }
            const QString address = local + QLatin1Char('@') + domain.name;
            QJsonArray aliases;
            if (pickedAliases && type == QLatin1String("mailbox") && chance(0.08) && !locals.contains(f)) {
                aliases.append(QString(f + QLatin1Char('@') + domain.name));
                locals.insert(f);
            }
            QJsonArray forwards;
            if (type == QLatin1String("forward"))
                forwards.append(QStringLiteral("%1.%2@partner.example.net").arg(f, l));
            const QJsonObject user {{QStringLiteral("domain_id"), double(domain.id)},
                {QStringLiteral("local_part"), local}, {QStringLiteral("address"), address},
                {QStringLiteral("type"), type},
                {QStringLiteral("display_name"), QString(first + QLatin1Char(' ') + last)},
                {QStringLiteral("title"), QString()}, {QStringLiteral("quota"), double(quota)}, {QStringLiteral("used_bytes"), double(used)},
                {QStringLiteral("aliases"), aliases}, {QStringLiteral("forward_recipients"), forwards},
                {QStringLiteral("services"), services}, {QStringLiteral("status"), status},
                {QStringLiteral("brand_id"), QJsonValue::Null}, {QStringLiteral("notes"), QString()},
                {QStringLiteral("last_login"), lastLogin}, {QStringLiteral("deleted_at"), deletedAt}};
            const Result<qint64> id = users.insert(user, now - qint64(rng.bounded(700)) * 86400);
            if (!id.ok())
                return id.error();
            if (!aliases.isEmpty()) {
                if (Status s = users.setAliases(id.value(), domain.companyId, {aliases.first().toString()});
                    !s.ok())
                    return s.error();
            }
            // A history of admin work in the audit log: every 60th user was changed at some point in the last
            // month.
            if (summary.users % 60 == 7) {
                store::AuditEntry change;
                change.at = now - qint64(rng.bounded(30 * 86400));
                change.actorId = 0;
                change.actorLogin = chance(0.5) ? QStringLiteral("admin@") + companyInfos.at(0).slug
                                                : QStringLiteral("support@") + companyInfos.at(0).slug;
                for (const CompanyInfo &c : std::as_const(companyInfos)) {
                    if (c.id == domain.companyId)
                        change.actorLogin
                            = (chance(0.6) ? QStringLiteral("admin@") : QStringLiteral("support@")) + c.slug;
                }
                change.companyId = domain.companyId;
                change.domainId = domain.id;
                change.objectType = QStringLiteral("user");
                change.objectId = address;
                const int kind = int(rng.bounded(4));
                if (kind == 0) {
                    change.action = QStringLiteral("update");
                    change.changes = QJsonObject {{QStringLiteral("quota"),
                        QJsonObject {{QStringLiteral("before"), double(quota / 2)},
                            {QStringLiteral("after"), double(quota)}}}};
                } else if (kind == 1) {
                    change.action = QStringLiteral("password");
                    change.changes = QJsonObject {{QStringLiteral("password"),
                        QJsonObject {{QStringLiteral("before"), QStringLiteral("(set)")},
                            {QStringLiteral("after"), QStringLiteral("(changed)")}}}};
                } else if (kind == 2) {
                    change.action = QStringLiteral("update");
                    change.changes = QJsonObject {{QStringLiteral("display_name"),
                        QJsonObject {{QStringLiteral("before"), first},
                            {QStringLiteral("after"), QString(first + QLatin1Char(' ') + last)}}}};
                } else {
                    change.action = QStringLiteral("create");
                    change.changes = QJsonObject {{QStringLiteral("type"),
                        QJsonObject {
                            {QStringLiteral("before"), QJsonValue::Null}, {QStringLiteral("after"), type}}}};
                }
                if (Status s = store::AuditRepository(m_db).append(change); !s.ok())
                    return s.error();
            }
            ++summary.users;
        }
    }

    // Admins of every role for each company.
    for (const CompanyInfo &company : companyInfos) {
        QStringList names;
        QList<qint64> ids;
        for (const DomainInfo &d : domainInfos) {
            if (d.companyId == company.id && names.size() < 2 && d.weight > 0) {
                names << d.name;
                ids << d.id;
            }
        }
        const QList<std::tuple<QString, QString, QString>> people = {
            {QStringLiteral("admin@") + company.slug, QStringLiteral("Company Administrator"),
                QStringLiteral("company_admin")},
            {QStringLiteral("exec@") + company.slug, QStringLiteral("Executive (read-only)"),
                QStringLiteral("company_readonly")},
            {QStringLiteral("support@") + company.slug, QStringLiteral("Support Desk"),
                QStringLiteral("support")},
            {QStringLiteral("domains@") + company.slug, QStringLiteral("Domain Administrator"),
                QStringLiteral("domain_admin")},
        };
        for (const auto &[login, name, role] : people) {
            const bool domainRole = role == QLatin1String("domain_admin");
            if (Status s = addAdmin(login, name, role, company.id, domainRole ? names : QStringList {},
                    domainRole ? ids : QList<qint64> {});
                !s.ok())
                return s.error();
        }
    }

    if (Status s = domains.recountUsers(); !s.ok())
        return s.error();
    // Each company deleted one small domain a few days ago: it waits in Deleted items, restorable.
    for (const CompanyInfo &company : std::as_const(companyInfos)) {
        for (qsizetype i = domainInfos.size() - 1; i >= 0; --i) {
            const DomainInfo &d = domainInfos.at(i);
            if (d.companyId != company.id || d.weight == 0 || d.weight > 3 || options.domains < 10)
                continue;
            const Result<store::Record> row = domains.byId(d.id);
            if (!row.ok())
                return row.error();
            QJsonObject gone = row->data;
            gone.insert(QStringLiteral("deleted_at"), json::isoTime(now - 3 * 86400));
            if (const Result<bool> u = domains.update(row.value(), gone, now - 3 * 86400); !u.ok())
                return u.error();
            store::AuditEntry entry;
            entry.at = now - 3 * 86400;
            entry.actorLogin = QStringLiteral("admin@") + company.slug;
            entry.companyId = company.id;
            entry.domainId = d.id;
            entry.objectType = QStringLiteral("domain");
            entry.objectId = d.name;
            entry.action = QStringLiteral("delete");
            entry.changes = QJsonObject {{QStringLiteral("deleted_at"),
                QJsonObject {{QStringLiteral("before"), QJsonValue::Null},
                    {QStringLiteral("after"), gone.value(QLatin1String("deleted_at"))}}}};
            if (Status s = store::AuditRepository(m_db).append(entry); !s.ok())
                return s.error();
            break;
        }
    }

    store::AuditEntry entry;
    entry.at = now;
    entry.actorLogin = QStringLiteral("(system)");
    entry.objectType = QStringLiteral("company");
    entry.objectId = QStringLiteral("*");
    entry.action = QStringLiteral("seed");
    entry.changes = QJsonObject {{QStringLiteral("users"),
        QJsonObject {{QStringLiteral("before"), 0}, {QStringLiteral("after"), summary.users}}}};
    if (Status s = store::AuditRepository(m_db).append(entry); !s.ok())
        return s.error();
    if (Status s = DemoIncidents(m_db).seed(now); !s.ok())
        return s.error();
    if (Status s = tx.commit(); !s.ok())
        return s.error();
    for (const QString &sql : m_db.dialect().optimize())
        (void)m_db.execute(sql);
    return summary;
}

} // namespace mailadmin::service
