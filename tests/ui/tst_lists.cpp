#include "AccessPages.h"
#include "BrandChoices.h"
#include "ByteSizeEdit.h"
#include "DirectoryModels.h"
#include "DirectoryPages.h"
#include "Form.h"
#include "MessageBox.h"
#include "ObjectDialog.h"
#include "QuotaDialog.h"
#include "StatsModels.h"
#include "UiHarness.h"
#include "UserListModel.h"
#include "UsersPage.h"
#include "Validation.h"
#include "auth/Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QUrl>

#include <algorithm>
#include <QTest>

using namespace mailadmin;
using testing::HttpClient;
using testing::TestServer;
using testing::UiHarness;

// What the lists show as a new user reads them: names rather than numbers, headers that sort, searches
// that find what was typed.
class TestLists : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void auditNamesBrandsAndContacts();
    void administratorsNameTheirCompany();
    void listsOpenAtoZ();
    void columnsFitTheWidth();
    void inactiveHeadersSort();
    void inactiveLeavesOutNewAccounts();
    void restoreKeepsSuspension();
    void quotaErrorsInGigabytes();
    void unicodeSearchAndAccentedOrder();
    void suspendReasonInAudit();
    void newUserHasQuotaAndMaskedPassword();
    void brandBoxFitsLongNames();
    void bulkQuotaAndDeleteAskFirst();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<UiHarness> m_ui;
};

void TestLists::initTestCase()
{
    m_server = std::make_unique<TestServer>(true);
    m_ui = std::make_unique<UiHarness>(m_server.get());
    QVERIFY(m_ui->signIn(testing::demoLogin("operator")));
}

void TestLists::cleanupTestCase()
{
    m_ui.reset();
    m_server.reset();
}

void TestLists::auditNamesBrandsAndContacts()
{
    HttpClient c = m_server->operatorClient();
    const HttpClient::Reply brand = c.post(QStringLiteral("/api/v1/brands"),
        {{QStringLiteral("name"), QStringLiteral("Cedar Valley Mail")}, {QStringLiteral("company_id"), 1}});
    QCOMPARE(brand.status, 201);
    const HttpClient::Reply contact = c.post(QStringLiteral("/api/v1/companies/1/contacts"),
        {{QStringLiteral("type"), QStringLiteral("abuse")}, {QStringLiteral("name"), QStringLiteral("Abuse desk")},
            {QStringLiteral("email"), QStringLiteral("abuse@northwind.example")}});
    QCOMPARE(contact.status, 201);

    models::AuditListModel audit(m_ui->api);
    QTRY_VERIFY(audit.rowCount() > 0);
    QStringList objects;
    for (int row = 0; row < audit.rowCount(); ++row)
        objects << audit.index(row, models::AuditListModel::Object).data().toString();
    QVERIFY2(objects.contains(QStringLiteral("Cedar Valley Mail")), qPrintable(objects.join(u',')));
    QVERIFY2(objects.contains(QStringLiteral("Abuse desk")), qPrintable(objects.join(u',')));
    const QString brandId = QString::number(qint64(brand.json().value(QLatin1String("id")).toDouble()));
    QVERIFY(!objects.contains(brandId));
}

void TestLists::administratorsNameTheirCompany()
{
    HttpClient c = m_server->operatorClient();
    const QString company = c.get(QStringLiteral("/api/v1/companies/1")).json().value(QLatin1String("name")).toString();
    QVERIFY(!company.isEmpty());
    models::AdminListModel admins(m_ui->api);
    QTRY_VERIFY(admins.rowCount() > 0);
    bool sawCompany = false;
    for (int row = 0; row < admins.rowCount(); ++row) {
        const QString scope = admins.index(row, models::AdminListModel::Scope).data().toString();
        QVERIFY2(!scope.startsWith(QLatin1String("Company ")), qPrintable(scope));
        sawCompany = sawCompany || scope == company;
    }
    QVERIFY(sawCompany);
}

// Enabling a view's sorting must not ask for the first column descending: a list opens in its model's order,
// names A to Z, and the header shows that order.
void TestLists::listsOpenAtoZ()
{
    ui::DomainsPage domains(m_ui->context);
    ui::UsersPage users(m_ui->context);
    users.setDomain(QString());
    for (ui::ListPage *page : {static_cast<ui::ListPage *>(&domains), static_cast<ui::ListPage *>(&users)}) {
        QTRY_VERIFY(!page->model()->isLoading() && page->model()->rowCount() > 1);
        QCOMPARE(page->model()->sortColumn(), 0);
        QCOMPARE(page->model()->sortOrder(), Qt::AscendingOrder);
        QHeaderView *header = page->table()->horizontalHeader();
        QVERIFY(header->isSortIndicatorShown());
        QCOMPARE(header->sortIndicatorSection(), 0);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        const QString first = page->model()->keyAt(0), second = page->model()->keyAt(1);
        QVERIFY2(first < second, qPrintable(first + u' ' + second));
    }
}

