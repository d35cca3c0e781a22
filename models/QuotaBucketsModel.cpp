#include "QuotaBucketsModel.h"

#include <QJsonObject>
#include <QLocale>

namespace mailadmin::models {

QuotaBucketsModel::QuotaBucketsModel(QObject *parent) : QAbstractTableModel(parent) { }

void QuotaBucketsModel::setBuckets(const QJsonArray &buckets)
{
    // A reset to no rows, then the new rows inserted: the table beside the chart sizes its columns when
    // rows are inserted.
    clear();
    if (buckets.isEmpty())
        return;
    QList<Row> rows;
    for (const QJsonValue &v : buckets) {
        const QJsonObject b = v.toObject();
        const QJsonValue to = b.value(QLatin1String("to_percent"));
        rows.append({b.value(QLatin1String("from_percent")).toInt(), to.toInt(), to.isNull(),
            b.value(QLatin1String("users")).toDouble()});
    }
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_buckets = rows;
    endInsertRows();
}

void QuotaBucketsModel::clear()
{
    beginResetModel();
    m_buckets.clear();
    endResetModel();
}

int QuotaBucketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_buckets.size());
}

int QuotaBucketsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuotaBucketsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &b = m_buckets.at(index.row());
    if (index.column() == Bucket) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return b.full ? tr("full") : QStringLiteral("%1–%2 %").arg(b.fromPercent).arg(b.toPercent);
        case ShortLabelRole:
            return b.full ? QStringLiteral("≥100") : QString::number(b.toPercent);
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return QLocale().toString(qint64(b.users));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return b.users;
    default:
        return {};
    }
}

QVariant QuotaBucketsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Bucket:
        return tr("Quota used");
    case Mailboxes:
        return tr("Mailboxes");
    default:
        return {};
    }
}

} // namespace mailadmin::models
