#pragma once

#include "PagedListModel.h"

namespace mailadmin::models {

// The operator's list of every live company with its figures: mailboxes, users active in the last week,
// storage used against the sum of quotas, open alerts and incidents. Sorted and searched by the server.
class CompanyOverviewModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Status,
        Mailboxes,
        ActiveUsers,
        Used,
        Quota,
        UsedShare,
        OpenAlerts,
        OpenIncidents,
        ColumnCount
    };
    explicit CompanyOverviewModel(api::ApiClient *client, QObject *parent = nullptr);
    // Asks the server for the first page; nothing is asked before (the list is the operator's only).
    void load();
    bool isLoaded() const { return !path().isEmpty(); }

    qint64 companyIdAt(int row) const;
    QString nameAt(int row) const;
    bool isDeletedAt(int row) const;
    // The company as a suspend, resume, delete or restore left it: its row shows the new status and keeps
    // its figures (a deleted company stays listed, marked, until the list is asked again).
    void updateCompany(const QJsonObject &company);
    // A share such as storage used of the quotas, "12.5 %"; empty when the whole is 0 (no quota).
    static QString percent(qint64 part, qint64 whole);

    // Figures sort biggest first on the first click.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    static QString quotaNote();
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant decoration(const QJsonObject &object, int column) const override;
    QVariant tooltip(const QJsonObject &object, int column) const override;
};

} // namespace mailadmin::models
