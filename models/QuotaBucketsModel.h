#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QList>

namespace mailadmin::models {

// How many mailboxes use how much of their quota (/stats/quota/distribution): one row per bucket, for the
// quota bar chart and the table beside it.
class QuotaBucketsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Bucket, // "0–10 %", ..., "full"
        Mailboxes,
        ColumnCount
    };
    enum Roles
    {
        ValueRole = Qt::UserRole + 1, // Mailboxes: the count (double)
        ShortLabelRole // Bucket: the upper bound alone ("10", "≥100"), for under a narrow bar
    };

    explicit QuotaBucketsModel(QObject *parent = nullptr);

    // The answer's `buckets` array: each has from_percent, to_percent (null for the last, full one) and
    // users.
    void setBuckets(const QJsonArray &buckets);
    void clear();

    double mailboxesAt(int row) const { return m_buckets.at(row).users; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int fromPercent = 0;
        int toPercent = 0;
        bool full = false; // no upper bound: at or over the quota
        double users = 0;
    };
    QList<Row> m_buckets;
};

} // namespace mailadmin::models
