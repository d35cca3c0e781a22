#pragma once

#include "ApiClient.h"
#include "BulkOperation.h"

#include <QString>

namespace mailadmin::api {

// Typed calls on companies, domains and users: the only place that knows their REST paths and bodies.
// Paths are also handed out for the widgets that load or save an object themselves (editor pages, dialogs).
class DirectoryCalls
{
public:
    explicit DirectoryCalls(ApiClient *client) : m_client(client) { }

    static QString companyPath(qint64 id);
    static QString domainsPath();
    static QString usersPath();
    static QString brandsPath();
    static QString domainPath(const QString &domain);
    static QString domainUsersPath(const QString &domain);
    static QString companyDomainsPath(qint64 companyId);
    static QString companyContactsPath(qint64 companyId);
    static QString userPath(const QString &address);
    static QString contactPath(qint64 companyId, qint64 contactId);
    static QString brandPath(qint64 id);
    static QString userPasswordPath(const QString &address);
    static QString userActivityPath(const QString &address);

    void getDomain(const QString &domain, QObject *context, ApiClient::Callback callback) const;
    void getUser(const QString &address, QObject *context, ApiClient::Callback callback) const;
    void deleteDomain(
        const QString &domain, int ifMatch, QObject *context, ApiClient::Callback callback) const;
    void deleteContact(qint64 companyId, qint64 contactId, int ifMatch, QObject *context,
        ApiClient::Callback callback) const;
    // Brings a soft-deleted domain back; answers with the domain.
    void restoreDomain(const QString &domain, QObject *context, ApiClient::Callback callback) const;
    void deleteBrand(qint64 id, int ifMatch, QObject *context, ApiClient::Callback callback) const;
    // An empty reason sends no reason. `ifMatch` > 0 guards against a concurrent change.
    void suspendUser(const QString &address, const QString &reason, int ifMatch, QObject *context,
        ApiClient::Callback callback) const;
    void unsuspendUser(
        const QString &address, int ifMatch, QObject *context, ApiClient::Callback callback) const;
    void deleteUser(
        const QString &address, int ifMatch, QObject *context, ApiClient::Callback callback) const;
    void setQuota(const QString &address, qint64 quotaBytes, int ifMatch, QObject *context,
        ApiClient::Callback callback) const;
    void userOutbound(const QString &address, QObject *context, ApiClient::Callback callback) const;
    void holdOutbound(const QString &address, QObject *context, ApiClient::Callback callback) const;
    void releaseOutbound(const QString &address, QObject *context, ApiClient::Callback callback) const;

    // Steps of bulk operations; the label is the address (or the local part for a new user).
    static BulkOperation::Step createUserStep(const QString &domain, const QJsonObject &user);
    static BulkOperation::Step suspendUserStep(const QString &address, const QString &reason);
    static BulkOperation::Step unsuspendUserStep(const QString &address);
    static BulkOperation::Step deleteUserStep(const QString &address, int ifMatch);
    static BulkOperation::Step setQuotaStep(const QString &address, qint64 quotaBytes, int ifMatch);
    static BulkOperation::Step restoreUserStep(const QString &address);

private:
    ApiClient *m_client;
};

} // namespace mailadmin::api
