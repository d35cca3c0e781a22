#include "BulkDialog.h"

#include "BulkOperation.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mailadmin::ui {

BulkWidget::BulkWidget(api::BulkOperation *operation, QWidget *parent)
    : QWidget(parent), m_operation(operation)
{
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    layout->addWidget(m_progress);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(m_cancel, 0, Qt::AlignRight);
    m_report = new QTableWidget(this);
    m_report->setObjectName(QStringLiteral("reportTableWidget"));
    m_report->setColumnCount(3);
    m_report->setHorizontalHeaderLabels({tr("Item"), tr("Result"), tr("Reason")});
    m_report->horizontalHeader()->setStretchLastSection(true);
    m_report->verticalHeader()->hide();
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_report->hide();
    layout->addWidget(m_report, 1);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_operation->cancel();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling after the requests already sent…"));
    });
    connect(operation, &api::BulkOperation::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
        m_status->setText(tr("%1 of %2 done").arg(done).arg(total));
    });
    connect(operation, &api::BulkOperation::finished, this, &BulkWidget::showReport);
}

void BulkWidget::showReport()
{
    m_cancel->hide();
    const auto &outcomes = m_operation->outcomes();
    const int skipped
        = int(std::count_if(outcomes.begin(), outcomes.end(), [](const auto &o) { return o.skipped; }));
    m_status->setText(tr("%1 succeeded, %2 failed, %3 not done.")
                          .arg(m_operation->succeeded())
                          .arg(m_operation->failed())
                          .arg(skipped));
    m_report->setRowCount(int(outcomes.size()));
    for (int i = 0; i < outcomes.size(); ++i) {
        const auto &o = outcomes.at(i);
        m_report->setItem(i, 0, new QTableWidgetItem(o.label));
        m_report->setItem(i, 1,
            new QTableWidgetItem(o.ok ? tr("Done")
                    : o.skipped       ? tr("Skipped")
                                      : tr("Failed")));
        m_report->setItem(i, 2, new QTableWidgetItem(o.message));
    }
    m_report->resizeColumnsToContents();
    m_report->show();
    emit done();
}

BulkDialog::BulkDialog(api::BulkOperation *operation, const QString &title, QWidget *parent)
    : QDialog(parent), m_widget(new BulkWidget(operation, this))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setEnabled(false);
    connect(m_widget, &BulkWidget::done, buttons, [buttons] { buttons->setEnabled(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(620, 420);
}

} // namespace mailadmin::ui
