#include "AlertsPage.h"
#include "MessageBox.h"
#include "StatsModels.h"
#include "UiHarness.h"
#include "store/AlertRepository.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cstdlib>
#include <ctime>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The alerts page against a real mailadmind holding a few known alerts: one row per episode with its
// period, the episode's hours in the detail pane, acknowledging several episodes in one request (from the
// button and from the keyboard), the answer when another admin got there first, and the account actions.
class TestAlertsPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void oneRowPerEpisode();
    void detailShowsTheHours();
    void acknowledgeSeveralEpisodes();
    void keyboardStartsOnTheList();
    void keyboardAcknowledges();
    void conflictIsExplained();
    void accountActions();

private:
    qint64 addAlert(const QString &address, const QString &span, qint64 period, qint64 observed);
    int rowOf(ui::AlertsPage &page, const QString &subject, int periods);
    QString statusOf(qint64 id);
    // The page, shown and loaded.
    std::unique_ptr<ui::AlertsPage> newPage();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<HttpClient> m_op;
    qint64 m_company = 0;
    qint64 m_domainId = 0;
    QString m_nina, m_bob;
    QHash<QString, qint64> m_userIds;
    QList<qint64> m_ninaSix, m_ninaLate, m_bobDays;
};

namespace {
constexpr qint64 kMidnight = 1795824000; // 2026-11-28T00:00:00Z
const QString kDomain = QStringLiteral("pagetest.example");
} // namespace

qint64 TestAlertsPage::addAlert(const QString &address, const QString &span, qint64 period, qint64 observed)
{
    const QJsonObject alert {{QStringLiteral("company_id"), double(m_company)},
        {QStringLiteral("domain_id"), double(m_domainId)},
        {QStringLiteral("user_id"), double(m_userIds.value(address))},
        {QStringLiteral("scope"), QStringLiteral("user")}, {QStringLiteral("subject"), address},
        {QStringLiteral("span"), span},
        {QStringLiteral("period_start_epoch"),
            double(kMidnight + period * (span == QLatin1String("day") ? 86400 : 3600))},
        {QStringLiteral("observed"), double(observed)}, {QStringLiteral("baseline_median"), 2},
        {QStringLiteral("baseline_mad"), 1}, {QStringLiteral("threshold"), 60},
        {QStringLiteral("factor"), double(observed) / 2},
        {QStringLiteral("severity"),
            observed >= 200 ? QStringLiteral("critical") : QStringLiteral("warning")},
        {QStringLiteral("status"), QStringLiteral("open")}, {QStringLiteral("note"), QString()}};
    const Result<qint64> id = store::AlertRepository(m_server->db()).insertIfNew(alert, kMidnight);
    if (!id.ok() || id.value() <= 0)
        qFatal("fixture alert failed");
    return id.value();
}

int TestAlertsPage::rowOf(ui::AlertsPage &page, const QString &subject, int periods)
{
    for (int row = 0; row < page.episodes()->rowCount(); ++row) {
        const QJsonObject e = page.episodes()->objectAt(row);
        if (e.value(QLatin1String("subject")).toString() == subject
            && e.value(QLatin1String("period_count")).toInt() == periods)
            return row;
    }
    return -1;
}

QString TestAlertsPage::statusOf(qint64 id)
{
    return m_op->get(QStringLiteral("/api/v1/alerts/%1").arg(id))
        .json()
        .value(QLatin1String("status"))
        .toString();
}

std::unique_ptr<ui::AlertsPage> TestAlertsPage::newPage()
{
    auto page = std::make_unique<ui::AlertsPage>(m_ui->context);
    page->resize(1200, 900);
    page->show();
    return page;
}

void TestAlertsPage::initTestCase()
{
    // Periods show in local time: make it UTC, and the locale a fixed one.
    qputenv("TZ", "UTC");
    tzset();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const auto company = m_op->post(QStringLiteral("/api/v1/companies"),
        QJsonObject {{QStringLiteral("name"), QStringLiteral("Page Co")}});
    QCOMPARE(company.status, 201);
    m_company = qint64(company.json().value(QLatin1String("id")).toDouble());
    const auto domain = m_op->post(QStringLiteral("/api/v1/companies/%1/domains").arg(m_company),
        QJsonObject {{QStringLiteral("name"), kDomain}});
    QCOMPARE(domain.status, 201);
    m_domainId = qint64(domain.json().value(QLatin1String("id")).toDouble());
    for (const QString &local : {QStringLiteral("nina"), QStringLiteral("bob")}) {
        const auto u = m_op->post(QStringLiteral("/api/v1/domains/%1/users").arg(kDomain),
            QJsonObject {{QStringLiteral("local_part"), local}});
        QCOMPARE(u.status, 201);
        m_userIds.insert(
            local + QLatin1Char('@') + kDomain, qint64(u.json().value(QLatin1String("id")).toDouble()));
    }
    m_nina = QStringLiteral("nina@") + kDomain;
    m_bob = QStringLiteral("bob@") + kDomain;
    m_ui = std::make_unique<UiHarness>(m_server.get());
    QVERIFY(m_ui->signIn(QString::fromLatin1(TestServer::kOperator)));
}

