#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QStringList>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace mailadmin::api {
class BulkOperation;
}

namespace mailadmin::ui {

class AppContext;

// Imports users from a CSV file: columns are mapped to fields (guessed from the header), every row is
// checked with the shared field rules and previewed, valid rows are created with progress and cancel, and
// the rows that failed can be saved as CSV with the reason.
class CsvImportWidget : public QWidget
{
    Q_OBJECT
public:
    CsvImportWidget(AppContext *context, const QString &domain, QWidget *parent = nullptr);

    // Reads and parses the file; false with a message when it cannot.
    bool loadFile(const QString &fileName);
    bool loadData(const QByteArray &data);
    // The CSV column mapped to a field, or -1.
    int mapping(const QString &field) const;
    void setMapping(const QString &field, int column);
    // Rows that pass the field rules now, and their bodies.
    int validCount() const;
    int invalidCount() const;
    void startImport();
    void cancel();
    bool isRunning() const { return m_operation != nullptr; }
    int importedCount() const { return m_imported; }
    // Failed rows (invalid or refused by the server) as CSV: the original columns and a reason.
    QByteArray failedRowsCsv() const;
    bool saveFailedRows(const QString &fileName) const;
    QTableWidget *preview() const { return m_preview; }

    static const QStringList &fields();

signals:
    void importFinished(int imported, int failed);

private:
    void guessMapping();
    void validate();
    QJsonObject bodyFor(const QStringList &row, QStringList &problems) const;

    AppContext *m_context;
    QString m_domain;
    QStringList m_header;
    QList<QStringList> m_rows;
    QList<QComboBox *> m_maps;
    QList<QJsonObject> m_bodies; // per row; empty when invalid
    QStringList m_reasons; // per row
    QTableWidget *m_preview;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_import;
    QPushButton *m_cancel;
    QPushButton *m_saveFailed;
    api::BulkOperation *m_operation = nullptr;
    QList<int> m_sentRows; // step index -> row
    int m_imported = 0;
};

class CsvImportDialog : public QDialog
{
    Q_OBJECT
public:
    CsvImportDialog(AppContext *context, const QString &domain, QWidget *parent = nullptr);
    CsvImportWidget *widget() const { return m_widget; }
    void reject() override;

private:
    CsvImportWidget *m_widget;
};

} // namespace mailadmin::ui
