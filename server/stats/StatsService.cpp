#include "stats/StatsService.h"

#include "Json.h"
#include "Validation.h"
#include "store/AlertRepository.h"
#include "store/CompanyRepository.h"
#include "store/DomainRepository.h"
#include "store/UserRepository.h"

#include <QDate>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace mailadmin::service {

namespace {

Error badParameter(const QString &field, const QString &message)
{
    Error e = Error::make(ErrorKind::Malformed, QStringLiteral("The stats parameters are not valid."));
    e.fields = {FieldError {field, QStringLiteral("invalid"), message}};
    return e;
}

// The start of the week (Monday) or month that holds `day` (days since the epoch), UTC.
qint64 periodStart(qint64 day, const QString &granularity)
{
    const QDate date = QDate(1970, 1, 1).addDays(day);
    if (granularity == QLatin1String("week"))
        return day - (date.dayOfWeek() - 1);
    if (granularity == QLatin1String("month"))
        return QDate(1970, 1, 1).daysTo(QDate(date.year(), date.month(), 1));
    return day;
}

qint64 nextPeriod(qint64 start, const QString &granularity)
{
    if (granularity == QLatin1String("week"))
        return start + 7;
    if (granularity == QLatin1String("month"))
        return QDate(1970, 1, 1).daysTo(QDate(1970, 1, 1).addDays(start).addMonths(1));
    return start + 1;
}

} // namespace

QJsonObject StatsSubject::toJson() const
{
    const QString kind = scope == 'c' ? QStringLiteral("company")
        : scope == 'd'                ? QStringLiteral("domain")
                                      : QStringLiteral("user");
    return QJsonObject {
        {QStringLiteral("kind"), kind}, {QStringLiteral("id"), double(id)}, {QStringLiteral("name"), name}};
}

std::pair<double, double> StatsService::medianAndMad(QList<double> values)
{
    if (values.isEmpty())
        return {0, 0};
    const auto median = [](QList<double> &v) {
        std::sort(v.begin(), v.end());
        const qsizetype n = v.size();
        return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2.0;
    };
    const double m = median(values);
    QList<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.append(std::fabs(v - m));
    // 1.4826 makes the MAD comparable to a standard deviation for normal data.
    return {m, 1.4826 * median(deviations)};
}

Result<StatsSubject> StatsService::subject(const Actor &actor, const StatsQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("stats.read")); !s.ok())
        return s.error();
    const int given
        = int(!query.company.isEmpty()) + int(!query.domain.isEmpty()) + int(!query.user.isEmpty());
    if (given > 1)
        return badParameter(
            QStringLiteral("company"), QStringLiteral("Name one subject: company, domain or user."));
    StatsSubject subject;
    if (!query.user.isEmpty()) {
        const Result<Record> user = userInScope(actor, query.user);
        if (!user.ok())
            return user.error();
        subject.scope = 'u';
        subject.id = user->id;
        subject.companyId = user->companyId;
        subject.name = user->data.value(QLatin1String("address")).toString();
        return subject;
    }
    if (!query.domain.isEmpty()) {
        const Result<Record> domain = domainInScope(actor, query.domain);
        if (!domain.ok())
            return domain.error();
        subject.scope = 'd';
        subject.id = domain->id;
        subject.companyId = domain->companyId;
        subject.name = domain->data.value(QLatin1String("name")).toString();
        return subject;
    }
    // A company: named, or the caller's own.
    if (actor.role == Role::DomainAdmin)
        return Error::forbidden(
            QStringLiteral("A domain admin asks about one of their domains (domain=...)."));
    bool ok = true;
    const qint64 id = query.company.isEmpty() ? actor.companyId : query.company.toLongLong(&ok);
    if (!ok || id <= 0)
        return badParameter(QStringLiteral("company"), QStringLiteral("Name the company by its number."));
    const Result<Record> company = companyInScope(actor, id);
    if (!company.ok())
        return company.error();
    subject.scope = 'c';
    subject.id = id;
    subject.companyId = id;
    subject.name = company->data.value(QLatin1String("name")).toString();
    return subject;
}

