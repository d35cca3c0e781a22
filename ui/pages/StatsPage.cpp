#include "StatsPage.h"

#include "AppContext.h"
#include "ChartPanel.h"
#include "Format.h"
#include "QuotaBucketsModel.h"
#include "StatsCharts.h"
#include "StatsPageHelpers.h"
#include "StatsScopeBar.h"
#include "TimeSeriesChart.h"
#include "TopSendersModel.h"

#include <QJsonArray>
#include <QVBoxLayout>

namespace mailadmin::ui {

using models::SeriesModel;
using models::StatsScope;

StatsPage::StatsPage(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_quota(new models::QuotaBucketsModel(this))
    , m_senders(new models::TopSendersModel(this))
{
    setObjectName(QStringLiteral("statsPage"));
    QWidget *content = buildFrame(tr("Statistics"), true);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);

    const auto series = [&](const QString &name, const QList<SeriesModel::Column> &columns) {
        auto *model = new SeriesModel(this);
        model->setColumns(columns);
        m_series.insert(name, model);
        return model;
    };
    const auto add
        = [&](const QString &name, const QString &caption, QWidget *chart, QAbstractItemModel *model) {
              auto *panel = new ChartPanel(caption, chart, model, true, content);
              panel->setObjectName(name + QStringLiteral("Panel"));
              panel->setMinimumHeight(320);
              if (auto *s = qobject_cast<SeriesModel *>(model))
                  panel->setCsvSource([s] { return s->toCsv(); });
              panel->setCaptionSource([this] { return captionLines(); });
              m_panels.insert(name, panel);
              layout->addWidget(panel);
          };
    auto *logins = new charts::TimeSeriesChart(content);
    logins->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    logins->setKeys(format::protocols());
    logins->setModel(series(QStringLiteral("logins"), stats::loginColumns()));
    add(QStringLiteral("logins"), tr("Logins by type"), logins, m_series.value(QStringLiteral("logins")));

    auto *quota = new charts::BarChart(content);
    quota->setModel(m_quota, tr("Mailboxes"));
    quota->setAxisTitle(tr("% of quota used, up to"));
    add(QStringLiteral("quota"), tr("Quota used"), quota, m_quota);

    auto *trend = new charts::TimeSeriesChart(content);
    trend->setModel(series(QStringLiteral("trend"),
        {{QStringLiteral("used_bytes"), tr("Storage used"), SeriesModel::Unit::Bytes}}));
    add(QStringLiteral("trend"), tr("Storage over time"), trend, m_series.value(QStringLiteral("trend")));

    auto *outbound = new charts::TimeSeriesChart(content);
    outbound->setKeys({QStringLiteral("messages")});
    outbound->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    outbound->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    outbound->setModel(series(QStringLiteral("outbound"), stats::outboundColumns()));
    add(QStringLiteral("outbound"), tr("Outbound mail"), outbound,
        m_series.value(QStringLiteral("outbound")));

    add(QStringLiteral("senders"), tr("Top senders"), nullptr, m_senders);

    connect(m_scope, &StatsScopeBar::changed, this, &StatsPage::refresh);
}

QStringList StatsPage::captionLines() const
{
    const StatsScope scope = m_scope->scope();
    const QString kind = scope.kind == StatsScope::Kind::Company ? tr("Company")
        : scope.kind == StatsScope::Kind::Domain                 ? tr("Domain")
                                                                 : tr("User");
    const QString stamp = QStringLiteral("yyyy-MM-dd HH:mm");
    return {tr("%1: %2").arg(kind, m_scope->subjectText()),
        tr("From %1 to %2 (UTC)").arg(scope.from.toUTC().toString(stamp), scope.to.toUTC().toString(stamp))};
}

void StatsPage::refresh()
{
    const StatsScope scope = m_scope->scope();
    if (!hasSubject())
        return; // nothing named yet
    beginRefresh();
    const bool user = scope.kind == StatsScope::Kind::User;
    m_panels.value(QStringLiteral("quota"))->setVisible(!user);
    m_panels.value(QStringLiteral("senders"))->setVisible(!user);
    const QUrlQuery subject = m_scope->subjectQuery();
    m_series.value(QStringLiteral("logins"))->setGranularity(scope.granularity);
    load(m_series.value(QStringLiteral("logins")), {api::SeriesQuery::Series::Logins, scope.query()});
    StatsScope daily = scope;
    daily.granularity.clear();
    m_series.value(QStringLiteral("trend"))->setGranularity(QStringLiteral("day"));
    load(m_series.value(QStringLiteral("trend")), {api::SeriesQuery::Series::QuotaTrend, daily.query()});
    m_series.value(QStringLiteral("outbound"))
        ->setGranularity(
            scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day"));
    load(m_series.value(QStringLiteral("outbound")),
        {api::SeriesQuery::Series::Outbound, stats::outboundQuery(scope)});
    if (user)
        return;
    ask(api::StatsCalls::quotaDistributionPath(), subject,
        [this](const QJsonObject &a) { m_quota->setBuckets(a.value(QLatin1String("buckets")).toArray()); });
    QUrlQuery senders = daily.query();
    senders.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    ask(api::StatsCalls::sendersPath(), senders,
        [this](const QJsonObject &a) { m_senders->setSenders(a.value(QLatin1String("senders")).toArray()); });
}

} // namespace mailadmin::ui
