#include "CsvImportDialog.h"

#include "AppContext.h"
#include "BulkOperation.h"
#include "Csv.h"
#include "CsvImportRows.h"
#include "DirectoryCalls.h"
#include "FileDialog.h"
#include "Format.h"
#include "MessageBox.h"
#include "Schema.h"
#include "Validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mailadmin::ui {

const QStringList &CsvImportWidget::fields()
{
    return csvimport::fields();
}

CsvImportWidget::CsvImportWidget(AppContext *context, const QString &domain, QWidget *parent)
    : QWidget(parent), m_context(context), m_domain(domain)
{
    auto *layout = new QVBoxLayout(this);
    auto *chooser = new QPushButton(tr("Choose a &CSV file…"), this);
    chooser->setObjectName(QStringLiteral("chooseFileButton"));
    layout->addWidget(chooser, 0, Qt::AlignLeft);
    auto *mapBox = new QWidget(this);
    auto *mapLayout = new QFormLayout(mapBox);
    const QStringList titles = {tr("Mailbox name (required)"), tr("Display name"), tr("Type"), tr("Quota"),
        tr("Password"), tr("Forward to (separate with ;)"), tr("Aliases (separate with ;)"), tr("Notes")};
    for (int i = 0; i < fields().size(); ++i) {
        auto *box = new QComboBox(mapBox);
        box->setObjectName(QString(fields().at(i)).remove(QLatin1Char('_')) + QStringLiteral("ComboBox"));
        mapLayout->addRow(titles.at(i) + QLatin1Char(':'), box);
        m_maps << box;
        connect(box, &QComboBox::currentIndexChanged, this, &CsvImportWidget::validate);
    }
    layout->addWidget(mapBox);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("previewTableWidget"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    layout->addWidget(m_preview, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->hide();
    layout->addWidget(m_progress);
    auto *buttons = new QHBoxLayout;
    m_saveFailed = new QPushButton(tr("Save &failed rows…"), this);
    m_saveFailed->setObjectName(QStringLiteral("saveFailedButton"));
    m_cancel = new QPushButton(tr("Cancel import"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    buttons->addWidget(m_saveFailed);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_import);
    layout->addLayout(buttons);
    m_cancel->hide();
    m_import->setEnabled(false);
    m_saveFailed->setEnabled(false);
    connect(chooser, &QPushButton::clicked, this, [this] {
        const QString file
            = FileDialog::openFileName(this, tr("Import users"), tr("CSV files (*.csv);;All files (*)"));
        if (!file.isEmpty())
            loadFile(file);
    });
    connect(m_import, &QPushButton::clicked, this, &CsvImportWidget::startImport);
    connect(m_cancel, &QPushButton::clicked, this, &CsvImportWidget::cancel);
    connect(m_saveFailed, &QPushButton::clicked, this, [this] {
        const QString file = FileDialog::saveFileName(
            this, tr("Save failed rows"), QStringLiteral("failed-rows.csv"), tr("CSV files (*.csv)"));
        if (!file.isEmpty() && !saveFailedRows(file))
            MessageBox::warning(this, tr("Save failed rows"), tr("Cannot write %1.").arg(file));
    });
    m_summary->setText(tr("Choose a CSV file with a header row. Each row becomes a user in %1.").arg(domain));
}

bool CsvImportWidget::loadFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        return false;
    }
    if (file.size() > 64 * 1024 * 1024) {
        m_summary->setText(tr("The file is larger than 64 MB; split it into smaller files."));
        return false;
    }
    return loadData(file.readAll());
}

bool CsvImportWidget::loadData(const QByteArray &data)
{
    const csv::ParseResult parsed = csv::parse(data);
    if (!parsed.error.isEmpty()) {
        m_summary->setText(
            tr("The file is not valid CSV: %1 (line %2).").arg(parsed.error).arg(parsed.errorLine));
        return false;
    }
    if (parsed.rows.size() < 2) {
        m_summary->setText(tr("The file needs a header row and at least one row of data."));
        return false;
    }
    m_header = parsed.rows.first();
    m_rows = parsed.rows.mid(1);
    for (QComboBox *box : std::as_const(m_maps)) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(tr("(not imported)"), -1);
        for (int c = 0; c < m_header.size(); ++c)
            box->addItem(m_header.at(c), c);
    }
    guessMapping();
    validate();
    return true;
}

