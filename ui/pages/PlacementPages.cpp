#include "PlacementPages.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "IncidentModels.h"
#include "MessageBox.h"
#include "PlacementCalls.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>

namespace mailadmin::ui {

ClustersPage::ClustersPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::ClusterListModel(context->api()), tr("Clusters"), parent)
    , m_clusters(static_cast<models::ClusterListModel *>(model()))
{
    setObjectName(QStringLiteral("clustersPage"));
    m_clusters->setParent(this);
    QPushButton *add
        = addButton(tr("&New cluster…"), QStringLiteral("newClusterButton"), QStringLiteral("cluster.write"));
    connect(add, &QPushButton::clicked, this, &ClustersPage::create);
}

void ClustersPage::create()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("New cluster"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    api::PlacementCalls(context()->api())
        .createCluster(name.trimmed(), this, [this](const api::ApiResult &r) {
            if (!r.ok())
                MessageBox::warning(this, tr("New cluster"), r.error.message());
            m_clusters->reload();
        });
}

MailStoresPage::MailStoresPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::MailStoreListModel(context->api()), tr("Mail stores"), parent)
    , m_stores(static_cast<models::MailStoreListModel *>(model()))
{
    setObjectName(QStringLiteral("mailStoresPage"));
    m_stores->setParent(this);
    QPushButton *add = addButton(
        tr("&New mail store…"), QStringLiteral("newStoreButton"), QStringLiteral("cluster.write"));
    QPushButton *toggle = addButton(tr("Open or &close to new mailboxes"), QStringLiteral("acceptingButton"),
        QStringLiteral("cluster.write"));
    m_needSelection << toggle;
    toggle->setEnabled(false);
    connect(add, &QPushButton::clicked, this, &MailStoresPage::create);
    connect(toggle, &QPushButton::clicked, this, &MailStoresPage::toggleAccepting);
}

void MailStoresPage::create()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New mail store"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("nameLineEdit"));
    auto *cluster = new QComboBox(&dialog);
    cluster->setObjectName(QStringLiteral("clusterComboBox"));
    auto *host = new QLineEdit(&dialog);
    host->setObjectName(QStringLiteral("hostLineEdit"));
    auto *location = new QLineEdit(&dialog);
    location->setObjectName(QStringLiteral("locationLineEdit"));
    location->setPlaceholderText(QStringLiteral("maildir:/srv/mail/store/%d/%n"));
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Cluster:"), cluster);
    form->addRow(tr("&Host:"), host);
    form->addRow(tr("Mail &location:"), location);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const api::PlacementCalls calls(context()->api());
    calls.listClusters(1000, cluster, [cluster](const api::ApiResult &r) {
        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray())
            cluster->addItem(v.toObject().value(QLatin1String("name")).toString(),
                v.toObject().value(QLatin1String("id")).toDouble());
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    calls.createMailStore(name->text().trimmed(), qint64(cluster->currentData().toDouble()),
        host->text().trimmed(), location->text().trimmed(), this, [this](const api::ApiResult &r) {
            if (!r.ok())
                MessageBox::warning(this, tr("New mail store"), r.error.message());
            m_stores->reload();
        });
}

void MailStoresPage::toggleAccepting()
{
    const api::PlacementCalls calls(context()->api());
    for (int row : selectedRows()) {
        const QJsonObject store = m_stores->objectAt(row);
        const qint64 id = qint64(store.value(QLatin1String("id")).toDouble());
        calls.getMailStore(id, this, [this, calls, id](const api::ApiResult &current) {
            if (!current.ok())
                return;
            calls.setMailStoreAccepting(id, !current.json.value(QLatin1String("accepting")).toBool(),
                current.version, this, [this](const api::ApiResult &r) {
                    if (!r.ok())
                        MessageBox::warning(this, tr("Mail stores"), r.error.message());
                    else
                        m_stores->updateObject(r.json);
                });
        });
    }
}

} // namespace mailadmin::ui
