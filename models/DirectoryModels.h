#pragma once

#include "PagedListModel.h"

namespace mailadmin::models {

// Domains in scope, or of one company, or the deleted ones.
class DomainListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Users,
        DefaultQuota,
        Maximum,
        State,
        Created,
        ColumnCount
    };
    explicit DomainListModel(api::ApiClient *client, QObject *parent = nullptr);
    void setDeleted(bool deleted);
    QString nameAt(int row) const { return objectAt(row).value(QLatin1String("name")).toString(); }

protected:
    QString keyField() const override { return QStringLiteral("name"); }
    QVariant display(const QJsonObject &object, int column) const override;
};

class CompanyListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Domains,
        Users,
        DefaultQuota,
        ColumnCount
    };
    explicit CompanyListModel(api::ApiClient *client, QObject *parent = nullptr);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

class ContactListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Type,
        Name,
        Email,
        Phone,
        Notes,
        ColumnCount
    };
    explicit ContactListModel(api::ApiClient *client, QObject *parent = nullptr);
    void setCompany(qint64 companyId);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

class BrandListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Product,
        Colours,
        Assigned,
        ColumnCount
    };
    explicit BrandListModel(api::ApiClient *client, QObject *parent = nullptr);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant decoration(const QJsonObject &object, int column) const override;
};

class AdminListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Login,
        Name,
        Role,
        Scope,
        State,
        LastLogin,
        ColumnCount
    };
    explicit AdminListModel(api::ApiClient *client, QObject *parent = nullptr);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
};

class AuditListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Actor,
        Action,
        ObjectType,
        Object,
        Changes,
        ColumnCount
    };
    explicit AuditListModel(api::ApiClient *client, QObject *parent = nullptr);
    static QString describeChanges(const QJsonObject &changes);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant tooltip(const QJsonObject &object, int column) const override;
};

} // namespace mailadmin::models
