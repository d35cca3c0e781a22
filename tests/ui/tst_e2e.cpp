#include "AccessPages.h"
#include "BulkDialog.h"
#include "ConflictDialog.h"
#include "CredentialStore.h"
#include "Csv.h"
#include "CsvImportDialog.h"
#include "DirectoryModels.h"
#include "DirectoryPages.h"
#include "DomainPage.h"
#include "ListExporter.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ObjectDialog.h"
#include "UiHarness.h"
#include "UserListModel.h"
#include "UserPage.h"
#include "UsersPage.h"

#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// The whole client against a real mailadmind, through its widgets: sign in, create a domain and a user, edit
// it, meet a second admin's edit and resolve the conflict, delete and restore, and import users from CSV.
class TestEndToEnd : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signIn();
    void createDomain();
    void createUser();
    void editUser();
    void conflictWithSecondSession();
    void deleteAndRestore();
    void importCsv();
    void importPreviewCatchesWhatTheServerWouldRefuse();
    void exportedUsersImportIntoAnotherDomain();
    void exportedDomainsHoldRawValues();

private:
    // Exports the whole list as the toolbar's Export does and reads the file back; false (with a warning) on
    // failure.
    bool exportList(const models::PagedListModel &model, const QString &file, csv::ParseResult *parsed);
    // Runs `action` on the next modal dialog as soon as it opens (the dialog's own event loop is running).
    void whenDialogOpens(std::function<void(QWidget *)> action);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
    std::unique_ptr<ui::MainWindow> m_window;
    api::CredentialStore m_credentials;
    QTemporaryDir m_dir;
    const QString m_domain = QStringLiteral("e2e-shop.example");
    const QString m_address = QStringLiteral("nora.quist@e2e-shop.example");
};

void TestEndToEnd::whenDialogOpens(std::function<void(QWidget *)> action)
{
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, action] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            action(modal);
        }
    });
    timer->start();
}

bool TestEndToEnd::exportList(
    const models::PagedListModel &model, const QString &file, csv::ParseResult *parsed)
{
    models::ListExporter exporter(&model, file);
    QString error = QStringLiteral("the export did not finish");
    bool done = false;
    connect(&exporter, &models::ListExporter::finished, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    exporter.start();
    if (!QTest::qWaitFor([&done] { return done; }, 10000) || !error.isEmpty()) {
        qWarning("export failed: %s", qPrintable(error));
        return false;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    *parsed = csv::parse(in.readAll());
    if (!parsed->error.isEmpty() || parsed->rows.isEmpty()) {
        qWarning("unreadable export: %s", qPrintable(parsed->error));
        return false;
    }
    return true;
}

void TestEndToEnd::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    m_credentials.setDisabled(true);
}

void TestEndToEnd::cleanupTestCase()
{
    ui::MessageBox::setNextAnswer(QMessageBox::Discard);
    m_window.reset();
    m_ui.reset();
    m_server.reset();
}

void TestEndToEnd::signIn()
{
    QSettings settings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    api::ServerProfile profile;
    profile.name = QStringLiteral("Staging");
    profile.url = QUrl(m_server->baseUrl());
    profile.environment = api::ServerProfile::Environment::Test;
    api::ProfileStore(settings).save({profile});
    ui::LoginWidget login(m_ui->api, m_ui->session, &m_credentials, &settings);
    login.findChild<QLineEdit *>(QStringLiteral("loginLineEdit"))
        ->setText(testing::demoLogin("company_admin"));
    QTest::keyClicks(login.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit")),
        QString::fromLatin1(TestServer::kPassword));
    api::ServerProfile signedIn;
    connect(&login, &ui::LoginWidget::signedIn, this, [&](const api::ServerProfile &p) { signedIn = p; });
    QTest::mouseClick(login.findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_VERIFY(!signedIn.name.isEmpty());
    m_window = std::make_unique<ui::MainWindow>(m_ui->context, signedIn, &m_credentials);
    m_window->show();
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("TEST")));
}

void TestEndToEnd::createDomain()
{
    QVERIFY(m_window->showPage(QStringLiteral("domains")));
    auto *page = qobject_cast<ui::DomainsPage *>(m_window->page(QStringLiteral("domains")));
    whenDialogOpens([this](QWidget *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))->setText(m_domain);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
    });
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("newDomainButton")), Qt::LeftButton);
    // Creating opens the new domain's page.
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("domain"));
    QTRY_COMPARE(m_window->domainPage()->name(), m_domain);
}

