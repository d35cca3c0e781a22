#include "AlertsPage.h"
#include "BulkDialog.h"
#include "ChartPanel.h"
#include "Csv.h"
#include "DashboardPage.h"
#include "DirectoryModels.h"
#include "FileDialog.h"
#include "InactiveUsersPage.h"
#include "Json.h"
#include "MessageBox.h"
#include "PasswordDialog.h"
#include "StatTile.h"
#include "StatsCharts.h"
#include "StatsPage.h"
#include "TimeSeriesChart.h"
#include "UiHarness.h"
#include "User360Page.h"
#include "Validation.h"
#include "auth/Clock.h"
#include "auth/SessionManager.h"
#include "stats/DemoActivity.h"
#include "stats/SpikeDetector.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace mailadmin;
using models::SeriesModel;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The stats pages against a real mailadmind holding a demo directory with 30 days of activity: every chart
// shows the API's numbers, the user 360 page answers for a real user and its actions work, alerts are
// acknowledged, and exports equal the tables.
class TestStatsPages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void dashboardShowsTheApisNumbers();
    void tileKeepsNumbersWithTheirUnits();
    void statsPageExportsWhatItShows();
    void refreshKeepsSelectionAndScroll();
    void user360();
    void lastSevenDaysAreSevenDays();
    void alertsAcknowledgeAndDrillDown();
    void inactiveUsersExport();

private:
    // Waits for one full refresh of a stats page.
    static bool waitLoaded(ui::StatsPageBase *page);
    static void compareSeries(const SeriesModel *model, const QJsonArray &series);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<HttpClient> m_admin;
    QTemporaryDir m_dir;
    QString m_busyUser;
    qint64 m_company = 0;
};

void TestStatsPages::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_server = std::make_unique<TestServer>(true);
    stats::ActivityOptions activity;
    activity.days = 30;
    activity.rawDays = 3;
    activity.userIncidents = 12;
    activity.domainIncidents = 0;
    const Result<stats::ActivitySummary> written = stats::DemoActivity(m_server->db()).write(activity);
    QVERIFY(written.ok());
    auth::SessionManager sessions(m_server->db());
    const qint64 today = auth::Clock::now() / 86400;
    QVERIFY(service::SpikeDetector(service::Context {m_server->db(), sessions})
                .scan(today - 29, today, true)
                .ok());

    m_ui = std::make_unique<UiHarness>(m_server.get());
    QVERIFY(m_ui->signIn(testing::demoLogin("company_admin")));
    m_company = m_ui->session->me().companyId;
    m_admin = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_admin->signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)),
        201);
    // The user of the company with the most logins kept as raw events.
    store::Statement q = m_server->db().prepare(QStringLiteral(
        "SELECT u.address FROM login_events e JOIN users u ON u.id = e.user_id WHERE e.company_id = ? "
        "GROUP BY u.address ORDER BY COUNT(*) DESC, u.address LIMIT 1"));
    q.bind(m_company);
    QVERIFY(q.exec().ok() && q.next());
    m_busyUser = q.toString(0);
}

void TestStatsPages::cleanupTestCase()
{
    m_admin.reset();
    m_ui.reset();
    m_server.reset();
}

bool TestStatsPages::waitLoaded(ui::StatsPageBase *page)
{
    QSignalSpy loaded(page, &ui::StatsPageBase::loaded);
    page->refresh();
    return loaded.wait(15000);
}

void TestStatsPages::compareSeries(const SeriesModel *model, const QJsonArray &series)
{
    QCOMPARE(model->rowCount(), int(series.size()));
    for (int r = 0; r < model->rowCount(); ++r) {
        const QJsonObject row = series.at(r).toObject();
        QCOMPARE(model->periodAt(r),
            QDateTime::fromString(row.value(QLatin1String("period")).toString(), Qt::ISODate));
        for (int c = 0; c < model->columns().size(); ++c) {
            const QJsonValue v = row.value(model->columns().at(c).key);
            if (v.isNull())
                QVERIFY(std::isnan(model->valueAt(r, c)));
            else
                QCOMPARE(model->valueAt(r, c), v.toDouble());
        }
    }
}

