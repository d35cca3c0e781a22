#include "AlertsPage.h"

#include "AlertCalls.h"
#include "ApiClient.h"
#include "AppContext.h"
#include "DirectoryCalls.h"
#include "Format.h"
#include "MessageBox.h"
#include "StatsPageHelpers.h"
#include "TimeSeriesChart.h"
#include "Validation.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

using models::SeriesModel;

AlertsPage::AlertsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::AlertListModel(context->api()), tr("Outbound alerts"), parent)
    , m_alerts(static_cast<models::AlertListModel *>(model()))
    , m_series(new SeriesModel(this))
{
    setObjectName(QStringLiteral("alertsPage"));
    m_alerts->setParent(this);
    searchEdit()->hide();
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusComboBox"));
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Acknowledged"), QStringLiteral("acknowledged"));
    m_status->addItem(tr("Resolved"), QStringLiteral("resolved"));
    m_status->addItem(tr("All"), QString());
    auto *statusLabel = new QLabel(tr("S&how:"), this);
    statusLabel->setBuddy(m_status);
    filterLayout()->addWidget(statusLabel);
    filterLayout()->addWidget(m_status);
    filterLayout()->addStretch(1);
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_alerts->setFilter(QStringLiteral("status"), m_status->currentData().toString()); });

    m_series->setColumns(stats::outboundColumns());
    m_series->setClient(context->api());
    connect(m_series, &SeriesModel::loadFailed, this,
        [this](const api::ApiError &error) { emit this->context()->showStatus(error.message()); });
    auto *detail = new QFrame(this);
    detail->setObjectName(QStringLiteral("alertDetail"));
    detail->setFrameShape(QFrame::StyledPanel);
    auto *detailLayout = new QVBoxLayout(detail);
    m_evidence = new QLabel(tr("Select an alert to see its evidence."), detail);
    m_evidence->setObjectName(QStringLiteral("evidenceLabel"));
    m_evidence->setTextFormat(Qt::RichText);
    m_evidence->setWordWrap(true);
    detailLayout->addWidget(m_evidence);
    auto *levels = new QHBoxLayout;
    levels->addWidget(new QLabel(tr("Chart for:"), detail));
    m_company = new QPushButton(tr("&Company"), detail);
    m_company->setObjectName(QStringLiteral("companyLevelButton"));
    m_domain = new QPushButton(tr("D&omain"), detail);
    m_domain->setObjectName(QStringLiteral("domainLevelButton"));
    m_user = new QPushButton(tr("&User"), detail);
    m_user->setObjectName(QStringLiteral("userLevelButton"));
    for (QPushButton *b : {m_company, m_domain, m_user}) {
        b->setCheckable(true);
        b->setAutoExclusive(true);
        levels->addWidget(b);
    }
    levels->addStretch(1);
    detailLayout->addLayout(levels);
    connect(m_company, &QPushButton::clicked, this, [this] { drillTo(QStringLiteral("company")); });
    connect(m_domain, &QPushButton::clicked, this, [this] { drillTo(QStringLiteral("domain")); });
    connect(m_user, &QPushButton::clicked, this, [this] { drillTo(QStringLiteral("user")); });
    m_chart = new charts::TimeSeriesChart(detail);
    m_chart->setObjectName(QStringLiteral("alertChart"));
    m_chart->setKeys({QStringLiteral("messages")});
    m_chart->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    m_chart->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    m_chart->setModel(m_series);
    m_chart->setMinimumHeight(240);
    detailLayout->addWidget(m_chart, 1);
    auto *act = new QHBoxLayout;
    m_note = new QLineEdit(detail);
    m_note->setObjectName(QStringLiteral("noteLineEdit"));
    m_note->setPlaceholderText(tr("Note (what was found, what was done)"));
    m_note->setMaxLength(2000);
    m_acknowledge = new QPushButton(tr("&Acknowledge"), detail);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeButton"));
    m_resolve = new QPushButton(tr("&Resolve"), detail);
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    act->addWidget(m_note, 1);
    act->addWidget(m_acknowledge);
    act->addWidget(m_resolve);
    m_holdMail = new QPushButton(tr("&Hold mail"), detail);
    m_holdMail->setObjectName(QStringLiteral("holdMailButton"));
    m_releaseMail = new QPushButton(tr("Re&lease mail"), detail);
    m_releaseMail->setObjectName(QStringLiteral("releaseMailButton"));
    m_openUser = new QPushButton(tr("&Open user"), detail);
    m_openUser->setObjectName(QStringLiteral("openUserButton"));
    m_suspendUser = new QPushButton(tr("Sus&pend user…"), detail);
    m_suspendUser->setObjectName(QStringLiteral("suspendUserButton"));
    m_suspendUser->setVisible(context->can(QStringLiteral("user.suspend")));
    act->addWidget(m_openUser);
    act->addWidget(m_suspendUser);
    act->addWidget(m_holdMail);
    act->addWidget(m_releaseMail);
    connect(m_openUser, &QPushButton::clicked, this, [this, context] {
        emit context->openUserActivity(current().value(QLatin1String("subject")).toString());
    });
    connect(m_suspendUser, &QPushButton::clicked, this, &AlertsPage::suspendUser);
    m_holdMail->setVisible(context->can(QStringLiteral("user.suspend")));
    m_releaseMail->setVisible(context->can(QStringLiteral("user.suspend")));
    connect(m_holdMail, &QPushButton::clicked, this, [this] { outboundMail(QStringLiteral("hold")); });
    connect(m_releaseMail, &QPushButton::clicked, this, [this] { outboundMail(QStringLiteral("release")); });
    detailLayout->addLayout(act);
    const bool canAct = context->can(QStringLiteral("alert.write"));
    m_note->setVisible(canAct);
    m_acknowledge->setVisible(canAct);
    m_resolve->setVisible(canAct);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPage::acknowledge);
    connect(m_resolve, &QPushButton::clicked, this, &AlertsPage::resolve);

    // The list above, the alert below.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    pageLayout()->removeWidget(table());
    splitter->addWidget(table());
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    pageLayout()->insertWidget(2, splitter, 1);
    m_alerts->setFilter(QStringLiteral("status"), QStringLiteral("open"));
    selectionChanged();
}