// At the width of the page beside the sidebar in a 1440-pixel window, every column is in sight without
// a horizontal scrollbar.
void TestLists::columnsFitTheWidth()
{
    ui::BrandsPage brands(m_ui->context);
    ui::AdminsPage admins(m_ui->context);
    ui::AuditPage audit(m_ui->context);
    for (ui::ListPage *page : {static_cast<ui::ListPage *>(&brands), static_cast<ui::ListPage *>(&admins),
             static_cast<ui::ListPage *>(&audit)}) {
        page->resize(1160, 400);
        page->show();
        QTRY_VERIFY(!page->model()->isLoading() && page->model()->rowCount() > 0);
        QTableView *table = page->table();
        QTRY_VERIFY2(table->horizontalHeader()->length() <= table->viewport()->width(),
            qPrintable(QString::number(table->horizontalHeader()->length())));
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        page->hide();
    }
}

void TestLists::inactiveHeadersSort()
{
    models::InactiveListModel inactive(m_ui->api);
    QUrlQuery company;
    company.addQueryItem(QStringLiteral("company"), QStringLiteral("1"));
    inactive.setScope(company, 30);
    QTRY_VERIFY(inactive.rowCount() > 3);
    for (const auto &[column, order] :
        {std::pair {int(models::InactiveListModel::Address), Qt::DescendingOrder},
            std::pair {int(models::InactiveListModel::Address), Qt::AscendingOrder},
            std::pair {int(models::InactiveListModel::Used), Qt::DescendingOrder}}) {
        inactive.sort(column, order);
        QTRY_VERIFY(!inactive.isLoading() && inactive.rowCount() > 3);
        for (int row = 1; row < qMin(inactive.rowCount(), 50); ++row) {
            const QJsonObject a = inactive.objectAt(row - 1), b = inactive.objectAt(row);
            if (column == models::InactiveListModel::Address) {
                const QString x = a.value(QLatin1String("address")).toString();
                const QString y = b.value(QLatin1String("address")).toString();
                QVERIFY2(order == Qt::AscendingOrder ? x < y : x > y, qPrintable(x + u' ' + y));
            } else {
                QVERIFY(a.value(QLatin1String("used_bytes")).toDouble()
                    >= b.value(QLatin1String("used_bytes")).toDouble());
            }
        }
    }
}

void TestLists::inactiveLeavesOutNewAccounts()
{
    HttpClient c = m_server->operatorClient();
    QCOMPARE(c.post(QStringLiteral("/api/v1/companies/1/domains"),
                  {{QStringLiteral("name"), QStringLiteral("fresh-start.example")}})
                 .status,
        201);
    QCOMPARE(c.post(QStringLiteral("/api/v1/domains/fresh-start.example/users"),
                  {{QStringLiteral("local_part"), QStringLiteral("new.hire")},
                      {QStringLiteral("password"), QStringLiteral("Blue-Kite-42-river")}})
                 .status,
        201);
    const auto inactive = [&](const QString &extra) {
        HttpClient fresh = m_server->operatorClient();
        const HttpClient::Reply r
            = fresh.get(QStringLiteral("/api/v1/stats/inactive?domain=fresh-start.example&days=30") + extra);
        return r.status == 200 ? int(r.json().value(QLatin1String("total")).toDouble()) : -r.status;
    };
    // Created a minute ago and never signed in: not idle for 30 days.
    QCOMPARE(inactive(QString()), 0);
    auth::Clock::advanceForTesting(40 * 86400);
    QCOMPARE(inactive(QString()), 1);
    // Leaving out accounts younger than 60 days leaves it out again.
    QCOMPARE(inactive(QStringLiteral("&min_age=60")), 0);
    QCOMPARE(inactive(QStringLiteral("&min_age=20")), 1);
    QCOMPARE(inactive(QStringLiteral("&min_age=-1")), -400);
    QCOMPARE(inactive(QStringLiteral("&sort=password")), -400);
    auth::Clock::resetForTesting();
}

