#include "BulletinsPage.h"
#include "ConflictDialog.h"
#include "DirectoryPages.h"
#include "Form.h"
#include "MessageBox.h"
#include "ObjectDialog.h"
#include "PagedListModel.h"
#include "PasswordDialog.h"
#include "UiHarness.h"
#include "UserPage.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTextCursor>
#include <QTreeWidget>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The user editor against a real server: saves only what changed, shows rule violations at their fields
// before sending and the server's after, and resolves a conflicting save with the admin's choice.
class TestEditors : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void savesChangedFields();
    void clientSideErrorsAtFields();
    void serverErrorsAtFields();
    void conflictReappliesMine();
    void conflictKeepsTheirs();
    void unsavedChangesGuard();
    void passwordResetShownOnce();
    void contactChoosesItsNotices();
    void bulletinEditorPreviewsAndSaves();
    void bulletinsPagePostsAndShowsProgress();

private:
    QString firstUser();
    QLineEdit *displayName() { return m_page->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit")); }
    QPushButton *saveButton() { return m_page->findChild<QPushButton *>(QStringLiteral("saveButton")); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<HttpClient> m_other; // a second admin working at the same time
    ui::UserPage *m_page = nullptr;
    QString m_address;
};

void TestEditors::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    QVERIFY(m_ui->signIn(testing::demoLogin("company_admin")));
    m_other = std::make_unique<HttpClient>(m_server->client());
    QCOMPARE(m_other->signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)),
        201);
}

void TestEditors::cleanupTestCase()
{
    m_other.reset();
    m_ui.reset();
    m_server.reset();
}

QString TestEditors::firstUser()
{
    const auto reply = m_other->get(QStringLiteral("/api/v1/users?limit=1&status=active&type=mailbox"));
    return reply.items().first().toObject().value(QLatin1String("address")).toString();
}

void TestEditors::init()
{
    m_address = firstUser();
    m_page = new ui::UserPage(m_ui->context);
    m_page->openUser(m_address);
    QTRY_VERIFY(!displayName()->text().isEmpty() || m_page->version() > 0);
    QTRY_VERIFY(m_page->version() > 0);
}

void TestEditors::cleanup()
{
    ui::MessageBox::setNextAnswer(QMessageBox::Discard);
    delete m_page;
    m_page = nullptr;
}

void TestEditors::savesChangedFields()
{
    QVERIFY(!saveButton()->isEnabled());
    const int version = m_page->version();
    displayName()->setText(QStringLiteral("Edited Name"));
    QTest::keyClick(displayName(), Qt::Key_End); // a real edit signal
    emit m_page->form()->edited();
    QVERIFY(saveButton()->isEnabled());
    QCOMPARE(m_page->form()->changes().keys(), QStringList {QStringLiteral("display_name")});
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    QTRY_COMPARE(m_page->version(), version + 1);
    const QJsonObject stored = m_other->get(QStringLiteral("/api/v1/users/") + m_address).json();
    QCOMPARE(stored.value(QLatin1String("display_name")).toString(), QStringLiteral("Edited Name"));
    QVERIFY(!saveButton()->isEnabled());
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("messageLabel"))
                ->text()
                .contains(QStringLiteral("Saved")));
}

void TestEditors::clientSideErrorsAtFields()
{
    auto *aliases = m_page->findChild<QPlainTextEdit *>(QStringLiteral("aliasesPlainTextEdit"));
    QVERIFY(aliases);
    aliases->setPlainText(QStringLiteral("not an address"));
    const QByteArray before = m_server->digest();
    m_page->save();
    auto *error = m_page->findChild<QLabel *>(QStringLiteral("aliasesErrorLabel"));
    QVERIFY(error->isVisibleTo(m_page));
    QVERIFY(!error->text().isEmpty());
    QTest::qWait(50);
    QCOMPARE(m_server->digest(), before); // nothing was sent
}

void TestEditors::serverErrorsAtFields()
{
    // An alias in another domain passes the field rules but not the server's.
    auto *aliases = m_page->findChild<QPlainTextEdit *>(QStringLiteral("aliasesPlainTextEdit"));
    aliases->setPlainText(QStringLiteral("someone@elsewhere.example"));
    m_page->save();
    auto *error = m_page->findChild<QLabel *>(QStringLiteral("aliasesErrorLabel"));
    QTRY_VERIFY(error->isVisibleTo(m_page));
    QVERIFY(error->text().contains(QStringLiteral("alias")));
    QVERIFY(m_page->isDirty()); // the edit is kept for correction
}

