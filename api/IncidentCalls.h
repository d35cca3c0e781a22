#pragma once

#include "ApiClient.h"

#include <QString>

namespace mailadmin::api {

// Typed calls on incidents (their updates, deliveries and affected mailboxes) and on the outage suggestions
// that can open one: the only place that knows their REST paths and bodies.
class IncidentCalls
{
public:
    enum class Decision
    {
        Confirm,
        Dismiss
    };

    explicit IncidentCalls(ApiClient *client) : m_client(client) { }

    static QString incidentsPath();
    static QString mailboxesPath(qint64 id);
    static QString impactPath(qint64 id);
    static QString deliveriesPath(qint64 id);
    static QString outageSuggestionsPath();

    // The latest `limit` incidents; an empty status lists them all.
    void listIncidents(
        const QString &status, int limit, QObject *context, ApiClient::Callback callback) const;
    void getIncident(qint64 id, QObject *context, ApiClient::Callback callback) const;
    // The notice the incident would send and whom it reaches, without opening it.
    void previewIncident(const QJsonObject &incident, QObject *context, ApiClient::Callback callback) const;
    void createIncident(const QJsonObject &incident, QObject *context, ApiClient::Callback callback) const;
    // Each answers with the incident as it now is.
    void postUpdate(qint64 id, const QString &body, QObject *context, ApiClient::Callback callback) const;
    void resolveIncident(
        qint64 id, const QString &note, QObject *context, ApiClient::Callback callback) const;
    void retryDelivery(qint64 id, qint64 deliveryId, QObject *context, ApiClient::Callback callback) const;

    // The answer holds the minutes the suggestion rests on under "points".
    void suggestionEvidence(qint64 id, QObject *context, ApiClient::Callback callback) const;
    // An empty note sends no note; a confirmed suggestion answers with the incident it opened.
    void decideSuggestion(qint64 id, Decision decision, const QString &note, QObject *context,
        ApiClient::Callback callback) const;

private:
    static QString incidentPath(qint64 id);

    ApiClient *m_client;
};

} // namespace mailadmin::api