// "(29.5 %)" never ends a line with "29.5" and starts the next with "%)"; a company name stays whole.
void TestStatsPages::tileKeepsNumbersWithTheirUnits()
{
    ui::StatTile tile(QStringLiteral("Storage used"));
    tile.setValue(QStringLiteral("1.5 GB"), QStringLiteral("of 5 GB allocated (29.5 %)"));
    QCOMPARE(tile.detail(), QStringLiteral("of 5\u202FGB allocated (29.5\u202F%)"));
    QCOMPARE(ui::StatTile::subject(QStringLiteral("Bluebird / Telecom")),
        QStringLiteral("Bluebird\u00A0/\u00A0Telecom"));
    QVERIFY(ui::StatTile::subject(QString(60, QLatin1Char('x'))).size() <= 32);
}

void TestStatsPages::dashboardShowsTheApisNumbers()
{
    ui::DashboardPage page(m_ui->context);
    page.resize(1280, 900);
    page.show();
    QTRY_VERIFY(page.scopeBar()->scope().id == QString::number(m_company));
    QVERIFY(waitLoaded(&page));
    const models::StatsScope scope = page.scopeBar()->scope();
    QCOMPARE(scope.granularity, QStringLiteral("day"));

    // Logins: the model, the stacked chart and the donut all hold the API's numbers.
    const QUrlQuery query = scope.query();
    const QJsonObject logins
        = m_admin->get(QStringLiteral("/api/v1/stats/logins?") + query.toString(QUrl::FullyEncoded)).json();
    compareSeries(page.logins(), logins.value(QLatin1String("series")).toArray());
    QVERIFY(page.logins()->hasData());
    const QList<QPointF> imap = page.loginsChart()->drawnPoints(QStringLiteral("imap"));
    QCOMPARE(imap.size(), page.logins()->rowCount());
    for (int r = 0; r < imap.size(); ++r)
        QCOMPARE(imap.at(r).y(), page.logins()->valueAt(r, 0));
    const QJsonObject totals = logins.value(QLatin1String("totals")).toObject();
    for (const auto &[label, value] : page.shareChart()->slices()) {
        const QString key = label == QLatin1String("IMAP") ? QStringLiteral("imap")
            : label == QLatin1String("POP")                ? QStringLiteral("pop")
            : label == QLatin1String("Webmail")            ? QStringLiteral("webmail")
                                                           : QStringLiteral("smtp");
        QCOMPARE(value, totals.value(key).toDouble());
    }

    // Tiles.
    const QJsonObject active
        = m_admin->get(QStringLiteral("/api/v1/stats/active?company=%1&days=30").arg(m_company)).json();
    QCOMPARE(page.tile(QStringLiteral("active30"))->value(),
        QLocale().toString(qint64(active.value(QLatin1String("active")).toDouble())));
    QCOMPARE(page.tile(QStringLiteral("users"))->value(),
        QLocale().toString(qint64(active.value(QLatin1String("users")).toDouble())));
    const qint64 openAlerts
        = qint64(m_admin->get(QStringLiteral("/api/v1/alerts?status=open&company_id=%1").arg(m_company))
                     .json()
                     .value(QLatin1String("total"))
                     .toDouble());
    QCOMPARE(page.tile(QStringLiteral("alerts"))->value(), QLocale().toString(openAlerts));

    // Quota distribution.
    const QJsonArray buckets
        = m_admin->get(QStringLiteral("/api/v1/stats/quota/distribution?company=%1").arg(m_company))
              .json()
              .value(QLatin1String("buckets"))
              .toArray();
    QTRY_COMPARE(page.quotaChart()->values().size(), int(buckets.size()));
    for (int i = 0; i < buckets.size(); ++i)
        QCOMPARE(page.quotaChart()->values().at(i),
            buckets.at(i).toObject().value(QLatin1String("users")).toDouble());

    // Outbound: the line, the band, and a marker for each period the server calls a spike.
    const QJsonArray outbound
        = m_admin
              ->get(QStringLiteral("/api/v1/stats/outbound?company=%1&granularity=day&from=%2&to=%3")
                        .arg(m_company)
                        .arg(query.queryItemValue(QStringLiteral("from")),
                            query.queryItemValue(QStringLiteral("to"))))
              .json()
              .value(QLatin1String("series"))
              .toArray();
    compareSeries(page.outbound(), outbound);
    int spikes = 0;
    for (const QJsonValue &v : outbound)
        spikes += v.toObject().value(QLatin1String("spike")).toInt();
    QCOMPARE(page.outboundChart()->markerCount(), spikes);

    // The picture has the charts in it.
    const QImage image = page.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(!page.loginsChart()->showsEmptyState());
}

