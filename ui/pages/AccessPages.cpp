#include "AccessPages.h"

#include "AccessCalls.h"
#include "ApiClient.h"
#include "AppContext.h"
#include "BulkDialog.h"
#include "BulkOperation.h"
#include "CompanyCalls.h"
#include "ConfirmDelete.h"
#include "DirectoryCalls.h"
#include "DirectoryModels.h"
#include "FileDialog.h"
#include "Form.h"
#include "Format.h"
#include "MessageBox.h"
#include "ObjectDialog.h"
#include "PasswordDialog.h"
#include "Session.h"
#include "UserListModel.h"
#include "Validation.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QSvgRenderer>
#include <QTableView>
#include <QVBoxLayout>

namespace mailadmin::ui {

// --- Brands ---

BrandEditor::BrandEditor(AppContext *context, QWidget *parent)
    : EditorPage(context, EntitySchema::brand(), QStringLiteral("brand"), parent)
{
    setObjectName(QStringLiteral("brandEditor"));
    Form *f = form();
    f->addLine(QStringLiteral("name"), tr("&Name:"));
    f->addLine(QStringLiteral("product_name"), tr("&Product name:"));
    for (const auto &[field, label, name] : {std::tuple {QStringLiteral("primary_colour"),
                                                 tr("Primary &colour:"), QStringLiteral("primaryColour")},
             std::tuple {
                 QStringLiteral("accent_colour"), tr("&Accent colour:"), QStringLiteral("accentColour")}}) {
        auto *box = new QWidget;
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        auto *edit = new QLineEdit(box);
        edit->setObjectName(name + QStringLiteral("LineEdit"));
        edit->setMaxLength(7);
        auto *pick = new QPushButton(tr("Pick…"), box);
        pick->setObjectName(name + QStringLiteral("Button"));
        row->addWidget(edit, 1);
        row->addWidget(pick);
        connect(edit, &QLineEdit::textChanged, edit, [edit] {
            const QColor c(edit->text());
            edit->setStyleSheet(c.isValid()
                    ? QStringLiteral("QLineEdit { border-left: 18px solid %1; }").arg(c.name())
                    : QString());
        });
        connect(edit, &QLineEdit::textEdited, f, &Form::markEdited);
        connect(pick, &QPushButton::clicked, this, [this, edit, f] {
            const QColor chosen = QColorDialog::getColor(QColor(edit->text()), this);
            if (chosen.isValid()) {
                edit->setText(chosen.name());
                f->markEdited();
            }
        });
        f->addCustom(
            field, label, box, [edit]() -> QJsonValue { return edit->text().trimmed(); },
            [edit](const QJsonValue &v) { edit->setText(v.toString()); },
            [edit, pick](bool ro) {
                edit->setReadOnly(ro);
                pick->setEnabled(!ro);
            });
    }
    auto *logoBox = new QWidget;
    auto *logoRow = new QHBoxLayout(logoBox);
    logoRow->setContentsMargins(0, 0, 0, 0);
    m_logo = new QLabel(logoBox);
    m_logo->setObjectName(QStringLiteral("logoLabel"));
    m_logo->setFixedSize(180, 60);
    m_logo->setFrameShape(QFrame::StyledPanel);
    m_logo->setAlignment(Qt::AlignCenter);
    auto *choose = new QPushButton(tr("C&hoose…"), logoBox);
    choose->setObjectName(QStringLiteral("chooseLogoButton"));
    auto *clear = new QPushButton(tr("Remo&ve"), logoBox);
    clear->setObjectName(QStringLiteral("removeLogoButton"));
    logoRow->addWidget(m_logo);
    logoRow->addWidget(choose);
    logoRow->addWidget(clear);
    logoRow->addStretch(1);
    f->addCustom(
        QStringLiteral("logo"), tr("&Logo:"), logoBox,
        [this]() -> QJsonValue {
            return m_logoData.isEmpty() ? QJsonValue(QJsonValue::Null)
                                        : QJsonValue(QString::fromLatin1(m_logoData.toBase64()));
        },
        [this](const QJsonValue &v) {
            m_logoData = v.isString() ? QByteArray::fromBase64(v.toString().toLatin1()) : QByteArray();
            showLogo();
        },
        [choose, clear](bool ro) {
            choose->setEnabled(!ro);
            clear->setEnabled(!ro);
        });
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString file = FileDialog::openFileName(this, tr("Choose a logo"), tr("Images (*.png *.svg)"));
        if (!file.isEmpty())
            loadLogo(file);
    });
    connect(clear, &QPushButton::clicked, this, [this, f] {
        m_logoData.clear();
        showLogo();
        f->markEdited();
    });
    f->addLine(QStringLiteral("support_url"), tr("Support &URL:"), true);
    f->addLine(QStringLiteral("support_email"), tr("Support &e-mail:"), true);
    f->addText(QStringLiteral("login_message"), tr("Login &message:"));
}

