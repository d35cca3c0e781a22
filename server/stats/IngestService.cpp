#include "stats/IngestService.h"

#include "Json.h"
#include "Schema.h"
#include "Validation.h"
#include "store/DomainRepository.h"
#include "store/MailStoreRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <cmath>

namespace mailadmin::service {

namespace {
// Addresses already looked up, shared by every request: log shippers send the same users again and again.
QMutex g_cacheMutex;
QHash<QString, store::UserRef> g_users;
constexpr int kMaxCache = 500000;
} // namespace

QJsonObject IngestReport::toJson() const
{
    QJsonArray list;
    for (const Rejection &r : rejected)
        list.append(QJsonObject {{QStringLiteral("line"), r.line}, {QStringLiteral("reason"), r.reason}});
    return QJsonObject {{QStringLiteral("accepted"), accepted},
        {QStringLiteral("rejected_count"), int(rejected.size())}, {QStringLiteral("rejected"), list},
        {QStringLiteral("unmatched"), unmatched},
        {QStringLiteral("unmatched_users"), QJsonArray::fromStringList(unmatchedUsers)}};
}

IngestReport IngestReport::fromJson(const QJsonObject &o)
{
    IngestReport r;
    r.accepted = o.value(QLatin1String("accepted")).toInt();
    r.unmatched = o.value(QLatin1String("unmatched")).toInt();
    for (const QJsonValue &v : o.value(QLatin1String("unmatched_users")).toArray())
        r.unmatchedUsers << v.toString();
    for (const QJsonValue &v : o.value(QLatin1String("rejected")).toArray())
        r.rejected.append({v.toObject().value(QLatin1String("line")).toInt(),
            v.toObject().value(QLatin1String("reason")).toString()});
    return r;
}

Result<store::UserRef> IngestService::lookup(const QString &address) const
{
    {
        QMutexLocker lock(&g_cacheMutex);
        auto it = g_users.constFind(address);
        if (it != g_users.constEnd())
            return *it;
    }
    const Result<store::UserRef> found = store::StatsRepository(db()).resolve(address);
    if (found.ok() && !found->isNull()) {
        QMutexLocker lock(&g_cacheMutex);
        if (g_users.size() > kMaxCache)
            g_users.clear();
        g_users.insert(address, found.value());
    }
    return found;
}

Result<IngestReport> IngestService::ingest(
    const Actor &actor, const QByteArray &body, const QString &key) const
{
    if (Status s = require(actor, QStringLiteral("ingest.write")); !s.ok())
        return s.error();
    // A collector acts for one company. One left without a company (created before this was enforced) has no
    // scope at all, rather than the whole server's.
    if (actor.companyId <= 0)
        return Error::make(ErrorKind::Forbidden,
            QStringLiteral("This collector belongs to no company; an operator must assign it one."));
    if (key.size() > 200 || validation::hasControlCharacters(key))
        return Error::make(
            ErrorKind::Malformed, QStringLiteral("The Idempotency-Key is at most 200 printable characters."));
    const QString storedKey
        = key.isEmpty() ? QString() : QString::number(actor.adminId) + QLatin1Char(':') + key;
    if (!storedKey.isEmpty()) {
        const Result<QString> earlier = store::StatsRepository(db()).batchResult(storedKey, actor.adminId);
        if (!earlier.ok())
            return earlier.error();
        if (!earlier->isEmpty()) {
            IngestReport replay = IngestReport::fromJson(json::parseObject(earlier->toUtf8()).value());
            replay.replayed = true;
            return replay;
        }
    }
    // A JSON array, or NDJSON: one object per line.
    QList<QJsonObject> events;
    QList<IngestReport::Rejection> unreadable;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return Error::make(ErrorKind::Malformed,
                QStringLiteral("The body is not a JSON array (%1).").arg(error.errorString()));
        const QJsonArray array = doc.array();
        if (array.size() > kMaxBatch)
            return Error::make(
                ErrorKind::PayloadTooLarge, QStringLiteral("At most %1 events per batch.").arg(kMaxBatch));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).isObject())
                events.append(array.at(i).toObject());
            else {
                events.append(QJsonObject());
                unreadable.append({int(i + 1), QStringLiteral("not an object")});
            }
        }
    } else {
        const QList<QByteArray> lines = trimmed.split('\n');
        if (lines.size() > kMaxBatch)
            return Error::make(
                ErrorKind::PayloadTooLarge, QStringLiteral("At most %1 events per batch.").arg(kMaxBatch));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty()) {
                events.append(QJsonObject());
                unreadable.append({int(i + 1), QStringLiteral("empty line")});
                continue;
            }
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject()) {
                events.append(QJsonObject());
                unreadable.append({int(i + 1), QStringLiteral("not a JSON object")});
                continue;
            }
            events.append(doc.object());
        }
    }
    Result<IngestReport> report = ingestEvents(events, actor.companyId, storedKey, actor.adminId, unreadable);
    if (!report.ok() && report.error().kind == ErrorKind::Conflict && !storedKey.isEmpty()) {
        // The same batch was being stored by another request at the same moment: answer as it did.
        const Result<QString> earlier = store::StatsRepository(db()).batchResult(storedKey, actor.adminId);
        if (!earlier.ok())
            return earlier.error();
        IngestReport replay = IngestReport::fromJson(json::parseObject(earlier->toUtf8()).value());
        replay.replayed = true;
        return replay;
    }
    return report;
}