void TestLists::restoreKeepsSuspension()
{
    HttpClient c = m_server->operatorClient();
    const QJsonArray users = c.get(QStringLiteral("/api/v1/users?status=active&type=mailbox&limit=2&offset=20")).items();
    QCOMPARE(users.size(), 2);
    const QString suspended = users.at(0).toObject().value(QLatin1String("address")).toString();
    const QString active = users.at(1).toObject().value(QLatin1String("address")).toString();
    QCOMPARE(c.post(QStringLiteral("/api/v1/users/%1/suspend").arg(suspended)).status, 200);
    for (const QString &address : {suspended, active}) {
        const int version = c.get(QStringLiteral("/api/v1/users/%1").arg(address)).etag();
        QCOMPARE(c.del(QStringLiteral("/api/v1/users/%1").arg(address), version).status, 200);
        const HttpClient::Reply restored = c.post(QStringLiteral("/api/v1/users/%1/restore").arg(address));
        QCOMPARE(restored.status, 200);
        QCOMPARE(restored.json().value(QLatin1String("status")).toString(),
            address == suspended ? QStringLiteral("suspended") : QStringLiteral("active"));
    }
}

void TestLists::quotaErrorsInGigabytes()
{
    HttpClient c = m_server->operatorClient();
    const QJsonObject user = c.get(QStringLiteral("/api/v1/users?status=active&type=mailbox&limit=1&offset=30")).items().first().toObject();
    const QString address = user.value(QLatin1String("address")).toString();
    const int version = c.get(QStringLiteral("/api/v1/users/%1").arg(address)).etag();
    const HttpClient::Reply r = c.patch(QStringLiteral("/api/v1/users/%1").arg(address),
        {{QStringLiteral("quota"), double(qint64(10000) * 1024 * 1024 * 1024)}}, version);
    QCOMPARE(r.status, 422);
    const QString message = QString::fromUtf8(r.body);
    QVERIFY2(message.contains(QLatin1String(" GB per mailbox")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("bytes")), qPrintable(message));
}

void TestLists::unicodeSearchAndAccentedOrder()
{
    HttpClient c = m_server->operatorClient();
    const HttpClient::Reply domain = c.post(QStringLiteral("/api/v1/companies/1/domains"),
        {{QStringLiteral("name"), QStringLiteral("bäckerstube-süd.de")}});
    QCOMPARE(domain.status, 201);
    const QString ace = domain.json().value(QLatin1String("name")).toString();
    QVERIFY(ace.startsWith(QLatin1String("xn--")));
    const QList<std::pair<QString, QString>> people = {{QStringLiteral("wolf"), QStringLiteral("Wolf")},
        {QStringLiteral("zoe"), QStringLiteral("Zoë")}, {QStringLiteral("asa"), QStringLiteral("Åsa")},
        {QStringLiteral("backer"), QStringLiteral("Bäcker")}, {QStringLiteral("angel"), QStringLiteral("Ángel")}};
    for (const auto &[local, name] : people)
        QCOMPARE(c.post(QStringLiteral("/api/v1/domains/%1/users").arg(ace),
                      {{QStringLiteral("local_part"), local}, {QStringLiteral("display_name"), name},
                          {QStringLiteral("password"), QStringLiteral("Blue-Kite-42-river")}})
                     .status,
            201);
    // Sorted by name as a reader expects: accents do not send a name after "w".
    QStringList order;
    for (const QJsonValue &u : c.get(QStringLiteral("/api/v1/domains/%1/users?sort=display_name").arg(ace)).items())
        order << u.toObject().value(QLatin1String("display_name")).toString();
    QCOMPARE(order, (QStringList {QStringLiteral("Ángel"), QStringLiteral("Åsa"), QStringLiteral("Bäcker"),
                        QStringLiteral("Wolf"), QStringLiteral("Zoë")}));
    QStringList reversed;
    for (const QJsonValue &u : c.get(QStringLiteral("/api/v1/domains/%1/users?sort=-display_name").arg(ace)).items())
        reversed << u.toObject().value(QLatin1String("display_name")).toString();
    std::reverse(order.begin(), order.end());
    QCOMPARE(reversed, order);

    // The domain typed as people write it, whole or begun, finds the punycode one.
    const auto domainsFound = [&](const QString &q) {
        QStringList names;
        for (const QJsonValue &d :
            c.get(QStringLiteral("/api/v1/domains?q=") + QString::fromLatin1(QUrl::toPercentEncoding(q))).items())
            names << d.toObject().value(QLatin1String("name")).toString();
        return names;
    };
    QVERIFY(domainsFound(QStringLiteral("bäck")).contains(ace));
    QVERIFY(domainsFound(QStringLiteral("bäckerstube-süd.de")).contains(ace));
    QVERIFY(domainsFound(QStringLiteral("xn--")).contains(ace));
    QVERIFY(!domainsFound(QStringLiteral("bäcker-nord")).contains(ace));
    // And an address with a Unicode domain finds its mailbox.
    const QJsonArray users = c.get(QStringLiteral("/api/v1/users?q=")
                                 + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("wolf@bäckerst"))))
                                 .items();
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().toObject().value(QLatin1String("address")).toString(), QStringLiteral("wolf@") + ace);
}

