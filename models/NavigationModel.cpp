#include "NavigationModel.h"

#include "ApiClient.h"
#include "CompanyCalls.h"
#include "DirectoryCalls.h"
#include "Validation.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrlQuery>

namespace mailadmin::models {

NavigationModel::NavigationModel(api::ApiClient *client, QObject *parent)
    : QAbstractItemModel(parent), m_client(client)
{ }

void NavigationModel::load(bool companiesAtTop)
{
    ++m_generation;
    beginResetModel();
    m_started = true;
    m_companiesAtTop = companiesAtTop;
    m_root.children.clear();
    m_root.total = -1;
    m_root.loading = false;
    endResetModel();
    fetchChildren(&m_root);
}

QString NavigationModel::childrenPath(const Node *node) const
{
    if (node == &m_root)
        return m_companiesAtTop ? api::CompanyCalls::listPath() : api::DirectoryCalls::domainsPath();
    return api::DirectoryCalls::companyDomainsPath(
        qint64(node->object.value(QLatin1String("id")).toDouble()));
}

void NavigationModel::fetchChildren(Node *node)
{
    if (node->loading)
        return;
    node->loading = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(node->children.size()));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPage));
    const quint64 generation = m_generation;
    const Kind childKind = node == &m_root && m_companiesAtTop ? Kind::Company : Kind::Domain;
    m_client->get(
        childrenPath(node), query, this, [this, node, generation, childKind](const api::ApiResult &result) {
            if (generation != m_generation)
                return; // the tree was rebuilt; `node` may be gone
            if (!result.ok()) {
                node->loading = false;
                emit loadFailed(result.error);
                return;
            }
            const QJsonArray items = result.json.value(QLatin1String("items")).toArray();
            node->total = qint64(result.json.value(QLatin1String("total")).toDouble());
            if (!items.isEmpty()) {
                const QModelIndex parentIndex = indexOf(node);
                const int first = int(node->children.size());
                beginInsertRows(parentIndex, first, first + int(items.size()) - 1);
                for (const QJsonValue &v : items) {
                    auto child = std::make_unique<Node>();
                    child->kind = childKind;
                    child->object = v.toObject();
                    child->parent = node;
                    child->row = int(node->children.size());
                    if (childKind == Kind::Domain)
                        child->total = 0;
                    node->children.push_back(std::move(child));
                }
                endInsertRows();
            }
            // Only now: views and testers ask canFetchMore from inside the insert signals.
            node->loading = false;
            if (node == &m_root)
                emit loaded();
        });
}

NavigationModel::Node *NavigationModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

QModelIndex NavigationModel::indexOf(Node *node) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, 0, node);
}

QModelIndex NavigationModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (column != 0 || row < 0 || row >= int(node->children.size()))
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex NavigationModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int NavigationModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool NavigationModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (node == &m_root)
        return !node->children.empty();
    if (node->kind == Kind::Domain)
        return false;
    return node->total != 0;
}

bool NavigationModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (!m_started)
        return false;
    if (node->kind == Kind::Domain && node != &m_root)
        return false;
    if (node->loading)
        return false;
    return node->total < 0 || qint64(node->children.size()) < node->total;
}

void NavigationModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetchChildren(nodeOf(parent));
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const QJsonObject &o = node->object;
    switch (role) {
    case Qt::DisplayRole:
        if (node->kind == Kind::Company)
            return o.value(QLatin1String("name")).toString();
        return tr("%1 (%2)").arg(validation::domainForDisplay(o.value(QLatin1String("name")).toString()),
            QLocale().toString(qint64(o.value(QLatin1String("user_count")).toDouble())));
    case Qt::ToolTipRole:
        if (node->kind == Kind::Company)
            return tr("%n domain(s)", nullptr, o.value(QLatin1String("domain_count")).toInt());
        return o.value(QLatin1String("disabled")).toBool() ? tr("Disabled: its mailboxes do not work")
                                                           : QVariant();
    case KindRole:
        return int(node->kind);
    case KeyRole:
        return node->kind == Kind::Company ? o.value(QLatin1String("id")).toVariant()
                                           : o.value(QLatin1String("name")).toVariant();
    case ObjectRole:
        return o;
    default:
        return {};
    }
}

void NavigationModel::updateDomain(const QJsonObject &domain)
{
    const QModelIndex index = findDomain(domain.value(QLatin1String("name")).toString());
    if (!index.isValid())
        return;
    nodeOf(index)->object = domain;
    emit dataChanged(index, index);
}

QModelIndex NavigationModel::findDomain(const QString &name) const
{
    const auto search = [&](const Node *parent) -> QModelIndex {
        for (const auto &child : parent->children) {
            if (child->kind == Kind::Domain && child->object.value(QLatin1String("name")).toString() == name)
                return createIndex(child->row, 0, child.get());
        }
        return {};
    };
    if (QModelIndex i = search(&m_root); i.isValid())
        return i;
    for (const auto &company : m_root.children) {
        if (QModelIndex i = search(company.get()); i.isValid())
            return i;
    }
    return {};
}

} // namespace mailadmin::models
