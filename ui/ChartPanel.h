#pragma once

#include <QFrame>

#include <functional>

class QAbstractItemModel;
class QTableView;

namespace mailadmin::ui {

// A chart with its title, optionally the table of the same model beside it, and export of the numbers
// (CSV) and the picture (PNG, SVG).
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    ChartPanel(const QString &title, QWidget *chart, QAbstractItemModel *table, bool showTable,
        QWidget *parent = nullptr);
    QWidget *chart() const { return m_chart; }
    QTableView *table() const { return m_table; }
    // Exact numbers for the CSV (defaults to the table as shown).
    void setCsvSource(std::function<QByteArray()> source) { m_csv = std::move(source); }
    // The lines an exported picture carries under its title (the scope, the date range), asked at export.
    void setCaptionSource(std::function<QStringList()> source) { m_caption = std::move(source); }
    bool exportCsv(const QString &fileName = QString());
    bool exportPng(const QString &fileName = QString());
    bool exportSvg(const QString &fileName = QString());
    QString title() const { return m_title; }

private:
    QString askFile(const QString &what, const QString &suffix, const QString &fileName);
    QString m_title;
    QWidget *m_chart;
    QTableView *m_table = nullptr;
    QAbstractItemModel *m_model;
    std::function<QByteArray()> m_csv;
    std::function<QStringList()> m_caption;
};

} // namespace mailadmin::ui