bool BrandEditor::loadLogo(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot read %1.").arg(fileName), true);
        return false;
    }
    if (file.size() > 256 * 1024) {
        showMessage(tr("A logo is at most 256 KB; %1 is %2.")
                        .arg(QFileInfo(fileName).fileName(), format::bytes(file.size())),
            true);
        return false;
    }
    m_logoData = file.readAll();
    showLogo();
    form()->markEdited();
    return true;
}

void BrandEditor::showLogo()
{
    QPixmap pixmap(m_logo->size() * devicePixelRatioF());
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    pixmap.fill(Qt::transparent);
    bool ok = false;
    if (m_logoData.trimmed().startsWith('<')) {
        QSvgRenderer svg(m_logoData);
        if (svg.isValid()) {
            QPainter p(&pixmap);
            QSizeF size = svg.defaultSize().scaled(m_logo->size(), Qt::KeepAspectRatio);
            svg.render(&p,
                QRectF(QPointF((m_logo->width() - size.width()) / 2, (m_logo->height() - size.height()) / 2),
                    size));
            ok = true;
        }
    } else if (!m_logoData.isEmpty()) {
        QPixmap image;
        if (image.loadFromData(m_logoData)) {
            pixmap = image.scaled(m_logo->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
            ok = true;
        }
    }
    if (ok)
        m_logo->setPixmap(pixmap);
    else
        m_logo->setText(m_logoData.isEmpty() ? tr("No logo") : tr("Cannot preview"));
}

void BrandEditor::openBrand(qint64 id)
{
    open(api::DirectoryCalls::brandPath(id));
}

void BrandEditor::onLoaded(const QJsonObject &brand)
{
    setTitle(brand.value(QLatin1String("name")).toString());
}

BrandsPage::BrandsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::BrandListModel(context->api()), tr("Brands"), parent)
    , m_brands(static_cast<models::BrandListModel *>(model()))
{
    setObjectName(QStringLiteral("brandsPage"));
    m_brands->setParent(this);
    m_editor = new BrandEditor(context, this);
    // The table and the editor share the page, side by side.
    auto *splitter = new QSplitter(this);
    pageLayout()->replaceWidget(table(), splitter);
    splitter->addWidget(table());
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    pageLayout()->setStretchFactor(splitter, 1);
    QPushButton *add
        = addButton(tr("&New brand…"), QStringLiteral("newBrandButton"), QStringLiteral("brand.write"));
    QPushButton *remove
        = addButton(tr("&Delete"), QStringLiteral("deleteButton"), QStringLiteral("brand.write"));
    m_needSelection = {remove};
    connect(add, &QPushButton::clicked, this, &BrandsPage::newBrand);
    connect(remove, &QPushButton::clicked, this, &BrandsPage::deleteSelected);
    connect(table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid() && m_editor->confirmLeave())
                m_editor->openBrand(
                    qint64(m_brands->objectAt(current.row()).value(QLatin1String("id")).toDouble()));
        });
    connect(m_editor, &EditorPage::saved, m_brands, &models::PagedListModel::updateObject);
    // Show the first brand straight away rather than an empty editor.
    connect(m_brands, &models::PagedListModel::firstPageLoaded, this, [this] {
        if (m_brands->rowCount() > 0 && !table()->currentIndex().isValid())
            table()->setCurrentIndex(m_brands->index(0, 0));
    });
    selectionChanged();
}