void TestEditors::conflictReappliesMine()
{
    const int version = m_page->version();
    // Someone else changes the notes meanwhile.
    QCOMPARE(m_other
                 ->patch(QStringLiteral("/api/v1/users/") + m_address,
                     QJsonObject {{QStringLiteral("notes"), QStringLiteral("from the other admin")}}, version)
                 .status,
        200);
    displayName()->setText(QStringLiteral("Mine After Conflict"));
    ui::ConflictDialog::setNextChoice(ui::ConflictDialog::ApplyMine);
    m_page->save();
    QTRY_COMPARE(m_page->version(), version + 2);
    const QJsonObject stored = m_other->get(QStringLiteral("/api/v1/users/") + m_address).json();
    QCOMPARE(stored.value(QLatin1String("display_name")).toString(), QStringLiteral("Mine After Conflict"));
    QCOMPARE(stored.value(QLatin1String("notes")).toString(), QStringLiteral("from the other admin"));
    // The conflict named the fields as the form labels them, not by their keys.
    const QStringList fields = ui::ConflictWidget::lastFields();
    QVERIFY2(fields.contains(QStringLiteral("Display name")), qPrintable(fields.join(u',')));
    QVERIFY2(fields.contains(QStringLiteral("Notes")), qPrintable(fields.join(u',')));
    QVERIFY(!fields.contains(QStringLiteral("display_name")));
}

void TestEditors::conflictKeepsTheirs()
{
    const int version = m_page->version();
    QCOMPARE(m_other
                 ->patch(QStringLiteral("/api/v1/users/") + m_address,
                     QJsonObject {{QStringLiteral("display_name"), QStringLiteral("Theirs")}}, version)
                 .status,
        200);
    displayName()->setText(QStringLiteral("Mine"));
    ui::ConflictDialog::setNextChoice(ui::ConflictDialog::KeepTheirs);
    m_page->save();
    QTRY_COMPARE(displayName()->text(), QStringLiteral("Theirs"));
    QCOMPARE(m_page->version(), version + 1);
    QVERIFY(!m_page->isDirty());
}

void TestEditors::unsavedChangesGuard()
{
    displayName()->setText(QStringLiteral("Not saved"));
    ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!m_page->confirmLeave());
    QVERIFY(ui::MessageBox::lastText().contains(QStringLiteral("did not save")));
    ui::MessageBox::setNextAnswer(QMessageBox::Discard);
    QVERIFY(m_page->confirmLeave());
    QVERIFY(!m_page->isDirty());
}

void TestEditors::passwordResetShownOnce()
{
    ui::PasswordWidget widget(m_ui->context, QStringLiteral("/users/%1/password").arg(m_address), m_address);
    const QString generated = widget.password();
    QCOMPARE(generated.size(), 16);
    QVERIFY(generated != ui::PasswordWidget::generatePassword());
    widget.setPassword(QStringLiteral("short"));
    widget.submit();
    auto *message = widget.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QTRY_VERIFY(message->text().contains(QStringLiteral("refused")));
    QVERIFY(!widget.succeeded());
    widget.generate();
    widget.submit();
    QTRY_VERIFY(widget.succeeded());
    QVERIFY(message->text().contains(QStringLiteral("not shown again")));
    QVERIFY(widget.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))->isReadOnly());
    QCOMPARE(widget.answer().value(QLatin1String("password_set")).toBool(), true);
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("setPasswordButton"))->isVisibleTo(&widget));
}

void TestEditors::contactChoosesItsNotices()
{
    // An emergency contact that wants outage notices only: the editor's boxes say so, and the server keeps
    // it.
    const QJsonObject me = m_other->get(QStringLiteral("/api/v1/me")).json();
    const qint64 company = qint64(me.value(QLatin1String("company_id")).toDouble());
    const auto created = m_other->post(QStringLiteral("/api/v1/companies/%1/contacts").arg(company),
        QJsonObject {{QStringLiteral("type"), QStringLiteral("emergency")},
            {QStringLiteral("name"), QStringLiteral("Night desk")},
            {QStringLiteral("email"), QStringLiteral("night@desk.example")}});
    QCOMPARE(created.status, 201);
    const QString path = QStringLiteral("/companies/%1/contacts/%2")
                             .arg(company)
                             .arg(qint64(created.json().value(QLatin1String("id")).toDouble()));
    ui::ObjectDialog dialog(
        m_ui->context, EntitySchema::contact(), ui::ObjectDialog::Mode::Edit, path, QStringLiteral("Edit"));
    ui::ContactsPage::fillForm(dialog.form());
    dialog.setObject(created.json());
    auto *outage = dialog.findChild<QCheckBox *>(QStringLiteral("outageNoticeCheckBox"));
    auto *degradation = dialog.findChild<QCheckBox *>(QStringLiteral("degradationNoticeCheckBox"));
    auto *maintenance = dialog.findChild<QCheckBox *>(QStringLiteral("maintenanceNoticeCheckBox"));
    QVERIFY(outage && degradation && maintenance);
    QVERIFY(outage->isChecked() && degradation->isChecked() && maintenance->isChecked());
    QVERIFY(dialog.form()->changes().isEmpty());
    degradation->setChecked(false);
    maintenance->setChecked(false);
    QCOMPARE(dialog.form()->changes().keys(), QStringList {QStringLiteral("notice_kinds")});
    dialog.submit();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    const QJsonObject stored = m_other->get(QStringLiteral("/api/v1") + path).json();
    QCOMPARE(stored.value(QLatin1String("notice_kinds")).toArray(), QJsonArray {QStringLiteral("outage")});
    // Opened again, the editor shows what is stored.
    ui::ObjectDialog again(
        m_ui->context, EntitySchema::contact(), ui::ObjectDialog::Mode::Edit, path, QStringLiteral("Edit"));
    ui::ContactsPage::fillForm(again.form());
    again.setObject(stored);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("outageNoticeCheckBox"))->isChecked());
    QVERIFY(!again.findChild<QCheckBox *>(QStringLiteral("maintenanceNoticeCheckBox"))->isChecked());
}

