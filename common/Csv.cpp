#include "Csv.h"

namespace mailadmin::csv {

QString escapeField(const QString &field)
{
    // A leading U+FEFF would read back as the byte order mark of the file when the field opens it.
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
        || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))
        || field.startsWith(QChar(0xfeff));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray record(const QStringList &fields)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += QLatin1Char(',');
        line += escapeField(fields.at(i));
    }
    line += QLatin1String("\r\n");
    return line.toUtf8();
}

QString neutralizeFormula(const QString &field)
{
    if (!field.isEmpty()) {
        const QChar c = field.at(0);
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
            || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            return QLatin1Char('\'') + field;
    }
    return field;
}

ParseResult parse(const QByteArray &data)
{
    ParseResult result;
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    QStringList row;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    bool afterQuote = false;
    int line = 1;
    const auto endField = [&] {
        row.append(field);
        field.clear();
        fieldStarted = false;
        afterQuote = false;
    };
    const auto endRow = [&] {
        endField();
        if (!(row.size() == 1 && row.first().isEmpty()))
            result.rows.append(row);
        row.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRow();
            ++line;
        } else if (c == QLatin1Char('\n')) {
            endRow();
            ++line;
        } else if (c == QLatin1Char('"')) {
            if (fieldStarted || afterQuote) {
                result.error = QStringLiteral("A quote appears inside an unquoted field.");
                result.errorLine = line;
                return result;
            }
            inQuotes = true;
            fieldStarted = true;
        } else {
            if (afterQuote) {
                result.error = QStringLiteral("Text follows a closing quote.");
                result.errorLine = line;
                return result;
            }
            field += c;
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        result.error = QStringLiteral("A quoted field is not closed.");
        result.errorLine = line;
        return result;
    }
    if (fieldStarted || afterQuote || !row.isEmpty())
        endRow();
    return result;
}

} // namespace mailadmin::csv
