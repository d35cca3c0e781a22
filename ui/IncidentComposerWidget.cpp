#include "IncidentComposerWidget.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "IncidentCalls.h"
#include "IncidentModels.h"
#include "PlacementCalls.h"
#include "Schema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace mailadmin::ui {

namespace {
QString isoOf(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonArray checkedIds(const QListWidget *list)
{
    QJsonArray out;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            out.append(list->item(i)->data(Qt::UserRole).toDouble());
    }
    return out;
}
// The service words of format::service, each with a mnemonic free in this form.
QString serviceLabel(const QString &service)
{
    if (service == QLatin1String("inbound"))
        return IncidentComposerWidget::tr("&Inbound mail");
    if (service == QLatin1String("outbound"))
        return IncidentComposerWidget::tr("O&utbound mail");
    if (service == QLatin1String("imap"))
        return IncidentComposerWidget::tr("I&MAP");
    if (service == QLatin1String("pop"))
        return IncidentComposerWidget::tr("&POP");
    if (service == QLatin1String("webmail"))
        return IncidentComposerWidget::tr("W&ebmail");
    return service;
}

} // namespace

IncidentComposerWidget::IncidentComposerWidget(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
    setObjectName(QStringLiteral("incidentComposer"));
    auto *outer = new QHBoxLayout(this);
    auto *splitter = new QSplitter(this);
    outer->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *form = new QFormLayout(left);
    m_kind = new QComboBox(left);
    m_kind->setObjectName(QStringLiteral("kindComboBox"));
    for (const QString &k : incidents::kinds())
        m_kind->addItem(models::IncidentListModel::kindText(k), k);
    form->addRow(tr("&Kind:"), m_kind);
    m_title = new QLineEdit(left);
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_title->setMaxLength(200);
    form->addRow(tr("&Title:"), m_title);
    m_description = new QPlainTextEdit(left);
    m_description->setObjectName(QStringLiteral("descriptionTextEdit"));
    m_description->setPlaceholderText(
        tr("What happened, what works and what does not, what customers should do."));
    m_description->setMaximumHeight(110);
    form->addRow(tr("&Notice:"), m_description);
    m_severity = new QComboBox(left);
    m_severity->setObjectName(QStringLiteral("severityComboBox"));
    m_severity->addItem(tr("(by kind)"), QString());
    for (const QString &s : incidents::severities())
        m_severity->addItem(models::IncidentListModel::severityText(s), s);
    form->addRow(tr("Se&verity:"), m_severity);
    auto *services = new QHBoxLayout;
    for (const QString &s : incidents::services()) {
        auto *box = new QCheckBox(serviceLabel(s), left);
        box->setObjectName(s + QStringLiteral("CheckBox"));
        box->setProperty("service", s);
        services->addWidget(box);
        m_services << box;
    }
    form->addRow(tr("Services:"), services);
    m_clusters = new QListWidget(left);
    m_clusters->setObjectName(QStringLiteral("clustersListWidget"));
    m_clusters->setMaximumHeight(70);
    form->addRow(tr("&Clusters:"), m_clusters);
    m_stores = new QListWidget(left);
    m_stores->setObjectName(QStringLiteral("storesListWidget"));
    m_stores->setMaximumHeight(110);
    form->addRow(tr("Mail &stores:"), m_stores);
    m_now = new QCheckBox(tr("Now"), left);
    m_now->setObjectName(QStringLiteral("startsNowCheckBox"));
    m_now->setChecked(true);
    m_start = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), left);
    m_start->setObjectName(QStringLiteral("startDateTimeEdit"));
    m_start->setCalendarPopup(true);
    m_start->setEnabled(false);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_now);
    startRow->addWidget(m_start, 1);
    form->addRow(tr("Starts:"), startRow);
    m_hasEnd = new QCheckBox(tr("Expected"), left);
    m_hasEnd->setObjectName(QStringLiteral("hasEndCheckBox"));
    m_end = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(4 * 3600), left);
    m_end->setObjectName(QStringLiteral("endDateTimeEdit"));
    m_end->setCalendarPopup(true);
    m_end->setEnabled(false);
    auto *endRow = new QHBoxLayout;
    endRow->addWidget(m_hasEnd);
    endRow->addWidget(m_end, 1);
    form->addRow(tr("Ends:"), endRow);
    m_remind = new QSpinBox(left);
    m_remind->setObjectName(QStringLiteral("remindSpinBox"));
    m_remind->setRange(0, 10080);
    m_remind->setSuffix(tr(" minutes before"));
    m_remind->setSpecialValueText(tr("No reminder"));
    form->addRow(tr("&Reminder:"), m_remind);
    connect(m_now, &QCheckBox::toggled, m_start, [this](bool now) { m_start->setEnabled(!now); });
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addWidget(new QLabel(tr("The notice, as the contacts will receive it:"), right));
    m_preview = new QPlainTextEdit(right);
    m_preview->setObjectName(QStringLiteral("previewTextEdit"));
    m_preview->setReadOnly(true);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    m_preview->setFont(mono);
    rightLayout->addWidget(m_preview, 1);
    m_reach = new QLabel(right);
    m_reach->setObjectName(QStringLiteral("reachLabel"));
    m_reach->setWordWrap(true);
    rightLayout->addWidget(m_reach);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_previewButton = new QPushButton(tr("Previe&w"), right);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_createButton = new QPushButton(tr("&Open incident and send"), right);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_createButton);
    rightLayout->addLayout(buttons);
    splitter->setStretchFactor(1, 1);
    connect(m_previewButton, &QPushButton::clicked, this, &IncidentComposerWidget::preview);
    connect(m_createButton, &QPushButton::clicked, this, &IncidentComposerWidget::create);
    loadTargets();
}