void BrandsPage::newBrand()
{
    ObjectDialog dialog(context(), EntitySchema::brand(), ObjectDialog::Mode::Create,
        api::DirectoryCalls::brandsPath(), tr("New brand"), this);
    dialog.form()->addLine(QStringLiteral("name"), tr("&Name:"));
    dialog.form()->addLine(QStringLiteral("product_name"), tr("&Product name:"));
    if (this->context()->session()->me().isOperator())
        dialog.form()->addNumber(QStringLiteral("company_id"), tr("&Company number:"), 1, 1'000'000'000);
    connect(&dialog, &ObjectDialog::succeeded, this, [this](const QJsonObject &brand) {
        m_brands->reload();
        m_editor->openBrand(qint64(brand.value(QLatin1String("id")).toDouble()));
    });
    dialog.exec();
}

void BrandsPage::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const QJsonObject b = m_brands->objectAt(rows.first());
    ConfirmDelete::run(
        this, tr("Delete brand"), tr("Delete the brand %1?").arg(b.value(QLatin1String("name")).toString()),
        [this, id = qint64(b.value(QLatin1String("id")).toDouble()),
            version = b.value(QLatin1String("version")).toInt()](const api::ApiClient::Callback &callback) {
            api::DirectoryCalls(this->context()->api()).deleteBrand(id, version, this, callback);
        },
        [this](const api::ApiResult &) { m_brands->reload(); });
}

// --- Admins ---

AdminsPage::AdminsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::AdminListModel(context->api()), tr("Administrators"), parent)
    , m_admins(static_cast<models::AdminListModel *>(model()))
{
    setObjectName(QStringLiteral("adminsPage"));
    m_admins->setParent(this);
    QPushButton *add
        = addButton(tr("&New admin…"), QStringLiteral("newAdminButton"), QStringLiteral("admin.write"));
    QPushButton *edit
        = addButton(tr("&Edit…"), QStringLiteral("editAdminButton"), QStringLiteral("admin.write"));
    QPushButton *reset = addButton(
        tr("Reset &password…"), QStringLiteral("resetPasswordButton"), QStringLiteral("admin.write"));
    m_needSelection = {edit, reset};
    connect(add, &QPushButton::clicked, this, &AdminsPage::newAdmin);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (!selectedRows().isEmpty())
            editAdmin(selectedRows().first());
    });
    connect(reset, &QPushButton::clicked, this, &AdminsPage::resetPassword);
    connect(this, &ListPage::activated, this, [this](int row) {
        if (this->context()->can(QStringLiteral("admin.write")))
            editAdmin(row);
    });
    selectionChanged();
}

void AdminsPage::fillForm(Form *form, bool creating)
{
    if (creating)
        form->addLine(QStringLiteral("login"), tr("&Login:"));
    form->addLine(QStringLiteral("display_name"), tr("&Name:"));
    QList<QPair<QString, QVariant>> roles;
    for (const QString &r : {QStringLiteral("company_admin"), QStringLiteral("company_readonly"),
             QStringLiteral("support"), QStringLiteral("domain_admin")})
        roles.append({format::role(r), r});
    if (this->context()->session()->me().isOperator())
        roles.prepend({format::role(QStringLiteral("operator")), QStringLiteral("operator")});
    form->addChoice(QStringLiteral("role"), tr("&Role:"), roles);
    if (this->context()->session()->me().isOperator()) {
        form->addChoice(
            QStringLiteral("company_id"), tr("&Company:"), {{tr("None (operators)"), QVariant()}});
        auto *box = qobject_cast<QComboBox *>(form->widget(QStringLiteral("company_id")));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        this->context()->api()->get(
            api::CompanyCalls::listPath(), query, box, [box](const api::ApiResult &result) {
                for (const QJsonValue &v : result.json.value(QLatin1String("items")).toArray())
                    box->addItem(v.toObject().value(QLatin1String("name")).toString(),
                        qint64(v.toObject().value(QLatin1String("id")).toDouble()));
            });
    }
    form->addList(QStringLiteral("domains"), tr("&Domains (domain admins):"));
    form->addCheck(QStringLiteral("disabled"), tr("&Disabled (cannot sign in)"));
}

void AdminsPage::newAdmin()
{
    ObjectDialog dialog(context(), EntitySchema::admin(), ObjectDialog::Mode::Create,
        api::access::adminsPath(), tr("New administrator"), this);
    fillForm(dialog.form(), true);
    dialog.setObject(QJsonObject {{QStringLiteral("role"), QStringLiteral("support")}});
    connect(&dialog, &ObjectDialog::succeeded, this, [this](const QJsonObject &admin) {
        m_admins->reload();
        MessageBox::information(this, tr("New administrator"),
            tr("%1 can sign in with this password, shown once:\n\n%2")
                .arg(admin.value(QLatin1String("login")).toString(),
                    admin.value(QLatin1String("password")).toString()));
    });
    dialog.exec();
}

