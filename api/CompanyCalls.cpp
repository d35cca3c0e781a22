#include "CompanyCalls.h"

#include <QJsonObject>

namespace mailadmin::api {

QString CompanyCalls::path(qint64 id)
{
    return QStringLiteral("/companies/%1").arg(id);
}

QString CompanyCalls::listPath()
{
    return QStringLiteral("/companies");
}

QUrlQuery CompanyCalls::deletedQuery()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("deleted"), QStringLiteral("true"));
    return query;
}

QString CompanyCalls::overviewPath()
{
    return QStringLiteral("/operator/companies");
}

void CompanyCalls::get(qint64 id, QObject *context, ApiClient::Callback done) const
{
    m_client->get(path(id), {}, context, std::move(done));
}

void CompanyCalls::suspend(
    qint64 id, int version, const QString &reason, QObject *context, ApiClient::Callback done) const
{
    QJsonObject body;
    if (!reason.trimmed().isEmpty())
        body.insert(QStringLiteral("reason"), reason.trimmed());
    m_client->post(path(id) + QStringLiteral("/suspend"), body, context, std::move(done), version);
}

void CompanyCalls::resume(qint64 id, int version, QObject *context, ApiClient::Callback done) const
{
    m_client->post(path(id) + QStringLiteral("/resume"), {}, context, std::move(done), version);
}

void CompanyCalls::remove(qint64 id, int version, QObject *context, ApiClient::Callback done) const
{
    m_client->remove(path(id), version, context, std::move(done));
}

void CompanyCalls::restore(qint64 id, int version, QObject *context, ApiClient::Callback done) const
{
    m_client->post(path(id) + QStringLiteral("/restore"), {}, context, std::move(done), version);
}

} // namespace mailadmin::api
