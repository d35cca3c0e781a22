#include "BulletinsPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "BulletinCalls.h"
#include "ConfirmDelete.h"
#include "Format.h"
#include "IncidentCalls.h"
#include "IncidentModels.h"
#include "MessageBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace mailadmin::ui {

namespace {
const QString kNewTemplate = QStringLiteral("Subject: News for {domain}\n\nDear {name},\n\n\n");

QString countsText(const QJsonObject &counts)
{
    const QLocale l;
    const auto n
        = [&](const char *key) { return l.toString(qint64(counts.value(QLatin1String(key)).toDouble())); };
    return BulletinsPage::tr("%1 of %2 delivered, %3 waiting, %4 sending, %5 failed")
        .arg(n("delivered"), n("total"), n("waiting"), n("sending"), n("failed"));
}
} // namespace

BulletinEditor::BulletinEditor(AppContext *context, const QJsonObject &bulletin, QWidget *parent)
    : QDialog(parent), m_context(context), m_bulletin(bulletin)
{
    setObjectName(QStringLiteral("bulletinEditor"));
    setWindowTitle(bulletin.isEmpty() ? tr("New bulletin") : tr("Edit bulletin"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_name = new QLineEdit(bulletin.value(QLatin1String("name")).toString(), this);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    form->addRow(tr("&Name:"), m_name);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeComboBox"));
    m_type->addItem(tr("When posted"), QStringLiteral("manual"));
    m_type->addItem(tr("To each new mailbox"), QStringLiteral("auto"));
    m_type->setCurrentIndex(
        bulletin.value(QLatin1String("type")).toString() == QLatin1String("auto") ? 1 : 0);
    form->addRow(tr("&Sent:"), m_type);
    m_domain = new QLineEdit(bulletin.value(QLatin1String("domain")).toString(), this);
    m_domain->setObjectName(QStringLiteral("domainLineEdit"));
    m_domain->setPlaceholderText(tr("every domain of the company"));
    m_domain->setEnabled(bulletin.isEmpty()); // a bulletin stays with its company or domain
    form->addRow(tr("&Domain:"), m_domain);

    auto *placeholders = new QHBoxLayout;
    placeholders->addWidget(new QLabel(tr("Insert:"), this));
    for (const QString &name : {QStringLiteral("account"), QStringLiteral("domain"), QStringLiteral("name"),
             QStringLiteral("title")}) {
        auto *button = new QPushButton(QLatin1Char('{') + name + QLatin1Char('}'), this);
        button->setObjectName(name + QStringLiteral("PlaceholderButton"));
        button->setToolTip(name == QLatin1String("account") ? tr("The recipient's address")
                : name == QLatin1String("domain")           ? tr("The recipient's domain")
                : name == QLatin1String("name")             ? tr("The recipient's display name")
                                                            : tr("The recipient's title"));
        connect(button, &QPushButton::clicked, this, [this, name] { insertPlaceholder(name); });
        placeholders->addWidget(button);
    }
    placeholders->addStretch();
    layout->addLayout(placeholders);

    auto *panes = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Message (headers, an empty line, the text):"), this));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("textPlainTextEdit"));
    m_text->setPlainText(
        bulletin.isEmpty() ? kNewTemplate : bulletin.value(QLatin1String("text")).toString());
    m_text->setMinimumSize(380, 260);
    left->addWidget(m_text);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Preview for one mailbox:"), this));
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("previewPlainTextEdit"));
    m_preview->setReadOnly(true);
    m_preview->setMinimumSize(380, 260);
    right->addWidget(m_preview);
    panes->addLayout(left);
    panes->addLayout(right);
    layout->addLayout(panes);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c01c28"));
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &BulletinEditor::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &BulletinEditor::updatePreview);
    connect(m_domain, &QLineEdit::textChanged, this, &BulletinEditor::updatePreview);
    updatePreview();
}

