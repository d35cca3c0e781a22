#include "DomainPage.h"
#include "IncidentComposerWidget.h"
#include "IncidentModels.h"
#include "IncidentsPage.h"
#include "OutageSuggestionsWidget.h"
#include "Schema.h"
#include "StatsModels.h"
#include "TimeSeriesChart.h"
#include "UiHarness.h"
#include "auth/Clock.h"
#include "stats/OutageDemo.h"
#include "store/Database.h"
#include "store/OutageRepository.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace mailadmin;
using testing::HttpClient;
using testing::mnemonicOwners;
using testing::TestServer;
using testing::UiHarness;

// The operators' outage suggestions on the Incidents page, against a real server: the list, the evidence
// chart of the selected suggestion with its baseline band, Confirm opening the incident and Dismiss with a
// note; a company admin's Incidents page has no suggestions at all.
class TestOutageSuggestions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsEvidenceAndConfirms();
    void mnemonicsAreUnique();
    void dismissesWithNote();
    void onlyOperatorsHaveIt();

private:
    qint64 suggest(qint64 store, const QString &signal);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_op;
    std::unique_ptr<UiHarness> m_ui;
    qint64 m_storeA = 0, m_storeB = 0, m_company = 0;
};

qint64 TestOutageSuggestions::suggest(qint64 store, const QString &signal)
{
    const qint64 at = auth::Clock::now() - 600;
    const Result<qint64> id
        = store::OutageRepository(m_server->db())
              .open(store::LoginScope {'s', store},
                  QJsonObject {{QStringLiteral("signal"), signal}, {QStringLiteral("started_at"), double(at)},
                      {QStringLiteral("suggested_at"), double(at + 200)},
                      {QStringLiteral("last_anomaly_at"), double(at + 180)},
                      {QStringLiteral("observed_ok"), 4}, {QStringLiteral("observed_failed"), 90},
                      {QStringLiteral("expected_ok"), 60.0}, {QStringLiteral("expected_failed"), 2.0},
                      {QStringLiteral("level"), 1.0}});
    return id.ok() ? id.value() : 0;
}

void TestOutageSuggestions::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    m_op = std::make_unique<HttpClient>(m_server->operatorClient());
    const qint64 cluster = qint64(m_op->post(QStringLiteral("/api/v1/clusters"),
                                          QJsonObject {{QStringLiteral("name"), QStringLiteral("Cluster E")}})
                                      .json()
                                      .value(QLatin1String("id"))
                                      .toDouble());
    const auto store = [&](const QString &name) {
        return qint64(m_op->post(QStringLiteral("/api/v1/mail-stores"),
                              QJsonObject {{QStringLiteral("name"), name},
                                  {QStringLiteral("cluster_id"), double(cluster)}})
                          .json()
                          .value(QLatin1String("id"))
                          .toDouble());
    };
    m_storeA = store(QStringLiteral("e1"));
    m_storeB = store(QStringLiteral("e2"));
    QVERIFY(m_storeA > 0 && m_storeB > 0);
    // Four days of the demo's logins per minute, so that the evidence has a baseline.
    stats::OutageDemoOptions o;
    o.toMinute = auth::Clock::now() / 60 - 1;
    o.fromMinute = o.toMinute - 4 * 1440;
    o.outages = 0;
    QVERIFY(stats::OutageDemo(m_server->db()).write(o).ok());
    QVERIFY(suggest(m_storeA, QStringLiteral("failed_rise")) > 0);
    QVERIFY(suggest(m_storeB, QStringLiteral("success_fall")) > 0);
    m_company = qint64(m_op->post(QStringLiteral("/api/v1/companies"),
                               QJsonObject {{QStringLiteral("name"), QStringLiteral("Epsilon")}})
                           .json()
                           .value(QLatin1String("id"))
                           .toDouble());
    QCOMPARE(m_op->post(QStringLiteral("/api/v1/admins"),
                     QJsonObject {{QStringLiteral("login"), QStringLiteral("admin@epsilon")},
                         {QStringLiteral("role"), QStringLiteral("company_admin")},
                         {QStringLiteral("company_id"), double(m_company)},
                         {QStringLiteral("password"), QStringLiteral("Green-Delta-Harbour-31")}})
                 .status,
        201);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    QVERIFY(m_ui->signIn(QString::fromLatin1(TestServer::kOperator)));
}

void TestOutageSuggestions::cleanupTestCase()
{
    m_ui.reset();
    m_op.reset();
    m_server.reset();
}

