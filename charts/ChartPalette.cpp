#include "ChartPalette.h"

#include <QHash>
#include <QString>

namespace mailadmin::charts {

const QList<QColor> &ChartPalette::series()
{
    static const QList<QColor> colours = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
        QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9),
        QColor(0xd5, 0x5e, 0x00), QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00)};
    return colours;
}

QColor ChartPalette::forKey(const QString &key)
{
    static const QHash<QString, int> indexes = {
        {QStringLiteral("imap"), 0},
        {QStringLiteral("pop"), 1},
        {QStringLiteral("webmail"), 2},
        {QStringLiteral("smtp"), 3},
        {QStringLiteral("active"), 2},
        {QStringLiteral("suspended"), 1},
        {QStringLiteral("deleted"), 5},
        {QStringLiteral("mailbox"), 0},
        {QStringLiteral("forward"), 4},
        {QStringLiteral("filter"), 3},
        {QStringLiteral("baseline"), 4},
        {QStringLiteral("spike"), 5},
        {QStringLiteral("failed"), 5},
        {QStringLiteral("messages"), 0},
        {QStringLiteral("recipients"), 4},
        {QStringLiteral("bytes"), 2},
        {QStringLiteral("used_bytes"), 0},
        {QStringLiteral("users"), 0},
    };
    return at(indexes.value(key, 7));
}

} // namespace mailadmin::charts