void TestEndToEnd::createUser()
{
    m_window->openDomainUsers(m_domain);
    QCOMPARE(m_window->currentPageName(), QStringLiteral("users"));
    ui::UsersPage *users = m_window->usersPage();
    whenDialogOpens([](QWidget *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("localPartLineEdit"))
            ->setText(QStringLiteral("Nora.Quist"));
        dialog->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"))
            ->setText(QStringLiteral("Nora Quist"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
    });
    QTest::mouseClick(users->findChild<QPushButton *>(QStringLiteral("newUserButton")), Qt::LeftButton);
    QTRY_COMPARE(users->users()->total(), 1);
    QTRY_COMPARE(users->users()->addressAt(0), m_address);
}

void TestEndToEnd::editUser()
{
    ui::UsersPage *users = m_window->usersPage();
    QTableView *table = users->findChild<QTableView *>(QStringLiteral("tableView"));
    emit table->activated(users->users()->index(0, 0));
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("user"));
    ui::UserPage *page = m_window->userPage();
    QTRY_COMPARE(page->address(), m_address);
    auto *name = page->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Nora B. Quist"));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(page->version(), 2);
    HttpClient check = m_server->operatorClient();
    QCOMPARE(check.get(QStringLiteral("/api/v1/users/") + m_address)
                 .json()
                 .value(QLatin1String("display_name"))
                 .toString(),
        QStringLiteral("Nora B. Quist"));
}

void TestEndToEnd::conflictWithSecondSession()
{
    ui::UserPage *page = m_window->userPage();
    HttpClient other = m_server->client();
    QCOMPARE(
        other.signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)), 201);
    QCOMPARE(other
                 .patch(QStringLiteral("/api/v1/users/") + m_address,
                     QJsonObject {{QStringLiteral("notes"), QStringLiteral("Moved to the Oslo office")}}, 2)
                 .status,
        200);
    auto *name = page->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Nora Quist-Berg"));
    ui::ConflictDialog::setNextChoice(ui::ConflictDialog::ApplyMine);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(page->version(), 4);
    const QJsonObject stored = other.get(QStringLiteral("/api/v1/users/") + m_address).json();
    QCOMPARE(stored.value(QLatin1String("display_name")).toString(), QStringLiteral("Nora Quist-Berg"));
    QCOMPARE(stored.value(QLatin1String("notes")).toString(), QStringLiteral("Moved to the Oslo office"));
}

void TestEndToEnd::deleteAndRestore()
{
    ui::UserPage *page = m_window->userPage();
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QTRY_COMPARE(page->object().value(QLatin1String("status")).toString(), QStringLiteral("deleted"));
    // Nothing left to do to a deleted user here: the actions are off and the fields read-only.
    for (const char *name : {"suspendButton", "deleteButton", "resetPasswordButton"})
        QVERIFY2(!page->findChild<QPushButton *>(QString::fromLatin1(name))->isEnabled(), name);
    auto *displayName = page->findChild<QLineEdit *>(QStringLiteral("displayNameLineEdit"));
    QVERIFY(displayName);
    QVERIFY(displayName->isReadOnly());
    HttpClient check = m_server->operatorClient();
    QCOMPARE(check.get(QStringLiteral("/api/v1/users/") + m_address).status, 404);

    QVERIFY(m_window->showPage(QStringLiteral("deleted")));
    auto *deleted = qobject_cast<ui::DeletedItemsPage *>(m_window->page(QStringLiteral("deleted")));
    ui::ListPage *list = deleted->usersList();
    auto *model = static_cast<models::UserListModel *>(list->model());
    QTRY_VERIFY(model->rowOfKey(m_address) >= 0);
    list->table()->selectRow(model->rowOfKey(m_address));
    QTest::mouseClick(list->findChild<QPushButton *>(QStringLiteral("restoreUsersButton")), Qt::LeftButton);
    QTRY_COMPARE(check.get(QStringLiteral("/api/v1/users/") + m_address).status, 200);
    QCOMPARE(check.get(QStringLiteral("/api/v1/users/") + m_address)
                 .json()
                 .value(QLatin1String("status"))
                 .toString(),
        QStringLiteral("active"));
    if (auto *bulk = deleted->findChild<ui::BulkDialog *>())
        bulk->close();
}