void CsvImportWidget::guessMapping()
{
    const QList<int> guessed = csvimport::guessMapping(m_header);
    for (qsizetype f = 0; f < guessed.size(); ++f) {
        if (guessed.at(f) >= 0) {
            const QSignalBlocker block(m_maps.at(f));
            m_maps.at(f)->setCurrentIndex(guessed.at(f) + 1);
        }
    }
}

int CsvImportWidget::mapping(const QString &field) const
{
    const qsizetype i = fields().indexOf(field);
    return i < 0 ? -1 : m_maps.at(i)->currentData().toInt();
}

void CsvImportWidget::setMapping(const QString &field, int column)
{
    const qsizetype i = fields().indexOf(field);
    if (i >= 0)
        m_maps.at(i)->setCurrentIndex(qMax(0, m_maps.at(i)->findData(column)));
}

QJsonObject CsvImportWidget::bodyFor(const QStringList &row, QStringList &problems) const
{
    QList<int> mapping;
    for (const QComboBox *box : m_maps)
        mapping << box->currentData().toInt();
    return csvimport::userBody(mapping, row, m_domain, problems);
}

void CsvImportWidget::validate()
{
    m_bodies.clear();
    m_reasons.clear();
    QStringList columns = {tr("Row"), tr("Check")};
    QList<int> shown;
    for (int f = 0; f < fields().size(); ++f) {
        if (m_maps.at(f)->currentData().toInt() >= 0) {
            columns << fields().at(f);
            shown << f;
        }
    }
    const int previewRows = int(qMin<qsizetype>(m_rows.size(), 500));
    m_preview->clear();
    m_preview->setColumnCount(int(columns.size()));
    m_preview->setHorizontalHeaderLabels(columns);
    m_preview->setRowCount(previewRows);
    // The same mailbox on several rows: the server would take one of them, in whatever order the requests
    // land, and refuse the others; which one was meant is for the admin to say.
    QHash<QString, QList<int>> rowsOf;
    for (int r = 0; r < m_rows.size(); ++r) {
        QStringList ignored;
        const QString local = bodyFor(m_rows.at(r), ignored).value(QLatin1String("local_part")).toString();
        if (!local.isEmpty())
            rowsOf[local.toLower()] << r;
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        QStringList problems;
        const QJsonObject body = bodyFor(m_rows.at(r), problems);
        const QList<int> same = rowsOf.value(body.value(QLatin1String("local_part")).toString().toLower());
        if (same.size() > 1) {
            QStringList others;
            for (int other : same)
                if (other != r)
                    others << QString::number(other + 2);
            problems << tr("the same mailbox as row %1").arg(others.join(QStringLiteral(", ")));
        }
        m_bodies << (problems.isEmpty() ? body : QJsonObject());
        m_reasons << problems.join(QStringLiteral("; "));
        if (r >= previewRows)
            continue;
        m_preview->setItem(r, 0, new QTableWidgetItem(QString::number(r + 2)));
        auto *check
            = new QTableWidgetItem(problems.isEmpty() ? tr("OK") : problems.join(QStringLiteral("; ")));
        check->setForeground(problems.isEmpty() ? QColor(0x26, 0x66, 0x2f) : QColor(0xa5, 0x1d, 0x2d));
        m_preview->setItem(r, 1, check);
        for (int i = 0; i < shown.size(); ++i) {
            const int column = m_maps.at(shown.at(i))->currentData().toInt();
            m_preview->setItem(r, 2 + i,
                new QTableWidgetItem(column < m_rows.at(r).size() ? m_rows.at(r).at(column) : QString()));
        }
    }
    m_preview->resizeColumnsToContents();
    const bool mapped = mapping(QStringLiteral("local_part")) >= 0;
    m_summary->setText(mapped ? tr("%1 rows ready to import, %2 with problems (they are skipped; save them "
                                   "to fix and import again).")
                                    .arg(validCount())
                                    .arg(invalidCount())
                              : tr("Map a column to the mailbox name to import."));
    m_import->setEnabled(mapped && validCount() > 0 && !isRunning());
    m_saveFailed->setEnabled(invalidCount() > 0);
}

