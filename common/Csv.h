#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mailadmin::csv {

// RFC 4180: fields joined by commas, records ended by CRLF, a field quoted when it holds a comma, a quote,
// CR or LF, quotes doubled inside quotes.
QString escapeField(const QString &field);
QByteArray record(const QStringList &fields);

// A field that starts with = + - @, a tab or a carriage return is prefixed with ' so spreadsheets do not run
// it as a formula. Every CSV the server writes (downloads and mailed reports) passes its text through this.
QString neutralizeFormula(const QString &field);

struct ParseResult
{
    QList<QStringList> rows;
    QString error; // empty when the whole text parsed
    int errorLine = 0;
};
// Parses UTF-8 CSV text (an optional BOM is skipped); both CRLF and LF end records.
ParseResult parse(const QByteArray &data);

} // namespace mailadmin::csv
