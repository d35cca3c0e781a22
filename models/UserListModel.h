#pragma once

#include "PagedListModel.h"

namespace mailadmin::models {

// Users of one domain (or a search across domains), paged from the server.
class UserListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Address,
        DisplayName,
        Type,
        Status,
        Quota,
        Used,
        LastLogin,
        ColumnCount
    };

    explicit UserListModel(api::ApiClient *client, QObject *parent = nullptr);

    void setDomain(const QString &domain);
    // Every user in the caller's scope, e.g. deleted ones with status=deleted.
    void setAllDomains(const QString &status = QString());
    QString addressAt(int row) const { return objectAt(row).value(QLatin1String("address")).toString(); }
    int versionAt(int row) const { return objectAt(row).value(QLatin1String("version")).toInt(); }
    static QString lastLogin(const QJsonObject &user);

    // Raw values under the API's field names (bytes, ISO times, enum keys), so the CSV import reads the
    // file back: address, local_part, display_name, type, status, quota, used_bytes, last_login,
    // forward_recipients (separated by ';').
    QStringList exportHeader(const QJsonObject &first = {}) const override;
    QStringList exportRow(const QJsonObject &object, const QStringList &header = {}) const override;

protected:
    QString keyField() const override { return QStringLiteral("address"); }
    QStringList keptFields() const override;
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant tooltip(const QJsonObject &object, int column) const override;
};

} // namespace mailadmin::models
