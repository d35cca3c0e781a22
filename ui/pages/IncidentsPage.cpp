#include "IncidentsPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "Format.h"
#include "IncidentCalls.h"
#include "IncidentComposerDialog.h"
#include "IncidentModels.h"
#include "MessageBox.h"
#include "OutageSuggestionsWidget.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mailadmin::ui {

IncidentsPage::IncidentsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::IncidentListModel(context->api()), tr("Incidents"), parent)
    , m_incidents(static_cast<models::IncidentListModel *>(model()))
    , m_mailboxes(new models::AffectedMailboxModel(context->api(), this))
    , m_impact(new models::ImpactListModel(context->api(), this))
    , m_deliveries(new models::NoticeDeliveryModel(context->api(), this))
{
    setObjectName(QStringLiteral("incidentsPage"));
    m_incidents->setParent(this);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusComboBox"));
    m_status->addItem(tr("All"), QString());
    m_status->addItem(tr("Open and scheduled"), QStringLiteral("current"));
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Scheduled"), QStringLiteral("scheduled"));
    m_status->addItem(tr("Resolved"), QStringLiteral("resolved"));
    auto *statusLabel = new QLabel(tr("S&how:"), this);
    statusLabel->setBuddy(m_status);
    filterLayout()->addWidget(statusLabel);
    filterLayout()->addWidget(m_status);
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_incidents->setFilter(QStringLiteral("status"), m_status->currentData().toString()); });

    const bool canWrite = context->can(QStringLiteral("incident.write"));
    QPushButton *compose = addButton(
        tr("&New incident…"), QStringLiteral("newIncidentButton"), QStringLiteral("incident.write"));
    m_update = addButton(
        tr("Post &update…"), QStringLiteral("postUpdateButton"), QStringLiteral("incident.write"));
    m_resolve = addButton(tr("&Resolve…"), QStringLiteral("resolveButton"), QStringLiteral("incident.write"));
    connect(compose, &QPushButton::clicked, this, &IncidentsPage::openComposer);
    connect(m_update, &QPushButton::clicked, this, &IncidentsPage::postUpdate);
    connect(m_resolve, &QPushButton::clicked, this, &IncidentsPage::resolve);
    m_update->setEnabled(false);
    m_resolve->setEnabled(false);

    // The incident below the list.
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(tr("Select an incident to see its timeline and impact."), detail);
    m_summary->setObjectName(QStringLiteral("impactSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    detailLayout->addWidget(m_summary);
    m_tabs = new QTabWidget(detail);
    m_tabs->setObjectName(QStringLiteral("incidentTabWidget"));
    m_timeline = new QTextBrowser(m_tabs);
    m_timeline->setObjectName(QStringLiteral("timelineBrowser"));
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    auto *mailboxes = new ListPage(context, m_mailboxes, tr("Affected mailboxes"), m_tabs);
    mailboxes->setObjectName(QStringLiteral("affectedMailboxesList"));
    ListPage::showSomeRows(mailboxes->table(), 4);
    m_tabs->addTab(mailboxes, tr("Affected &mailboxes"));
    if (context->session() && context->can(QStringLiteral("incident.write"))) {
        auto *impact = new ListPage(context, m_impact, tr("Affected companies"), m_tabs);
        impact->setObjectName(QStringLiteral("affectedCompaniesList"));
        m_tabs->addTab(impact, tr("Affected &companies"));
    }
    if (context->can(QStringLiteral("contact.read"))) {
        m_deliveryList = new ListPage(context, m_deliveries, tr("Notices sent"), m_tabs);
        m_deliveryList->setObjectName(QStringLiteral("deliveriesList"));
        m_deliveryList->searchEdit()->hide();
        QPushButton *retry = m_deliveryList->addButton(
            tr("Send &again"), QStringLiteral("retryDeliveryButton"), QStringLiteral("incident.write"));
        connect(retry, &QPushButton::clicked, this, &IncidentsPage::retryDelivery);
        m_tabs->addTab(m_deliveryList, tr("Not&ices"));
    }
    detailLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    pageLayout()->removeWidget(table());
    splitter->addWidget(table());
    splitter->addWidget(detail);
    splitter->setStretchFactor(1, 2);
    // Operators also see what the outage detector suggests, above the incidents.
    if (context->session() && canWrite) {
        m_suggestions = new OutageSuggestionsWidget(context, splitter);
        splitter->insertWidget(0, m_suggestions);
        connect(m_suggestions, &OutageSuggestionsWidget::confirmed, this, [this](qint64 id) {
            m_incidents->reload();
            load(id);
        });
    }
    pageLayout()->insertWidget(2, splitter, 1);

    connect(this, &ListPage::activated, this,
        [this](int row) { load(qint64(m_incidents->objectAt(row).value(QLatin1String("id")).toDouble())); });
    connect(table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &i) {
            if (i.isValid())
                load(qint64(m_incidents->objectAt(i.row()).value(QLatin1String("id")).toDouble()));
        });
    connect(m_incidents, &models::PagedListModel::firstPageLoaded, this, [this] {
        if (m_current == 0 && m_incidents->loadedCount() > 0)
            table()->selectRow(0);
    });
}

