#include "BulkOperation.h"

#include "ApiClient.h"

#include <QCoreApplication>

namespace mailadmin::api {

BulkOperation::BulkOperation(ApiClient *client, QList<Step> steps, QObject *parent)
    : QObject(parent), m_client(client), m_steps(std::move(steps))
{
    m_outcomes.resize(m_steps.size());
    for (int i = 0; i < m_steps.size(); ++i)
        m_outcomes[i].label = m_steps.at(i).label;
}

void BulkOperation::start()
{
    emit progress(0, int(m_steps.size()));
    next();
}

void BulkOperation::cancel()
{
    m_cancelled = true;
}

int BulkOperation::succeeded() const
{
    return int(std::count_if(m_outcomes.begin(), m_outcomes.end(), [](const Outcome &o) { return o.ok; }));
}

int BulkOperation::failed() const
{
    return int(std::count_if(
        m_outcomes.begin(), m_outcomes.end(), [](const Outcome &o) { return !o.ok && !o.skipped; }));
}

void BulkOperation::next()
{
    while (!m_cancelled && m_running < m_parallel && m_next < m_steps.size()) {
        const int index = m_next++;
        const Step &step = m_steps.at(index);
        ++m_running;
        auto done = [this, index](const ApiResult &result) {
            --m_running;
            ++m_done;
            Outcome &o = m_outcomes[index];
            o.ok = result.ok();
            if (!o.ok) {
                QStringList details;
                for (const FieldError &f : result.error.fields)
                    details << QStringLiteral("%1: %2").arg(f.field, f.message);
                o.message = details.isEmpty() ? result.error.message() : details.join(QStringLiteral("; "));
            }
            emit stepFinished(index, o.ok, o.message, result.json);
            emit progress(m_done, int(m_steps.size()));
            next();
        };
        if (step.method == "DELETE")
            m_client->remove(step.path, step.ifMatch, this, done);
        else if (step.method == "PATCH")
            m_client->patch(step.path, step.body, step.ifMatch, this, done);
        else
            m_client->post(step.path, step.body, this, done, step.ifMatch);
    }
    if (m_running == 0 && !m_finished && (m_cancelled || m_next >= m_steps.size())) {
        m_finished = true;
        for (int i = m_next; i < m_steps.size(); ++i) {
            m_outcomes[i].skipped = true;
            m_outcomes[i].message = QCoreApplication::translate("BulkOperation", "Not done: cancelled");
        }
        emit finished();
    }
}

} // namespace mailadmin::api
