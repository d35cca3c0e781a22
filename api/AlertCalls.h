#pragma once

#include "ApiClient.h"

#include <QList>
#include <QString>

namespace mailadmin::api {

// Typed calls on outbound alerts: the only place that knows their REST paths and bodies.
class AlertCalls
{
public:
    enum class Transition
    {
        Acknowledge,
        Resolve
    };

    explicit AlertCalls(ApiClient *client) : m_client(client) { }

    static QString alertsPath();
    // One row per episode: a subject's alerts in consecutive hours or days.
    static QString episodesPath();
    // An empty note sends no note.
    void transitionAlert(qint64 id, Transition transition, const QString &note, QObject *context,
        ApiClient::Callback callback) const;
    // All of `ids` in one request and one transaction on the server: all change, or none (the error says
    // which alert stopped it).
    void transitionAlerts(const QList<qint64> &ids, Transition transition, const QString &note,
        QObject *context, ApiClient::Callback callback) const;

private:
    ApiClient *m_client;
};

} // namespace mailadmin::api