Result<std::pair<qint64, qint64>> StatsService::range(const StatsQuery &query, qint64 defaultDays) const
{
    const qint64 now = auth::Clock::now();
    const qint64 to = query.to > 0 ? query.to : now;
    const qint64 from = query.from > 0 ? query.from : to - defaultDays * 86400;
    if (from >= to)
        return badParameter(QStringLiteral("from"), QStringLiteral("from must be before to."));
    if (to - from > qint64(3 * 366) * 86400)
        return badParameter(QStringLiteral("from"), QStringLiteral("Ask for at most three years at a time."));
    return std::pair {from, to};
}

store::Where StatsService::usersOf(const StatsSubject &subject) const
{
    store::Where where;
    if (subject.scope == 'c')
        where.add(QStringLiteral("t.domain_id IN (SELECT d.id FROM domains d WHERE d.company_id = ? AND "
                                 "d.deleted_at IS NULL)"),
            {subject.id});
    else if (subject.scope == 'd')
        where.add(QStringLiteral("t.domain_id = ?"), {subject.id});
    else
        where.add(QStringLiteral("t.id = ?"), {subject.id});
    // A company's or domain's figures are over its mailboxes: forwards and filters hold no mail and never
    // sign in, and the incidents, bulletins and the operator's overview count mailboxes the same way.
    if (subject.scope == 'c' || subject.scope == 'd')
        where.add(QStringLiteral("t.type = 'mailbox'"));
    where.add(QStringLiteral("t.status <> 'deleted'"));
    return where;
}