void TestStatsPages::statsPageExportsWhatItShows()
{
    ui::StatsPage page(m_ui->context);
    page.resize(1280, 900);
    page.show();
    // A domain is shown as people write it, and asked for in its stored (punycode) form.
    page.scopeBar()->setSubject(models::StatsScope::Kind::Domain, QStringLiteral("xn--bckerei-5wa.de"));
    QCOMPARE(page.scopeBar()->subjectText(), QStringLiteral("bäckerei.de"));
    QCOMPARE(page.scopeBar()->scope().id, QStringLiteral("xn--bckerei-5wa.de"));
    page.scopeBar()->setSubject(models::StatsScope::Kind::Domain, m_busyUser.section(QLatin1Char('@'), 1));
    QVERIFY(waitLoaded(&page));
    const QUrlQuery query = page.scopeBar()->scope().query();
    QCOMPARE(query.queryItemValue(QStringLiteral("domain")), m_busyUser.section(QLatin1Char('@'), 1));
    compareSeries(page.series(QStringLiteral("logins")),
        m_admin->get(QStringLiteral("/api/v1/stats/logins?") + query.toString(QUrl::FullyEncoded))
            .json()
            .value(QLatin1String("series"))
            .toArray());
    const QString file = m_dir.filePath(QStringLiteral("logins.csv"));
    QVERIFY(page.panel(QStringLiteral("logins"))->exportCsv(file));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const csv::ParseResult parsed = csv::parse(f.readAll());
    QVERIFY(parsed.error.isEmpty());
    const SeriesModel *model = page.series(QStringLiteral("logins"));
    QCOMPARE(parsed.rows.size(), model->rowCount() + 1);
    QCOMPARE(parsed.rows.first().at(1), QStringLiteral("IMAP"));
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columns().size(); ++c)
            QCOMPARE(parsed.rows.at(r + 1).at(c + 1).toDouble(), model->valueAt(r, c));
    // Pictures too.
    QVERIFY(
        page.panel(QStringLiteral("outbound"))->exportPng(m_dir.filePath(QStringLiteral("outbound.png"))));
    QVERIFY(
        page.panel(QStringLiteral("outbound"))->exportSvg(m_dir.filePath(QStringLiteral("outbound.svg"))));
    QVERIFY(QImage(m_dir.filePath(QStringLiteral("outbound.png"))).width() > 100);
    // The pictures say what they show: title, scope and date range drawn in, above the bare chart.
    {
        QWidget *bare = page.panel(QStringLiteral("outbound"))->chart();
        const QImage png(m_dir.filePath(QStringLiteral("outbound.png")));
        QVERIFY(!png.isNull());
        QVERIFY(png.height() / png.devicePixelRatio() > bare->height());
        QCOMPARE(qRound(png.width() / png.devicePixelRatio()), bare->width());
        QFile svgFile(m_dir.filePath(QStringLiteral("outbound.svg")));
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QString svgText = QString::fromUtf8(svgFile.readAll());
        const models::StatsScope scope = page.scopeBar()->scope();
        QVERIFY(svgText.contains(QStringLiteral(">Outbound mail<")));
        QVERIFY(svgText.contains(QStringLiteral("Domain: ") + m_busyUser.section(QLatin1Char('@'), 1)));
        // The range is the scope bar's (its 30 days end now, so compare the drawn dates, not the minutes).
        const QRegularExpression range(QStringLiteral(
            "From (\\d{4}-\\d\\d-\\d\\d) \\d\\d:\\d\\d to (\\d{4}-\\d\\d-\\d\\d) \\d\\d:\\d\\d \\(UTC\\)"));
        const QRegularExpressionMatch drawn = range.match(svgText);
        QVERIFY(drawn.hasMatch());
        QCOMPARE(QDate::fromString(drawn.captured(1), Qt::ISODate)
                     .daysTo(QDate::fromString(drawn.captured(2), Qt::ISODate)),
            scope.from.date().daysTo(scope.to.date()));
        QCOMPARE(drawn.captured(2), scope.to.toString(QStringLiteral("yyyy-MM-dd")));
    }
    // The top senders table is the API's list.
    const QJsonArray senders
        = m_admin
              ->get(QStringLiteral("/api/v1/stats/senders?domain=%1&limit=50&from=%2&to=%3")
                        .arg(m_busyUser.section(QLatin1Char('@'), 1),
                            query.queryItemValue(QStringLiteral("from")),
                            query.queryItemValue(QStringLiteral("to"))))
              .json()
              .value(QLatin1String("senders"))
              .toArray();
    QTableView *table = page.panel(QStringLiteral("senders"))->table();
    QCOMPARE(table->model()->rowCount(), int(senders.size()));
    if (!senders.isEmpty())
        QCOMPARE(table->model()->index(0, 0).data().toString(),
            validation::addressForDisplay(
                senders.first().toObject().value(QLatin1String("address")).toString()));
    // The addresses get the room, not the last column (Size).
    QVERIFY(!senders.isEmpty());
    const int sizeColumn = table->model()->columnCount() - 1;
    QVERIFY2(table->columnWidth(0) > table->columnWidth(sizeColumn),
        qPrintable(QStringLiteral("%1 %2").arg(table->columnWidth(0)).arg(table->columnWidth(sizeColumn))));
    const int sizeText
        = table->fontMetrics().horizontalAdvance(table->model()->index(0, sizeColumn).data().toString());
    QVERIFY(table->columnWidth(sizeColumn) < sizeText + 80);
}