QJsonObject AlertsPage::current() const
{
    const QList<int> rows = selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_alerts->objectAt(rows.first());
}

void AlertsPage::selectionChanged()
{
    ListPage::selectionChanged();
    if (!m_acknowledge)
        return; // still being built
    const QJsonObject a = current();
    const bool has = !a.isEmpty();
    const QString status = a.value(QLatin1String("status")).toString();
    m_acknowledge->setEnabled(has && status == QLatin1String("open"));
    m_resolve->setEnabled(has && status != QLatin1String("resolved"));
    m_company->setEnabled(has);
    m_domain->setEnabled(has);
    m_user->setEnabled(has && a.value(QLatin1String("scope")).toString() == QLatin1String("user"));
    m_holdMail->setEnabled(m_user->isEnabled());
    m_releaseMail->setEnabled(m_user->isEnabled());
    m_openUser->setEnabled(m_user->isEnabled());
    m_suspendUser->setEnabled(m_user->isEnabled());
    // Several open alerts acknowledged or resolved at once.
    bool anyOpen = false, anyUnresolved = false;
    for (int row : selectedRows()) {
        const QString st = m_alerts->objectAt(row).value(QLatin1String("status")).toString();
        anyOpen = anyOpen || st == QLatin1String("open");
        anyUnresolved = anyUnresolved || st != QLatin1String("resolved");
    }
    m_acknowledge->setEnabled(anyOpen);
    m_resolve->setEnabled(anyUnresolved);
    if (!has) {
        m_evidence->setText(tr("Select an alert to see its evidence."));
        m_series->clear();
        return;
    }
    QStringList lines;
    lines << tr("<b>%1</b> sent <b>%2</b> messages in the %3 from %4.")
                 .arg(validation::addressForDisplay(a.value(QLatin1String("subject")).toString())
                          .toHtmlEscaped(),
                     QLocale().toString(qint64(a.value(QLatin1String("observed")).toDouble())),
                     a.value(QLatin1String("span")).toString() == QLatin1String("hour") ? tr("hour")
                                                                                        : tr("day"),
                     format::time(a.value(QLatin1String("period_start")).toString()));
    lines << tr("Usual: %1 (spread %2); threshold %3; %4 times the usual; %5.")
                 .arg(QLocale().toString(a.value(QLatin1String("baseline_median")).toDouble(), 'f', 0),
                     QLocale().toString(a.value(QLatin1String("baseline_mad")).toDouble(), 'f', 1),
                     QLocale().toString(a.value(QLatin1String("threshold")).toDouble(), 'f', 0),
                     QLocale().toString(a.value(QLatin1String("factor")).toDouble(), 'f', 1),
                     models::AlertListModel::severityText(a.value(QLatin1String("severity")).toString()));
    QString state = tr("Status: %1").arg(models::AlertListModel::statusText(status));
    if (!a.value(QLatin1String("acknowledged_by")).toString().isEmpty())
        state += tr(" · acknowledged by %1, %2")
                     .arg(a.value(QLatin1String("acknowledged_by")).toString(),
                         format::time(a.value(QLatin1String("acknowledged_at")).toString()));
    if (!a.value(QLatin1String("resolved_by")).toString().isEmpty())
        state += tr(" · resolved by %1, %2")
                     .arg(a.value(QLatin1String("resolved_by")).toString(),
                         format::time(a.value(QLatin1String("resolved_at")).toString()));
    lines << state;
    if (!a.value(QLatin1String("note")).toString().isEmpty())
        lines << tr("Note: %1").arg(a.value(QLatin1String("note")).toString().toHtmlEscaped());
    m_evidence->setText(lines.join(QStringLiteral("<br>")));
    drillTo(a.value(QLatin1String("scope")).toString() == QLatin1String("user") ? QStringLiteral("user")
                                                                                : QStringLiteral("domain"));
}

