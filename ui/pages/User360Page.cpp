#include "User360Page.h"

#include "AccessCalls.h"
#include "ApiClient.h"
#include "AppContext.h"
#include "ChartPanel.h"
#include "DirectoryCalls.h"
#include "DirectoryModels.h"
#include "Format.h"
#include "ListPage.h"
#include "MessageBox.h"
#include "PageTitle.h"
#include "PasswordDialog.h"
#include "QuotaDialog.h"
#include "QuotaGauge.h"
#include "StatsPageHelpers.h"
#include "TimeSeriesChart.h"
#include "Validation.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

using models::SeriesModel;

User360Page::User360Page(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_activity(new models::ActivityListModel(context->api(), this))
    , m_alerts(new models::AlertListModel(context->api(), this))
    , m_changes(new models::AuditListModel(context->api(), this))
    , m_logins(new SeriesModel(this))
    , m_quota(new SeriesModel(this))
    , m_outbound(new SeriesModel(this))
{
    setObjectName(QStringLiteral("user360Page"));
    m_logins->setColumns(stats::loginColumns());
    m_logins->setGranularity(QStringLiteral("day"));
    m_quota->setColumns({{QStringLiteral("used_bytes"), tr("Storage used"), SeriesModel::Unit::Bytes}});
    m_quota->setGranularity(QStringLiteral("day"));
    m_outbound->setColumns(stats::outboundColumns());
    m_outbound->setGranularity(QStringLiteral("day"));

    auto *outer = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_gauge = new charts::QuotaGauge(this);
    m_gauge->setObjectName(QStringLiteral("quotaGauge"));
    m_gauge->setFixedSize(220, 130);
    auto *text = new QVBoxLayout;
    m_title = makePageTitle(QString(), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    text->addWidget(m_title);
    text->addWidget(m_summary);
    text->addWidget(m_message);
    text->addStretch(1);
    auto *actions = new QVBoxLayout;
    m_password = new QPushButton(tr("Reset &password…"), this);
    m_password->setObjectName(QStringLiteral("resetPasswordButton"));
    m_suspend = new QPushButton(tr("&Suspend"), this);
    m_suspend->setObjectName(QStringLiteral("suspendButton"));
    m_quotaButton = new QPushButton(tr("Change &quota…"), this);
    m_quotaButton->setObjectName(QStringLiteral("quotaButton"));
    m_holdButton = new QPushButton(tr("&Hold outbound mail"), this);
    m_holdButton->setObjectName(QStringLiteral("holdMailButton"));
    auto *settings = new QPushButton(tr("All se&ttings…"), this);
    settings->setObjectName(QStringLiteral("settingsButton"));
    for (QPushButton *b : {m_password, m_suspend, m_quotaButton, m_holdButton, settings})
        actions->addWidget(b);
    actions->addStretch(1);
    top->addWidget(m_gauge);
    top->addLayout(text, 1);
    top->addLayout(actions);
    outer->addLayout(top);
    outer->addWidget(m_error);
    connect(m_password, &QPushButton::clicked, this, &User360Page::resetPassword);
    connect(m_suspend, &QPushButton::clicked, this, &User360Page::toggleSuspended);
    connect(m_quotaButton, &QPushButton::clicked, this, &User360Page::askQuota);
    connect(m_holdButton, &QPushButton::clicked, this, &User360Page::toggleOutboundHold);
    connect(settings, &QPushButton::clicked, this, [this] { emit openSettings(m_address); });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);

    // Login history with its filters.
    auto *history = new QFrame(content);
    history->setFrameShape(QFrame::StyledPanel);
    auto *historyLayout = new QVBoxLayout(history);
    auto *historyHead = new QHBoxLayout;
    historyHead->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Login history")), history), 1);
    m_protocol = new QComboBox(history);
    m_protocol->setObjectName(QStringLiteral("protocolComboBox"));
    m_protocol->addItem(tr("All protocols"), QString());
    for (const QString &p : format::protocols())
        m_protocol->addItem(format::protocol(p), p);
    m_result = new QComboBox(history);
    m_result->setObjectName(QStringLiteral("resultComboBox"));
    m_result->addItem(tr("Any result"), QString());
    m_result->addItem(tr("Successful"), QStringLiteral("success"));
    m_result->addItem(tr("Failed"), QStringLiteral("failure"));
    historyHead->addWidget(m_protocol);
    historyHead->addWidget(m_result);
    historyLayout->addLayout(historyHead);
    auto *historyTable = stats::makeTable(m_activity, history);
    historyTable->setObjectName(QStringLiteral("activityTableView"));
    historyTable->setColumnWidth(
        0, historyTable->fontMetrics().horizontalAdvance(QStringLiteral("00 Mmm 0000 00:00:00")) + 16);
    historyLayout->addWidget(historyTable, 1);
    // The detailed history is kept for a shorter time than the counts behind the charts and the last
    // logins, so an empty list must not read as "never".
    auto *noHistory = new QLabel(tr("No logins of this kind in the detailed history the server keeps. The "
                                    "charts and the last logins above count every login."),
        history);
    noHistory->setObjectName(QStringLiteral("noHistoryLabel"));
    noHistory->setWordWrap(true);
    noHistory->hide();
    historyLayout->addWidget(noHistory);
    connect(m_activity, &models::PagedListModel::totalChanged, noHistory,
        [noHistory](qint64 total) { noHistory->setVisible(total == 0); });
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &User360Page::applyActivityFilters);
    connect(m_result, &QComboBox::currentIndexChanged, this, &User360Page::applyActivityFilters);

    auto *logins = new charts::TimeSeriesChart(content);
    logins->setObjectName(QStringLiteral("loginsChart"));
    logins->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    logins->setKeys(format::protocols());
    logins->setModel(m_logins);
    auto *quota = new charts::TimeSeriesChart(content);
    quota->setObjectName(QStringLiteral("quotaTrendChart"));
    quota->setModel(m_quota);
    auto *outbound = new charts::TimeSeriesChart(content);
    outbound->setObjectName(QStringLiteral("outboundChart"));
    outbound->setKeys({QStringLiteral("messages")});
    outbound->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    outbound->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    outbound->setModel(m_outbound);

    auto *alertsPanel = new ChartPanel(tr("Outbound alerts"), nullptr, m_alerts, true, content);
    alertsPanel->table()->setObjectName(QStringLiteral("alertsTableView"));
    ListPage::showSomeRows(alertsPanel->table(), 3);
    auto *changesPanel = new ChartPanel(tr("Recent changes"), nullptr, m_changes, true, content);
    changesPanel->table()->setObjectName(QStringLiteral("changesTableView"));
    for (QTableView *t : {alertsPanel->table(), changesPanel->table(), historyTable})
        connect(t->verticalScrollBar(), &QScrollBar::valueChanged, t, [t](int value) {
            if (value == t->verticalScrollBar()->maximum() && t->model()->canFetchMore({}))
                t->model()->fetchMore({});
        });

    grid->addWidget(history, 0, 0, 2, 1);
    grid->addWidget(new ChartPanel(tr("Logins by type, 30 days"), logins, m_logins, false, content), 0, 1);
    grid->addWidget(new ChartPanel(tr("Storage, 90 days"), quota, m_quota, false, content), 1, 1);
    grid->addWidget(new ChartPanel(tr("Outbound mail, 30 days"), outbound, m_outbound, false, content), 2, 1);
    grid->addWidget(alertsPanel, 2, 0);
    grid->addWidget(changesPanel, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    for (int r = 0; r < 3; ++r)
        grid->setRowMinimumHeight(r, 260);
    grid->setRowMinimumHeight(3, 200);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
}

void User360Page::openUser(const QString &address)
{
    m_address = address.trimmed().toLower();
    m_title->setText(validation::addressForDisplay(m_address));
    m_message->clear();
    m_activity->setUser(m_address);
    m_alerts->setFilter(QStringLiteral("subject"), m_address);
    QUrlQuery audit;
    audit.addQueryItem(QStringLiteral("object_type"), QStringLiteral("user"));
    audit.addQueryItem(QStringLiteral("object_id"), m_address);
    m_changes->setSource(api::access::auditPath(), audit);
    refresh();
}

void User360Page::applyActivityFilters()
{
    m_activity->setFilter(QStringLiteral("protocol"), m_protocol->currentData().toString());
    m_activity->setFilter(QStringLiteral("result"), m_result->currentData().toString());
}

void User360Page::refresh()
{
    if (m_address.isEmpty())
        return;
    beginRefresh();
    ask(api::DirectoryCalls::userPath(m_address), {}, [this](const QJsonObject &u) { showUser(u); });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("user"), m_address);
    QUrlQuery logins = q;
    // Whole UTC days, today included, as the server's day rollups count them.
    const auto daysBack = [&now](int days) {
        return QDateTime(now.date().addDays(1 - days), QTime(0, 0), Qt::UTC).toString(Qt::ISODate);
    };
    logins.addQueryItem(QStringLiteral("from"), daysBack(30));
    logins.addQueryItem(QStringLiteral("granularity"), QStringLiteral("day"));
    load(m_logins, {api::SeriesQuery::Series::Logins, logins});
    QUrlQuery trend = q;
    trend.addQueryItem(QStringLiteral("from"), daysBack(90));
    load(m_quota, {api::SeriesQuery::Series::QuotaTrend, trend});
    QUrlQuery outbound = q;
    outbound.addQueryItem(QStringLiteral("from"), daysBack(30));
    outbound.addQueryItem(QStringLiteral("granularity"), QStringLiteral("day"));
    load(m_outbound, {api::SeriesQuery::Series::Outbound, outbound});
    if (m_activity->loadedCount() > 0)
        m_activity->reload();
    if (m_alerts->loadedCount() > 0)
        m_alerts->reload();
}

