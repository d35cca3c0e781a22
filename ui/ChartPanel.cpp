#include "ChartPanel.h"

#include "CaptionedExport.h"
#include "ChartExport.h"
#include "FileDialog.h"
#include "MessageBox.h"
#include "StatsPageHelpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

ChartPanel::ChartPanel(
    const QString &title, QWidget *chart, QAbstractItemModel *table, bool showTable, QWidget *parent)
    : QFrame(parent), m_title(title), m_chart(chart), m_model(table)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    head->addWidget(label, 1);
    const auto button = [&](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        head->addWidget(b);
        return b;
    };
    if (table) {
        QPushButton *csv
            = button(tr("CSV…"), QStringLiteral("exportCsvButton"), tr("Save these numbers as CSV"));
        connect(csv, &QPushButton::clicked, this, [this] { exportCsv(); });
    }
    if (chart) {
        QPushButton *png
            = button(tr("PNG…"), QStringLiteral("exportPngButton"), tr("Save the chart as a PNG picture"));
        QPushButton *svg
            = button(tr("SVG…"), QStringLiteral("exportSvgButton"), tr("Save the chart as an SVG drawing"));
        connect(png, &QPushButton::clicked, this, [this] { exportPng(); });
        connect(svg, &QPushButton::clicked, this, [this] { exportSvg(); });
    }
    layout->addLayout(head);
    auto *body = new QSplitter(Qt::Horizontal, this);
    if (chart)
        body->addWidget(chart);
    if (table) {
        m_table = stats::makeTable(table, body);
        m_table->setObjectName(QStringLiteral("panelTableView"));
        body->addWidget(m_table);
        m_table->setVisible(showTable || !chart);
    }
    if (chart && m_table) {
        body->setStretchFactor(0, 3);
        body->setStretchFactor(1, 2);
        body->setSizes({640, 420});
        m_table->setMinimumWidth(200);
    }
    layout->addWidget(body, 1);
}

QString ChartPanel::askFile(const QString &what, const QString &suffix, const QString &fileName)
{
    if (!fileName.isEmpty())
        return fileName;
    QString suggested = m_title.toLower();
    suggested.replace(QLatin1Char(' '), QLatin1Char('-'));
    return FileDialog::saveFileName(
        this, tr("Save %1").arg(what), suggested + suffix, tr("%1 files (*%2)").arg(what, suffix));
}

bool ChartPanel::exportCsv(const QString &fileName)
{
    const QString file = askFile(QStringLiteral("CSV"), QStringLiteral(".csv"), fileName);
    if (file.isEmpty() || !m_model)
        return false;
    const QByteArray data = m_csv ? m_csv() : charts::exporting::tableCsv(m_model);
    if (!charts::exporting::saveBytes(data, file)) {
        MessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(file));
        return false;
    }
    return true;
}

bool ChartPanel::exportPng(const QString &fileName)
{
    const QString file = askFile(QStringLiteral("PNG"), QStringLiteral(".png"), fileName);
    if (file.isEmpty() || !m_chart)
        return false;
    if (!charts::exporting::savePng(m_chart, file, {m_title, m_caption ? m_caption() : QStringList()})) {
        MessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(file));
        return false;
    }
    return true;
}

bool ChartPanel::exportSvg(const QString &fileName)
{
    const QString file = askFile(QStringLiteral("SVG"), QStringLiteral(".svg"), fileName);
    if (file.isEmpty() || !m_chart)
        return false;
    if (!charts::exporting::saveSvg(m_chart, file, {m_title, m_caption ? m_caption() : QStringList()})) {
        MessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(file));
        return false;
    }
    return true;
}

} // namespace mailadmin::ui