void TestStatsPages::refreshKeepsSelectionAndScroll()
{
    ui::StatsPage page(m_ui->context);
    page.resize(1280, 900);
    page.show();
    QTRY_VERIFY(!page.scopeBar()->scope().id.isEmpty());
    QVERIFY(waitLoaded(&page));
    QTableView *table = page.panel(QStringLiteral("logins"))->table();
    table->show();
    QVERIFY(table->model()->rowCount() > 20);
    table->selectRow(20);
    QTRY_VERIFY([&] {
        table->scrollTo(table->model()->index(25, 0), QAbstractItemView::PositionAtTop);
        return table->verticalScrollBar()->value() > 0;
    }());
    const int scroll = table->verticalScrollBar()->value();
    QVERIFY(waitLoaded(&page));
    QTRY_COMPARE(table->currentIndex().row(), 20);
    QTRY_COMPARE(table->verticalScrollBar()->value(), scroll);
    // The page asks again on its own, at the interval set.
    ui::StatsPageBase::setRefreshSeconds(5);
    QCOMPARE(ui::StatsPageBase::refreshSeconds(), 5);
    QSignalSpy again(&page, &ui::StatsPageBase::loaded);
    QVERIFY(again.wait(12000));
    QCOMPARE(table->currentIndex().row(), 20);
    QTRY_COMPARE(table->verticalScrollBar()->value(), scroll);
    ui::StatsPageBase::setRefreshSeconds(60);
}

