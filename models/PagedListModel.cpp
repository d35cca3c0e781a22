#include "PagedListModel.h"

#include "ApiClient.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace mailadmin::models {

PagedListModel::PagedListModel(api::ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client)
{ }

void PagedListModel::setSource(const QString &path, const QUrlQuery &fixed)
{
    m_path = path;
    m_fixed = fixed;
    reload();
}

void PagedListModel::setSearch(const QString &q)
{
    if (q == m_search)
        return;
    m_search = q;
    reload();
}

void PagedListModel::setFilter(const QString &name, const QString &value)
{
    if (m_filters.value(name) == value)
        return;
    if (value.isEmpty())
        m_filters.remove(name);
    else
        m_filters.insert(name, value);
    reload();
}

QUrlQuery PagedListModel::currentQuery() const
{
    QUrlQuery query = m_fixed;
    if (!m_search.isEmpty())
        query.addQueryItem(QStringLiteral("q"), m_search);
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it)
        query.addQueryItem(it.key(), it.value());
    if (!m_sortField.isEmpty())
        query.addQueryItem(QStringLiteral("sort"),
            (m_sortOrder == Qt::DescendingOrder ? QStringLiteral("-") : QString()) + m_sortField);
    return query;
}

void PagedListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_decoded.clear();
    m_known = false;
    endResetModel();
    if (m_total != 0) {
        m_total = 0;
        emit totalChanged(0);
    }
    m_loading = false;
    if (!m_path.isEmpty())
        loadPage(0);
}

void PagedListModel::loadPage(int offset)
{
    QUrlQuery query = currentQuery();
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    m_loading = true;
    emit loadingChanged(true);
    const quint64 generation = m_generation;
    m_client->get(m_path, query, this, [this, generation, offset](const api::ApiResult &result) {
        if (generation != m_generation)
            return;
        // Still "loading" while rows go in: views and testers ask canFetchMore from inside the insert
        // signals.
        const auto finish = [this] {
            m_loading = false;
            emit loadingChanged(false);
        };
        if (!result.ok()) {
            finish();
            emit loadFailed(result.error);
            return;
        }
        const QJsonArray items = result.json.value(QLatin1String("items")).toArray();
        const qint64 total = qint64(result.json.value(QLatin1String("total")).toDouble());
        if (offset != m_rows.size()) {
            finish();
            return; // a page we no longer need
        }
        if (total != m_total) {
            m_total = total;
            emit totalChanged(total);
        }
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + items.size() - 1));
            for (const QJsonValue &v : items)
                appendRow(v.toObject());
            endInsertRows();
        }
        const bool first = !m_known;
        m_known = true;
        finish();
        if (first)
            emit firstPageLoaded();
    });
}

QByteArray PagedListModel::encode(const QJsonObject &object) const
{
    const QStringList kept = keptFields();
    if (kept.isEmpty())
        return QCborValue::fromJsonValue(object).toCbor();
    QCborMap slim;
    for (const QString &field : kept) {
        const auto it = object.constFind(field);
        if (it != object.constEnd())
            slim.insert(field, QCborValue::fromJsonValue(*it));
    }
    return slim.toCborValue().toCbor();
}

void PagedListModel::appendRow(const QJsonObject &object)
{
    m_index.insert(object.value(keyField()).toVariant().toString(), int(m_rows.size()));
    m_rows.append(encode(object));
}

void PagedListModel::rebuildIndex()
{
    m_index.clear();
    m_decoded.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(objectAt(i).value(keyField()).toVariant().toString(), i);
    m_decoded.clear();
}

QJsonObject PagedListModel::objectAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    if (const QJsonObject *cached = m_decoded.object(row))
        return *cached;
    auto *decoded = new QJsonObject(QCborValue::fromCbor(m_rows.at(row)).toMap().toJsonObject());
    const QJsonObject copy = *decoded;
    m_decoded.insert(row, decoded);
    return copy;
}

int PagedListModel::rowOfKey(const QString &key) const
{
    return m_index.value(key, -1);
}

void PagedListModel::updateObject(const QJsonObject &object)
{
    const int row = rowOfKey(object.value(keyField()).toVariant().toString());
    if (row < 0)
        return;
    m_rows[row] = encode(object);
    m_decoded.remove(row);
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void PagedListModel::removeKey(const QString &key)
{
    const int row = rowOfKey(key);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    rebuildIndex();
    endRemoveRows();
    m_total = qMax<qint64>(0, m_total - 1);
    emit totalChanged(m_total);
}

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PagedListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PagedListModel::display(const QJsonObject &object, int column) const
{
    return object.value(m_columns.at(column).field).toVariant();
}

QVariant PagedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject object = objectAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(object, index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(m_columns.at(index.column()).alignment);
    case Qt::DecorationRole:
        return decoration(object, index.column());
    case Qt::ToolTipRole:
        return tooltip(object, index.column());
    case ObjectRole:
        return object;
    case KeyRole:
        return object.value(keyField()).toVariant();
    default:
        return {};
    }
}

QVariant PagedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).title;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(m_columns.at(section).alignment);
    return {};
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_known && !m_loading && m_rows.size() < m_total;
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        loadPage(int(m_rows.size()));
}

void PagedListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size() || m_columns.at(column).field.isEmpty())
        return;
    if (m_sortField == m_columns.at(column).field && m_sortOrder == order)
        return;
    m_sortField = m_columns.at(column).field;
    m_sortOrder = order;
    reload();
}

void PagedListModel::setInitialSort(int column, Qt::SortOrder order)
{
    Q_ASSERT(isSortable(column));
    m_sortField = m_columns.at(column).field;
    m_sortOrder = order;
}

int PagedListModel::sortColumn() const
{
    if (m_sortField.isEmpty())
        return -1;
    for (int c = 0; c < m_columns.size(); ++c) {
        if (m_columns.at(c).field == m_sortField)
            return c;
    }
    return -1;
}

bool PagedListModel::isSortable(int column) const
{
    return column >= 0 && column < m_columns.size() && !m_columns.at(column).field.isEmpty();
}

QStringList PagedListModel::exportHeader(const QJsonObject &first) const
{
    QStringList header {keyField()};
    if (header.first() != QLatin1String("id") && first.contains(QLatin1String("id")))
        header.prepend(QStringLiteral("id"));
    for (const Column &c : m_columns) {
        if (!c.field.isEmpty() && !header.contains(c.field))
            header << c.field;
    }
    for (const QString &key : first.keys()) {
        if (!header.contains(key))
            header << key;
    }
    return header;
}

QStringList PagedListModel::exportRow(const QJsonObject &object, const QStringList &header) const
{
    QStringList row;
    row.reserve(header.size());
    for (const QString &field : header)
        row << rawCsvValue(object.value(field));
    return row;
}

QString PagedListModel::rawCsvValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        constexpr double kExact = 9007199254740992.0; // 2^53: larger integers are not exact in a double
        if (d == std::floor(d) && std::fabs(d) < kExact)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QStringList parts;
        for (const QJsonValue &v : array) {
            if (v.isArray() || v.isObject())
                return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
            parts << rawCsvValue(v);
        }
        return parts.join(QLatin1Char(';'));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace mailadmin::models
