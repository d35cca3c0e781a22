#pragma once

#include <QColor>
#include <QList>

namespace mailadmin::charts {

// Series colours that stay apart for colour-blind readers (the Okabe–Ito set), in a fixed order, so a
// protocol or status has the same colour in every chart.
class ChartPalette
{
public:
    static const QList<QColor> &series();
    static QColor at(int index) { return series().at(index % series().size()); }
    // The colour for an API key: imap, pop, webmail, smtp, active, suspended, deleted, mailbox, ...
    static QColor forKey(const QString &key);
};

} // namespace mailadmin::charts