void TestAlertsPage::cleanupTestCase()
{
    m_ui.reset();
    m_op.reset();
    m_server.reset();
}

void TestAlertsPage::init()
{
    // The same alerts, all open, before every test.
    QVERIFY(m_server->db().prepare(QStringLiteral("DELETE FROM alerts")).exec().ok());
    m_ninaSix.clear();
    m_ninaLate.clear();
    m_bobDays.clear();
    for (int h = 10; h <= 15; ++h)
        m_ninaSix << addAlert(m_nina, QStringLiteral("hour"), h, h == 12 ? 410 : 100 + h);
    m_ninaLate << addAlert(m_nina, QStringLiteral("hour"), 17, 90);
    m_bobDays << addAlert(m_bob, QStringLiteral("day"), 0, 300)
              << addAlert(m_bob, QStringLiteral("day"), 1, 250);
}

void TestAlertsPage::oneRowPerEpisode()
{
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->total(), 3);
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    const int six = rowOf(*page, m_nina, 6);
    QVERIFY(six >= 0);
    const auto cell
        = [&](int row, int column) { return page->episodes()->index(row, column).data().toString(); };
    QCOMPARE(cell(six, models::AlertEpisodeListModel::Period), QStringLiteral("28 Nov 10:00–15:00 (6 h)"));
    QCOMPARE(cell(six, models::AlertEpisodeListModel::Subject), m_nina);
    QCOMPARE(cell(six, models::AlertEpisodeListModel::Peak), QStringLiteral("410"));
    QCOMPARE(cell(six, models::AlertEpisodeListModel::Severity), QStringLiteral("Critical"));
    QCOMPARE(cell(six, models::AlertEpisodeListModel::Status), QStringLiteral("Open"));
    QCOMPARE(cell(rowOf(*page, m_nina, 1), models::AlertEpisodeListModel::Period),
        QStringLiteral("28 Nov 17:00 (1 h)"));
    QCOMPARE(cell(rowOf(*page, m_bob, 2), models::AlertEpisodeListModel::Period),
        QStringLiteral("28 Nov–29 Nov (2 days)"));
    // Nothing selected: nothing to act on.
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"))->isEnabled());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("openUserButton"))->isEnabled());
}

void TestAlertsPage::detailShowsTheHours()
{
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    page->table()->selectRow(rowOf(*page, m_nina, 6));
    const QString evidence = page->findChild<QLabel *>(QStringLiteral("evidenceLabel"))->text();
    QVERIFY2(evidence.contains(QStringLiteral("6 consecutive hours")), qPrintable(evidence));
    QVERIFY2(evidence.contains(QStringLiteral("6 of 6 alerts open")), qPrintable(evidence));
    const QString hours = page->findChild<QLabel *>(QStringLiteral("hoursLabel"))->text();
    for (int h = 10; h <= 15; ++h)
        QVERIFY2(hours.contains(QStringLiteral("28/11/2026 %1:00").arg(h)), qPrintable(hours));
    QVERIFY(hours.contains(QStringLiteral("410")));
    QCOMPARE(hours.count(QStringLiteral("<tr>")), 7); // the header and six hours
    QCOMPARE(page->level(), QStringLiteral("user"));
}

