#include "DashboardPage.h"

#include "AlertCalls.h"
#include "AppContext.h"
#include "ChartPanel.h"
#include "Format.h"
#include "QuotaBucketsModel.h"
#include "StatTile.h"
#include "StatsCharts.h"
#include "StatsPageHelpers.h"
#include "StatsScopeBar.h"
#include "TimeSeriesChart.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLocale>

namespace mailadmin::ui {

using models::SeriesModel;
using models::StatsScope;

DashboardPage::DashboardPage(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_logins(new SeriesModel(this))
    , m_outbound(new SeriesModel(this))
    , m_quota(new models::QuotaBucketsModel(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_logins->setColumns(stats::loginColumns());
    m_outbound->setColumns(stats::outboundColumns());
    QWidget *content = buildFrame(tr("Dashboard"), false);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<std::pair<QString, QString>> tiles
        = {{QStringLiteral("users"), tr("Mailboxes")}, {QStringLiteral("active7"), tr("Active, 7 days")},
            {QStringLiteral("active30"), tr("Active, 30 days")},
            {QStringLiteral("logins_today"), tr("Logins today")},
            {QStringLiteral("storage"), tr("Storage used")}, {QStringLiteral("alerts"), tr("Open alerts")}};
    auto *tileRow = new QHBoxLayout;
    for (const auto &[name, caption] : tiles) {
        auto *tile = new StatTile(caption, content);
        tile->setObjectName(name + QStringLiteral("Tile"));
        m_tiles.insert(name, tile);
        tileRow->addWidget(tile);
    }
    grid->addLayout(tileRow, 0, 0, 1, 3);

    m_loginsChart = new charts::TimeSeriesChart(content);
    m_loginsChart->setObjectName(QStringLiteral("loginsChart"));
    m_loginsChart->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    m_loginsChart->setKeys(format::protocols());
    m_loginsChart->setModel(m_logins);
    m_share = new charts::ShareDonut(content);
    m_share->setObjectName(QStringLiteral("shareChart"));
    m_share->setModel(m_logins, format::protocols());
    m_quotaChart = new charts::BarChart(content);
    m_quotaChart->setObjectName(QStringLiteral("quotaChart"));
    m_quotaChart->setModel(m_quota, tr("Mailboxes"));
    m_quotaChart->setAxisTitle(tr("% of quota used, up to"));
    m_outboundChart = new charts::TimeSeriesChart(content);
    m_outboundChart->setObjectName(QStringLiteral("outboundChart"));
    m_outboundChart->setKeys({QStringLiteral("messages")});
    m_outboundChart->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    m_outboundChart->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    m_outboundChart->setModel(m_outbound);
    grid->addWidget(
        new ChartPanel(tr("Logins by type"), m_loginsChart, m_logins, false, content), 1, 0, 1, 2);
    grid->addWidget(new ChartPanel(tr("Share of logins"), m_share, nullptr, false, content), 1, 2);
    grid->addWidget(new ChartPanel(tr("Quota used"), m_quotaChart, m_quota, false, content), 2, 0);
    grid->addWidget(
        new ChartPanel(tr("Outbound mail"), m_outboundChart, m_outbound, false, content), 2, 1, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowMinimumHeight(1, 270);
    grid->setRowMinimumHeight(2, 270);
    connect(m_scope, &StatsScopeBar::changed, this, &DashboardPage::refresh);
}

void DashboardPage::refresh()
{
    if (!hasSubject())
        return;
    beginRefresh();
    const StatsScope scope = m_scope->scope();
    const QUrlQuery subject = m_scope->subjectQuery();
    m_logins->setGranularity(scope.granularity);
    for (int days : {7, 30}) {
        QUrlQuery q = subject;
        q.addQueryItem(QStringLiteral("days"), QString::number(days));
        ask(api::StatsCalls::activePath(), q, [this, days](const QJsonObject &a) {
            const qint64 users = qint64(a.value(QLatin1String("users")).toDouble());
            const qint64 active = qint64(a.value(QLatin1String("active")).toDouble());
            m_tiles.value(QStringLiteral("users"))
                ->setValue(QLocale().toString(users),
                    tr("mailboxes in %1").arg(StatTile::subject(m_scope->subjectText())));
            m_tiles.value(days == 7 ? QStringLiteral("active7") : QStringLiteral("active30"))
                ->setValue(QLocale().toString(active),
                    users > 0 ? tr("%1 % of mailboxes")
                                    .arg(QLocale().toString(100.0 * double(active) / double(users), 'f', 1))
                              : QString());
        });
    }
    load(m_logins, {api::SeriesQuery::Series::Logins, scope.query()});
    QUrlQuery today = subject;
    today.addQueryItem(QStringLiteral("from"),
        QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC).toString(Qt::ISODate));
    today.addQueryItem(QStringLiteral("granularity"), QStringLiteral("day"));
    ask(api::StatsCalls::seriesPath(api::SeriesQuery::Series::Logins), today, [this](const QJsonObject &a) {
        const QJsonObject totals = a.value(QLatin1String("totals")).toObject();
        qint64 sum = 0;
        QStringList parts;
        for (const QString &p : format::protocols()) {
            const qint64 n = qint64(totals.value(p).toDouble());
            sum += n;
            parts << QStringLiteral("%1 %2").arg(format::protocol(p), QLocale().toString(n));
        }
        m_tiles.value(QStringLiteral("logins_today"))
            ->setValue(QLocale().toString(sum), parts.join(QStringLiteral(" · ")));
    });
    ask(api::StatsCalls::quotaDistributionPath(), subject, [this](const QJsonObject &a) {
        m_quota->setBuckets(a.value(QLatin1String("buckets")).toArray());
        const qint64 used = qint64(a.value(QLatin1String("used_bytes")).toDouble()),
                     allocated = qint64(a.value(QLatin1String("allocated_bytes")).toDouble());
        m_tiles.value(QStringLiteral("storage"))
            ->setValue(format::bytes(used),
                allocated > 0 ? tr("of %1 allocated (%2 %)")
                                    .arg(format::bytes(allocated),
                                        QLocale().toString(100.0 * double(used) / double(allocated), 'f', 1))
                              : QString());
    });
    m_outbound->setGranularity(
        scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day"));
    m_openAlerts = -1;
    load(m_outbound, {api::SeriesQuery::Series::Outbound, stats::outboundQuery(scope)},
        [this] { showAlertTile(); });
    QUrlQuery alerts;
    alerts.addQueryItem(QStringLiteral("status"), QStringLiteral("open"));
    alerts.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    if (scope.kind == StatsScope::Kind::Company && !scope.id.isEmpty())
        alerts.addQueryItem(QStringLiteral("company_id"), scope.id);
    else if (scope.kind == StatsScope::Kind::Domain)
        alerts.addQueryItem(QStringLiteral("domain"), scope.id);
    ask(api::AlertCalls::alertsPath(), alerts, [this](const QJsonObject &a) {
        m_openAlerts = qint64(a.value(QLatin1String("total")).toDouble());
        showAlertTile();
    });
}

void DashboardPage::showAlertTile()
{
    if (m_openAlerts < 0)
        return;
    int spikes = 0;
    const int column = m_outbound->columnOf(QStringLiteral("spike"));
    for (int row = 0; column >= 0 && row < m_outbound->rowCount(); ++row)
        spikes += m_outbound->valueAt(row, column) > 0 ? 1 : 0;
    QString detail;
    if (m_openAlerts > 0)
        detail = tr("outbound spikes to look at");
    else if (spikes > 0)
        detail = tr("%n spike(s) marked on the chart, none open", nullptr, spikes);
    else
        detail = tr("nothing unusual");
    m_tiles.value(QStringLiteral("alerts"))->setValue(QLocale().toString(m_openAlerts), detail);
}

} // namespace mailadmin::ui