void IncidentsPage::showIncident(qint64 id)
{
    const int row = m_incidents->rowOfKey(QString::number(id));
    if (row >= 0)
        table()->selectRow(row);
    load(id);
}

QString IncidentsPage::impactText() const
{
    return m_summary->text();
}

void IncidentsPage::load(qint64 id)
{
    if (id <= 0)
        return;
    m_current = id;
    m_mailboxes->setIncident(id);
    m_impact->setIncident(id);
    m_deliveries->setIncident(id);
    api::IncidentCalls(context()->api()).getIncident(id, this, [this, id](const api::ApiResult &r) {
        if (!r.ok() || id != m_current)
            return;
        render(r.json);
    });
}

void IncidentsPage::render(const QJsonObject &incident)
{
    m_incident = incident;
    const QString status = incident.value(QLatin1String("status")).toString();
    const bool open = status != QLatin1String("resolved");
    m_update->setEnabled(open);
    m_resolve->setEnabled(open);
    const QString kind
        = models::IncidentListModel::kindText(incident.value(QLatin1String("kind")).toString());
    QString impact;
    if (incident.contains(QLatin1String("your_impact"))) {
        const QJsonObject mine = incident.value(QLatin1String("your_impact")).toObject();
        impact = tr("<b>%1 of your %2 mailboxes are affected.</b>")
                     .arg(QLocale().toString(qint64(mine.value(QLatin1String("mailboxes")).toDouble())),
                         QLocale().toString(qint64(mine.value(QLatin1String("total")).toDouble())));
    } else {
        impact = tr("<b>%1 mailboxes in %2 companies are affected.</b>")
                     .arg(QLocale().toString(
                              qint64(incident.value(QLatin1String("affected_mailboxes")).toDouble())),
                         QLocale().toString(
                             qint64(incident.value(QLatin1String("affected_companies")).toDouble())));
    }
    const QString services
        = format::services(incident.value(QLatin1String("services")).toVariant().toStringList());
    const QString end = incident.value(QLatin1String("expected_end_at")).isString()
        ? format::time(incident.value(QLatin1String("expected_end_at")).toString())
        : tr("not known yet");
    m_summary->setText(
        tr("<span style='font-size:large'><b>%1</b>: %2</span> (%3, %4)<br>%5<br>Services: %6 · "
           "Starts %7 · Expected end %8")
            .arg(kind.toHtmlEscaped(), incident.value(QLatin1String("title")).toString().toHtmlEscaped(),
                models::IncidentListModel::severityText(incident.value(QLatin1String("severity")).toString()),
                models::IncidentListModel::statusText(status), impact, services.toHtmlEscaped(),
                format::time(incident.value(QLatin1String("starts_at")).toString()), end));
    QString html;
    const QJsonArray updates = incident.value(QLatin1String("updates")).toArray();
    for (qsizetype i = updates.size() - 1; i >= 0; --i) {
        const QJsonObject u = updates.at(i).toObject();
        html += QStringLiteral("<p><b>%1</b> · %2 · <i>%3</i><br>%4</p>")
                    .arg(format::time(u.value(QLatin1String("at")).toString()),
                        u.value(QLatin1String("kind")).toString().toHtmlEscaped(),
                        u.value(QLatin1String("author")).toString().toHtmlEscaped(),
                        u.value(QLatin1String("body"))
                            .toString()
                            .toHtmlEscaped()
                            .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    m_timeline->setHtml(html);
}

void IncidentsPage::openComposer()
{
    IncidentComposerDialog dialog(context(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_current = 0;
    refresh();
    showIncident(qint64(dialog.createdIncident().value(QLatin1String("id")).toDouble()));
}

void IncidentsPage::postUpdate()
{
    if (m_current == 0)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Post an update"),
        tr("What changed (mailed to the affected companies' contacts):"), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    api::IncidentCalls(context()->api())
        .postUpdate(m_current, text.trimmed(), this, [this](const api::ApiResult &r) {
            if (!r.ok()) {
                MessageBox::warning(this, tr("Post an update"), r.error.message());
                return;
            }
            render(r.json);
            m_deliveries->reload();
        });
}

void IncidentsPage::resolve()
{
    if (m_current == 0)
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Resolve the incident"),
        tr("Closing note (mailed to the affected companies' contacts):"), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    api::IncidentCalls(context()->api())
        .resolveIncident(m_current, text.trimmed(), this, [this](const api::ApiResult &r) {
            if (!r.ok()) {
                MessageBox::warning(this, tr("Resolve the incident"), r.error.message());
                return;
            }
            render(r.json);
            m_incidents->updateObject(r.json);
            m_deliveries->reload();
        });
}

void IncidentsPage::retryDelivery()
{
    if (!m_deliveryList)
        return;
    const api::IncidentCalls calls(context()->api());
    for (int row : m_deliveryList->selectedRows()) {
        const qint64 id = qint64(m_deliveries->objectAt(row).value(QLatin1String("id")).toDouble());
        calls.retryDelivery(m_current, id, this, [this](const api::ApiResult &r) {
            if (!r.ok())
                MessageBox::warning(this, tr("Send again"), r.error.message());
            m_deliveries->reload();
        });
    }
}

} // namespace mailadmin::ui