void IncidentComposerWidget::loadTargets()
{
    const auto fill = [](QListWidget *list, const api::ApiResult &result, bool withCluster) {
        list->clear();
        for (const QJsonValue &v : result.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject o = v.toObject();
            QString label = o.value(QLatin1String("name")).toString();
            if (withCluster)
                label += QStringLiteral(" (%1, %2 mailboxes)")
                             .arg(o.value(QLatin1String("cluster")).toString(),
                                 QLocale().toString(
                                     qint64(o.value(QLatin1String("mailbox_count")).toDouble())));
            auto *item = new QListWidgetItem(label, list);
            item->setData(Qt::UserRole, o.value(QLatin1String("id")).toDouble());
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    };
    const api::PlacementCalls placement(m_context->api());
    placement.listClusters(1000, this, [this, fill](const api::ApiResult &r) { fill(m_clusters, r, false); });
    placement.listMailStores(1000, this, [this, fill](const api::ApiResult &r) { fill(m_stores, r, true); });
}

QJsonObject IncidentComposerWidget::incident() const
{
    QJsonArray services;
    for (const QCheckBox *box : m_services) {
        if (box->isChecked())
            services.append(box->property("service").toString());
    }
    QJsonObject o {{QStringLiteral("kind"), m_kind->currentData().toString()},
        {QStringLiteral("title"), m_title->text().trimmed()},
        {QStringLiteral("description"), m_description->toPlainText().trimmed()},
        {QStringLiteral("services"), services}, {QStringLiteral("clusters"), checkedIds(m_clusters)},
        {QStringLiteral("stores"), checkedIds(m_stores)},
        {QStringLiteral("remind_before_minutes"), m_remind->value()}};
    if (!m_severity->currentData().toString().isEmpty())
        o.insert(QStringLiteral("severity"), m_severity->currentData().toString());
    if (!m_now->isChecked())
        o.insert(QStringLiteral("starts_at"), isoOf(m_start->dateTime()));
    if (m_hasEnd->isChecked())
        o.insert(QStringLiteral("expected_end_at"), isoOf(m_end->dateTime()));
    return o;
}

QString IncidentComposerWidget::previewText() const
{
    return m_preview->toPlainText();
}

void IncidentComposerWidget::showProblem(const QString &text)
{
    m_reach->setText(text);
    m_reach->setStyleSheet(QStringLiteral("color: #c01c28;"));
}

void IncidentComposerWidget::preview()
{
    api::IncidentCalls(m_context->api()).previewIncident(incident(), this, [this](const api::ApiResult &r) {
        if (!r.ok()) {
            showProblem(r.error.message());
            return;
        }
        m_reach->setStyleSheet(QString());
        m_preview->setPlainText(QStringLiteral("Subject: %1\n\n%2")
                                    .arg(r.json.value(QLatin1String("subject")).toString(),
                                        r.json.value(QLatin1String("body")).toString()));
        const bool maintenance
            = r.json.value(QLatin1String("contact_type")).toString() == QLatin1String("maintenance");
        m_reach->setText(
            (maintenance ? tr("Reaches %1 maintenance contacts of %2 companies; %3 mailboxes are affected.")
                         : tr("Reaches %1 emergency contacts of %2 companies; %3 mailboxes are affected."))
                .arg(r.json.value(QLatin1String("recipients")).toInt())
                .arg(r.json.value(QLatin1String("affected_companies")).toInt())
                .arg(QLocale().toString(
                    qint64(r.json.value(QLatin1String("affected_mailboxes")).toDouble()))));
    });
}

void IncidentComposerWidget::create()
{
    m_createButton->setEnabled(false);
    api::IncidentCalls(m_context->api()).createIncident(incident(), this, [this](const api::ApiResult &r) {
        m_createButton->setEnabled(true);
        if (!r.ok()) {
            showProblem(r.error.message());
            return;
        }
        emit created(r.json);
    });
}

} // namespace mailadmin::ui