QString BulletinEditor::preview(const QString &text, const QString &account, const QString &name,
    const QString &domain, const QString &title)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{'?(account|domain|name|title)'?\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        const QString key = m.captured(1);
        out += key == QLatin1String("account") ? account
            : key == QLatin1String("domain")   ? domain
            : key == QLatin1String("name")     ? name
                                               : title;
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

QString BulletinEditor::previewText() const
{
    return m_preview->toPlainText();
}

void BulletinEditor::updatePreview()
{
    const QString domain
        = m_domain->text().trimmed().isEmpty() ? QStringLiteral("example.com") : m_domain->text().trimmed();
    m_preview->setPlainText(preview(
        m_text->toPlainText(), QStringLiteral("ana.silva@") + domain, QStringLiteral("Ana Silva"), domain));
}

void BulletinEditor::insertPlaceholder(const QString &name)
{
    m_text->insertPlainText(QLatin1Char('{') + name + QLatin1Char('}'));
    m_text->setFocus();
}

void BulletinEditor::submit()
{
    QJsonObject body {{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("type"), m_type->currentData().toString()},
        {QStringLiteral("text"), m_text->toPlainText()}};
    const auto done = [this](const api::ApiResult &r) {
        if (!r.ok()) {
            QStringList lines;
            for (const FieldError &e : r.error.fields)
                lines << e.message;
            m_error->setText(lines.isEmpty() ? r.error.message() : lines.join(QLatin1Char('\n')));
            m_error->show();
            return;
        }
        m_answer = r.json;
        accept();
    };
    if (m_bulletin.isEmpty()) {
        if (!m_domain->text().trimmed().isEmpty())
            body.insert(QStringLiteral("domain"), m_domain->text().trimmed());
        api::BulletinCalls(m_context->api()).createBulletin(body, this, done);
    } else {
        api::BulletinCalls(m_context->api())
            .updateBulletin(qint64(m_bulletin.value(QLatin1String("id")).toDouble()), body,
                m_bulletin.value(QLatin1String("version")).toInt(), this, done);
    }
}

BulletinsPage::BulletinsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::BulletinListModel(context->api()), tr("Bulletins"), parent)
    , m_bulletins(static_cast<models::BulletinListModel *>(model()))
{
    setObjectName(QStringLiteral("bulletinsPage"));
    m_bulletins->setParent(this);
    const QString write = QStringLiteral("bulletin.write");
    QPushButton *add = addButton(tr("&New bulletin…"), QStringLiteral("newBulletinButton"), write);
    QPushButton *edit = addButton(tr("&Edit…"), QStringLiteral("editBulletinButton"), write);
    QPushButton *test = addButton(tr("Send &test…"), QStringLiteral("sendTestButton"), write);
    QPushButton *now = addButton(tr("&Post now"), QStringLiteral("postNowButton"), write);
    QPushButton *incident = addButton(
        tr("Post to an &incident's affected mailboxes…"), QStringLiteral("postIncidentButton"), write);
    QPushButton *remove = addButton(tr("&Delete"), QStringLiteral("deleteBulletinButton"), write);
    m_needSelection << edit << test << now << incident << remove;

    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("bulletinProgressLabel"));
    pageLayout()->addWidget(m_progress);
    m_posts = new QTreeWidget(this);
    m_posts->setObjectName(QStringLiteral("postsTreeWidget"));
    m_posts->setRootIsDecorated(false);
    m_posts->setHeaderLabels({tr("Posted"), tr("To"), tr("By"), tr("Recipients"), tr("Progress")});
    m_posts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_posts->setMaximumHeight(160);
    pageLayout()->addWidget(m_posts);

    connect(add, &QPushButton::clicked, this, &BulletinsPage::create);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (!selectedRows().isEmpty())
            this->edit(selectedRows().first());
    });
    connect(test, &QPushButton::clicked, this, &BulletinsPage::askTest);
    connect(now, &QPushButton::clicked, this, [this] {
        if (selectedRows().isEmpty())
            return;
        const QJsonObject b = m_bulletins->objectAt(selectedRows().first());
        if (MessageBox::question(this, tr("Post now"),
                tr("Send %1 to every mailbox of %2 that has not had this version yet?")
                    .arg(b.value(QLatin1String("name")).toString(),
                        m_bulletins
                            ->data(
                                m_bulletins->index(selectedRows().first(), models::BulletinListModel::Scope))
                            .toString()))
            == QMessageBox::Yes)
            postNow(selectedRows().first());
    });
    connect(incident, &QPushButton::clicked, this, &BulletinsPage::askIncident);
    connect(remove, &QPushButton::clicked, this, &BulletinsPage::removeSelected);
    connect(this, &ListPage::activated, this, [this](int row) {
        if (this->context()->can(QStringLiteral("bulletin.write")))
            this->edit(row);
    });
    selectionChanged();
}

qint64 BulletinsPage::idAt(int row) const
{
    return qint64(m_bulletins->objectAt(row).value(QLatin1String("id")).toDouble());
}

void BulletinsPage::selectionChanged()
{
    ListPage::selectionChanged();
    showProgress();
}

