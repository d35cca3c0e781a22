#include "StatsPageHelpers.h"

#include "Format.h"
#include "ListPage.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <memory>

namespace mailadmin::ui::stats {

using models::SeriesModel;
using models::StatsScope;

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    // A refresh replaces the rows: keep where the reader was.
    auto scroll = std::make_shared<int>(0);
    auto row = std::make_shared<int>(-1);
    auto sized = std::make_shared<bool>(false);
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, table, [table, scroll, row] {
        *scroll = table->verticalScrollBar()->value();
        *row = table->currentIndex().row();
    });
    QObject::connect(model, &QAbstractItemModel::modelReset, table, [table, scroll, row, sized] {
        if (*row >= 0 && *row < table->model()->rowCount())
            table->selectRow(*row);
        // The first column names the row (a period, a bucket, an address): show it whole when rows first
        // come, and leave it to the reader after that.
        if (!*sized && table->model()->rowCount() > 0) {
            ListPage::fitColumns(table);
            *sized = true;
        }
        // Lay the new rows out now, so the scroll range is theirs before the old position is set again.
        table->doItemsLayout();
        table->verticalScrollBar()->setValue(*scroll);
    });
    // Tables filled row by row (top senders) are sized when their first rows come too: the numbers take
    // what they need and the first column (the address) the rest, rather than the last column.
    QObject::connect(model, &QAbstractItemModel::rowsInserted, table, [table, sized] {
        if (*sized)
            return;
        *sized = true;
        QHeaderView *header = table->horizontalHeader();
        header->setStretchLastSection(false);
        for (int c = 1; c < table->model()->columnCount(); ++c)
            table->resizeColumnToContents(c);
        header->setSectionResizeMode(0, QHeaderView::Stretch);
    });
    return table;
}

QList<SeriesModel::Column> loginColumns()
{
    return {{QStringLiteral("imap"), format::protocol(QStringLiteral("imap"))},
        {QStringLiteral("pop"), format::protocol(QStringLiteral("pop"))},
        {QStringLiteral("webmail"), format::protocol(QStringLiteral("webmail"))},
        {QStringLiteral("smtp"), format::protocol(QStringLiteral("smtp"))},
        {QStringLiteral("failed"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Failed")}};
}

QList<SeriesModel::Column> outboundColumns()
{
    return {{QStringLiteral("messages"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Messages")},
        {QStringLiteral("recipients"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Recipients")},
        {QStringLiteral("bytes"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Size"),
            SeriesModel::Unit::Bytes},
        {QStringLiteral("baseline_median"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Usual")},
        {QStringLiteral("baseline_high"),
            QCoreApplication::translate("mailadmin::ui::StatsPage", "Usual range top")},
        {QStringLiteral("spike"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Spike")}};
}

QUrlQuery outboundQuery(const StatsScope &scope)
{
    StatsScope s = scope;
    s.granularity
        = scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day");
    if (s.granularity == QLatin1String("hour") && s.from.secsTo(s.to) > 7 * 86400)
        s.from = s.to.addDays(-7);
    return s.query();
}

} // namespace mailadmin::ui::stats