void TestEditors::bulletinEditorPreviewsAndSaves()
{
    ui::BulletinEditor editor(m_ui->context, {});
    auto *domain = editor.findChild<QLineEdit *>(QStringLiteral("domainLineEdit"));
    const QString domainName = m_address.section(QLatin1Char('@'), 1);
    domain->setText(domainName);
    editor.findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))->setText(QStringLiteral("Editor news"));
    editor.textEdit()->setPlainText(QStringLiteral("Subject: News for \n\nHello "));
    editor.textEdit()->moveCursor(QTextCursor::End);
    QTest::mouseClick(
        editor.findChild<QPushButton *>(QStringLiteral("namePlaceholderButton")), Qt::LeftButton);
    QVERIFY(editor.textEdit()->toPlainText().endsWith(QStringLiteral("Hello {name}")));
    QVERIFY2(
        editor.previewText().contains(QStringLiteral("Hello Ana Silva")), qPrintable(editor.previewText()));
    QCOMPARE(ui::BulletinEditor::preview(QStringLiteral("{account} {'domain'} {title}"),
                 QStringLiteral("a@b.example"), QStringLiteral("A"), QStringLiteral("b.example")),
        QStringLiteral("a@b.example b.example "));
    // The server's reason for refusing shows in the editor; nothing is stored.
    editor.textEdit()->setPlainText(QStringLiteral("no headers here"));
    editor.submit();
    auto *error = editor.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QTRY_VERIFY(error->isVisibleTo(&editor));
    QVERIFY(error->text().contains(QStringLiteral("headers")));
    QCOMPARE(
        m_other->get(QStringLiteral("/api/v1/bulletins")).json().value(QLatin1String("total")).toInt(), 0);
    editor.textEdit()->setPlainText(QStringLiteral("Subject: News for {domain}\n\nHello {name}\n"));
    editor.submit();
    QTRY_COMPARE(editor.result(), int(QDialog::Accepted));
    const QJsonArray stored = m_other->get(QStringLiteral("/api/v1/bulletins")).items();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().toObject().value(QLatin1String("domain")).toString(), domainName);
    QCOMPARE(stored.first().toObject().value(QLatin1String("type")).toString(), QStringLiteral("manual"));
}

void TestEditors::bulletinsPagePostsAndShowsProgress()
{
    ui::BulletinsPage page(m_ui->context);
    page.refresh();
    QTRY_COMPARE(page.model()->rowCount(), 1);
    page.table()->selectRow(0);
    QTRY_VERIFY(page.progressLabel()->text().contains(QStringLiteral("0 of 0 delivered")));
    page.postNow(0);
    const QString domainName = m_address.section(QLatin1Char('@'), 1);
    const int mailboxes = m_other
                              ->get(QStringLiteral("/api/v1/domains/") + domainName
                                  + QStringLiteral("/users?type=mailbox&limit=1"))
                              .json()
                              .value(QLatin1String("total"))
                              .toInt();
    QVERIFY(mailboxes > 0);
    const QString expected
        = QStringLiteral("0 of %1 delivered, %1 waiting").arg(QLocale().toString(mailboxes));
    QTRY_VERIFY2(page.progressLabel()->text().contains(expected), qPrintable(page.progressLabel()->text()));
    auto *posts = page.findChild<QTreeWidget *>(QStringLiteral("postsTreeWidget"));
    QTRY_COMPARE(posts->topLevelItemCount(), 1);
    QCOMPARE(posts->topLevelItem(0)->text(3), QLocale().toString(mailboxes));
}

QTEST_MAIN(TestEditors)
#include "tst_editors.moc"