void User360Page::showUser(const QJsonObject &u)
{
    m_user = u;
    m_gauge->setUsage(qint64(u.value(QLatin1String("used_bytes")).toDouble()),
        qint64(u.value(QLatin1String("quota")).toDouble()));
    const QString status = u.value(QLatin1String("status")).toString();
    QStringList lines;
    lines << tr("<b>%1</b> · %2 · %3")
                 .arg(format::userType(u.value(QLatin1String("type")).toString()), format::status(status),
                     u.value(QLatin1String("display_name")).toString().toHtmlEscaped());
    lines << tr("Last login — %1").arg(format::lastLogins(u.value(QLatin1String("last_login")).toObject()));
    const QJsonObject services = u.value(QLatin1String("services")).toObject();
    QStringList states;
    for (const QString &p : format::protocols())
        states << QStringLiteral("%1 %2").arg(
            format::protocol(p), format::serviceState(services.value(p).toString()));
    lines << tr("Services — %1").arg(states.join(QStringLiteral(" · ")));
    lines << tr("Messages stored: %1")
                 .arg(QLocale().toString(qint64(u.value(QLatin1String("messages")).toDouble())));
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    m_suspend->setText(status == QLatin1String("suspended") ? tr("Un&suspend") : tr("&Suspend"));
    m_password->setVisible(context()->can(QStringLiteral("user.password")));
    m_suspend->setVisible(context()->can(QStringLiteral("user.suspend")));
    m_quotaButton->setVisible(context()->can(QStringLiteral("user.update")));
    m_holdButton->setVisible(context()->can(QStringLiteral("user.suspend")));
    api::DirectoryCalls(context()->api()).userOutbound(m_address, this, [this](const api::ApiResult &result) {
        if (result.ok())
            showOutbound(result.json);
    });
}

