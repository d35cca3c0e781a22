#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// What the CSV user import does with the parsed rows, apart from any widget: which column feeds which user
// field, and the request body (checked with the shared field rules) each row becomes. Qt Core only.
namespace mailadmin::ui::csvimport {

// The user fields a column can be mapped to, in the order the import shows them.
const QStringList &fields();

// For each of fields(): the column whose header commonly names it, or -1.
QList<int> guessMapping(const QStringList &header);

// The body of a user create request for one row in `domain`; `mapping` holds a column (or -1) per field.
// What is wrong with the row is appended to `problems` (empty: the server should accept it).
QJsonObject userBody(
    const QList<int> &mapping, const QStringList &row, const QString &domain, QStringList &problems);

} // namespace mailadmin::ui::csvimport
