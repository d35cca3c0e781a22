#pragma once

#include "ApiError.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <memory>
#include <vector>

namespace mailadmin::api {
class ApiClient;
}

namespace mailadmin::models {

// The navigation tree: companies (for operators) with their domains and user counts beneath. Domains load
// when a company is expanded, a page at a time.
class NavigationModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Kind
    {
        Company,
        Domain
    };
    enum Roles
    {
        KindRole = Qt::UserRole + 1,
        KeyRole,
        ObjectRole
    };

    NavigationModel(api::ApiClient *client, QObject *parent = nullptr);

    // Operators see companies at the top; everyone else sees their domains at the top.
    void load(bool companiesAtTop);
    void reload() { load(m_companiesAtTop); }
    // The domain's row shows the new user count or state.
    void updateDomain(const QJsonObject &domain);
    QModelIndex findDomain(const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void loadFailed(const mailadmin::api::ApiError &error);
    void loaded();

private:
    struct Node
    {
        Kind kind = Kind::Company;
        QJsonObject object;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        qint64 total = -1; // children known on the server; -1 before the first page
        bool loading = false;
        int row = 0;
    };
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;
    void fetchChildren(Node *node);
    QString childrenPath(const Node *node) const;

    api::ApiClient *m_client;
    Node m_root;
    bool m_companiesAtTop = false;
    bool m_started = false; // nothing is fetched before load()
    quint64 m_generation = 0;
    static constexpr int kPage = 200;
};

} // namespace mailadmin::models
