#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace mailadmin::api {
class BulkOperation;
}

namespace mailadmin::ui {

// Progress of a bulk operation with Cancel, then a per-item report.
class BulkWidget : public QWidget
{
    Q_OBJECT
public:
    BulkWidget(api::BulkOperation *operation, QWidget *parent = nullptr);
    QTableWidget *report() const { return m_report; }
    QPushButton *cancelButton() const { return m_cancel; }

signals:
    void done();

private:
    void showReport();

    api::BulkOperation *m_operation;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTableWidget *m_report;
};

class BulkDialog : public QDialog
{
    Q_OBJECT
public:
    BulkDialog(api::BulkOperation *operation, const QString &title, QWidget *parent = nullptr);
    BulkWidget *widget() const { return m_widget; }

private:
    BulkWidget *m_widget;
};

} // namespace mailadmin::ui
