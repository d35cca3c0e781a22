#include "ListPage.h"

#include "AppContext.h"
#include "FileDialog.h"
#include "ListExporter.h"
#include "MessageBox.h"
#include "PageTitle.h"
#include "PagedListModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mailadmin::ui {

ListPage::ListPage(AppContext *context, models::PagedListModel *model, const QString &title, QWidget *parent)
    : QWidget(parent), m_context(context), m_model(model)
{
    m_layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    m_title = makePageTitle(title, this);
    head->addWidget(m_title);
    head->addStretch(1);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("totalLabel"));
    head->addWidget(m_total);
    m_layout->addLayout(head);

    m_filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(tr("Search (a prefix; * for any text)"));
    m_search->setClearButtonEnabled(true);
    m_filters->addWidget(m_search, 1);
    m_layout->addLayout(m_filters);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("tableView"));
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // The header starts on the model's own order, so that enabling sorting asks for nothing (Qt's default
    // indicator would ask for the first column descending); a click then sorts on the server, and a column
    // the server cannot sort by keeps the order.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicator(model->sortColumn(), model->sortOrder());
    m_table->setSortingEnabled(true);
    header->setSortIndicatorShown(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        if (m_model->isSortable(column))
            return;
        const QSignalBlocker block(header);
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, header] {
        if (header->sortIndicatorSection() != m_model->sortColumn()
            || header->sortIndicatorOrder() != m_model->sortOrder()) {
            const QSignalBlocker block(header);
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });
    header->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_layout->addWidget(m_table, 1);

    m_buttons = new QHBoxLayout;
    m_buttons->addStretch(1);
    m_layout->addLayout(m_buttons);
    QPushButton *exportButton = addButton(tr("E&xport CSV…"), QStringLiteral("exportButton"));
    connect(exportButton, &QPushButton::clicked, this, &ListPage::exportCsv);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text().trimmed()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        m_model->setSearch(m_search->text().trimmed());
    });
    connect(m_model, &models::PagedListModel::totalChanged, this, &ListPage::updateTotal);
    connect(m_model, &models::PagedListModel::loadingChanged, this, &ListPage::updateTotal);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ListPage::selectionChanged);
    connect(m_model, &models::PagedListModel::firstPageLoaded, this, [this] { fitColumns(m_table); });
    connect(m_model, &models::PagedListModel::loadFailed, this, [this](const api::ApiError &e) {
        if (!e.isConnectivity() && e.status != 401)
            m_total->setText(e.message());
    });
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ListPage::selectionChanged);
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex &index) { emit activated(index.row()); });
    updateTotal();
}

QPushButton *ListPage::addButton(const QString &text, const QString &objectName, const QString &action)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_buttons->addWidget(button);
    if (!action.isEmpty() && !m_context->can(action))
        button->hide();
    return button;
}

void ListPage::fitColumns(QTableView *table)
{
    QHeaderView *header = table->horizontalHeader();
    const int count = header->count();
    bool chosen = false;
    for (int c = 0; c < count; ++c)
        chosen = chosen || header->sectionResizeMode(c) == QHeaderView::Stretch;
    table->resizeColumnsToContents();
    int widest = -1;
    for (int c = 0; c < count; ++c) {
        if (header->sectionResizeMode(c) == QHeaderView::Stretch)
            continue;
        table->setColumnWidth(c, qMin(table->columnWidth(c) + 16, 360));
        if (!header->isSectionHidden(c) && (widest < 0 || table->columnWidth(c) > table->columnWidth(widest)))
            widest = c;
    }
    if (chosen || widest < 0)
        return;
    header->setStretchLastSection(false);
    header->setSectionResizeMode(widest, QHeaderView::Stretch);
}

void ListPage::showSomeRows(QTableView *table, int rows)
{
    table->setMinimumHeight(table->horizontalHeader()->sizeHint().height()
        + rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth()
        + table->horizontalScrollBar()->sizeHint().height());
}

void ListPage::updateTotal()
{
    const qint64 total = m_model->total();
    QString text = tr("%1 of %2").arg(QLocale().toString(m_model->loadedCount()), QLocale().toString(total));
    if (m_model->isLoading())
        text += tr(" · loading…");
    m_total->setText(text);
}

QList<int> ListPage::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ListPage::selectionChanged()
{
    const bool any = !selectedRows().isEmpty();
    for (QPushButton *b : std::as_const(m_needSelection))
        b->setEnabled(any);
}

void ListPage::setTitle(const QString &title)
{
    m_title->setText(title);
}

void ListPage::refresh()
{
    m_model->reload();
}

void ListPage::exportCsv()
{
    const QString file = FileDialog::saveFileName(this, tr("Export to CSV"),
        m_title->text().toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".csv"),
        tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    auto *exporter = new models::ListExporter(m_model, file, this);
    auto *progress = new QProgressDialog(tr("Exporting…"), tr("Cancel"), 0, 100, this);
    progress->setObjectName(QStringLiteral("exportProgressDialog"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(progress, &QProgressDialog::canceled, exporter, &models::ListExporter::cancel);
    connect(exporter, &models::ListExporter::progress, progress, [progress](qint64 written, qint64 total) {
        progress->setMaximum(int(qMax<qint64>(1, total)));
        progress->setValue(int(written));
    });
    connect(exporter, &models::ListExporter::finished, this,
        [this, exporter, progress, file](const QString &error) {
            progress->deleteLater();
            exporter->deleteLater();
            if (!error.isEmpty())
                MessageBox::warning(this, tr("Export"), error);
            else
                emit m_context->showStatus(
                    tr("Exported %n row(s) to %1", nullptr, int(exporter->written())).arg(file));
        });
    exporter->start();
}

} // namespace mailadmin::ui
