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
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

using models::SeriesModel;

AlertsPage::AlertsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::AlertEpisodeListModel(context->api()), tr("Outbound alerts"), parent)
    , m_episodes(static_cast<models::AlertEpisodeListModel *>(model()))
    , m_series(new SeriesModel(this))
{
    setObjectName(QStringLiteral("alertsPage"));
    m_episodes->setParent(this);
    searchEdit()->hide();
    // With no search box, the list is what the keyboard starts on: focus on the table, the first episode
    // current (not selected: the actions wait for a choice), so arrow keys and Space work at once.
    setFocusProxy(table());
    table()->setTabKeyNavigation(false);
    connect(m_episodes, &models::PagedListModel::firstPageLoaded, this, [this] {
        if (!table()->currentIndex().isValid() && m_episodes->rowCount() > 0)
            table()->selectionModel()->setCurrentIndex(
                m_episodes->index(0, 0), QItemSelectionModel::NoUpdate);
    });
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
        [this] { m_episodes->setFilter(QStringLiteral("status"), m_status->currentData().toString()); });

    m_series->setColumns(stats::outboundColumns());
    m_series->setClient(context->api());
    connect(m_series, &SeriesModel::loadFailed, this,
        [this](const api::ApiError &error) { emit this->context()->showStatus(error.message()); });
    auto *detail = new QFrame(this);
    detail->setObjectName(QStringLiteral("alertDetail"));
    detail->setFrameShape(QFrame::StyledPanel);
    auto *detailLayout = new QVBoxLayout(detail);
    m_evidence = new QLabel(tr("Select an episode to see its evidence."), detail);
    m_evidence->setObjectName(QStringLiteral("evidenceLabel"));
    m_evidence->setTextFormat(Qt::RichText);
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    detailLayout->addWidget(m_evidence);
    m_hours = new QLabel(detail);
    m_hours->setObjectName(QStringLiteral("hoursLabel"));
    m_hours->setTextFormat(Qt::RichText);
    m_hours->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *hoursArea = new QScrollArea(detail);
    hoursArea->setObjectName(QStringLiteral("hoursScrollArea"));
    hoursArea->setWidget(m_hours);
    hoursArea->setWidgetResizable(true);
    hoursArea->setMaximumHeight(160);
    hoursArea->setFrameShape(QFrame::NoFrame);
    detailLayout->addWidget(hoursArea);
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
    m_episodes->setFilter(QStringLiteral("status"), QStringLiteral("open"));
    // Keyboard users act on the selection with the buttons' mnemonics, or with Ctrl+Return in the list.
    auto *acknowledgeShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), table());
    acknowledgeShortcut->setContext(Qt::WidgetShortcut);
    connect(acknowledgeShortcut, &QShortcut::activated, this, [this] {
        if (m_acknowledge->isVisible() && m_acknowledge->isEnabled())
            acknowledge();
    });
    selectionChanged();
}

QJsonObject AlertsPage::current() const
{
    const QList<int> rows = selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_episodes->objectAt(rows.first());
}

void AlertsPage::updateActions()
{
    const QJsonObject a = current();
    const bool has = !a.isEmpty();
    const bool user = has && a.value(QLatin1String("scope")).toString() == QLatin1String("user");
    m_company->setEnabled(has);
    m_domain->setEnabled(has);
    m_user->setEnabled(user);
    m_holdMail->setEnabled(user);
    m_releaseMail->setEnabled(user);
    m_openUser->setEnabled(user);
    m_suspendUser->setEnabled(user);
    // Every selected episode's alerts at once.
    bool anyOpen = false, anyUnresolved = false;
    for (int row : selectedRows()) {
        const QJsonObject e = m_episodes->objectAt(row);
        anyOpen = anyOpen || !models::AlertEpisodeListModel::openAlertIds(e).isEmpty();
        anyUnresolved = anyUnresolved || !models::AlertEpisodeListModel::unresolvedAlertIds(e).isEmpty();
    }
    m_acknowledge->setEnabled(anyOpen && !m_busy);
    m_resolve->setEnabled(anyUnresolved && !m_busy);
    m_note->setEnabled(!m_busy);
}

QString AlertsPage::hoursTable(const QJsonObject &e) const
{
    const bool hourly = e.value(QLatin1String("span")).toString() == QLatin1String("hour");
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\"><tr><th align=\"left\">%1</th>"
                                  "<th align=\"right\">%2</th><th align=\"right\">%3</th>"
                                  "<th align=\"left\">%4</th><th align=\"left\">%5</th></tr>")
                       .arg(hourly ? tr("Hour") : tr("Day"), tr("Messages"), tr("Factor"), tr("Severity"),
                           tr("Status"));
    const QJsonArray alerts = e.value(QLatin1String("alerts")).toArray();
    for (const QJsonValue &v : alerts) {
        const QJsonObject a = v.toObject();
        const QDateTime start
            = QDateTime::fromString(a.value(QLatin1String("period_start")).toString(), Qt::ISODate)
                  .toLocalTime();
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">×%3</td>"
                               "<td>%4</td><td>%5</td></tr>")
                    .arg(hourly ? QLocale().toString(start, QLocale::ShortFormat)
                                : QLocale().toString(start.date(), QLocale::ShortFormat),
                        QLocale().toString(qint64(a.value(QLatin1String("observed")).toDouble())),
                        QLocale().toString(a.value(QLatin1String("factor")).toDouble(), 'f', 1),
                        models::AlertListModel::severityText(a.value(QLatin1String("severity")).toString()),
                        models::AlertListModel::statusText(a.value(QLatin1String("status")).toString()));
    }
    return html + QStringLiteral("</table>");
}