void TestOutageSuggestions::showsEvidenceAndConfirms()
{
    ui::OutageSuggestionsWidget w(m_ui->context);
    w.resize(1000, 500);
    w.show();
    QTRY_COMPARE(w.suggestions()->loadedCount(), 2);
    // Newest first: store e2's, then e1's; the first is selected and its evidence drawn.
    QTRY_VERIFY(w.currentSuggestion() > 0);
    auto *table = w.findChild<QTableView *>(QStringLiteral("suggestionsTableView"));
    QVERIFY(table);
    const int row
        = w.suggestions()->objectAt(0).value(QLatin1String("scope_id")).toDouble() == double(m_storeA) ? 0
                                                                                                       : 1;
    table->selectRow(row);
    QTRY_COMPARE(
        qint64(w.suggestions()->objectAt(row).value(QLatin1String("scope_id")).toDouble()), m_storeA);
    const qint64 id = w.currentSuggestion();
    QTRY_VERIFY(w.evidence()->rowCount() >= 60);
    QVERIFY(!w.chart()->showsEmptyState());
    QVERIFY(!w.chart()->drawnPoints(QStringLiteral("ok")).isEmpty());
    QVERIFY(!w.chart()->drawnPoints(QStringLiteral("failed")).isEmpty());
    // The baseline is there: the store had logins on the days before.
    const int expected = w.evidence()->columnOf(QStringLiteral("expected_ok"));
    QVERIFY(w.evidence()->valueAt(w.evidence()->rowCount() - 1, expected) > 0);

    auto *confirm = w.findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QVERIFY(confirm && confirm->isEnabled());
    QSignalSpy opened(&w, &ui::OutageSuggestionsWidget::confirmed);
    confirm->click();
    QTRY_COMPARE(opened.count(), 1);
    const qint64 incident = opened.first().first().toLongLong();
    const QJsonObject s = m_op->get(QStringLiteral("/api/v1/outage-suggestions/%1").arg(id)).json();
    QCOMPARE(s.value(QLatin1String("status")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(qint64(s.value(QLatin1String("incident_id")).toDouble()), incident);
    const QJsonObject i = m_op->get(QStringLiteral("/api/v1/incidents/%1").arg(incident)).json();
    QCOMPARE(i.value(QLatin1String("stores")).toArray(), QJsonArray {double(m_storeA)});
    QCOMPARE(i.value(QLatin1String("status")).toString(), QStringLiteral("open"));
}

void TestOutageSuggestions::dismissesWithNote()
{
    ui::OutageSuggestionsWidget w(m_ui->context);
    w.show();
    QTRY_COMPARE(w.suggestions()->loadedCount(), 2);
    auto *table = w.findChild<QTableView *>(QStringLiteral("suggestionsTableView"));
    const int row
        = qint64(w.suggestions()->objectAt(0).value(QLatin1String("scope_id")).toDouble()) == m_storeB ? 0
                                                                                                       : 1;
    table->selectRow(row);
    QTRY_VERIFY(w.findChild<QPushButton *>(QStringLiteral("dismissButton"))->isEnabled());
    const qint64 id = w.currentSuggestion();
    w.findChild<QLineEdit *>(QStringLiteral("dismissNoteLineEdit"))
        ->setText(QStringLiteral("Planned restart"));
    w.findChild<QPushButton *>(QStringLiteral("dismissButton"))->click();
    QTRY_COMPARE(m_op->get(QStringLiteral("/api/v1/outage-suggestions/%1").arg(id))
                     .json()
                     .value(QLatin1String("status"))
                     .toString(),
        QStringLiteral("dismissed"));
    QCOMPARE(m_op->get(QStringLiteral("/api/v1/outage-suggestions/%1").arg(id))
                 .json()
                 .value(QLatin1String("note"))
                 .toString(),
        QStringLiteral("Planned restart"));
    // Decided suggestions offer no buttons.
    QTRY_VERIFY(!w.findChild<QPushButton *>(QStringLiteral("confirmButton"))->isEnabled());
}

void TestOutageSuggestions::onlyOperatorsHaveIt()
{
    ui::IncidentsPage operatorPage(m_ui->context);
    QVERIFY(operatorPage.suggestions() != nullptr);
    UiHarness admin(m_server.get());
    QVERIFY(admin.signIn(QStringLiteral("admin@epsilon"), QStringLiteral("Green-Delta-Harbour-31")));
    ui::IncidentsPage page(admin.context);
    QVERIFY(page.suggestions() == nullptr);
    QVERIFY(!page.findChild<ui::OutageSuggestionsWidget *>());
}

// Alt+N opens a new incident and Alt+U shows a domain's users: no label or tab shares their key.
void TestOutageSuggestions::mnemonicsAreUnique()
{
    ui::IncidentsPage incidents(m_ui->context);
    QCOMPARE(mnemonicOwners(&incidents, QLatin1Char('n')), QStringList {QStringLiteral("&New incident…")});
    ui::DomainPage domain(m_ui->context);
    QCOMPARE(mnemonicOwners(&domain, QLatin1Char('u')), QStringList {QStringLiteral("Show &users")});
    ui::IncidentComposerWidget composer(m_ui->context);
    for (const QString &service : incidents::services()) {
        auto *box = composer.findChild<QCheckBox *>(service + QStringLiteral("CheckBox"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QLatin1Char('&')), qPrintable(box->text()));
        const QChar key = box->text().at(box->text().indexOf(QLatin1Char('&')) + 1);
        QCOMPARE(mnemonicOwners(&composer, key).size(), 1);
    }
}

QTEST_MAIN(TestOutageSuggestions)
#include "tst_outage_suggestions.moc"