void TestStatsPages::user360()
{
    ui::User360Page page(m_ui->context);
    page.resize(1280, 1000);
    page.show();
    QSignalSpy loaded(&page, &ui::StatsPageBase::loaded);
    page.openUser(m_busyUser);
    QVERIFY(loaded.wait(15000));
    QCOMPARE(page.user().value(QLatin1String("address")).toString(), m_busyUser);
    // Login history: the API's rows, and its filters.
    const QJsonObject history
        = m_admin->get(QStringLiteral("/api/v1/users/%1/activity").arg(m_busyUser)).json();
    QTRY_COMPARE(page.activity()->total(), qint64(history.value(QLatin1String("total")).toDouble()));
    QVERIFY(page.activity()->total() > 0);
    QTRY_VERIFY(page.activity()->rowCount() > 0);
    QCOMPARE(page.activity()->index(0, models::ActivityListModel::Address).data().toString(),
        history.value(QLatin1String("items"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("remote_address"))
            .toString());
    auto *result = page.findChild<QComboBox *>(QStringLiteral("resultComboBox"));
    result->setCurrentIndex(result->findData(QStringLiteral("failure")));
    const qint64 failures
        = qint64(m_admin->get(QStringLiteral("/api/v1/users/%1/activity?result=failure").arg(m_busyUser))
                     .json()
                     .value(QLatin1String("total"))
                     .toDouble());
    QTRY_COMPARE(page.activity()->total(), failures);
    result->setCurrentIndex(0);
    // Charts: logins, storage, outbound, as the API says.
    compareSeries(page.logins(),
        m_admin
            ->get(QStringLiteral("/api/v1/stats/logins?user=%1&granularity=day&from=%2")
                      .arg(m_busyUser, page.logins()->periodAt(0).toString(Qt::ISODate)))
            .json()
            .value(QLatin1String("series"))
            .toArray());
    QVERIFY(page.quotaTrend()->rowCount() >= 90);
    QVERIFY(!std::isnan(page.quotaTrend()->valueAt(page.quotaTrend()->rowCount() - 1, 0)));
    // The summary names status and last logins.
    const QString summary = page.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text();
    QVERIFY2(summary.contains(QStringLiteral("Active")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Last login")), qPrintable(summary));

    // Actions on the same screen: suspend (with a reason, kept in the audit) and back, and a new quota.
    ui::MessageBox::setNextText(QStringLiteral("Phishing reported by the owner"));
    page.toggleSuspended();
    QTRY_COMPARE(m_admin->get(QStringLiteral("/api/v1/users/") + m_busyUser)
                     .json()
                     .value(QLatin1String("status"))
                     .toString(),
        QStringLiteral("suspended"));
    QTRY_COMPARE(page.user().value(QLatin1String("status")).toString(), QStringLiteral("suspended"));
    QCOMPARE(
        page.findChild<QPushButton *>(QStringLiteral("suspendButton"))->text(), QStringLiteral("Un&suspend"));
    page.toggleSuspended();
    QTRY_COMPARE(m_admin->get(QStringLiteral("/api/v1/users/") + m_busyUser)
                     .json()
                     .value(QLatin1String("status"))
                     .toString(),
        QStringLiteral("active"));
    QTRY_COMPARE(page.user().value(QLatin1String("status")).toString(), QStringLiteral("active"));
    const qint64 quota = qint64(3) * 1024 * 1024 * 1024;
    page.changeQuota(quota);
    QTRY_COMPARE(qint64(m_admin->get(QStringLiteral("/api/v1/users/") + m_busyUser)
                            .json()
                            .value(QLatin1String("quota"))
                            .toDouble()),
        quota);
    QTRY_VERIFY(page.changes()->total() >= 3);
    // A password reset through the dialog shows in Recent changes at once (no refresh needed).
    const qint64 changesBefore = page.changes()->total();
    QTimer::singleShot(0, &page, [] {
        QTRY_VERIFY(qobject_cast<ui::PasswordDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<ui::PasswordDialog *>(QApplication::activeModalWidget());
        dialog->widget()->generate();
        dialog->widget()->submit();
        QTRY_VERIFY(dialog->succeeded());
        dialog->accept();
    });
    page.resetPassword();
    QTRY_COMPARE(page.changes()->total(), changesBefore + 1);
    QTRY_VERIFY(page.changes()->rowCount() > 0);
    // Outbound mail held at Postfix and released again, from the same screen.
    auto *hold = page.findChild<QPushButton *>(QStringLiteral("holdMailButton"));
    QTRY_COMPARE(hold->text(), QStringLiteral("&Hold outbound mail"));
    const QString outbound = QStringLiteral("/api/v1/users/%1/outbound").arg(m_busyUser);
    page.toggleOutboundHold();
    QTRY_VERIFY(m_admin->get(outbound).json().value(QLatin1String("hold")).toBool());
    QTRY_COMPARE(hold->text(), QStringLiteral("Re&lease held mail"));
    page.toggleOutboundHold();
    QTRY_VERIFY(!m_admin->get(outbound).json().value(QLatin1String("hold")).toBool());
    QTRY_COMPARE(hold->text(), QStringLiteral("&Hold outbound mail"));
    // A bad quota is refused with the server's reason and nothing changes.
    page.changeQuota(-5);
    QTRY_VERIFY(
        !page.findChild<QLabel *>(QStringLiteral("messageLabel"))->text().contains(QStringLiteral("now")));
    QCOMPARE(qint64(m_admin->get(QStringLiteral("/api/v1/users/") + m_busyUser)
                        .json()
                        .value(QLatin1String("quota"))
                        .toDouble()),
        quota);
}

// "Last 7 days" by day is today and the six days before: seven points, not eight.
void TestStatsPages::lastSevenDaysAreSevenDays()
{
    ui::DashboardPage page(m_ui->context);
    page.resize(1280, 900);
    page.show();
    QTRY_VERIFY(page.scopeBar()->scope().id == QString::number(m_company));
    QVERIFY(waitLoaded(&page));
    page.scopeBar()->setRangeDays(7);
    const models::StatsScope scope = page.scopeBar()->scope();
    QCOMPARE(scope.granularity, QStringLiteral("day"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QCOMPARE(scope.from, QDateTime(today.addDays(-6), QTime(0, 0), Qt::UTC));
    QVERIFY(waitLoaded(&page));
    QTRY_VERIFY(page.logins()->rowCount() > 0);
    QVERIFY2(page.logins()->rowCount() <= 7, qPrintable(QString::number(page.logins()->rowCount())));
}

void TestStatsPages::alertsAcknowledgeAndDrillDown()
{
    ui::AlertsPage page(m_ui->context);
    page.resize(1200, 900);
    page.show();
    const qint64 open = qint64(m_admin->get(QStringLiteral("/api/v1/alerts/episodes?status=open"))
                                   .json()
                                   .value(QLatin1String("total"))
                                   .toDouble());
    QVERIFY(open > 0);
    QTRY_COMPARE(page.episodes()->total(), open);
    QTRY_VERIFY(page.episodes()->rowCount() > 0);
    page.table()->selectRow(0);
    const QJsonObject episode = page.episodes()->objectAt(0);
    const QString level = episode.value(QLatin1String("scope")).toString() == QLatin1String("user")
        ? QStringLiteral("user")
        : QStringLiteral("domain");
    QCOMPARE(page.level(), level);
    QTRY_VERIFY(page.series()->rowCount() > 0);
    QTRY_VERIFY(page.chart()->drawnPoints(QStringLiteral("messages")).size() > 0);
    QVERIFY(page.chart()->markerCount() >= 1); // the episode's own periods
    page.drillTo(QStringLiteral("company"));
    QTRY_VERIFY(page.series()->rowCount() > 0);
    QCOMPARE(page.level(), QStringLiteral("company"));
    // A user's episode opens that user.
    if (level == QLatin1String("user")) {
        QSignalSpy opened(m_ui->context, &ui::AppContext::openUserActivity);
        page.findChild<QPushButton *>(QStringLiteral("openUserButton"))->click();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toString(), episode.value(QLatin1String("subject")).toString());
    }
    // A user's episode holds and releases that user's outbound mail.
    auto *holdMail = page.findChild<QPushButton *>(QStringLiteral("holdMailButton"));
    QCOMPARE(holdMail->isEnabled(), level == QLatin1String("user"));
    if (level == QLatin1String("user")) {
        const QString outbound = QStringLiteral("/api/v1/users/%1/outbound")
                                     .arg(episode.value(QLatin1String("subject")).toString());
        holdMail->click();
        QTRY_VERIFY(m_admin->get(outbound).json().value(QLatin1String("hold")).toBool());
        page.findChild<QPushButton *>(QStringLiteral("releaseMailButton"))->click();
        QTRY_VERIFY(!m_admin->get(outbound).json().value(QLatin1String("held")).toBool());
    }
    // Acknowledge with a note: every open alert of the episode.
    page.noteEdit()->setText(QStringLiteral("Customer runs a newsletter on Mondays"));
    page.acknowledge();
    const QJsonArray ids = episode.value(QLatin1String("open_alert_ids")).toArray();
    QVERIFY(!ids.isEmpty());
    for (const QJsonValue &id : ids) {
        const QString path = QStringLiteral("/api/v1/alerts/%1").arg(qint64(id.toDouble()));
        QTRY_COMPARE(m_admin->get(path).json().value(QLatin1String("status")).toString(),
            QStringLiteral("acknowledged"));
        const QJsonObject stored = m_admin->get(path).json();
        QCOMPARE(stored.value(QLatin1String("note")).toString(),
            QStringLiteral("Customer runs a newsletter on Mondays"));
        QCOMPARE(
            stored.value(QLatin1String("acknowledged_by")).toString(), testing::demoLogin("company_admin"));
    }
    // The open list no longer holds it.
    QTRY_COMPARE(page.episodes()->total(), open - 1);
}

void TestStatsPages::inactiveUsersExport()
{
    ui::InactiveUsersPage page(m_ui->context);
    page.resize(1200, 800);
    page.show();
    const qint64 total
        = qint64(m_admin->get(QStringLiteral("/api/v1/stats/inactive?company=%1&days=30").arg(m_company))
                     .json()
                     .value(QLatin1String("total"))
                     .toDouble());
    QVERIFY(total > 0);
    QTRY_COMPARE(page.inactive()->total(), total);
    QTRY_VERIFY(page.inactive()->rowCount() > 0);
    const QString file = m_dir.filePath(QStringLiteral("inactive.csv"));
    ui::FileDialog::setNextFileName(file);
    page.exportCsv();
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file).size() > 0 && !page.findChild<QProgressDialog *>(), 15000);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const csv::ParseResult parsed = csv::parse(f.readAll());
    QCOMPARE(parsed.rows.size(), int(total) + 1);
    // Raw values under the server's field names, the first row as the server sent it.
    const QStringList header = parsed.rows.first();
    QVERIFY(header.contains(QStringLiteral("address")));
    QVERIFY(header.contains(QStringLiteral("quota")));
    // The table keeps only the fields it shows; each of them is in the file as the server sent it.
    const QJsonObject first = page.inactive()->objectAt(0);
    QVERIFY(!first.isEmpty());
    for (auto it = first.begin(); it != first.end(); ++it) {
        QVERIFY2(header.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(parsed.rows.at(1).at(header.indexOf(it.key())), models::PagedListModel::rawCsvValue(it.value()));
    }
    bool isNumber = false;
    parsed.rows.at(1).at(header.indexOf(QStringLiteral("quota"))).toLongLong(&isNumber);
    QVERIFY(isNumber); // bytes, not "50 GB"
    // Fewer idle days, more users.
    page.daysBox()->setValue(7);
    page.apply();
    QTRY_VERIFY(page.inactive()->total() >= total);

    // Bulk actions on the idle accounts: suspend two (with a reason), delete one.
    page.daysBox()->setValue(30);
    page.apply();
    QTRY_VERIFY(page.inactive()->rowCount() >= 3 && !page.inactive()->isLoading());
    QTableView *table = page.table();
    QStringList chosen;
    for (int row = 0; row < 3; ++row) {
        if (page.inactive()->objectAt(row).value(QLatin1String("status")).toString()
            == QLatin1String("active"))
            chosen << page.inactive()->keyAt(row);
    }
    QVERIFY(chosen.size() >= 2);
    table->clearSelection();
    for (int row = 0; row < 3; ++row) {
        if (chosen.contains(page.inactive()->keyAt(row)))
            table->selectionModel()->select(
                page.inactive()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    ui::MessageBox::setNextText(QStringLiteral("Idle for a month"));
    page.suspendSelected();
    QVERIFY(page.lastBulkDialog());
    for (const QString &address : chosen)
        QTRY_COMPARE(m_admin->get(QStringLiteral("/api/v1/users/") + address)
                         .json()
                         .value(QLatin1String("status"))
                         .toString(),
            QStringLiteral("suspended"));
    page.lastBulkDialog()->close();
    QTRY_VERIFY(!page.inactive()->isLoading());
    int row = 0;
    while (row < page.inactive()->rowCount() && page.inactive()->keyAt(row) != chosen.first())
        ++row;
    QVERIFY(row < page.inactive()->rowCount());
    table->clearSelection();
    table->selectionModel()->select(
        page.inactive()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    page.deleteSelected();
    QTRY_COMPARE(m_admin->get(QStringLiteral("/api/v1/users/") + chosen.first()).status, 404);

    // Leaving out accounts younger than ten years leaves none of the demo's.
    page.minAgeBox()->setValue(3650);
    page.apply();
    QTRY_COMPARE(page.inactive()->total(), 0);
}

QTEST_MAIN(TestStatsPages)
#include "tst_stats_pages.moc"
