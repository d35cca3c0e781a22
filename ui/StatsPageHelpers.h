#pragma once

#include "StatsModels.h"

#include <QList>
#include <QUrlQuery>

class QAbstractItemModel;
class QTableView;
class QWidget;

// What the statistics pages and their panels share; not meant for other parts of the client.
namespace mailadmin::ui::stats {

// A table over `model` that keeps the reader's row and scroll position when a refresh replaces the rows,
// and sizes its columns when the first rows come.
QTableView *makeTable(QAbstractItemModel *model, QWidget *parent);

// The columns of a logins series (one per protocol, and failures) and of an outbound series.
QList<models::SeriesModel::Column> loginColumns();
QList<models::SeriesModel::Column> outboundColumns();

// Outbound comes by hour or by day only.
QUrlQuery outboundQuery(const models::StatsScope &scope);

} // namespace mailadmin::ui::stats
