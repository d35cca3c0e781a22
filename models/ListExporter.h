#pragma once

#include "ApiError.h"

#include <QFile>
#include <QObject>
#include <QUrlQuery>

namespace mailadmin::models {

class PagedListModel;

// Writes every row of a server list, with the list's current search and filters, to an RFC 4180 CSV file.
// Pages are fetched and written one after another, so memory stays flat however long the list is.
class ListExporter : public QObject
{
    Q_OBJECT
public:
    ListExporter(const PagedListModel *model, const QString &fileName, QObject *parent = nullptr);

    void start();
    void cancel();
    qint64 written() const { return m_written; }
    qint64 total() const { return m_total; }

signals:
    void progress(qint64 written, qint64 total);
    // An empty error means the file is complete; on failure or cancel the partial file is removed.
    void finished(const QString &error);

private:
    void fetch();

    const PagedListModel *m_model;
    QFile m_file;
    QUrlQuery m_query;
    QString m_path;
    QStringList m_header;
    qint64 m_written = 0;
    qint64 m_total = -1;
    bool m_cancelled = false;
    static constexpr int kPage = 1000;
};

} // namespace mailadmin::models
