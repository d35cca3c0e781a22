#include "TopSendersModel.h"

#include "Format.h"
#include "Validation.h"

#include <QJsonObject>
#include <QLocale>

namespace mailadmin::models {

TopSendersModel::TopSendersModel(QObject *parent) : QAbstractTableModel(parent) { }

void TopSendersModel::setSenders(const QJsonArray &senders)
{
    // The old rows removed and the new ones inserted rather than a reset: the table sizes its columns to
    // the numbers when the first rows come.
    clear();
    if (senders.isEmpty())
        return;
    QList<Row> rows;
    for (const QJsonValue &v : senders) {
        const QJsonObject s = v.toObject();
        rows.append(
            {s.value(QLatin1String("address")).toString(), s.value(QLatin1String("messages")).toDouble(),
                s.value(QLatin1String("recipients")).toDouble(), s.value(QLatin1String("bytes")).toDouble()});
    }
    beginInsertRows({}, 0, int(rows.size()) - 1);
    m_senders = rows;
    endInsertRows();
}

void TopSendersModel::clear()
{
    if (m_senders.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_senders.size()) - 1);
    m_senders.clear();
    endRemoveRows();
}

int TopSendersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_senders.size());
}

int TopSendersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopSendersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &s = m_senders.at(index.row());
    const int column = index.column();
    if (column == Sender)
        return role == Qt::DisplayRole || role == Qt::EditRole
            ? QVariant(validation::addressForDisplay(s.address))
            : QVariant();
    const double value = column == Messages ? s.messages : column == Recipients ? s.recipients : s.bytes;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return column == Size ? format::bytes(qint64(value)) : QLocale().toString(qint64(value));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return value;
    default:
        return {};
    }
}

QVariant TopSendersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Sender:
        return tr("Sender");
    case Messages:
        return tr("Messages");
    case Recipients:
        return tr("Recipients");
    case Size:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace mailadmin::models
