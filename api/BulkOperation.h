#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace mailadmin::api {

class ApiClient;

// Runs many requests (a bulk action, a CSV import) a few at a time, reports progress, can be cancelled,
// and keeps one outcome per item for the final report.
class BulkOperation : public QObject
{
    Q_OBJECT
public:
    struct Step
    {
        QByteArray method; // POST, PATCH, DELETE
        QString path;
        QJsonObject body;
        int ifMatch = 0;
        QString label; // what the report calls this item
    };
    struct Outcome
    {
        QString label;
        bool ok = false;
        bool skipped = false; // not sent because of cancel
        QString message;
    };

    BulkOperation(ApiClient *client, QList<Step> steps, QObject *parent = nullptr);
    void setParallel(int count) { m_parallel = qMax(1, count); }
    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    const QList<Outcome> &outcomes() const { return m_outcomes; }
    int succeeded() const;
    int failed() const;

signals:
    void progress(int done, int total);
    void stepFinished(int index, bool ok, const QString &message, const QJsonObject &answer);
    void finished();

private:
    void next();

    ApiClient *m_client;
    QList<Step> m_steps;
    QList<Outcome> m_outcomes;
    int m_next = 0;
    int m_running = 0;
    int m_done = 0;
    int m_parallel = 4;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace mailadmin::api
