#include "OutageSuggestionsWidget.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "IncidentCalls.h"
#include "IncidentModels.h"
#include "ListPage.h"
#include "StatsModels.h"
#include "TimeSeriesChart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

OutageSuggestionsWidget::OutageSuggestionsWidget(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new models::OutageSuggestionModel(context->api(), this))
    , m_evidence(new models::SeriesModel(this))
{
    setObjectName(QStringLiteral("outageSuggestionsWidget"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Suggested by the outage detector</b> — seen only by operators; nobody is "
                                "notified until you confirm."),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);
    auto *row = new QHBoxLayout;
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("suggestionsTableView"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    ListPage::showSomeRows(m_table);
    row->addWidget(m_table, 2);

    m_evidence->setColumns({{QStringLiteral("ok"), tr("Successful logins")},
        {QStringLiteral("expected_ok"), tr("Successful, expected")},
        {QStringLiteral("ok_floor"), tr("Successful, lowest normal")},
        {QStringLiteral("failed"), tr("Failed logins")},
        {QStringLiteral("failed_ceiling"), tr("Failed, highest normal")},
        {QStringLiteral("anomalous"), tr("Anomalous")}});
    m_evidence->setGranularity(QStringLiteral("hour"));
    m_chart = new charts::TimeSeriesChart(this);
    m_chart->setObjectName(QStringLiteral("evidenceChart"));
    m_chart->setModel(m_evidence);
    m_chart->setKeys({QStringLiteral("ok"), QStringLiteral("failed"), QStringLiteral("failed_ceiling")});
    m_chart->setBand(QStringLiteral("ok_floor"), QStringLiteral("expected_ok"));
    m_chart->setMarkers(QStringLiteral("anomalous"), QStringLiteral("ok"));
    m_chart->setTitle(tr("Logins per three minutes, against the store's own baseline"));
    m_chart->setMinimumHeight(220);
    row->addWidget(m_chart, 3);
    layout->addLayout(row, 1);

    auto *buttons = new QHBoxLayout;
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("dismissNoteLineEdit"));
    m_note->setPlaceholderText(tr("Why dismiss (optional)"));
    m_note->setMaxLength(2000);
    m_confirm = new QPushButton(tr("&Confirm as incident"), this);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_dismiss = new QPushButton(tr("D&ismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissButton"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("suggestionMessageLabel"));
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_note, 1);
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_confirm);
    layout->addLayout(buttons);
    connect(m_confirm, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { decide(false); });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &i) {
            if (i.isValid())
                showSuggestion(i.row());
        });
    connect(m_model, &models::PagedListModel::firstPageLoaded, this, [this] {
        ListPage::fitColumns(m_table);
        if (m_model->loadedCount() > 0)
            m_table->selectRow(0);
    });
    updateButtons();
    m_model->reload();
}

void OutageSuggestionsWidget::reload()
{
    m_model->reload();
}

void OutageSuggestionsWidget::showSuggestion(int row)
{
    m_suggestion = m_model->objectAt(row);
    m_current = qint64(m_suggestion.value(QLatin1String("id")).toDouble());
    m_message->clear();
    updateButtons();
    loadEvidence(m_current);
}

void OutageSuggestionsWidget::updateButtons()
{
    const bool open = m_current > 0
        && m_suggestion.value(QLatin1String("status")).toString() == QLatin1String("suggested");
    m_confirm->setEnabled(open);
    m_dismiss->setEnabled(open);
    m_note->setEnabled(open);
}

void OutageSuggestionsWidget::loadEvidence(qint64 id)
{
    api::IncidentCalls(m_context->api()).suggestionEvidence(id, this, [this, id](const api::ApiResult &r) {
        if (!r.ok() || id != m_current)
            return;
        // Anomalous minutes become 1 so that the chart marks them.
        QJsonArray points;
        for (const QJsonValue &v : r.json.value(QLatin1String("points")).toArray()) {
            QJsonObject p = v.toObject();
            p.insert(QStringLiteral("anomalous"), p.value(QLatin1String("anomalous")).toBool() ? 1 : 0);
            points.append(p);
        }
        m_evidence->setRows(points, QStringLiteral("at"));
    });
}

void OutageSuggestionsWidget::decide(bool confirm)
{
    if (m_current <= 0)
        return;
    const qint64 id = m_current;
    m_confirm->setEnabled(false);
    m_dismiss->setEnabled(false);
    const auto decision
        = confirm ? api::IncidentCalls::Decision::Confirm : api::IncidentCalls::Decision::Dismiss;
    api::IncidentCalls(m_context->api())
        .decideSuggestion(id, decision, confirm ? QString() : m_note->text().trimmed(), this,
            [this, id, confirm](const api::ApiResult &r) {
                if (!r.ok()) {
                    m_message->setText(r.error.message());
                    updateButtons();
                    return;
                }
                m_suggestion = r.json;
                updateButtons();
                m_note->clear();
                m_message->setText(confirm
                        ? tr("Incident %1 opened.")
                              .arg(qint64(r.json.value(QLatin1String("incident_id")).toDouble()))
                        : tr("Dismissed."));
                if (confirm)
                    emit confirmed(qint64(r.json.value(QLatin1String("incident_id")).toDouble()));
                Q_UNUSED(id);
                m_model->reload();
            });
}

} // namespace mailadmin::ui
