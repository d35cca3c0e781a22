#include "http/CsvWriter.h"

#include "Csv.h"

#include <QJsonDocument>

#include <cmath>
#include <memory>

namespace mailadmin::http {

namespace {
constexpr int streamPage = 1000;
}

QString csvCell(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == std::floor(d) && std::fabs(d) < 9e15 ? QString::number(qint64(d))
                                                         : QString::number(d, 'f', 2);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return csv::neutralizeFormula(value.toString());
}

QByteArray csvTable(const QJsonArray &rows, const QStringList &columns)
{
    QByteArray out = csv::record(columns);
    for (const QJsonValue &row : rows) {
        const QJsonObject object = row.toObject();
        QStringList cells;
        cells.reserve(columns.size());
        for (const QString &column : columns)
            cells << csvCell(object.value(column));
        out += csv::record(cells);
    }
    return out;
}

HttpResponse csvResponse(QByteArray body, const QString &name)
{
    HttpResponse r;
    r.body = std::move(body);
    r.contentType = "text/csv; charset=utf-8";
    r.setHeader("Content-Disposition", QByteArray("attachment; filename=\"") + name.toLatin1() + ".csv\"");
    return r;
}

HttpResponse pagedAnswer(const Call &call, bool csv, const QString &name, const QStringList &columns,
    CsvRow toRow, PageFetch fetch)
{
    if (!csv)
        return answer(fetch(-1, -1), call);
    // The first page is fetched before the answer starts, so a refused question is still a problem.
    const Result<store::Page> first = fetch(0, streamPage);
    if (!first.ok())
        return problem(first.error(), call.request.requestId);
    HttpResponse r = csvResponse({}, name);
    struct State
    {
        int next = 0;
        bool headerWritten = false;
    };
    auto state = std::make_shared<State>();
    r.stream = [state, columns, toRow = std::move(toRow), fetch = std::move(fetch)](QByteArray &chunk) {
        if (!state->headerWritten) {
            chunk += csv::record(columns);
            state->headerWritten = true;
        }
        const Result<store::Page> page = fetch(state->next, streamPage);
        if (!page.ok())
            return false;
        for (const QByteArray &rendered : page->rendered)
            chunk += csv::record(toRow(QJsonDocument::fromJson(rendered).object()));
        for (const store::Record &record : page->items)
            chunk += csv::record(toRow(record.data));
        const int got = int(page->rendered.size() + page->items.size());
        state->next += got;
        return got > 0 && state->next < page->total;
    };
    return r;
}

} // namespace mailadmin::http