void AlertsPage::selectionChanged()
{
    ListPage::selectionChanged();
    if (!m_acknowledge)
        return; // still being built
    updateActions();
    const QJsonObject e = current();
    if (e.isEmpty()) {
        m_evidence->setText(tr("Select an episode to see its evidence."));
        m_hours->clear();
        m_series->clear();
        return;
    }
    const int count = e.value(QLatin1String("period_count")).toInt();
    const bool hourly = e.value(QLatin1String("span")).toString() == QLatin1String("hour");
    QStringList lines;
    lines << (hourly ? tr("<b>%1</b>: outbound spike in %n consecutive hours, %2.", nullptr, count)
                     : tr("<b>%1</b>: outbound spike on %n consecutive days, %2.", nullptr, count))
                 .arg(validation::addressForDisplay(e.value(QLatin1String("subject")).toString())
                          .toHtmlEscaped(),
                     models::AlertEpisodeListModel::periodText(e).toHtmlEscaped());
    lines << tr("Peak: %1 messages in one period, up to %2 times the usual; %3.")
                 .arg(QLocale().toString(qint64(e.value(QLatin1String("peak_observed")).toDouble())),
                     QLocale().toString(e.value(QLatin1String("max_factor")).toDouble(), 'f', 1),
                     models::AlertListModel::severityText(e.value(QLatin1String("severity")).toString()));
    const int open = int(models::AlertEpisodeListModel::openAlertIds(e).size());
    lines << tr("Status: %1 (%2 of %n alerts open)", nullptr, count)
                 .arg(models::AlertListModel::statusText(e.value(QLatin1String("status")).toString()))
                 .arg(open);
    m_evidence->setText(lines.join(QStringLiteral("<br>")));
    m_hours->setText(hoursTable(e));
    drillTo(e.value(QLatin1String("scope")).toString() == QLatin1String("user") ? QStringLiteral("user")
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
    const QDateTime first
        = QDateTime::fromString(a.value(QLatin1String("first_period_start")).toString(), Qt::ISODate);
    const QDateTime last
        = QDateTime::fromString(a.value(QLatin1String("last_period_start")).toString(), Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool hourly = a.value(QLatin1String("span")).toString() == QLatin1String("hour");
    const QDateTime from = hourly ? first.addSecs(-36 * 3600) : first.addDays(-21);
    const QDateTime to = qMin(now, hourly ? last.addSecs(12 * 3600) : last.addDays(4));
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
    if (m_busy)
        return;
    const bool acknowledging = action == QLatin1String("acknowledge");
    QList<qint64> ids;
    for (int row : selectedRows()) {
        const QJsonObject e = m_episodes->objectAt(row);
        ids += acknowledging ? models::AlertEpisodeListModel::openAlertIds(e)
                             : models::AlertEpisodeListModel::unresolvedAlertIds(e);
    }
    if (ids.isEmpty())
        return;
    m_busy = true;
    updateActions();
    setCursor(Qt::BusyCursor);
    emit context()->showStatus(acknowledging ? tr("Acknowledging %n alerts…", nullptr, int(ids.size()))
                                             : tr("Resolving %n alerts…", nullptr, int(ids.size())));
    const auto kind
        = acknowledging ? api::AlertCalls::Transition::Acknowledge : api::AlertCalls::Transition::Resolve;
    api::AlertCalls(context()->api())
        .transitionAlerts(
            ids, kind, m_note->text().trimmed(), this, [this, acknowledging](const api::ApiResult &result) {
                m_busy = false;
                unsetCursor();
                if (!result.ok()) {
                    // The server changes all or none; its answer says which alert stopped it.
                    MessageBox::warning(this, acknowledging ? tr("Acknowledge alerts") : tr("Resolve alerts"),
                        acknowledging
                            ? tr("The alerts could not be acknowledged: %1").arg(result.error.message())
                            : tr("The alerts could not be resolved: %1").arg(result.error.message()));
                    refresh();
                    return;
                }
                m_note->clear();
                const int n = int(result.json.value(QLatin1String("items")).toArray().size());
                emit context()->showStatus(acknowledging ? tr("%n alerts acknowledged.", nullptr, n)
                                                         : tr("%n alerts resolved.", nullptr, n));
                refresh();
            });
}

} // namespace mailadmin::ui