void User360Page::showOutbound(const QJsonObject &state)
{
    m_outboundState = state;
    const bool held = state.value(QLatin1String("held")).toBool()
        || state.value(QLatin1String("deferred")).toBool()
        || !state.value(QLatin1String("held_messages")).toArray().isEmpty();
    m_holdButton->setText(held ? tr("Re&lease held mail") : tr("&Hold outbound mail"));
    m_holdButton->setToolTip(
        tr("Sent today: %1 of %2; %3 messages held at Postfix")
            .arg(QLocale().toString(state.value(QLatin1String("sent_today")).toInt()),
                QLocale().toString(state.value(QLatin1String("send_limit")).toInt()),
                QLocale().toString(state.value(QLatin1String("held_messages")).toArray().size())));
}

void User360Page::toggleOutboundHold()
{
    const bool release = m_outboundState.value(QLatin1String("held")).toBool()
        || m_outboundState.value(QLatin1String("deferred")).toBool()
        || !m_outboundState.value(QLatin1String("held_messages")).toArray().isEmpty();
    const api::DirectoryCalls calls(context()->api());
    auto done = [this, release](const api::ApiResult &result) {
        if (!result.ok()) {
            m_message->setText(result.error.message());
            return;
        }
        showOutbound(result.json);
        m_message->setText(release
                ? tr("Outbound mail is released; %n held messages go on their way.", nullptr,
                    int(result.json.value(QLatin1String("released_queue_ids")).toArray().size()))
                : tr("Outbound mail is held at Postfix until released."));
        m_changes->reload();
    };
    if (release)
        calls.releaseOutbound(m_address, this, done);
    else
        calls.holdOutbound(m_address, this, done);
}

