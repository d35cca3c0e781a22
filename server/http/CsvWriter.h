#pragma once

#include "Result.h"
#include "http/Call.h"
#include "http/HttpTypes.h"
#include "store/Table.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace mailadmin::http {

// The CSV downloads of the API: how a JSON value becomes a cell, a whole series as one table, and long lists
// streamed page after page. Text cells pass through csv::neutralizeFormula.

// A number without a fraction as a whole number, others with two decimals; booleans as true/false; text
// with a leading formula character made inert.
QString csvCell(const QJsonValue &value);

// The header line, then one record per object of `rows`, cells in the order of `columns`.
QByteArray csvTable(const QJsonArray &rows, const QStringList &columns);

// A CSV download named `name`.csv.
HttpResponse csvResponse(QByteArray body, const QString &name);

using CsvRow = std::function<QStringList(const QJsonObject &)>;
// Fetches one page; offset and limit -1 ask for the page the caller's own query names.
using PageFetch = std::function<Result<store::Page>(int offset, int limit)>;

// A paged list as JSON (the page the query asked for), or as CSV: the whole list, streamed 1000 rows at a
// time so a long one never sits in memory.
HttpResponse pagedAnswer(const Call &call, bool csv, const QString &name, const QStringList &columns,
    CsvRow toRow, PageFetch fetch);

} // namespace mailadmin::http
