#pragma once

#include "ListPage.h"

namespace mailadmin::models {
class ClusterListModel;
class MailStoreListModel;
} // namespace mailadmin::models

namespace mailadmin::ui {

// Clusters (operators create and describe them; company admins see the ones their domains are on).
class ClustersPage : public ListPage
{
    Q_OBJECT
public:
    explicit ClustersPage(AppContext *context, QWidget *parent = nullptr);

private:
    void create();
    models::ClusterListModel *m_clusters;
};

// Mail stores, for operators: where mailboxes live, how full each is, and whether it takes new mailboxes.
class MailStoresPage : public ListPage
{
    Q_OBJECT
public:
    explicit MailStoresPage(AppContext *context, QWidget *parent = nullptr);

private:
    void create();
    void toggleAccepting();
    models::MailStoreListModel *m_stores;
};

} // namespace mailadmin::ui
