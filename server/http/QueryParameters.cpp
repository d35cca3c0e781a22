#include "http/QueryParameters.h"

#include "Json.h"
#include "Validation.h"

#include <algorithm>

namespace mailadmin::http {

namespace {
constexpr int maxSearch = 200;
constexpr int maxText = 300;
constexpr int maxLimit = 1000;
constexpr int maxOffset = 100'000'000;
} // namespace

QueryParameters::QueryParameters(const QUrlQuery &query, const QStringList &skip)
{
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QSet<QString> seen;
    for (const auto &[key, value] : items) {
        Item item {key, value, m_items.size(), skip.contains(key)};
        if (seen.contains(key)) {
            item.taken = true;
            fail(item, QStringLiteral("duplicate"), QStringLiteral("Give this parameter once."));
        }
        seen.insert(key);
        m_items.append(item);
    }
}

QueryParameters::Item *QueryParameters::take(const QString &key)
{
    for (Item &item : m_items) {
        if (item.key == key && !item.taken) {
            item.taken = true;
            return &item;
        }
    }
    return nullptr;
}

void QueryParameters::fail(const Item &item, const QString &code, const QString &message)
{
    m_errors.append({item.position, FieldError {item.key, code, message}});
}

void QueryParameters::number(const QString &key, int min, int max, int &value)
{
    const Item *item = take(key);
    if (!item)
        return;
    bool ok = false;
    const int n = item->value.toInt(&ok);
    if (!ok || n < min || n > max)
        fail(*item, QStringLiteral("out_of_range"),
            QStringLiteral("Use a whole number from %1 to %2.").arg(min).arg(max));
    else
        value = n;
}

void QueryParameters::time(const QString &key, qint64 &value)
{
    const Item *item = take(key);
    if (!item)
        return;
    const qint64 t = json::parseIsoTime(item->value);
    if (t <= 0)
        fail(*item, QStringLiteral("invalid"),
            QStringLiteral("Use an ISO 8601 time such as 2026-11-01T00:00:00Z."));
    else
        value = t;
}

void QueryParameters::text(const QString &key, QString &value)
{
    const Item *item = take(key);
    if (!item)
        return;
    if (item->value.size() > maxText || validation::hasControlCharacters(item->value))
        fail(*item, QStringLiteral("invalid"), QStringLiteral("This value is not valid."));
    else
        value = item->value;
}

void QueryParameters::search(const QString &key, QString &value)
{
    const Item *item = take(key);
    if (!item)
        return;
    const QString q = item->value.trimmed().toLower();
    if (q.size() > maxSearch || validation::hasControlCharacters(q))
        fail(*item, QStringLiteral("invalid"),
            QStringLiteral("Search for at most %1 printable characters.").arg(maxSearch));
    else
        value = q;
}

void QueryParameters::sort(const QString &key, QString &field, bool &descending)
{
    const Item *item = take(key);
    if (!item)
        return;
    descending = item->value.startsWith(QLatin1Char('-'));
    field = descending ? item->value.mid(1) : item->value;
}

bool QueryParameters::choice(const QString &key, const QStringList &choices, QString &value)
{
    const Item *item = take(key);
    if (!item)
        return false;
    if (!choices.contains(item->value)) {
        fail(*item, QStringLiteral("invalid_choice"),
            QStringLiteral("Use %1.").arg(choices.join(QStringLiteral(" or "))));
        return false;
    }
    value = item->value;
    return true;
}

QHash<QString, QString> QueryParameters::filters()
{
    QHash<QString, QString> result;
    for (Item &item : m_items) {
        if (item.taken)
            continue;
        item.taken = true;
        if (item.value.size() > maxText || validation::hasControlCharacters(item.value))
            fail(item, QStringLiteral("invalid"), QStringLiteral("This value is not valid."));
        else
            result.insert(item.key, item.value);
    }
    return result;
}

void QueryParameters::refuseOthers()
{
    for (Item &item : m_items) {
        if (item.taken)
            continue;
        item.taken = true;
        fail(item, QStringLiteral("unknown_parameter"),
            QStringLiteral("This question has no such parameter."));
    }
}

Status QueryParameters::status(const QString &detail) const
{
    if (m_errors.isEmpty())
        return Status::success();
    auto ordered = m_errors;
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    Error e = Error::make(ErrorKind::Malformed, detail);
    for (const auto &[position, field] : ordered)
        e.fields << field;
    return e;
}

Result<store::ListQuery> readListQuery(const QUrlQuery &query, const QStringList &skip)
{
    QueryParameters p(query, skip);
    store::ListQuery list;
    p.number(QStringLiteral("offset"), 0, maxOffset, list.offset);
    p.number(QStringLiteral("limit"), 1, maxLimit, list.limit);
    p.search(QStringLiteral("q"), list.q);
    p.sort(QStringLiteral("sort"), list.sort, list.descending);
    list.filters = p.filters();
    const Status status = p.status(QStringLiteral("The list parameters are not valid."));
    if (!status.ok())
        return status.error();
    return list;
}

Result<service::StatsQuery> readStatsQuery(const HttpRequest &request, bool &csv)
{
    QueryParameters p(request.query);
    service::StatsQuery q;
    p.text(QStringLiteral("company"), q.company);
    p.text(QStringLiteral("domain"), q.domain);
    p.text(QStringLiteral("user"), q.user);
    p.time(QStringLiteral("from"), q.from);
    p.time(QStringLiteral("to"), q.to);
    p.text(QStringLiteral("granularity"), q.granularity);
    p.number(QStringLiteral("days"), 1, 3650, q.days);
    p.number(QStringLiteral("percent"), 1, 1000, q.percent);
    p.number(QStringLiteral("offset"), 0, maxOffset, q.offset);
    p.number(QStringLiteral("limit"), 1, maxLimit, q.limit);
    p.text(QStringLiteral("protocol"), q.protocol);
    p.text(QStringLiteral("result"), q.result);
    p.number(QStringLiteral("min_age"), 0, 3650, q.minAge);
    p.choice(QStringLiteral("sort"),
        {QStringLiteral("address"), QStringLiteral("-address"), QStringLiteral("status"), QStringLiteral("-status"),
            QStringLiteral("last_login_at"), QStringLiteral("-last_login_at"), QStringLiteral("used_bytes"),
            QStringLiteral("-used_bytes")},
        q.sort);
    QString format;
    p.choice(QStringLiteral("format"), {QStringLiteral("json"), QStringLiteral("csv")}, format);
    p.refuseOthers();
    csv = format == QLatin1String("csv") || request.header("accept").contains("text/csv");
    const Status status = p.status(QStringLiteral("The stats parameters are not valid."));
    if (!status.ok())
        return status.error();
    return q;
}

} // namespace mailadmin::http
