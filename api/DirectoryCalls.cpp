#include "DirectoryCalls.h"

namespace mailadmin::api {

namespace {

QJsonObject reasonBody(const QString &reason)
{
    return reason.isEmpty() ? QJsonObject() : QJsonObject {{QStringLiteral("reason"), reason}};
}

QJsonObject quotaBody(qint64 quotaBytes)
{
    return QJsonObject {{QStringLiteral("quota"), double(quotaBytes)}};
}

} // namespace

QString DirectoryCalls::companyPath(qint64 id)
{
    return QStringLiteral("/companies/%1").arg(id);
}

QString DirectoryCalls::domainsPath()
{
    return QStringLiteral("/domains");
}

QString DirectoryCalls::usersPath()
{
    return QStringLiteral("/users");
}

QString DirectoryCalls::brandsPath()
{
    return QStringLiteral("/brands");
}

QString DirectoryCalls::domainPath(const QString &domain)
{
    return QStringLiteral("/domains/") + domain;
}

QString DirectoryCalls::domainUsersPath(const QString &domain)
{
    return domainPath(domain) + QStringLiteral("/users");
}

QString DirectoryCalls::companyDomainsPath(qint64 companyId)
{
    return companyPath(companyId) + QStringLiteral("/domains");
}

QString DirectoryCalls::companyContactsPath(qint64 companyId)
{
    return companyPath(companyId) + QStringLiteral("/contacts");
}

QString DirectoryCalls::userPath(const QString &address)
{
    return QStringLiteral("/users/") + address;
}

QString DirectoryCalls::contactPath(qint64 companyId, qint64 contactId)
{
    return companyContactsPath(companyId) + QStringLiteral("/%1").arg(contactId);
}

QString DirectoryCalls::brandPath(qint64 id)
{
    return QStringLiteral("/brands/%1").arg(id);
}

QString DirectoryCalls::userPasswordPath(const QString &address)
{
    return userPath(address) + QStringLiteral("/password");
}

QString DirectoryCalls::userActivityPath(const QString &address)
{
    return userPath(address) + QStringLiteral("/activity");
}

void DirectoryCalls::getDomain(const QString &domain, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(domainPath(domain), {}, context, std::move(callback));
}

void DirectoryCalls::getUser(const QString &address, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(userPath(address), {}, context, std::move(callback));
}

void DirectoryCalls::deleteDomain(
    const QString &domain, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->remove(domainPath(domain), ifMatch, context, std::move(callback));
}

void DirectoryCalls::deleteContact(
    qint64 companyId, qint64 contactId, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->remove(contactPath(companyId, contactId), ifMatch, context, std::move(callback));
}

void DirectoryCalls::restoreDomain(
    const QString &domain, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(domainPath(domain) + QStringLiteral("/restore"), {}, context, std::move(callback));
}

void DirectoryCalls::deleteBrand(qint64 id, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->remove(brandPath(id), ifMatch, context, std::move(callback));
}

void DirectoryCalls::suspendUser(const QString &address, const QString &reason, int ifMatch, QObject *context,
    ApiClient::Callback callback) const
{
    m_client->post(userPath(address) + QStringLiteral("/suspend"), reasonBody(reason), context,
        std::move(callback), ifMatch);
}

void DirectoryCalls::unsuspendUser(
    const QString &address, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(
        userPath(address) + QStringLiteral("/unsuspend"), {}, context, std::move(callback), ifMatch);
}

void DirectoryCalls::deleteUser(
    const QString &address, int ifMatch, QObject *context, ApiClient::Callback callback) const
{
    m_client->remove(userPath(address), ifMatch, context, std::move(callback));
}

void DirectoryCalls::setQuota(const QString &address, qint64 quotaBytes, int ifMatch, QObject *context,
    ApiClient::Callback callback) const
{
    m_client->patch(userPath(address), quotaBody(quotaBytes), ifMatch, context, std::move(callback));
}

void DirectoryCalls::userOutbound(
    const QString &address, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(userPath(address) + QStringLiteral("/outbound"), {}, context, std::move(callback));
}

void DirectoryCalls::holdOutbound(
    const QString &address, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(userPath(address) + QStringLiteral("/outbound/hold"), {}, context, std::move(callback));
}

void DirectoryCalls::releaseOutbound(
    const QString &address, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(userPath(address) + QStringLiteral("/outbound/release"), {}, context, std::move(callback));
}

BulkOperation::Step DirectoryCalls::createUserStep(const QString &domain, const QJsonObject &user)
{
    return {"POST", domainUsersPath(domain), user, 0, user.value(QLatin1String("local_part")).toString()};
}

BulkOperation::Step DirectoryCalls::suspendUserStep(const QString &address, const QString &reason)
{
    return {"POST", userPath(address) + QStringLiteral("/suspend"), reasonBody(reason), 0, address};
}

BulkOperation::Step DirectoryCalls::unsuspendUserStep(const QString &address)
{
    return {"POST", userPath(address) + QStringLiteral("/unsuspend"), {}, 0, address};
}

BulkOperation::Step DirectoryCalls::deleteUserStep(const QString &address, int ifMatch)
{
    return {"DELETE", userPath(address), {}, ifMatch, address};
}

BulkOperation::Step DirectoryCalls::setQuotaStep(const QString &address, qint64 quotaBytes, int ifMatch)
{
    return {"PATCH", userPath(address), quotaBody(quotaBytes), ifMatch, address};
}

BulkOperation::Step DirectoryCalls::restoreUserStep(const QString &address)
{
    return {"POST", userPath(address) + QStringLiteral("/restore"), {}, 0, address};
}

} // namespace mailadmin::api