void TestEndToEnd::importCsv()
{
    const QByteArray csv = "email,name,quota,type,forward to\r\n"
                           "ada.lind@e2e-shop.example,Ada Lind,2 GB,mailbox,\r\n"
                           "bo.strand,\"Strand, Bo\",512 MB,,\r\n"
                           "not valid!,Broken Name,1 GB,mailbox,\r\n"
                           "cy.holm,Cy Holm,lots,mailbox,\r\n"
                           "sales,Sales team,,forward,ada.lind@e2e-shop.example;boss@partner.example\r\n"
                           "dee@other.example,Wrong Domain,1 GB,mailbox,\r\n"
                           "nora.quist,Duplicate Of Existing,1 GB,mailbox,\r\n";
    const QString file = m_dir.filePath(QStringLiteral("users.csv"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(csv);
    out.close();

    ui::CsvImportWidget importer(m_ui->context, m_domain);
    QVERIFY(importer.loadFile(file));
    // Columns were matched from the header.
    QCOMPARE(importer.mapping(QStringLiteral("local_part")), 0);
    QCOMPARE(importer.mapping(QStringLiteral("display_name")), 1);
    QCOMPARE(importer.mapping(QStringLiteral("quota")), 2);
    QCOMPARE(importer.mapping(QStringLiteral("forward_recipients")), 4);
    QCOMPARE(importer.validCount(), 4); // ada, bo, sales, and nora (refused by the server later)
    QCOMPARE(importer.invalidCount(), 3);
    QCOMPARE(importer.preview()->rowCount(), 7);
    QVERIFY(importer.preview()->item(2, 1)->text().contains(QStringLiteral("local_part")));
    importer.startImport();
    QTRY_VERIFY(!importer.isRunning());
    QCOMPARE(importer.importedCount(), 3);
    HttpClient check = m_server->operatorClient();
    const QJsonObject bo = check.get(QStringLiteral("/api/v1/users/bo.strand@e2e-shop.example")).json();
    QCOMPARE(bo.value(QLatin1String("display_name")).toString(), QStringLiteral("Strand, Bo"));
    QCOMPARE(bo.value(QLatin1String("quota")).toDouble(), 512.0 * 1024 * 1024);
    QCOMPARE(check.get(QStringLiteral("/api/v1/users/sales@e2e-shop.example"))
                 .json()
                 .value(QLatin1String("type"))
                 .toString(),
        QStringLiteral("forward"));
    // The failed rows come back as CSV with the reason, ready to fix and import again.
    const csv::ParseResult failed = csv::parse(importer.failedRowsCsv());
    QVERIFY(failed.error.isEmpty());
    QCOMPARE(failed.rows.size(), 5); // header + 4 failures
    QCOMPARE(failed.rows.first().last(), QStringLiteral("reason"));
    QStringList failedNames;
    for (const QStringList &row : failed.rows.mid(1))
        failedNames << row.at(1);
    QCOMPARE(failedNames,
        (QStringList {QStringLiteral("Broken Name"), QStringLiteral("Cy Holm"),
            QStringLiteral("Wrong Domain"), QStringLiteral("Duplicate Of Existing")}));
    QVERIFY(failed.rows.last().last().contains(QStringLiteral("in use")));
}

// Duplicates within the file, a password the policy refuses and an alias in another domain are marked in
// the preview, before anything is sent; what the server still refuses reads in the colour of a problem.
void TestEndToEnd::importPreviewCatchesWhatTheServerWouldRefuse()
{
    const QByteArray csv = QStringLiteral("email,name,password,aliases\r\n"
                                          "twin.one,First Twin,,\r\n"
                                          "weak.pass,Weak Password,123,\r\n"
                                          "alias.away,Alias Elsewhere,,info@other.example\r\n"
                                          "solo.fine,Solo Fine,,solo.alias@%1\r\n"
                                          "nora.quist,Duplicate Of Existing,,\r\n"
                                          "TWIN.ONE,Second Twin,,\r\n")
                               .arg(m_domain)
                               .toUtf8();
    ui::CsvImportWidget importer(m_ui->context, m_domain);
    QVERIFY(importer.loadData(csv));
    QTableWidget *preview = importer.preview();
    const auto check = [preview](int row) { return preview->item(row, 1)->text(); };
    QVERIFY2(check(0).contains(QStringLiteral("row 7")), qPrintable(check(0)));
    QVERIFY2(check(5).contains(QStringLiteral("row 2")), qPrintable(check(5)));
    QVERIFY2(check(1).contains(QStringLiteral("password")), qPrintable(check(1)));
    QVERIFY2(check(2).contains(QStringLiteral("other.example")), qPrintable(check(2)));
    QCOMPARE(check(3), QStringLiteral("OK"));
    QCOMPARE(importer.validCount(), 2); // solo.fine, and nora.quist (in use: only the server knows)
    const QByteArray before = m_server->digest();
    importer.startImport();
    QTRY_VERIFY(!importer.isRunning());
    QCOMPARE(importer.importedCount(), 1);
    QVERIFY(m_server->digest() != before);
    QCOMPARE(check(3), QStringLiteral("Imported"));
    QVERIFY2(check(4).contains(QStringLiteral("in use")), qPrintable(check(4)));
    QCOMPARE(preview->item(4, 1)->foreground().color(), preview->item(1, 1)->foreground().color());
    QVERIFY(preview->item(4, 1)->foreground().color() != preview->item(3, 1)->foreground().color());
    // Neither twin was created.
    HttpClient c = m_server->operatorClient();
    QCOMPARE(c.get(QStringLiteral("/api/v1/users/twin.one@%1").arg(m_domain)).status, 404);
}

// The users list of a domain exported to CSV holds raw values (bytes, enum keys, ISO times) under headers the
// import reads back: importing the file into another domain recreates the same users there.
void TestEndToEnd::exportedUsersImportIntoAnotherDomain()
{
    HttpClient admin = m_server->client();
    QCOMPARE(admin.signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)), 201);
    const QJsonObject source = admin.get(QStringLiteral("/api/v1/domains/") + m_domain).json();
    const qint64 company = qint64(source.value(QLatin1String("company_id")).toDouble());
    const QString copy = QStringLiteral("e2e-copy.example");
    QCOMPARE(admin.post(QStringLiteral("/api/v1/companies/%1/domains").arg(company),
                      {{QStringLiteral("name"), copy}})
                 .status,
        201);

    models::UserListModel users(m_ui->api);
    users.setDomain(m_domain);
    QTRY_VERIFY(!users.isLoading() && users.total() > 0);
    const QString file = m_dir.filePath(QStringLiteral("exported-users.csv"));
    csv::ParseResult parsed;
    QVERIFY(exportList(users, file, &parsed));
    const QStringList header = parsed.rows.first();
    QCOMPARE(header, users.exportHeader());
    QCOMPARE(parsed.rows.size(), users.total() + 1);
    const QJsonArray original
        = admin.get(QStringLiteral("/api/v1/domains/%1/users?limit=1000&sort=address").arg(m_domain))
              .json()
              .value(QLatin1String("items"))
              .toArray();
    QHash<QString, QJsonObject> byLocalPart;
    for (const QJsonValue &v : original)
        byLocalPart.insert(v.toObject().value(QLatin1String("local_part")).toString(), v.toObject());
    // Raw values, not what the table shows.
    for (const QStringList &row : parsed.rows.mid(1)) {
        const QJsonObject u = byLocalPart.value(row.at(header.indexOf(QStringLiteral("local_part"))));
        QVERIFY(!u.isEmpty());
        QCOMPARE(row.at(header.indexOf(QStringLiteral("address"))), u.value(QLatin1String("address")).toString());
        QCOMPARE(row.at(header.indexOf(QStringLiteral("quota"))),
            QString::number(qint64(u.value(QLatin1String("quota")).toDouble())));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("used_bytes"))),
            QString::number(qint64(u.value(QLatin1String("used_bytes")).toDouble())));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("type"))), u.value(QLatin1String("type")).toString());
        QCOMPARE(
            row.at(header.indexOf(QStringLiteral("status"))), u.value(QLatin1String("status")).toString());
        const QString lastLogin = row.at(header.indexOf(QStringLiteral("last_login")));
        QVERIFY(lastLogin.isEmpty() || QDateTime::fromString(lastLogin, Qt::ISODate).isValid());
    }

    // The import maps the columns by their names and creates every row in the other domain.
    ui::CsvImportWidget importer(m_ui->context, copy);
    QVERIFY(importer.loadFile(file));
    QCOMPARE(importer.mapping(QStringLiteral("local_part")), int(header.indexOf(QStringLiteral("local_part"))));
    QCOMPARE(
        importer.mapping(QStringLiteral("display_name")), int(header.indexOf(QStringLiteral("display_name"))));
    QCOMPARE(importer.mapping(QStringLiteral("type")), int(header.indexOf(QStringLiteral("type"))));
    QCOMPARE(importer.mapping(QStringLiteral("quota")), int(header.indexOf(QStringLiteral("quota"))));
    QCOMPARE(importer.mapping(QStringLiteral("forward_recipients")),
        int(header.indexOf(QStringLiteral("forward_recipients"))));
    QCOMPARE(importer.invalidCount(), 0);
    importer.startImport();
    QTRY_VERIFY(!importer.isRunning());
    QCOMPARE(importer.importedCount(), int(original.size()));
    const QJsonArray copied
        = admin.get(QStringLiteral("/api/v1/domains/%1/users?limit=1000&sort=address").arg(copy))
              .json()
              .value(QLatin1String("items"))
              .toArray();
    QCOMPARE(copied.size(), original.size());
    for (const QJsonValue &v : copied) {
        const QJsonObject c = v.toObject();
        const QJsonObject u = byLocalPart.value(c.value(QLatin1String("local_part")).toString());
        QVERIFY(!u.isEmpty());
        for (const char *field : {"display_name", "type", "quota", "forward_recipients"})
            QCOMPARE(c.value(QLatin1String(field)), u.value(QLatin1String(field)));
        QCOMPARE(c.value(QLatin1String("address")).toString(),
            u.value(QLatin1String("local_part")).toString() + QLatin1Char('@') + copy);
    }
}