Result<QJsonObject> StatsService::logins(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const QString granularity = query.granularity.isEmpty() ? QStringLiteral("day") : query.granularity;
    if (!QStringList {
            QStringLiteral("hour"), QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month")}
             .contains(granularity))
        return badParameter(QStringLiteral("granularity"), QStringLiteral("Use hour, day, week or month."));
    const Result<std::pair<qint64, qint64>> r = range(query, granularity == QLatin1String("hour") ? 2 : 30);
    if (!r.ok())
        return r.error();
    const auto [from, to] = r.value();
    if (granularity == QLatin1String("hour") && to - from > qint64(31) * 86400)
        return badParameter(QStringLiteral("granularity"),
            QStringLiteral("Hourly series cover at most 31 days; use day for longer ranges."));
    const bool hourly = granularity == QLatin1String("hour");
    const qint64 unit = hourly ? 3600 : 86400;
    const Result<QList<store::StatsRow>> rows = store::StatsRepository(db()).series(
        hourly ? store::StatsRepository::Table::Hourly : store::StatsRepository::Table::Daily, s->scope,
        s->id, from / unit, (to - 1) / unit);
    if (!rows.ok())
        return rows.error();
    // Every period appears, with zeros where nothing happened, so a chart's axis has no gaps.
    QJsonArray series;
    qint64 total[5] = {0, 0, 0, 0, 0};
    qsizetype next = 0;
    qint64 start = hourly ? from / 3600 : periodStart(from / 86400, granularity);
    const qint64 last = (to - 1) / unit;
    while (start <= last) {
        const qint64 end = hourly ? start + 1 : nextPeriod(start, granularity);
        qint64 c[5] = {0, 0, 0, 0, 0};
        while (next < rows->size() && rows->at(next).bucket < end) {
            const store::StatsRow &row = rows->at(next++);
            if (row.bucket < start)
                continue;
            c[0] += row.imap;
            c[1] += row.pop;
            c[2] += row.webmail;
            c[3] += row.smtp;
            c[4] += row.failed;
        }
        for (int i = 0; i < 5; ++i)
            total[i] += c[i];
        series.append(QJsonObject {{QStringLiteral("period"), json::isoTime(start * unit)},
            {QStringLiteral("imap"), double(c[0])}, {QStringLiteral("pop"), double(c[1])},
            {QStringLiteral("webmail"), double(c[2])}, {QStringLiteral("smtp"), double(c[3])},
            {QStringLiteral("failed"), double(c[4])}});
        start = end;
    }
    return QJsonObject {{QStringLiteral("subject"), s->toJson()},
        {QStringLiteral("granularity"), granularity}, {QStringLiteral("from"), json::isoTime(from)},
        {QStringLiteral("to"), json::isoTime(to)},
        {QStringLiteral("totals"),
            QJsonObject {{QStringLiteral("imap"), double(total[0])},
                {QStringLiteral("pop"), double(total[1])}, {QStringLiteral("webmail"), double(total[2])},
                {QStringLiteral("smtp"), double(total[3])}, {QStringLiteral("failed"), double(total[4])}}},
        {QStringLiteral("series"), series}};
}

Result<QJsonObject> StatsService::active(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const int days = query.days > 0 ? query.days : 30;
    if (days > 3650)
        return badParameter(QStringLiteral("days"), QStringLiteral("Use at most 3650 days."));
    store::Where all = usersOf(s.value());
    store::Where active = usersOf(s.value());
    active.add(QStringLiteral("t.last_login_at >= ?"), {auth::Clock::now() - qint64(days) * 86400});
    store::UserRepository users(db());
    const Result<Page> totalPage = users.listWhere(all, QStringLiteral("t.id"), 0, 0);
    const Result<Page> activePage = users.listWhere(active, QStringLiteral("t.id"), 0, 0);
    if (!totalPage.ok())
        return totalPage.error();
    if (!activePage.ok())
        return activePage.error();
    return QJsonObject {{QStringLiteral("subject"), s->toJson()}, {QStringLiteral("days"), days},
        {QStringLiteral("active"), double(activePage->total)},
        {QStringLiteral("users"), double(totalPage->total)}};
}

Result<Page> StatsService::inactive(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const int days = query.days > 0 ? query.days : 30;
    const qint64 now = auth::Clock::now();
    store::Where where = usersOf(s.value());
    // No login for `days`, counted from the account's creation when it never signed in: a mailbox made
    // an hour ago has not been idle for a month.
    where.add(QStringLiteral("COALESCE(t.last_login_at, t.created_at) < ?"), {now - qint64(days) * 86400});
    if (query.minAge > 0)
        where.add(QStringLiteral("t.created_at < ?"), {now - qint64(query.minAge) * 86400});
    where.add(QStringLiteral("t.type = 'mailbox'"));
    QString order = QStringLiteral("t.last_login_at, t.address");
    if (!query.sort.isEmpty()) {
        const bool descending = query.sort.startsWith(QLatin1Char('-'));
        const QString key = descending ? query.sort.mid(1) : query.sort;
        const QString direction = descending ? QStringLiteral(" DESC") : QString();
        order = QStringLiteral("t.%1%2, t.address%2").arg(key, direction);
        if (key == QLatin1String("address"))
            order = QStringLiteral("t.address%1").arg(direction);
    }
    return store::UserRepository(db()).listWhere(where, order, query.offset, query.limit);
}

Result<QJsonObject> StatsService::quotaDistribution(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const Result<QList<std::pair<int, qint64>>> buckets
        = store::StatsRepository(db()).quotaBuckets(usersOf(s.value()));
    if (!buckets.ok())
        return buckets.error();
    const Result<std::pair<qint64, qint64>> totals
        = store::StatsRepository(db()).quotaTotals(usersOf(s.value()));
    if (!totals.ok())
        return totals.error();
    qint64 counts[12] = {};
    for (const auto &[bucket, n] : buckets.value())
        counts[qBound(0, bucket + 1, 11)] += n;
    QJsonArray out;
    for (int b = 0; b < 10; ++b)
        out.append(QJsonObject {{QStringLiteral("from_percent"), b * 10},
            {QStringLiteral("to_percent"), b * 10 + 10}, {QStringLiteral("users"), double(counts[b + 1])}});
    out.append(QJsonObject {{QStringLiteral("from_percent"), 100},
        {QStringLiteral("to_percent"), QJsonValue::Null}, {QStringLiteral("users"), double(counts[11])}});
    return QJsonObject {{QStringLiteral("subject"), s->toJson()}, {QStringLiteral("buckets"), out},
        {QStringLiteral("no_quota"), double(counts[0])},
        {QStringLiteral("used_bytes"), double(totals->first)},
        {QStringLiteral("allocated_bytes"), double(totals->second)}};
}

Result<Page> StatsService::quotaTop(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    store::Where where = usersOf(s.value());
    where.add(QStringLiteral("t.quota > 0"));
    where.add(QStringLiteral("t.type = 'mailbox'"));
    if (query.percent > 0)
        where.add(QStringLiteral("t.used_bytes * 100 >= t.quota * ?"), {query.percent});
    return store::UserRepository(db()).listWhere(
        where, QStringLiteral("(t.used_bytes * 1.0 / t.quota) DESC, t.address"), query.offset, query.limit);
}

Result<QJsonObject> StatsService::quotaTrend(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const Result<std::pair<qint64, qint64>> r = range(query, 90);
    if (!r.ok())
        return r.error();
    const auto [from, to] = r.value();
    // Storage is recorded on the days it changed; earlier values carry forward.
    const Result<QList<store::StatsRow>> rows = store::StatsRepository(db()).series(
        store::StatsRepository::Table::Daily, s->scope, s->id, from / 86400 - 400, (to - 1) / 86400);
    if (!rows.ok())
        return rows.error();
    qint64 current = -1;
    qsizetype next = 0;
    QJsonArray series;
    for (qint64 day = from / 86400; day <= (to - 1) / 86400; ++day) {
        while (next < rows->size() && rows->at(next).bucket <= day) {
            if (rows->at(next).usedBytes >= 0)
                current = rows->at(next).usedBytes;
            ++next;
        }
        series.append(QJsonObject {{QStringLiteral("period"), json::isoTime(day * 86400)},
            {QStringLiteral("used_bytes"),
                current < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(current))}});
    }
    return QJsonObject {{QStringLiteral("subject"), s->toJson()}, {QStringLiteral("series"), series}};
}