void TestLists::suspendReasonInAudit()
{
    HttpClient c = m_server->operatorClient();
    const QString address = c.get(QStringLiteral("/api/v1/users?status=active&type=mailbox&limit=1&offset=40"))
                                .items()
                                .first()
                                .toObject()
                                .value(QLatin1String("address"))
                                .toString();
    const QString path = QStringLiteral("/api/v1/users/%1/suspend").arg(address);
    // Bad reasons: a clear error, and the user stays active.
    QCOMPARE(c.post(path, {{QStringLiteral("reason"), QString(501, QLatin1Char('x'))}}).status, 422);
    QCOMPARE(c.post(path, {{QStringLiteral("reason"), 12}}).status, 422);
    QCOMPARE(c.post(path, {{QStringLiteral("why"), QStringLiteral("x")}}).status, 422);
    QCOMPARE(c.get(QStringLiteral("/api/v1/users/%1").arg(address)).json().value(QLatin1String("status")).toString(),
        QStringLiteral("active"));
    const QString reason = QStringLiteral("Sending spam since 14:00; owner told by phone");
    QCOMPARE(c.post(path, {{QStringLiteral("reason"), reason}}).status, 200);
    const QJsonObject entry
        = c.get(QStringLiteral("/api/v1/audit?object_type=user&action=suspend&object_id=%1").arg(address))
              .items()
              .first()
              .toObject();
    QCOMPARE(entry.value(QLatin1String("changes")).toObject().value(QLatin1String("reason")).toObject()
                 .value(QLatin1String("after"))
                 .toString(),
        reason);
}