Result<IngestReport> IngestService::ingestEvents(const QList<QJsonObject> &events, qint64 companyScope,
    const QString &storedKey, qint64 adminId, const QList<IngestReport::Rejection> &unreadable) const
{
    IngestReport report;
    report.rejected = unreadable;
    QList<store::LoginEvent> logins;
    QList<store::MessageEvent> messages;
    QList<store::QuotaSample> quotas;
    QList<std::pair<qint64, QString>> backends; // user, backend host
    const qint64 now = auth::Clock::now();
    // Whether an address is outside the collector's company. Unknown addresses count as outside unless their
    // domain is one of the company's, so the answer never tells which addresses exist in other companies.
    QHash<QString, bool> foreignDomains;
    const auto outsideScope = [&](const store::UserRef &user, const QString &address) -> Result<bool> {
        if (companyScope <= 0)
            return false;
        if (!user.isNull())
            return user.companyId != companyScope;
        const QString domain = address.mid(address.lastIndexOf(QLatin1Char('@')) + 1);
        auto it = foreignDomains.constFind(domain);
        if (it != foreignDomains.constEnd())
            return *it;
        const Result<qint64> owner = store::DomainRepository(db()).companyOfName(domain);
        if (!owner.ok())
            return owner.error();
        foreignDomains.insert(domain, owner.value() != companyScope);
        return owner.value() != companyScope;
    };
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject &e = events.at(i);
        const int line = int(i + 1);
        if (e.isEmpty())
            continue; // reported by the caller
        const auto reject = [&](const QString &reason) { report.rejected.append({line, reason}); };
        const QString type = e.value(QLatin1String("type")).toString();
        const qint64 at = json::parseIsoTime(e.value(QLatin1String("time")).toString());
        if (type != QLatin1String("login") && type != QLatin1String("message")
            && type != QLatin1String("quota") && type != QLatin1String("backend")) {
            reject(QStringLiteral("type must be login, message, quota or backend"));
            continue;
        }
        if (at <= 0) {
            reject(QStringLiteral("time must be an ISO 8601 time"));
            continue;
        }
        if (at > now + 3600) {
            reject(QStringLiteral("time is in the future"));
            continue;
        }
        const validation::Verdict address
            = validation::normalizeEmail(e.value(QLatin1String("user")).toString());
        if (!address.ok()) {
            reject(QStringLiteral("user: ") + address.message);
            continue;
        }
        const Result<store::UserRef> user = lookup(address.value);
        if (!user.ok())
            return user.error();
        const Result<bool> outside = outsideScope(user.value(), address.value);
        if (!outside.ok())
            return outside.error();
        if (outside.value()) {
            reject(QStringLiteral("user is not in this collector's company"));
            continue;
        }
        const bool matched = !user->isNull();
        if (type == QLatin1String("login")) {
            const QString protocol = e.value(QLatin1String("protocol")).toString();
            if (!services::protocols().contains(protocol)) {
                reject(QStringLiteral("protocol must be imap, pop, webmail or smtp"));
                continue;
            }
            if (!e.value(QLatin1String("success")).isBool()) {
                reject(QStringLiteral("success must be true or false"));
                continue;
            }
            const QString remote = e.value(QLatin1String("remote")).toString().left(64);
            if (validation::hasControlCharacters(remote)) {
                reject(QStringLiteral("remote has control characters"));
                continue;
            }
            if (matched)
                logins.append(
                    {at, user.value(), protocol, e.value(QLatin1String("success")).toBool(), remote});
        } else if (type == QLatin1String("backend")) {
            const QString host = e.value(QLatin1String("backend")).toString();
            if (host.isEmpty() || host.size() > 255 || validation::hasControlCharacters(host)
                || host.contains(QLatin1Char(' '))) {
                reject(QStringLiteral("backend must be a host name or address"));
                continue;
            }
            if (matched)
                backends.append({user->userId, host});
        } else if (type == QLatin1String("message")) {
            const QJsonValue recipients = e.value(QLatin1String("recipients"));
            const QJsonValue bytes = e.value(QLatin1String("bytes"));
            if (!recipients.isDouble() || recipients.toDouble() < 1 || recipients.toDouble() > 100000
                || recipients.toDouble() != std::floor(recipients.toDouble())) {
                reject(QStringLiteral("recipients must be a whole number from 1 to 100000"));
                continue;
            }
            if (!bytes.isDouble() || bytes.toDouble() < 0 || bytes.toDouble() > 1e12) {
                reject(QStringLiteral("bytes must be a number of bytes"));
                continue;
            }
            if (matched)
                messages.append({at, user.value(), int(recipients.toDouble()), qint64(bytes.toDouble())});
        } else {
            const QJsonValue used = e.value(QLatin1String("used_bytes"));
            const QJsonValue count = e.value(QLatin1String("messages"));
            if (!used.isDouble() || used.toDouble() < 0 || used.toDouble() > 1.8e13) {
                reject(QStringLiteral("used_bytes must be a number of bytes"));
                continue;
            }
            if (!count.isUndefined() && (!count.isDouble() || count.toDouble() < 0)) {
                reject(QStringLiteral("messages must be a count"));
                continue;
            }
            if (matched)
                quotas.append({at, user.value(), qint64(used.toDouble()), qint64(count.toDouble())});
        }
        if (matched) {
            ++report.accepted;
        } else {
            ++report.unmatched;
            if (report.unmatchedUsers.size() < 20 && !report.unmatchedUsers.contains(address.value))
                report.unmatchedUsers << address.value;
        }
    }
    std::sort(report.rejected.begin(), report.rejected.end(),
        [](const auto &a, const auto &b) { return a.line < b.line; });
    const Result<bool> stored = transaction<bool>([&]() -> Result<bool> {
        store::StatsRepository stats(db());
        if (Status s = stats.apply(logins, messages, quotas); !s.ok())
            return s.error();
        // A backend named in the logs is where the mailbox is: its store follows (audited as learned).
        for (const auto &[userId, host] : backends) {
            if (const Result<bool> learned
                = store::MailStoreRepository(db()).learnFromBackend(userId, host, now);
                !learned.ok())
                return learned.error();
        }
        // A small batch shows in the rollups at once; a large one with the next fold, a moment later.
        if (logins.size() + messages.size() <= kInlineFold) {
            if (const Result<qint64> folded = stats.fold(); !folded.ok())
                return folded.error();
        }
        if (!storedKey.isEmpty()) {
            if (Status s = stats.storeBatchResult(
                    storedKey, adminId, now, QString::fromUtf8(json::compact(report.toJson())));
                !s.ok())
                return s.error();
        }
        return true;
    });
    if (!stored.ok())
        return stored.error();
    return report;
}

Result<qint64> IngestService::foldPending() const
{
    // A look first, without taking the write lock: most seconds there is nothing to fold.
    const Result<qint64> pending = store::StatsRepository(db()).unfolded();
    if (!pending.ok() || pending.value() == 0)
        return pending;
    return transaction<qint64>([&]() -> Result<qint64> { return store::StatsRepository(db()).fold(); });
}

} // namespace mailadmin::service