// Every other list exports what the server sent, not what the table shows: the domains list's file holds the
// field names as headers and bytes, ISO times and booleans as the API gives them.
void TestEndToEnd::exportedDomainsHoldRawValues()
{
    HttpClient admin = m_server->client();
    QCOMPARE(
        admin.signIn(testing::demoLogin("company_admin"), QString::fromLatin1(TestServer::kPassword)), 201);
    models::DomainListModel domains(m_ui->api);
    domains.setSearch(QStringLiteral("e2e-"));
    QTRY_VERIFY(!domains.isLoading() && domains.total() >= 2);
    const QString file = m_dir.filePath(QStringLiteral("exported-domains.csv"));
    csv::ParseResult parsed;
    QVERIFY(exportList(domains, file, &parsed));
    const QStringList header = parsed.rows.first();
    QCOMPARE(header.mid(0, 4),
        QStringList({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("user_count"),
            QStringLiteral("created_at")}));
    QCOMPARE(parsed.rows.size(), domains.total() + 1);
    for (const QStringList &row : parsed.rows.mid(1)) {
        QCOMPARE(row.size(), header.size());
        const QString name = row.at(header.indexOf(QStringLiteral("name")));
        const QJsonObject d = admin.get(QStringLiteral("/api/v1/domains/") + name).json();
        QCOMPARE(row.at(0), QString::number(qint64(d.value(QLatin1String("id")).toDouble())));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("created_at"))),
            d.value(QLatin1String("created_at")).toString());
        QVERIFY(QDateTime::fromString(row.at(header.indexOf(QStringLiteral("created_at"))), Qt::ISODate)
                    .isValid());
        for (const QString &field : header) {
            const QJsonValue v = d.value(field);
            if (v.isDouble())
                QCOMPARE(row.at(header.indexOf(field)), QString::number(qint64(v.toDouble())));
            else if (v.isBool())
                QCOMPARE(row.at(header.indexOf(field)),
                    v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            else if (v.isString())
                QCOMPARE(row.at(header.indexOf(field)), v.toString());
        }
    }
    QCOMPARE(models::PagedListModel::rawCsvValue(QJsonValue(53687091200.0)), QStringLiteral("53687091200"));
    QCOMPARE(models::PagedListModel::rawCsvValue(QJsonValue(0.25)), QStringLiteral("0.25"));
    QCOMPARE(models::PagedListModel::rawCsvValue(
                 QJsonArray({QStringLiteral("a@x.example"), QStringLiteral("b@x.example")})),
        QStringLiteral("a@x.example;b@x.example"));
    QCOMPARE(models::PagedListModel::rawCsvValue(QJsonValue()), QString());
}

QTEST_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
