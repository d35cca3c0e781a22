#pragma once

#include "PagedListModel.h"

namespace mailadmin::models {

// Incidents (/incidents): newest first, with the caller's share of affected mailboxes for company roles.
class IncidentListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Started,
        Kind,
        Title,
        Severity,
        Status,
        Affected,
        ColumnCount
    };
    explicit IncidentListModel(api::ApiClient *client, QObject *parent = nullptr);
    static QString kindText(const QString &kind);
    static QString statusText(const QString &status);
    static QString severityText(const QString &severity);
    // "412 of your 1,250 mailboxes" for company roles, "4,234 mailboxes in 3 companies" for operators.
    static QString affectedText(const QJsonObject &incident);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant decoration(const QJsonObject &object, int column) const override;
};

// The affected mailboxes of one incident (/incidents/{id}/mailboxes), by address.
class AffectedMailboxModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Address,
        Name,
        Status,
        Store,
        ColumnCount
    };
    explicit AffectedMailboxModel(api::ApiClient *client, QObject *parent = nullptr);
    void setIncident(qint64 id);

protected:
    QString keyField() const override { return QStringLiteral("address"); }
    QVariant display(const QJsonObject &object, int column) const override;
};

// The affected companies of one incident with their counts (/incidents/{id}/impact).
class ImpactListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Company,
        Mailboxes,
        Total,
        ColumnCount
    };
    explicit ImpactListModel(api::ApiClient *client, QObject *parent = nullptr);
    void setIncident(qint64 id);

protected:
    QString keyField() const override { return QStringLiteral("company_id"); }
    QVariant display(const QJsonObject &object, int column) const override;
};

// Each notice to each contact, with its delivery state (/incidents/{id}/deliveries).
class NoticeDeliveryModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Update,
        Company,
        Contact,
        State,
        Attempts,
        Detail,
        ColumnCount
    };
    explicit NoticeDeliveryModel(api::ApiClient *client, QObject *parent = nullptr);
    void setIncident(qint64 id);
    static QString stateText(const QString &state);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

// Clusters (/clusters) with their stores, domains and mailboxes.
class ClusterListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Stores,
        Domains,
        Mailboxes,
        Description,
        ColumnCount
    };
    explicit ClusterListModel(api::ApiClient *client, QObject *parent = nullptr);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

// Mail stores (/mail-stores) with their cluster, host, services and mailboxes.
class MailStoreListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Cluster,
        Host,
        Services,
        Accepting,
        Mailboxes,
        ColumnCount
    };
    explicit MailStoreListModel(api::ApiClient *client, QObject *parent = nullptr);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

// The outage detector's suggested incidents (/outage-suggestions), for operators: newest first.
class OutageSuggestionModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Suggested,
        Where,
        Signal,
        Observed,
        Status,
        ColumnCount
    };
    explicit OutageSuggestionModel(api::ApiClient *client, QObject *parent = nullptr);
    static QString signalText(const QString &signal);
    static QString statusText(const QString &status, bool ongoing);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

// Bulletins (/bulletins): message templates of a company or a domain, by name.
class BulletinListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Scope,
        Type,
        Updated,
        ColumnCount
    };
    explicit BulletinListModel(api::ApiClient *client, QObject *parent = nullptr);
    static QString typeText(const QString &type);
    static QString targetText(const QString &target);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};


} // namespace mailadmin::models
