#pragma once

#include "ApiClient.h"

#include <QString>
#include <QUrlQuery>

namespace mailadmin::api {

// Typed calls for a company's life cycle: suspend (with a reason), resume, soft delete and restore, the
// list of deleted companies, and the operator's list of every company with its figures. Each change
// answers with the company as the server now has it.
class CompanyCalls
{
public:
    explicit CompanyCalls(ApiClient *client) : m_client(client) { }

    static QString path(qint64 id);
    static QString listPath();
    // The fixed query of the deleted companies' list.
    static QUrlQuery deletedQuery();
    // The operator's dashboard list: one row per live company with its mailboxes, storage, alerts and
    // incidents.
    static QString overviewPath();

    void get(qint64 id, QObject *context, ApiClient::Callback done) const;

    void suspend(
        qint64 id, int version, const QString &reason, QObject *context, ApiClient::Callback done) const;
    void resume(qint64 id, int version, QObject *context, ApiClient::Callback done) const;
    void remove(qint64 id, int version, QObject *context, ApiClient::Callback done) const;
    void restore(qint64 id, int version, QObject *context, ApiClient::Callback done) const;

private:
    ApiClient *m_client;
};

} // namespace mailadmin::api
