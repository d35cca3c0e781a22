#pragma once

#include "Result.h"
#include "http/HttpTypes.h"
#include "stats/StatsService.h"
#include "store/ListQuery.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace mailadmin::http {

// The one reader of query strings for list and stats questions. Each parameter may be given once; every
// reader takes its parameter off the list and checks it (whole numbers in range, ISO 8601 times, printable
// bounded text); what no reader took becomes a filter or is refused. All faults are collected and answered
// together as one 400 whose field errors follow the order of the query string.
class QueryParameters
{
public:
    // `skip`: parameters the route reads itself; they are only checked for being given once.
    explicit QueryParameters(const QUrlQuery &query, const QStringList &skip = {});

    // Readers leave `value` as it was when the parameter is absent or faulty.
    void number(const QString &key, int min, int max, int &value);
    void time(const QString &key, qint64 &value);
    void text(const QString &key, QString &value);
    // Search text: trimmed and lower-cased, at most 200 printable characters.
    void search(const QString &key, QString &value);
    // "name" or "-name" (descending).
    void sort(const QString &key, QString &field, bool &descending);
    // One of `choices`; returns whether the parameter was given and valid.
    bool choice(const QString &key, const QStringList &choices, QString &value);

    // What no reader took, as filters whose values are checked like text.
    QHash<QString, QString> filters();
    // What no reader took, refused as unknown.
    void refuseOthers();

    // The collected faults as one Malformed error with `detail`, or success.
    Status status(const QString &detail) const;

private:
    struct Item
    {
        QString key;
        QString value;
        qsizetype position = 0; // in the query string
        bool taken = false;
    };
    Item *take(const QString &key);
    void fail(const Item &item, const QString &code, const QString &message);

    QList<Item> m_items;
    QList<QPair<qsizetype, FieldError>> m_errors; // with the item's position in the query string
};

// offset, limit, q and sort; any other parameter is a filter unless listed in `skip`.
Result<store::ListQuery> readListQuery(const QUrlQuery &query, const QStringList &skip = {});

// The stats parameters; anything else is refused. `csv` tells whether CSV was asked for (format=csv or an
// Accept header naming text/csv).
Result<service::StatsQuery> readStatsQuery(const HttpRequest &request, bool &csv);

} // namespace mailadmin::http

// In a route handler with a `call`: reads its list parameters into `var`, or answers their 400.
#define LIST_OR_FAIL(var, ...)                                                                               \
    const Result<store::ListQuery> var##Result = call.listQuery(__VA_ARGS__);                                \
    if (!var##Result.ok())                                                                                   \
        return problem(var##Result.error(), call.request.requestId);                                         \
    const store::ListQuery &var = var##Result.value();