void AlertsPage::drillTo(const QString &level)
{
    const QJsonObject a = current();
    if (a.isEmpty())
        return;
    m_level = level;
    m_company->setChecked(level == QLatin1String("company"));
    m_domain->setChecked(level == QLatin1String("domain"));
    m_user->setChecked(level == QLatin1String("user"));
    QUrlQuery q;
    if (level == QLatin1String("company"))
        q.addQueryItem(QStringLiteral("company"),
            QString::number(qint64(a.value(QLatin1String("company_id")).toDouble())));
    else if (level == QLatin1String("domain"))
        q.addQueryItem(QStringLiteral("domain"), a.value(QLatin1String("domain")).toString());
    else
        q.addQueryItem(QStringLiteral("user"), a.value(QLatin1String("subject")).toString());
    const QDateTime period
        = QDateTime::fromString(a.value(QLatin1String("period_start")).toString(), Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool hourly = a.value(QLatin1String("span")).toString() == QLatin1String("hour");
    const QDateTime from = hourly ? period.addSecs(-36 * 3600) : period.addDays(-21);
    const QDateTime to = qMin(now, hourly ? period.addSecs(12 * 3600) : period.addDays(4));
    q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("granularity"), hourly ? QStringLiteral("hour") : QStringLiteral("day"));
    m_series->setGranularity(hourly ? QStringLiteral("hour") : QStringLiteral("day"));
    const QString title = level == QLatin1String("company") ? tr("Outbound mail of the company")
        : level == QLatin1String("domain")
        ? tr("Outbound mail of %1")
              .arg(validation::addressForDisplay(a.value(QLatin1String("domain")).toString()))
        : tr("Outbound mail of %1")
              .arg(validation::addressForDisplay(a.value(QLatin1String("subject")).toString()));
    m_chart->setTitle(title);
    // A newer drill-down's load supersedes this one in the model.
    m_series->load({api::SeriesQuery::Series::Outbound, q});
}

void AlertsPage::acknowledge()
{
    transition(QStringLiteral("acknowledge"));
}

void AlertsPage::resolve()
{
    transition(QStringLiteral("resolve"));
}

void AlertsPage::outboundMail(const QString &action)
{
    const QJsonObject a = current();
    if (a.value(QLatin1String("scope")).toString() != QLatin1String("user"))
        return;
    const QString address = a.value(QLatin1String("subject")).toString();
    const api::DirectoryCalls calls(context()->api());
    auto done = [this, action](const api::ApiResult &result) {
        if (!result.ok()) {
            MessageBox::warning(this, tr("Outbound mail"), result.error.message());
            return;
        }
        emit context()->showStatus(action == QLatin1String("hold")
                ? tr("Outbound mail of this user is held at Postfix until released.")
                : tr("Outbound mail of this user is released; %n held messages go on their way.", nullptr,
                    int(result.json.value(QLatin1String("released_queue_ids")).toArray().size())));
    };
    if (action == QLatin1String("hold"))
        calls.holdOutbound(address, this, done);
    else
        calls.releaseOutbound(address, this, done);
}

void AlertsPage::suspendUser()
{
    const QString address = current().value(QLatin1String("subject")).toString();
    if (address.isEmpty())
        return;
    QString reason = tr("Outbound spike");
    if (!MessageBox::askText(this, tr("Suspend user"),
            tr("Why is %1 suspended? The reason is kept in the audit log (optional).")
                .arg(validation::addressForDisplay(address)),
            reason))
        return;
    api::DirectoryCalls(context()->api())
        .suspendUser(address, reason, 0, this, [this](const api::ApiResult &result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Suspend user"), result.error.message());
                return;
            }
            emit context()->objectChanged(QStringLiteral("user"), result.json, false);
            emit context()->showStatus(
                tr("The user is suspended: no logins and no mail sending until unsuspended."));
        });
}

void AlertsPage::transition(const QString &action)
{
    QJsonObject body;
    if (!m_note->text().trimmed().isEmpty())
        body.insert(QStringLiteral("note"), m_note->text().trimmed());
    for (int row : selectedRows()) {
        const QJsonObject a = m_alerts->objectAt(row);
        const QString status = a.value(QLatin1String("status")).toString();
        if (status == QLatin1String("resolved")
            || (action == QLatin1String("acknowledge") && status != QLatin1String("open")))
            continue;
        transitionOne(qint64(a.value(QLatin1String("id")).toDouble()), action, body);
    }
}

void AlertsPage::transitionOne(qint64 id, const QString &action, const QJsonObject &body)
{
    const auto kind = action == QLatin1String("acknowledge") ? api::AlertCalls::Transition::Acknowledge
                                                             : api::AlertCalls::Transition::Resolve;
    api::AlertCalls(context()->api())
        .transitionAlert(id, kind, body.value(QLatin1String("note")).toString(), this,
            [this](const api::ApiResult &result) {
                if (!result.ok()) {
                    MessageBox::warning(this, tr("Alert"), result.error.message());
                    refresh();
                    return;
                }
                m_note->clear();
                m_alerts->updateObject(result.json);
                selectionChanged();
                emit context()->showStatus(tr("The alert is %1.")
                                               .arg(models::AlertListModel::statusText(
                                                   result.json.value(QLatin1String("status")).toString())));
            });
}

} // namespace mailadmin::ui