void User360Page::resetPassword()
{
    PasswordDialog dialog(context(), api::DirectoryCalls::userPasswordPath(m_address),
        validation::addressForDisplay(m_address), this);
    dialog.exec();
    if (dialog.succeeded()) {
        showUser(dialog.answer());
        m_message->setText(tr("The password was changed."));
        emit context()->objectChanged(QStringLiteral("user"), dialog.answer(), false);
        m_changes->reload();
    }
}

void User360Page::toggleSuspended()
{
    const bool suspended = m_user.value(QLatin1String("status")).toString() == QLatin1String("suspended");
    QString reason;
    if (!suspended
        && !MessageBox::askText(this, tr("Suspend user"),
            tr("Why is %1 suspended? The reason is kept in the audit log (optional).")
                .arg(validation::addressForDisplay(m_address)),
            reason))
        return;
    const api::DirectoryCalls calls(context()->api());
    const int version = m_user.value(QLatin1String("version")).toInt();
    auto done = [this, suspended](const api::ApiResult &result) {
        if (!result.ok()) {
            m_message->setText(result.error.message());
            refresh();
            return;
        }
        showUser(result.json);
        m_message->setText(suspended
                ? tr("The user is active again.")
                : tr("The user is suspended: no logins and no mail sending until unsuspended."));
        emit context()->objectChanged(QStringLiteral("user"), result.json, false);
        m_changes->reload();
    };
    if (suspended)
        calls.unsuspendUser(m_address, version, this, done);
    else
        calls.suspendUser(m_address, reason, version, this, done);
}

void User360Page::askQuota()
{
    const std::optional<qint64> quota = QuotaDialog::ask(this, tr("Change quota"), tr("&Quota:"),
        qint64(m_user.value(QLatin1String("quota")).toDouble()),
        tr("Now using %1.").arg(format::bytes(qint64(m_user.value(QLatin1String("used_bytes")).toDouble()))));
    if (quota)
        changeQuota(*quota);
}

void User360Page::changeQuota(qint64 bytes)
{
    api::DirectoryCalls(context()->api())
        .setQuota(m_address, bytes, m_user.value(QLatin1String("version")).toInt(), this,
            [this](const api::ApiResult &result) {
                if (!result.ok()) {
                    m_message->setText(result.error.message());
                    if (result.error.status == 412)
                        refresh();
                    return;
                }
                showUser(result.json);
                m_message->setText(
                    tr("The quota is now %1.")
                        .arg(format::bytes(qint64(result.json.value(QLatin1String("quota")).toDouble()))));
                emit context()->objectChanged(QStringLiteral("user"), result.json, false);
                m_changes->reload();
            });
}

} // namespace mailadmin::ui