void TestLists::newUserHasQuotaAndMaskedPassword()
{
    HttpClient c = m_server->operatorClient();
    QCOMPARE(c.post(QStringLiteral("/api/v1/companies/1/domains"),
                  {{QStringLiteral("name"), QStringLiteral("new-users.example")},
                      {QStringLiteral("default_quota"), 3.0 * 1024 * 1024 * 1024}})
                 .status,
        201);
    ui::UsersPage page(m_ui->context);
    page.setDomain(QStringLiteral("new-users.example"));
    std::unique_ptr<ui::ObjectDialog> dialog(page.createUserDialog());
    QVERIFY(dialog);
    auto *quota = dialog->findChild<ui::ByteSizeEdit *>();
    QVERIFY(quota);
    // The domain's default, filled in.
    QTRY_COMPARE(quota->value(), qint64(3) * 1024 * 1024 * 1024);
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    QVERIFY(password);
    // Alt+P reaches the line edit itself, not the row around it.
    QLabel *passwordLabel = nullptr;
    for (QLabel *label : dialog->findChildren<QLabel *>())
        if (label->text() == QLatin1String("&Password:"))
            passwordLabel = label;
    QVERIFY(passwordLabel);
    QCOMPARE(passwordLabel->buddy(), password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    auto *show = dialog->findChild<QCheckBox *>(QStringLiteral("showPasswordCheckBox"));
    show->setChecked(true);
    QCOMPARE(password->echoMode(), QLineEdit::Normal);
    show->setChecked(false);
    dialog->findChild<QPushButton *>(QStringLiteral("generatePasswordButton"))->click();
    const QString generated = password->text();
    QVERIFY(generated.size() >= 12);
    QVERIFY(validation::checkPassword(generated, {QStringLiteral("sam")}).ok());
    quota->setValue(qint64(2) * 1024 * 1024 * 1024);
    dialog->form()->apply({{QStringLiteral("local_part"), QStringLiteral("sam")}});
    bool created = false;
    connect(dialog.get(), &ui::ObjectDialog::succeeded, this, [&] { created = true; });
    dialog->submit();
    QTRY_VERIFY(created);
    const QJsonObject user = c.get(QStringLiteral("/api/v1/users/sam@new-users.example")).json();
    QCOMPARE(qint64(user.value(QLatin1String("quota")).toDouble()), qint64(2) * 1024 * 1024 * 1024);
    QVERIFY(user.value(QLatin1String("password_set")).toBool());
}

void TestLists::brandBoxFitsLongNames()
{
    HttpClient c = m_server->operatorClient();
    const QString name = QStringLiteral("Cedar Valley Regional Mail Services");
    QCOMPARE(c.post(QStringLiteral("/api/v1/brands"),
                  {{QStringLiteral("name"), name}, {QStringLiteral("company_id"), 1}})
                 .status,
        201);
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *box = new QComboBox(&window);
    box->addItem(QStringLiteral("No brand"));
    layout->addWidget(box);
    layout->addStretch(1);
    window.resize(900, 80);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::loadBrandChoices(m_ui->context, box, 1);
    QTRY_VERIFY(box->findText(name) >= 0);
    box->setCurrentIndex(box->findText(name));
    QTRY_VERIFY2(box->width() >= box->fontMetrics().horizontalAdvance(name) + 20,
        qPrintable(QString::number(box->width())));
}

void TestLists::bulkQuotaAndDeleteAskFirst()
{
    HttpClient c = m_server->operatorClient();
    const QString domain = QStringLiteral("quota-flow.example");
    QCOMPARE(c.post(QStringLiteral("/api/v1/companies/1/domains"), {{QStringLiteral("name"), domain}}).status,
        201);
    const QStringList addresses {QStringLiteral("ida@") + domain, QStringLiteral("jon@") + domain};
    for (const QString &address : addresses)
        QCOMPARE(c.post(QStringLiteral("/api/v1/domains/%1/users").arg(domain),
                      {{QStringLiteral("local_part"), address.section(QLatin1Char('@'), 0, 0)},
                          {QStringLiteral("quota"), 1024.0 * 1024 * 1024}})
                     .status,
            201);
    const auto user
        = [&](const QString &address) { return c.get(QStringLiteral("/api/v1/users/") + address).json(); };

    // The dialog itself: the quota it was given, under the caller's label, and what it reads back.
    ui::QuotaDialog dialog(
        QStringLiteral("Quota"), QStringLiteral("&Quota:"), qint64(7) << 30, QStringLiteral("Note"));
    auto *edit = dialog.findChild<ui::ByteSizeEdit *>(QStringLiteral("quotaByteSizeEdit"));
    QVERIFY(edit);
    QCOMPARE(dialog.quota(), qint64(7) << 30);
    edit->setValue(qint64(4) << 30);
    QCOMPARE(dialog.quota(), qint64(4) << 30);

    ui::UsersPage page(m_ui->context);
    page.setDomain(domain);
    QTRY_COMPARE(page.users()->rowCount(), 2);
    page.table()->selectAll();

    // Cancelled: nothing is sent.
    ui::QuotaDialog::setNextAnswer(std::nullopt);
    page.askQuotaForSelection();
    QVERIFY(!page.lastBulkDialog());
    const qint64 quota = qint64(5) << 30;
    ui::QuotaDialog::setNextAnswer(quota);
    page.askQuotaForSelection();
    QVERIFY(page.lastBulkDialog());
    for (const QString &address : addresses)
        QTRY_COMPARE(qint64(user(address).value(QLatin1String("quota")).toDouble()), quota);

    // Delete asks first; No leaves everyone in place. The list has reloaded the new versions by then.
    const auto reloaded = [&] {
        for (int row = 0; row < page.users()->rowCount(); ++row)
            if (page.users()->versionAt(row)
                != user(page.users()->addressAt(row)).value(QLatin1String("version")).toInt())
                return false;
        return page.users()->rowCount() == 2;
    };
    QTRY_VERIFY(reloaded());
    page.table()->selectAll();
    ui::MessageBox::setNextAnswer(QMessageBox::No);
    page.bulkDelete();
    QVERIFY(ui::MessageBox::lastText().contains(QLatin1String("Delete 2 user")));
    for (const QString &address : addresses)
        QCOMPARE(user(address).value(QLatin1String("status")).toString(), QStringLiteral("active"));
    ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    page.bulkDelete();
    // Deleted users leave the domain's list and wait in Deleted items.
    QTRY_VERIFY(c.get(QStringLiteral("/api/v1/domains/%1/users").arg(domain)).items().isEmpty());
    QStringList deleted;
    for (const QJsonValue &u :
        c.get(QStringLiteral("/api/v1/domains/%1/users?status=deleted").arg(domain)).items())
        deleted << u.toObject().value(QLatin1String("address")).toString();
    deleted.sort();
    QCOMPARE(deleted, addresses);
}

QTEST_MAIN(TestLists)
#include "tst_lists.moc"
