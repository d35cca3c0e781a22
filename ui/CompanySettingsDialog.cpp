#include "CompanySettingsDialog.h"

#include "AppContext.h"
#include "Format.h"
#include "MessageBox.h"
#include "Schema.h"
#include "SettingsCalls.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mailadmin::ui {

namespace {

FieldSpec spec(const QString &name, FieldType type, qint64 minimum = 0, qint64 maximum = 0, int maxLength = 0)
{
    FieldSpec s;
    s.name = name;
    s.type = type;
    s.minimum = minimum;
    s.maximum = maximum;
    s.maxLength = maxLength;
    return s;
}

// The rules the server applies (docs/api.md), checked here before sending.
const EntitySchema &scheduleSchema()
{
    static const EntitySchema schema(QStringLiteral("report_schedule"),
        {spec(QStringLiteral("enabled"), FieldType::Boolean),
            spec(QStringLiteral("time_of_day"), FieldType::String, 0, 0, 5),
            spec(QStringLiteral("recipients"), FieldType::EmailList, 0, 0, 100)});
    return schema;
}

const EntitySchema &thresholdsSchema()
{
    static const QList<FieldSpec> fields = [] {
        QList<FieldSpec> list;
        for (const char *floor :
            {"user_daily_floor", "user_hourly_floor", "domain_daily_floor", "domain_hourly_floor"})
            list << spec(QLatin1String(floor), FieldType::Integer, 1, 10'000'000);
        list << spec(QStringLiteral("mad_multiplier"), FieldType::Integer, 1, 100)
             << spec(QStringLiteral("minimum_factor"), FieldType::Integer, 1, 100);
        FieldSpec action = spec(QStringLiteral("spike_action"), FieldType::Choice);
        action.choices = {QStringLiteral("notify"), QStringLiteral("defer"), QStringLiteral("hold")};
        list << action;
        return list;
    }();
    static const EntitySchema schema(QStringLiteral("spike_thresholds"), fields);
    return schema;
}

} // namespace

ReportScheduleEditor::ReportScheduleEditor(AppContext *context, QWidget *parent)
    : EditorPage(context, scheduleSchema(), QStringLiteral("report_schedule"), parent)
{
    setObjectName(QStringLiteral("reportScheduleEditor"));
    setTitle(tr("Daily CSV report"));
    form()->addCheck(QStringLiteral("enabled"), tr("&Send the report every day:"));
    QLineEdit *time = form()->addLine(QStringLiteral("time_of_day"), tr("&Time of day (UTC):"));
    time->setPlaceholderText(tr("HH:MM, for example 06:15"));
    form()->addList(QStringLiteral("recipients"), tr("&Recipients (one address a line):"));
    form()->addInfo(QStringLiteral("last_sent"), tr("Last sent:"),
        [](const QJsonValue &v) { return format::time(v.toString()); });
    m_send = new QPushButton(tr("Send &now"), this);
    m_send->setObjectName(QStringLiteral("sendNowButton"));
    m_send->setToolTip(tr("Mail today's report to the recipients now (at most 3 times in 10 minutes)"));
    m_send->setAutoDefault(false);
    m_send->setEnabled(false);
    m_send->setVisible(context->can(QStringLiteral("report.write")));
    actionsLayout()->addWidget(m_send);
    connect(m_send, &QPushButton::clicked, this, &ReportScheduleEditor::sendNow);
}

void ReportScheduleEditor::openCompany(qint64 id)
{
    m_company = id;
    open(api::settings::reportSchedulePath(id));
}

void ReportScheduleEditor::onLoaded(const QJsonObject &schedule)
{
    // What is sent is the stored schedule, so unsaved edits are saved first.
    m_send->setEnabled(!schedule.value(QLatin1String("recipients")).toArray().isEmpty());
}

void ReportScheduleEditor::sendNow()
{
    if (isDirty()) {
        showMessage(tr("Save or revert your changes first: the report goes to the saved recipients."), true);
        return;
    }
    m_send->setEnabled(false);
    api::settings::sendReportNow(context()->api(), m_company, this, [this](const api::ApiResult &result) {
        m_send->setEnabled(true);
        if (!result.ok()) {
            if (result.error.status == 429)
                showMessage(tr("Not sent: the report was sent 3 times in the last 10 minutes. Try again in "
                               "%n second(s).",
                                nullptr, result.error.retryAfterSeconds),
                    true);
            else
                showMessage(result.error.message(), true);
            return;
        }
        showMessage(tr("The report is queued; it goes out within seconds."), false);
    });
}

SpikeThresholdsEditor::SpikeThresholdsEditor(AppContext *context, QWidget *parent)
    : EditorPage(context, thresholdsSchema(), QStringLiteral("spike_thresholds"), parent)
{
    setObjectName(QStringLiteral("spikeThresholdsEditor"));
    setTitle(tr("Outbound spike thresholds"));
    form()->addNumber(QStringLiteral("user_hourly_floor"), tr("User, messages an &hour at least:"), 1, 10'000'000);
    form()->addNumber(QStringLiteral("user_daily_floor"), tr("User, messages a &day at least:"), 1, 10'000'000);
    form()->addNumber(
        QStringLiteral("domain_hourly_floor"), tr("Domain, messages an h&our at least:"), 1, 10'000'000);
    form()->addNumber(
        QStringLiteral("domain_daily_floor"), tr("Domain, messages a d&ay at least:"), 1, 10'000'000);
    form()->addNumber(QStringLiteral("mad_multiplier"), tr("&Spread multiplier:"), 1, 100);
    form()->addNumber(QStringLiteral("minimum_factor"), tr("Times the &usual at least:"), 1, 100);
    form()->addChoice(QStringLiteral("spike_action"), tr("While a spike is open, &Postfix:"),
        {{tr("delivers and alerts (notify)"), QStringLiteral("notify")},
            {tr("defers the user's mail (defer)"), QStringLiteral("defer")},
            {tr("holds the user's mail (hold)"), QStringLiteral("hold")}});
}

void SpikeThresholdsEditor::openCompany(qint64 id)
{
    open(api::settings::spikeThresholdsPath(id));
}

CompanySettingsDialog::CompanySettingsDialog(AppContext *context, qint64 companyId, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_report(new ReportScheduleEditor(context, m_tabs))
    , m_thresholds(new SpikeThresholdsEditor(context, m_tabs))
{
    setObjectName(QStringLiteral("companySettingsDialog"));
    setWindowTitle(tr("Report and spike settings"));
    m_tabs->addTab(m_report, tr("Re&port"));
    m_tabs->addTab(m_thresholds, tr("Spike &thresholds"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &CompanySettingsDialog::reject);
    layout->addWidget(buttons);
    m_report->openCompany(companyId);
    m_thresholds->openCompany(companyId);
    resize(640, 520);
}

void CompanySettingsDialog::reject()
{
    if (!m_report->confirmLeave() || !m_thresholds->confirmLeave())
        return;
    QDialog::reject();
}

} // namespace mailadmin::ui