void TestAlertsPage::acknowledgeSeveralEpisodes()
{
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    QItemSelectionModel *selection = page->table()->selectionModel();
    for (int row : {rowOf(*page, m_nina, 6), rowOf(*page, m_bob, 2)})
        selection->select(
            page->episodes()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto *acknowledge = page->findChild<QPushButton *>(QStringLiteral("acknowledgeButton"));
    QVERIFY(acknowledge->isEnabled());
    page->noteEdit()->setText(QStringLiteral("Both were newsletters"));
    acknowledge->click();
    // On its way: the buttons wait for the answer.
    QVERIFY(page->isBusy());
    QVERIFY(!acknowledge->isEnabled());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("resolveButton"))->isEnabled());
    QTRY_VERIFY(!page->isBusy());
    for (qint64 id : m_ninaSix + m_bobDays) {
        const QJsonObject a = m_op->get(QStringLiteral("/api/v1/alerts/%1").arg(id)).json();
        QCOMPARE(a.value(QLatin1String("status")).toString(), QStringLiteral("acknowledged"));
        QCOMPARE(a.value(QLatin1String("note")).toString(), QStringLiteral("Both were newsletters"));
    }
    QCOMPARE(statusOf(m_ninaLate.first()), QStringLiteral("open"));
    // The open list now holds the one left; the note is cleared.
    QTRY_COMPARE(page->episodes()->total(), 1);
    QVERIFY(page->noteEdit()->text().isEmpty());
    // Every episode shown: resolve the acknowledged ones.
    auto *status = page->findChild<QComboBox *>(QStringLiteral("statusComboBox"));
    status->setCurrentIndex(status->findData(QString()));
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    page->table()->selectRow(rowOf(*page, m_bob, 2));
    QVERIFY(!acknowledge->isEnabled()); // nothing open in it
    page->resolve();
    QTRY_COMPARE(statusOf(m_bobDays.last()), QStringLiteral("resolved"));
    QCOMPARE(statusOf(m_bobDays.first()), QStringLiteral("resolved"));
}

void TestAlertsPage::keyboardStartsOnTheList()
{
    // Focus given to the page lands on the list, with the first episode current; Down moves on and selects.
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    QApplication::setActiveWindow(page.get());
    page->setFocus();
    QTRY_VERIFY(page->table()->hasFocus());
    QTRY_COMPARE(page->table()->currentIndex().row(), 0);
    QVERIFY(!page->table()->selectionModel()->hasSelection());
    QTest::keyClick(page->table(), Qt::Key_Down);
    QCOMPARE(page->table()->currentIndex().row(), 1);
    QVERIFY(page->table()->selectionModel()->hasSelection());
}

void TestAlertsPage::keyboardAcknowledges()
{
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    QApplication::setActiveWindow(page.get());
    page->table()->setFocus();
    QTRY_VERIFY(page->table()->hasFocus());
    page->table()->selectRow(rowOf(*page, m_nina, 1));
    QTest::keyClick(page->table(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(statusOf(m_ninaLate.first()), QStringLiteral("acknowledged"));
    QCOMPARE(statusOf(m_ninaSix.first()), QStringLiteral("open"));
}

void TestAlertsPage::conflictIsExplained()
{
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    page->table()->selectRow(rowOf(*page, m_nina, 6));
    // Another admin acknowledges one of its hours meanwhile.
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/alerts/%1/acknowledge").arg(m_ninaSix.at(2))).status, 200);
    ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    page->acknowledge();
    QTRY_VERIFY(!page->isBusy());
    QVERIFY2(ui::MessageBox::lastText().contains(QStringLiteral("no alert was changed")),
        qPrintable(ui::MessageBox::lastText()));
    QVERIFY2(ui::MessageBox::lastText().contains(QString::number(m_ninaSix.at(2))),
        qPrintable(ui::MessageBox::lastText()));
    QCOMPARE(statusOf(m_ninaSix.first()), QStringLiteral("open")); // all or nothing
    // The list is read again: the episode now holds five open alerts.
    QTRY_VERIFY(rowOf(*page, m_nina, 6) >= 0
        && models::AlertEpisodeListModel::openAlertIds(page->episodes()->objectAt(rowOf(*page, m_nina, 6)))
                .size()
            == 5);
}

void TestAlertsPage::accountActions()
{
    auto page = newPage();
    QTRY_COMPARE(page->episodes()->rowCount(), 3);
    page->table()->selectRow(rowOf(*page, m_bob, 2));
    QSignalSpy opened(m_ui->context, &ui::AppContext::openUserActivity);
    page->findChild<QPushButton *>(QStringLiteral("openUserButton"))->click();
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toString(), m_bob);
    const QString outbound = QStringLiteral("/api/v1/users/%1/outbound").arg(m_bob);
    page->findChild<QPushButton *>(QStringLiteral("holdMailButton"))->click();
    QTRY_VERIFY(m_op->get(outbound).json().value(QLatin1String("hold")).toBool());
    page->findChild<QPushButton *>(QStringLiteral("releaseMailButton"))->click();
    QTRY_VERIFY(!m_op->get(outbound).json().value(QLatin1String("hold")).toBool());
    ui::MessageBox::setNextText(QStringLiteral("Spam run"));
    page->findChild<QPushButton *>(QStringLiteral("suspendUserButton"))->click();
    QTRY_COMPARE(
        m_op->get(QStringLiteral("/api/v1/users/") + m_bob).json().value(QLatin1String("status")).toString(),
        QStringLiteral("suspended"));
}

QTEST_MAIN(TestAlertsPage)
#include "tst_alerts_page.moc"