int CsvImportWidget::validCount() const
{
    return int(
        std::count_if(m_bodies.begin(), m_bodies.end(), [](const QJsonObject &b) { return !b.isEmpty(); }));
}

int CsvImportWidget::invalidCount() const
{
    return int(m_bodies.size()) - validCount();
}

void CsvImportWidget::startImport()
{
    if (isRunning() || validCount() == 0)
        return;
    QList<api::BulkOperation::Step> steps;
    m_sentRows.clear();
    for (int r = 0; r < m_bodies.size(); ++r) {
        if (m_bodies.at(r).isEmpty())
            continue;
        steps.append(api::DirectoryCalls::createUserStep(m_domain, m_bodies.at(r)));
        m_sentRows << r;
    }
    m_operation = new api::BulkOperation(m_context->api(), steps, this);
    m_import->setEnabled(false);
    m_cancel->show();
    m_progress->show();
    m_progress->setMaximum(int(steps.size()));
    m_progress->setValue(0);
    connect(m_operation, &api::BulkOperation::progress, m_progress, &QProgressBar::setValue);
    connect(m_operation, &api::BulkOperation::stepFinished, this,
        [this](int index, bool ok, const QString &message) {
            const int row = m_sentRows.at(index);
            if (ok) {
                ++m_imported;
            } else {
                m_reasons[row] = message;
                m_bodies[row] = QJsonObject();
            }
            if (row < m_preview->rowCount() && m_preview->item(row, 1)) {
                QTableWidgetItem *check = m_preview->item(row, 1);
                check->setText(ok ? tr("Imported") : message);
                check->setForeground(ok ? QColor(0x26, 0x66, 0x2f) : QColor(0xa5, 0x1d, 0x2d));
            }
        });
    connect(m_operation, &api::BulkOperation::finished, this, [this] {
        int failed = 0;
        const auto &outcomes = m_operation->outcomes();
        for (int i = 0; i < outcomes.size(); ++i) {
            if (outcomes.at(i).skipped) {
                m_reasons[m_sentRows.at(i)] = outcomes.at(i).message;
                m_bodies[m_sentRows.at(i)] = QJsonObject();
            }
        }
        for (const QString &reason : std::as_const(m_reasons))
            failed += reason.isEmpty() ? 0 : 1;
        m_operation->deleteLater();
        m_operation = nullptr;
        m_cancel->hide();
        m_saveFailed->setEnabled(failed > 0);
        m_summary->setText(
            tr("Imported %1 users; %2 rows failed or were skipped.").arg(m_imported).arg(failed));
        emit importFinished(m_imported, failed);
    });
    m_operation->start();
}

void CsvImportWidget::cancel()
{
    if (m_operation)
        m_operation->cancel();
}

QByteArray CsvImportWidget::failedRowsCsv() const
{
    QByteArray out = csv::record(QStringList(m_header) << tr("reason"));
    for (int r = 0; r < m_rows.size(); ++r) {
        if (!m_reasons.value(r).isEmpty())
            out += csv::record(QStringList(m_rows.at(r)) << m_reasons.at(r));
    }
    return out;
}

bool CsvImportWidget::saveFailedRows(const QString &fileName) const
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(failedRowsCsv()) >= 0;
}

CsvImportDialog::CsvImportDialog(AppContext *context, const QString &domain, QWidget *parent)
    : QDialog(parent), m_widget(new CsvImportWidget(context, domain, this))
{
    setWindowTitle(tr("Import users into %1").arg(domain));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &CsvImportDialog::reject);
    layout->addWidget(buttons);
    resize(820, 640);
}

void CsvImportDialog::reject()
{
    if (m_widget->isRunning()) {
        m_widget->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace mailadmin::ui
