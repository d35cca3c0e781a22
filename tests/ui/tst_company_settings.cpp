#include "CompanySettingsDialog.h"
#include "ConflictDialog.h"
#include "DomainPage.h"
#include "Form.h"
#include "UiHarness.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The company's report schedule and spike thresholds, edited in the client against a real mailadmind:
// reached from the Company page, saved with If-Match, refused input shown at its field with nothing stored,
// a conflicting save resolved like the other editors, and "Send now" queued and throttled.
class TestCompanySettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void reachedFromCompanyPage();
    void savesThresholds();
    void badInputAtFieldsNothingStored();
    void conflictReappliesMine();
    void sendNowQueuesAndIsThrottled();

private:
    QString schedulePath() const { return QStringLiteral("/api/v1/companies/%1/report-schedule").arg(m_company); }
    QString thresholdsPath() const
    {
        return QStringLiteral("/api/v1/companies/%1/spike-thresholds").arg(m_company);
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<HttpClient> m_other;
    std::unique_ptr<ui::CompanySettingsDialog> m_dialog;
    qint64 m_company = 0;
};

void TestCompanySettings::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    QVERIFY(m_ui->signIn(testing::demoLogin("company_admin")));
    m_other = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_other->signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)),
        201);
    m_company = qint64(m_other->get(QStringLiteral("/api/v1/me"))
                           .json()
                           .value(QLatin1String("company_id"))
                           .toDouble());
    QVERIFY(m_company > 0);
    m_dialog = std::make_unique<ui::CompanySettingsDialog>(m_ui->context, m_company);
    m_dialog->show();
    QTRY_VERIFY(m_dialog->report()->version() > 0);
    QTRY_VERIFY(m_dialog->thresholds()->version() > 0);
}

void TestCompanySettings::cleanupTestCase()
{
    m_dialog.reset();
    m_other.reset();
    m_ui.reset();
    m_server.reset();
}

void TestCompanySettings::reachedFromCompanyPage()
{
    ui::CompanyPage page(m_ui->context);
    page.show();
    auto *button = page.findChild<QPushButton *>(QStringLiteral("companySettingsButton"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled()); // nothing loaded yet
    page.openCompany(m_company);
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = page.findChild<ui::CompanySettingsDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE(dialog->report()->object().value(QLatin1String("company_id")).toInteger(), m_company);
    dialog->close();
}

void TestCompanySettings::savesThresholds()
{
    ui::SpikeThresholdsEditor *editor = m_dialog->thresholds();
    const int version = editor->version();
    auto *floor = editor->findChild<QSpinBox *>(QStringLiteral("userHourlyFloorSpinBox"));
    QVERIFY(floor);
    floor->setValue(75);
    auto *action = editor->findChild<QComboBox *>(QStringLiteral("spikeActionComboBox"));
    QVERIFY(action);
    action->setCurrentIndex(action->findData(QStringLiteral("hold")));
    editor->save();
    QTRY_COMPARE(editor->version(), version + 1);
    const QJsonObject stored = m_other->get(thresholdsPath()).json();
    QCOMPARE(stored.value(QLatin1String("user_hourly_floor")).toInt(), 75);
    QCOMPARE(stored.value(QLatin1String("spike_action")).toString(), QStringLiteral("hold"));
    QVERIFY(!editor->isDirty());
}

void TestCompanySettings::badInputAtFieldsNothingStored()
{
    ui::ReportScheduleEditor *editor = m_dialog->report();
    const QByteArray before = m_other->get(schedulePath()).body;
    auto *time = editor->findChild<QLineEdit *>(QStringLiteral("timeOfDayLineEdit"));
    QVERIFY(time);
    time->setText(QStringLiteral("25:99"));
    editor->save();
    auto *error = editor->findChild<QLabel *>(QStringLiteral("timeOfDayErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible() && !error->text().isEmpty());
    QCOMPARE(m_other->get(schedulePath()).body, before);
    // An address the field rules refuse is caught before anything is sent.
    editor->revert();
    auto *recipients = editor->findChild<QPlainTextEdit *>(QStringLiteral("recipientsPlainTextEdit"));
    QVERIFY(recipients);
    recipients->setPlainText(QStringLiteral("not an address"));
    editor->save();
    auto *recipientsError = editor->findChild<QLabel *>(QStringLiteral("recipientsErrorLabel"));
    QVERIFY(recipientsError);
    QTRY_VERIFY(recipientsError->isVisible() && !recipientsError->text().isEmpty());
    QCOMPARE(m_other->get(schedulePath()).body, before);
    editor->revert();
    QVERIFY(!editor->isDirty());
}

void TestCompanySettings::conflictReappliesMine()
{
    ui::ReportScheduleEditor *editor = m_dialog->report();
    const int version = editor->version();
    QCOMPARE(m_other->patch(schedulePath(), {{QStringLiteral("time_of_day"), QStringLiteral("05:30")}}, version)
                 .status,
        200);
    auto *recipients = editor->findChild<QPlainTextEdit *>(QStringLiteral("recipientsPlainTextEdit"));
    recipients->setPlainText(QStringLiteral("boss@northwind.example\nfinance@northwind.example"));
    ui::ConflictDialog::setNextChoice(ui::ConflictDialog::ApplyMine);
    editor->save();
    QTRY_COMPARE(editor->version(), version + 2);
    const QJsonObject stored = m_other->get(schedulePath()).json();
    QCOMPARE(stored.value(QLatin1String("time_of_day")).toString(), QStringLiteral("05:30"));
    QCOMPARE(stored.value(QLatin1String("recipients")).toArray().size(), 2);
    QCOMPARE(stored.value(QLatin1String("recipients")).toArray().at(1).toString(),
        QStringLiteral("finance@northwind.example"));
}

void TestCompanySettings::sendNowQueuesAndIsThrottled()
{
    ui::ReportScheduleEditor *editor = m_dialog->report();
    QPushButton *send = editor->sendNowButton();
    QTRY_VERIFY(send->isEnabled());
    auto *message = editor->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message);
    // Three sends are queued; the fourth within ten minutes is refused with the wait.
    for (int i = 0; i < 3; ++i) {
        message->clear();
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(message->text().contains(QStringLiteral("queued")));
        QTRY_VERIFY(send->isEnabled());
    }
    message->clear();
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY(message->text().contains(QStringLiteral("3 times")));
    QVERIFY(message->text().contains(QStringLiteral("second")));
    const QJsonArray audit = m_other->get(QStringLiteral("/api/v1/audit?action=report_send&limit=100"))
                                 .json()
                                 .value(QLatin1String("items"))
                                 .toArray();
    QCOMPARE(audit.size(), 3);
}

QTEST_MAIN(TestCompanySettings)
#include "tst_company_settings.moc"
