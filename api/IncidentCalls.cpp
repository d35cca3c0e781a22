#include "IncidentCalls.h"

namespace mailadmin::api {

QString IncidentCalls::incidentsPath()
{
    return QStringLiteral("/incidents");
}

QString IncidentCalls::incidentPath(qint64 id)
{
    return incidentsPath() + QStringLiteral("/%1").arg(id);
}

QString IncidentCalls::mailboxesPath(qint64 id)
{
    return incidentPath(id) + QStringLiteral("/mailboxes");
}

QString IncidentCalls::impactPath(qint64 id)
{
    return incidentPath(id) + QStringLiteral("/impact");
}

QString IncidentCalls::deliveriesPath(qint64 id)
{
    return incidentPath(id) + QStringLiteral("/deliveries");
}

QString IncidentCalls::outageSuggestionsPath()
{
    return QStringLiteral("/outage-suggestions");
}

void IncidentCalls::listIncidents(
    const QString &status, int limit, QObject *context, ApiClient::Callback callback) const
{
    QUrlQuery query;
    if (!status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), status);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    m_client->get(incidentsPath(), query, context, std::move(callback));
}

void IncidentCalls::getIncident(qint64 id, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(incidentPath(id), {}, context, std::move(callback));
}

void IncidentCalls::previewIncident(
    const QJsonObject &incident, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(incidentsPath() + QStringLiteral("/preview"), incident, context, std::move(callback));
}

void IncidentCalls::createIncident(
    const QJsonObject &incident, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(incidentsPath(), incident, context, std::move(callback));
}

void IncidentCalls::postUpdate(
    qint64 id, const QString &body, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(incidentPath(id) + QStringLiteral("/updates"),
        QJsonObject {{QStringLiteral("body"), body}}, context, std::move(callback));
}

void IncidentCalls::resolveIncident(
    qint64 id, const QString &note, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(incidentPath(id) + QStringLiteral("/resolve"),
        QJsonObject {{QStringLiteral("note"), note}}, context, std::move(callback));
}

void IncidentCalls::retryDelivery(
    qint64 id, qint64 deliveryId, QObject *context, ApiClient::Callback callback) const
{
    m_client->post(
        deliveriesPath(id) + QStringLiteral("/%1/retry").arg(deliveryId), {}, context, std::move(callback));
}

void IncidentCalls::suggestionEvidence(qint64 id, QObject *context, ApiClient::Callback callback) const
{
    m_client->get(
        outageSuggestionsPath() + QStringLiteral("/%1/evidence").arg(id), {}, context, std::move(callback));
}

void IncidentCalls::decideSuggestion(
    qint64 id, Decision decision, const QString &note, QObject *context, ApiClient::Callback callback) const
{
    const QString action
        = decision == Decision::Confirm ? QStringLiteral("confirm") : QStringLiteral("dismiss");
    QJsonObject body;
    if (!note.isEmpty())
        body.insert(QStringLiteral("note"), note);
    m_client->post(outageSuggestionsPath() + QStringLiteral("/%1/%2").arg(id).arg(action), body, context,
        std::move(callback));
}

} // namespace mailadmin::api