void AdminsPage::editAdmin(int row)
{
    const QJsonObject admin = m_admins->objectAt(row);
    ObjectDialog dialog(context(), EntitySchema::admin(), ObjectDialog::Mode::Edit,
        api::access::adminPath(qint64(admin.value(QLatin1String("id")).toDouble())),
        tr("Edit %1").arg(admin.value(QLatin1String("login")).toString()), this);
    fillForm(dialog.form(), false);
    dialog.setObject(admin);
    connect(&dialog, &ObjectDialog::succeeded, m_admins, &models::PagedListModel::updateObject);
    dialog.exec();
}

void AdminsPage::resetPassword()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const QJsonObject admin = m_admins->objectAt(rows.first());
    PasswordDialog dialog(context(),
        api::access::adminPasswordPath(qint64(admin.value(QLatin1String("id")).toDouble())),
        admin.value(QLatin1String("login")).toString(), this);
    dialog.exec();
}

// --- Audit ---

AuditPage::AuditPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::AuditListModel(context->api()), tr("Audit log"), parent)
    , m_audit(static_cast<models::AuditListModel *>(model()))
{
    setObjectName(QStringLiteral("auditPage"));
    m_audit->setParent(this);
    searchEdit()->hide();
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("objectTypeComboBox"));
    m_type->addItem(tr("Any object"), QString());
    const QList<QPair<QString, QString>> kinds
        = {{tr("Companies"), QStringLiteral("company")}, {tr("Contacts"), QStringLiteral("contact")},
            {tr("Domains"), QStringLiteral("domain")}, {tr("Users"), QStringLiteral("user")},
            {tr("Brands"), QStringLiteral("brand")}, {tr("Admins"), QStringLiteral("admin")}};
    for (const auto &[text, value] : kinds)
        m_type->addItem(text, value);
    m_object = new QLineEdit(this);
    m_object->setObjectName(QStringLiteral("objectLineEdit"));
    m_object->setPlaceholderText(tr("Object (address, domain or number)"));
    m_actor = new QLineEdit(this);
    m_actor->setObjectName(QStringLiteral("actorLineEdit"));
    m_actor->setPlaceholderText(tr("Who (login)"));
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setCalendarPopup(true);
    filterLayout()->addWidget(m_type);
    filterLayout()->addWidget(m_object, 1);
    filterLayout()->addWidget(m_actor);
    filterLayout()->addWidget(new QLabel(tr("from"), this));
    filterLayout()->addWidget(m_from);
    filterLayout()->addWidget(new QLabel(tr("to"), this));
    filterLayout()->addWidget(m_to);
    connect(m_type, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    connect(m_object, &QLineEdit::editingFinished, this, &AuditPage::applyFilters);
    connect(m_actor, &QLineEdit::editingFinished, this, &AuditPage::applyFilters);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditPage::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditPage::applyFilters);
    applyFilters();
}

void AuditPage::applyFilters()
{
    QUrlQuery q;
    const auto add = [&q](const QString &key, const QString &value) {
        if (!value.isEmpty())
            q.addQueryItem(key, value);
    };
    add(QStringLiteral("object_type"), m_type->currentData().toString());
    add(QStringLiteral("object_id"), m_object->text().trimmed());
    add(QStringLiteral("actor"), m_actor->text().trimmed().toLower());
    add(QStringLiteral("from"), QDateTime(m_from->date(), QTime(0, 0)).toUTC().toString(Qt::ISODate));
    add(QStringLiteral("to"), QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC().toString(Qt::ISODate));
    m_audit->setSource(api::access::auditPath(), q);
}

void AuditPage::showObject(const QString &type, const QString &id)
{
    const QSignalBlocker a(m_type), b(m_object);
    m_type->setCurrentIndex(qMax(0, m_type->findData(type)));
    m_object->setText(id);
    applyFilters();
}

// --- Deleted items ---

