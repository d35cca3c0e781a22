#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

namespace mailadmin::models {

// The accounts that sent the most mail over a range (/stats/senders), busiest first: messages, recipients
// and size per sender.
class TopSendersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sender,
        Messages,
        Recipients,
        Size,
        ColumnCount
    };
    enum Roles
    {
        ValueRole = Qt::UserRole + 1 // the number behind a count or size (double)
    };

    explicit TopSendersModel(QObject *parent = nullptr);

    // The answer's `senders` array: each has address, messages, recipients and bytes.
    void setSenders(const QJsonArray &senders);
    void clear();

    // The address as the server stores it (punycode domain).
    QString addressAt(int row) const { return m_senders.at(row).address; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString address;
        double messages = 0;
        double recipients = 0;
        double bytes = 0;
    };
    QList<Row> m_senders;
};

} // namespace mailadmin::models
