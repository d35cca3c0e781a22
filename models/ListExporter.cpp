#include "ListExporter.h"

#include "ApiClient.h"
#include "Csv.h"
#include "PagedListModel.h"

#include <QJsonArray>

namespace mailadmin::models {

ListExporter::ListExporter(const PagedListModel *model, const QString &fileName, QObject *parent)
    : QObject(parent), m_model(model), m_file(fileName), m_query(model->currentQuery()), m_path(model->path())
{ }

void ListExporter::start()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        emit finished(tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return;
    }
    fetch();
}

void ListExporter::cancel()
{
    m_cancelled = true;
}

void ListExporter::fetch()
{
    if (m_cancelled) {
        m_file.remove();
        emit finished(tr("Export cancelled."));
        return;
    }
    QUrlQuery query = m_query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(m_written));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPage));
    m_model->apiClient()->get(m_path, query, this, [this](const api::ApiResult &result) {
        if (!result.ok()) {
            m_file.remove();
            emit finished(result.error.message());
            return;
        }
        m_total = qint64(result.json.value(QLatin1String("total")).toDouble());
        const QJsonArray items = result.json.value(QLatin1String("items")).toArray();
        // The header waits for the first page: the base model names the fields the server sends.
        if (m_written == 0) {
            m_header = m_model->exportHeader(items.isEmpty() ? QJsonObject() : items.first().toObject());
            m_file.write(csv::record(m_header));
        }
        for (const QJsonValue &v : items) {
            QStringList row = m_model->exportRow(v.toObject(), m_header);
            for (QString &field : row)
                field = csv::neutralizeFormula(field);
            m_file.write(csv::record(row));
        }
        m_written += items.size();
        emit progress(m_written, m_total);
        if (items.isEmpty() || m_written >= m_total) {
            m_file.close();
            emit finished(QString());
            return;
        }
        fetch();
    });
}

} // namespace mailadmin::models
