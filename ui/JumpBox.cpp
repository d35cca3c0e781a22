#include "JumpBox.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "DirectoryCalls.h"
#include "Format.h"
#include "Validation.h"

#include <QJsonArray>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace mailadmin::ui {

namespace {
constexpr int KindRole = Qt::UserRole + 1;
constexpr int KeyRole = Qt::UserRole + 2;
} // namespace

JumpBox::JumpBox(AppContext *context, QWidget *parent) : QFrame(parent, Qt::Popup), m_context(context)
{
    setObjectName(QStringLiteral("jumpBox"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("jumpLineEdit"));
    m_edit->setPlaceholderText(tr("Go to a user or domain…"));
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("resultsListWidget"));
    layout->addWidget(m_edit);
    layout->addWidget(m_results);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &JumpBox::search);
    connect(m_edit, &QLineEdit::returnPressed, this, &JumpBox::activateCurrent);
    connect(m_results, &QListWidget::itemActivated, this, &JumpBox::activateCurrent);
    m_edit->installEventFilter(this);
    resize(520, 320);
}

void JumpBox::popup()
{
    if (QWidget *w = parentWidget()) {
        const QPoint top = w->mapToGlobal(QPoint((w->width() - width()) / 2, 60));
        move(top);
    }
    m_edit->selectAll();
    show();
    m_edit->setFocus();
}

void JumpBox::setText(const QString &text)
{
    m_edit->setText(text);
    m_debounce->stop();
    search();
}

void JumpBox::search()
{
    const QString q = m_edit->text().trimmed().toLower();
    ++m_generation;
    m_results->clear();
    if (q.isEmpty())
        return;
    const quint64 generation = m_generation;
    QUrlQuery users;
    users.addQueryItem(QStringLiteral("q"), q);
    users.addQueryItem(QStringLiteral("limit"), QStringLiteral("8"));
    const auto add = [this, generation](const api::ApiResult &result, const QString &kind) {
        if (generation != m_generation || !result.ok())
            return;
        for (const QJsonValue &v : result.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject o = v.toObject();
            QString key, text;
            if (kind == QLatin1String("user")) {
                key = o.value(QLatin1String("address")).toString();
                text = tr("%1 — %2 (%3)")
                           .arg(key, o.value(QLatin1String("display_name")).toString(),
                               format::status(o.value(QLatin1String("status")).toString()));
            } else {
                key = o.value(QLatin1String("name")).toString();
                text = tr("Domain %1 — %n user(s)", nullptr, o.value(QLatin1String("user_count")).toInt())
                           .arg(validation::domainForDisplay(key));
            }
            auto *item = new QListWidgetItem(text, m_results);
            item->setData(KindRole, kind);
            item->setData(KeyRole, key);
        }
        if (m_results->currentRow() < 0 && m_results->count() > 0)
            m_results->setCurrentRow(0);
    };
    if (m_context->can(QStringLiteral("domain.read"))) {
        QUrlQuery domains;
        domains.addQueryItem(QStringLiteral("q"), q);
        domains.addQueryItem(QStringLiteral("limit"), QStringLiteral("5"));
        m_context->api()->get(api::DirectoryCalls::domainsPath(), domains, this,
            [add](const api::ApiResult &r) { add(r, QStringLiteral("domain")); });
    }
    m_context->api()->get(api::DirectoryCalls::usersPath(), users, this,
        [add](const api::ApiResult &r) { add(r, QStringLiteral("user")); });
}

bool JumpBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            const int row = m_results->currentRow() + (key == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_results->count())
                m_results->setCurrentRow(row);
            return true;
        }
        if (key == Qt::Key_Escape) {
            hide();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void JumpBox::activateCurrent()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    hide();
    if (item->data(KindRole).toString() == QLatin1String("user"))
        emit m_context->openUser(item->data(KeyRole).toString());
    else
        emit m_context->openDomain(item->data(KeyRole).toString());
}

} // namespace mailadmin::ui
