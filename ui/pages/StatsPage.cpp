#include "StatsPage.h"

#include "AppContext.h"
#include "ChartPanel.h"
#include "Format.h"
#include "StatsCharts.h"
#include "StatsPageHelpers.h"
#include "StatsScopeBar.h"
#include "TimeSeriesChart.h"
#include "Validation.h"

#include <QJsonArray>
#include <QLocale>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace mailadmin::ui {

using models::SeriesModel;
using models::StatsScope;

StatsPage::StatsPage(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_quota(new QStandardItemModel(this))
    , m_senders(new QStandardItemModel(this))
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
              m_panels.insert(name, panel);
              layout->addWidget(panel);
          };
    auto *logins = new charts::TimeSeriesChart(content);
    logins->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    logins->setKeys(format::protocols());
    logins->setModel(series(QStringLiteral("logins"), stats::loginColumns()));
    add(QStringLiteral("logins"), tr("Logins by type"), logins, m_series.value(QStringLiteral("logins")));

    auto *quota = new charts::BarChart(content);
    quota->setModel(m_quota, 0, 1, tr("Mailboxes"));
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

    m_senders->setHorizontalHeaderLabels({tr("Sender"), tr("Messages"), tr("Recipients"), tr("Size")});
    add(QStringLiteral("senders"), tr("Top senders"), nullptr, m_senders);

    connect(m_scope, &StatsScopeBar::changed, this, &StatsPage::refresh);
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
    ask(QStringLiteral("/stats/logins"), scope.query(), [this](const QJsonObject &a) {
        m_series.value(QStringLiteral("logins"))->setRows(a.value(QLatin1String("series")).toArray());
    });
    StatsScope daily = scope;
    daily.granularity.clear();
    m_series.value(QStringLiteral("trend"))->setGranularity(QStringLiteral("day"));
    ask(QStringLiteral("/stats/quota/trend"), daily.query(), [this](const QJsonObject &a) {
        m_series.value(QStringLiteral("trend"))->setRows(a.value(QLatin1String("series")).toArray());
    });
    m_series.value(QStringLiteral("outbound"))
        ->setGranularity(
            scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day"));
    ask(QStringLiteral("/stats/outbound"), stats::outboundQuery(scope), [this](const QJsonObject &a) {
        m_series.value(QStringLiteral("outbound"))->setRows(a.value(QLatin1String("series")).toArray());
    });
    if (user)
        return;
    ask(QStringLiteral("/stats/quota/distribution"), subject, [this](const QJsonObject &a) {
        stats::fillBuckets(m_quota, a.value(QLatin1String("buckets")).toArray());
    });
    QUrlQuery senders = daily.query();
    senders.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    ask(QStringLiteral("/stats/senders"), senders, [this](const QJsonObject &a) {
        m_senders->removeRows(0, m_senders->rowCount());
        for (const QJsonValue &v : a.value(QLatin1String("senders")).toArray()) {
            const QJsonObject s = v.toObject();
            const auto number = [](double n) {
                auto *item = new QStandardItem(QLocale().toString(qint64(n)));
                item->setData(n, Qt::UserRole + 1);
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                return item;
            };
            auto *size = new QStandardItem(format::bytes(qint64(s.value(QLatin1String("bytes")).toDouble())));
            size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_senders->appendRow({new QStandardItem(validation::addressForDisplay(
                                      s.value(QLatin1String("address")).toString())),
                number(s.value(QLatin1String("messages")).toDouble()),
                number(s.value(QLatin1String("recipients")).toDouble()), size});
        }
    });
}

} // namespace mailadmin::ui
