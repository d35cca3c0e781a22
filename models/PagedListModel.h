#pragma once

#include "ApiError.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace mailadmin::api {
class ApiClient;
}

namespace mailadmin::models {

// A server list shown as a table that loads page by page: the first page when the query is set, the next ones
// through canFetchMore/fetchMore as the view scrolls. Search, filters and sorting are done by the server;
// only the loaded rows are held.
class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(qint64 total READ total NOTIFY totalChanged)
public:
    enum Roles
    {
        ObjectRole = Qt::UserRole + 1,
        KeyRole
    };

    PagedListModel(api::ApiClient *client, QObject *parent = nullptr);

    // The list's path below /api/v1 and its fixed parameters; reloads.
    void setSource(const QString &path, const QUrlQuery &fixed = {});
    QString path() const { return m_path; }
    // Search text and filters (status, type, ...); reloads from the first page.
    void setSearch(const QString &q);
    void setFilter(const QString &name, const QString &value);
    QString filter(const QString &name) const { return m_filters.value(name); }
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }
    void reload();

    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    int loadedCount() const { return int(m_rows.size()); }
    // The row's object (only the fields the list keeps; see keptFields()).
    QJsonObject objectAt(int row) const;
    QString keyAt(int row) const { return objectAt(row).value(keyField()).toVariant().toString(); }
    int rowOfKey(const QString &key) const;
    // After an edit elsewhere: the row with the same key shows the new object.
    void updateObject(const QJsonObject &object);
    void removeKey(const QString &key);
    // The query as sent (path + parameters without paging), for export with the current filter.
    QUrlQuery currentQuery() const;
    QString sortField() const { return m_sortField; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // The column the list is sorted by (-1 for the server's default order), and whether the server sorts by
    // a column at all.
    int sortColumn() const;
    bool isSortable(int column) const;

    api::ApiClient *apiClient() const { return m_client; }

    // CSV export: raw values (bytes, enum keys, ISO times) under the server's field names, so a spreadsheet
    // or a script reads them back. The base takes the fields from the first exported object: id first, then
    // the fields of the columns in their order, then the rest by name. A model with a fixed layout overrides
    // both and ignores the arguments.
    virtual QStringList exportHeader(const QJsonObject &first = {}) const;
    virtual QStringList exportRow(const QJsonObject &object, const QStringList &header = {}) const;
    // One JSON value as a CSV field: numbers without exponent, lists joined by ';', objects as compact JSON.
    static QString rawCsvValue(const QJsonValue &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void totalChanged(qint64 total);
    void loadingChanged(bool loading);
    void loadFailed(const mailadmin::api::ApiError &error);
    void firstPageLoaded();

protected:
    struct Column
    {
        QString title;
        QString field; // also the server's sort key; empty when the server cannot sort by it
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    };
    void setColumns(QList<Column> columns) { m_columns = std::move(columns); }
    // The order a list opens in (after setColumns, before the first load): names A to Z, say, so that the
    // header shows it. Without one the list keeps the server's default order and shows no column.
    void setInitialSort(int column, Qt::SortOrder order = Qt::AscendingOrder);
    virtual QString keyField() const { return QStringLiteral("id"); }
    // The fields a row keeps; empty keeps all. Long lists keep only what they show, so 100,000 rows fit.
    virtual QStringList keptFields() const { return {}; }
    // The text of one cell; the base shows the field's value.
    virtual QVariant display(const QJsonObject &object, int column) const;
    virtual QVariant decoration(const QJsonObject &, int) const { return {}; }
    virtual QVariant tooltip(const QJsonObject &, int) const { return {}; }

private:
    void loadPage(int offset);

    api::ApiClient *m_client;
    QString m_path;
    QUrlQuery m_fixed;
    QString m_search;
    QHash<QString, QString> m_filters;
    QString m_sortField;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_pageSize = 200;
    // Rows are stored as compact CBOR and decoded when a view asks; the last ones decoded are cached.
    QByteArray encode(const QJsonObject &object) const;
    void appendRow(const QJsonObject &object);
    void rebuildIndex();
    QList<QByteArray> m_rows;
    QHash<QString, int> m_index; // key -> row
    mutable QCache<int, QJsonObject> m_decoded {512};
    QList<Column> m_columns;
    qint64 m_total = 0;
    bool m_loading = false;
    bool m_known = false; // the total is known (first page arrived)
    quint64 m_generation = 0; // answers to an older query are dropped
};

} // namespace mailadmin::models