Result<QJsonObject> StatsService::outbound(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const QString granularity = query.granularity.isEmpty() ? QStringLiteral("day") : query.granularity;
    if (granularity != QLatin1String("hour") && granularity != QLatin1String("day"))
        return badParameter(
            QStringLiteral("granularity"), QStringLiteral("Outbound volume is by hour or by day."));
    const bool hourly = granularity == QLatin1String("hour");
    const Result<std::pair<qint64, qint64>> r = range(query, hourly ? 2 : 30);
    if (!r.ok())
        return r.error();
    const auto [from, to] = r.value();
    const qint64 unit = hourly ? 3600 : 86400;
    const qint64 first = from / unit, last = (to - 1) / unit;
    // The baseline of each point looks back 14 days: by day, the 14 days before; by hour, the same hour of
    // the 14 days before (mail has a daily rhythm).
    const qint64 lookback = hourly ? kBaselineDays * 24 : kBaselineDays;
    const Result<QList<store::StatsRow>> rows = store::StatsRepository(db()).series(
        hourly ? store::StatsRepository::Table::Hourly : store::StatsRepository::Table::Daily, s->scope,
        s->id, first - lookback, last);
    if (!rows.ok())
        return rows.error();
    QHash<qint64, store::StatsRow> byBucket;
    for (const store::StatsRow &row : rows.value())
        byBucket.insert(row.bucket, row);
    const Result<QJsonObject> thresholds = store::AlertRepository(db()).thresholds(s->companyId);
    if (!thresholds.ok())
        return thresholds.error();
    const double k = thresholds->value(QLatin1String("mad_multiplier")).toDouble();
    const double minimumFactor = thresholds->value(QLatin1String("minimum_factor")).toDouble();
    // The floor the detector uses for this kind of subject (a company is judged through its domains).
    const double floor
        = thresholds
              ->value(QStringLiteral("%1_%2_floor")
                          .arg(s->scope == 'u' ? QStringLiteral("user") : QStringLiteral("domain"),
                              hourly ? QStringLiteral("hourly") : QStringLiteral("daily")))
              .toDouble();
    // Until the stats hold a full baseline of days, the detector judges nothing; neither does the chart,
    // which would otherwise compare the first days with an empty history and call them all spikes.
    const Result<qint64> firstDay = store::StatsRepository(db()).firstDay();
    if (!firstDay.ok())
        return firstDay.error();
    QJsonArray series;
    for (qint64 b = first; b <= last; ++b) {
        const store::StatsRow row = byBucket.value(b);
        const qint64 day = hourly ? b / 24 : b;
        if (firstDay.value() < 0 || day < firstDay.value() + kBaselineDays) {
            series.append(QJsonObject {{QStringLiteral("period"), json::isoTime(b * unit)},
                {QStringLiteral("messages"), double(row.messages)},
                {QStringLiteral("recipients"), double(row.recipients)}, {QStringLiteral("bytes"), double(row.bytes)},
                {QStringLiteral("baseline_median"), QJsonValue::Null},
                {QStringLiteral("baseline_high"), QJsonValue::Null}, {QStringLiteral("spike"), 0}});
            continue;
        }
        QList<double> history;
        for (int i = 1; i <= kBaselineDays; ++i)
            history.append(double(byBucket.value(b - (hourly ? i * 24 : i)).messages));
        const auto [median, mad] = medianAndMad(history);
        const double messages = double(row.messages);
        // Where the detector's rule holds: the floor, the band and the minimum factor.
        const bool spike = messages >= floor && messages >= median + k * mad
            && messages >= minimumFactor * std::max(median, 1.0);
        series.append(QJsonObject {{QStringLiteral("period"), json::isoTime(b * unit)},
            {QStringLiteral("messages"), messages}, {QStringLiteral("recipients"), double(row.recipients)},
            {QStringLiteral("bytes"), double(row.bytes)}, {QStringLiteral("baseline_median"), median},
            {QStringLiteral("baseline_high"), median + k * mad}, {QStringLiteral("spike"), spike ? 1 : 0}});
    }
    return QJsonObject {{QStringLiteral("subject"), s->toJson()},
        {QStringLiteral("granularity"), granularity}, {QStringLiteral("series"), series}};
}