DeletedItemsPage::DeletedItemsPage(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_companies(new models::CompanyListModel(context->api(), this))
    , m_domains(new models::DomainListModel(context->api(), this))
    , m_users(new models::UserListModel(context->api(), this))
{
    setObjectName(QStringLiteral("deletedItemsPage"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_companiesList = new ListPage(context, m_companies, tr("Deleted companies"), splitter);
    m_companiesList->setObjectName(QStringLiteral("deletedCompaniesList"));
    splitter->addWidget(m_companiesList);
    m_domainsList = new ListPage(context, m_domains, tr("Deleted domains"), splitter);
    m_domainsList->setObjectName(QStringLiteral("deletedDomainsList"));
    m_usersList = new ListPage(context, m_users, tr("Deleted users"), splitter);
    m_usersList->setObjectName(QStringLiteral("deletedUsersList"));
    splitter->addWidget(m_domainsList);
    splitter->addWidget(m_usersList);
    layout->addWidget(splitter);
    QPushButton *restoreDomain = m_domainsList->addButton(
        tr("Restore &domain"), QStringLiteral("restoreDomainButton"), QStringLiteral("domain.delete"));
    QPushButton *restoreUsers = m_usersList->addButton(
        tr("Restore &users"), QStringLiteral("restoreUsersButton"), QStringLiteral("user.delete"));
    QPushButton *restoreCompany = m_companiesList->addButton(
        tr("Restore &company"), QStringLiteral("restoreCompanyButton"), QStringLiteral("company.create"));
    connect(restoreCompany, &QPushButton::clicked, this, &DeletedItemsPage::restoreSelectedCompany);
    connect(restoreDomain, &QPushButton::clicked, this, &DeletedItemsPage::restoreSelectedDomain);
    connect(restoreUsers, &QPushButton::clicked, this, &DeletedItemsPage::restoreSelectedUsers);
    connect(context, &AppContext::objectChanged, this,
        [this](const QString &, const QJsonObject &, bool removed) {
            if (removed && isVisible())
                refresh();
        });
}

void DeletedItemsPage::refresh()
{
    // Only operators delete and restore companies.
    const bool companies = m_context->can(QStringLiteral("company.create"));
    m_companiesList->setVisible(companies);
    if (companies)
        m_companies->setSource(api::CompanyCalls::listPath(), api::CompanyCalls::deletedQuery());
    m_domains->setDeleted(true);
    m_users->setAllDomains(QStringLiteral("deleted"));
    m_users->setPageSize(200);
}

void DeletedItemsPage::restoreSelectedDomain()
{
    const QList<int> rows = m_domainsList->selectedRows();
    if (rows.isEmpty())
        return;
    const QString name = m_domains->nameAt(rows.first());
    api::DirectoryCalls(m_context->api()).restoreDomain(name, this, [this](const api::ApiResult &result) {
        if (!result.ok())
            MessageBox::warning(this, tr("Restore"), result.error.message());
        else
            emit m_context->objectChanged(QStringLiteral("domain"), result.json, false);
        refresh();
    });
}

void DeletedItemsPage::restoreSelectedCompany()
{
    const QList<int> rows = m_companiesList->selectedRows();
    if (rows.isEmpty())
        return;
    const QJsonObject company = m_companies->objectAt(rows.first());
    api::CompanyCalls(m_context->api())
        .restore(qint64(company.value(QLatin1String("id")).toDouble()),
            company.value(QLatin1String("version")).toInt(), this, [this](const api::ApiResult &result) {
                if (!result.ok())
                    MessageBox::warning(this, tr("Restore"), result.error.message());
                else
                    emit m_context->objectChanged(QStringLiteral("company"), result.json, false);
                refresh();
            });
}

void DeletedItemsPage::restoreSelectedUsers()
{
    QList<api::BulkOperation::Step> steps;
    for (int row : m_usersList->selectedRows()) {
        const QString address = m_users->addressAt(row);
        steps.append(api::DirectoryCalls::restoreUserStep(address));
    }
    if (steps.isEmpty())
        return;
    auto *operation = new api::BulkOperation(m_context->api(), steps, this);
    auto *dialog = new BulkDialog(operation, tr("Restore %n user(s)", nullptr, int(steps.size())), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, operation, &QObject::deleteLater);
    connect(operation, &api::BulkOperation::finished, this, [this] {
        refresh();
        emit m_context->objectChanged(QStringLiteral("user"), {}, false);
    });
    dialog->open();
    operation->start();
}

} // namespace mailadmin::ui