void BulletinsPage::showProgress()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        m_progress->setText(tr("Choose a bulletin to see its posts and deliveries."));
        m_posts->clear();
        return;
    }
    const qint64 id = idAt(rows.first());
    const api::BulletinCalls calls(context()->api());
    calls.getBulletin(id, this, [this](const api::ApiResult &r) {
        if (r.ok())
            m_progress->setText(countsText(r.json.value(QLatin1String("counts")).toObject()));
    });
    calls.posts(id, 50, this, [this](const api::ApiResult &r) {
        m_posts->clear();
        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject p = v.toObject();
            QString to = models::BulletinListModel::targetText(p.value(QLatin1String("target")).toString());
            if (!p.value(QLatin1String("incident_id")).isNull())
                to += QStringLiteral(" %1").arg(qint64(p.value(QLatin1String("incident_id")).toDouble()));
            new QTreeWidgetItem(m_posts,
                {format::time(p.value(QLatin1String("posted_at")).toString()), to,
                    p.value(QLatin1String("author")).toString(),
                    QLocale().toString(qint64(p.value(QLatin1String("recipients")).toDouble())),
                    countsText(p.value(QLatin1String("counts")).toObject())});
        }
    });
}

void BulletinsPage::create()
{
    BulletinEditor editor(context(), {}, this);
    if (editor.exec() == QDialog::Accepted)
        m_bulletins->reload();
}

void BulletinsPage::edit(int row)
{
    api::BulletinCalls(context()->api()).getBulletin(idAt(row), this, [this](const api::ApiResult &r) {
        if (!r.ok()) {
            MessageBox::warning(this, tr("Edit bulletin"), r.error.message());
            return;
        }
        BulletinEditor editor(context(), r.json, this);
        if (editor.exec() == QDialog::Accepted)
            m_bulletins->updateObject(editor.answer());
    });
}

void BulletinsPage::removeSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const QJsonObject b = m_bulletins->objectAt(rows.first());
    ConfirmDelete::run(
        this, tr("Delete bulletin"),
        tr("Delete the bulletin %1 and its delivery history?").arg(b.value(QLatin1String("name")).toString()),
        [this, id = idAt(rows.first()), version = b.value(QLatin1String("version")).toInt()](
            const api::ApiClient::Callback &callback) {
            api::BulletinCalls(context()->api()).deleteBulletin(id, version, this, callback);
        },
        [this](const api::ApiResult &) { m_bulletins->reload(); });
}

void BulletinsPage::postNow(int row)
{
    api::BulletinCalls(context()->api()).postToAll(idAt(row), this, [this](const api::ApiResult &r) {
        if (!r.ok())
            MessageBox::warning(this, tr("Post now"), r.error.message());
        else
            context()->showStatus(
                tr("Queued for %n mailboxes.", nullptr, r.json.value(QLatin1String("recipients")).toInt()));
        showProgress();
    });
}

void BulletinsPage::postToIncident(int row, qint64 incidentId)
{
    api::BulletinCalls(context()->api())
        .postToIncident(idAt(row), incidentId, this, [this](const api::ApiResult &r) {
            if (!r.ok())
                MessageBox::warning(this, tr("Post to an incident"), r.error.message());
            else
                context()->showStatus(tr("Queued for %n affected mailboxes.", nullptr,
                    r.json.value(QLatin1String("recipients")).toInt()));
            showProgress();
        });
}

void BulletinsPage::sendTest(int row, const QString &address)
{
    api::BulletinCalls(context()->api())
        .sendTest(idAt(row), address, this, [this, address](const api::ApiResult &r) {
            if (!r.ok())
                MessageBox::warning(this, tr("Send test"), r.error.message());
            else
                context()->showStatus(tr("A test copy is on its way to %1.").arg(address));
            showProgress();
        });
}

void BulletinsPage::askTest()
{
    if (selectedRows().isEmpty())
        return;
    const int row = selectedRows().first();
    bool ok = false;
    const QString address = QInputDialog::getText(
        this, tr("Send test"), tr("Send one copy to:"), QLineEdit::Normal, QString(), &ok);
    if (ok && !address.trimmed().isEmpty())
        sendTest(row, address.trimmed());
}

void BulletinsPage::askIncident()
{
    if (selectedRows().isEmpty())
        return;
    const int row = selectedRows().first();
    const api::IncidentCalls calls(context()->api());
    calls.listIncidents(QString(), 100, this, [this, row](const api::ApiResult &r) {
        QStringList labels;
        QList<qint64> ids;
        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject i = v.toObject();
            if (i.value(QLatin1String("status")).toString() == QLatin1String("resolved"))
                continue;
            ids << qint64(i.value(QLatin1String("id")).toDouble());
            labels << QStringLiteral("%1 — %2 (%3)")
                          .arg(ids.last())
                          .arg(i.value(QLatin1String("title")).toString(),
                              models::IncidentListModel::affectedText(i));
        }
        if (ids.isEmpty()) {
            MessageBox::information(
                this, tr("Post to an incident"), tr("No open or scheduled incident touches your mailboxes."));
            return;
        }
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Post to an incident"),
            tr("Send to the mailboxes this incident affects:"), labels, 0, false, &ok);
        if (ok)
            postToIncident(row, ids.value(labels.indexOf(chosen)));
    });
}

} // namespace mailadmin::ui