Result<QJsonObject> StatsService::topSenders(const Actor &actor, const StatsQuery &query) const
{
    const Result<StatsSubject> s = subject(actor, query);
    if (!s.ok())
        return s.error();
    const Result<std::pair<qint64, qint64>> r = range(query, 7);
    if (!r.ok())
        return r.error();
    const auto [from, to] = r.value();
    const int limit = qBound(1, query.limit, 1000);
    const Result<QJsonArray> top
        = store::StatsRepository(db()).topSenders(s->scope, s->id, from / 86400, (to - 1) / 86400, limit);
    if (!top.ok())
        return top.error();
    return QJsonObject {{QStringLiteral("subject"), s->toJson()},
        {QStringLiteral("from"), json::isoTime(from)}, {QStringLiteral("to"), json::isoTime(to)},
        {QStringLiteral("senders"), top.value()}};
}

Result<Page> StatsService::activity(const Actor &actor, const QString &address, const StatsQuery &query) const
{
    if (Status s = require(actor, QStringLiteral("stats.read")); !s.ok())
        return s.error();
    const Result<Record> user = userInScope(actor, address);
    if (!user.ok())
        return user.error();
    if (!query.protocol.isEmpty() && !services::protocols().contains(query.protocol))
        return badParameter(QStringLiteral("protocol"), QStringLiteral("Use imap, pop, webmail or smtp."));
    if (!query.result.isEmpty() && query.result != QLatin1String("success")
        && query.result != QLatin1String("failure"))
        return badParameter(QStringLiteral("result"), QStringLiteral("Use success or failure."));
    return store::StatsRepository(db()).loginHistory(
        user->id, query.protocol, query.result, query.from, query.to, query.offset, query.limit);
}

} // namespace mailadmin::service
