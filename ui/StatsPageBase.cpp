#include "StatsPageBase.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "PageTitle.h"
#include "Session.h"
#include "StatsModels.h"
#include "StatsScopeBar.h"

#include <QDateTime>
#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace mailadmin::ui {

using models::StatsScope;

namespace {
// Every stats page's timer, to take up a new refresh interval.
QList<QPointer<QTimer>> &refreshTimers()
{
    static QList<QPointer<QTimer>> timers;
    return timers;
}
} // namespace

StatsPageBase::StatsPageBase(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_scope(nullptr)
    , m_error(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xD5, 0x5E, 0x00));
    m_error->setPalette(p);
    m_timer->setInterval(refreshSeconds() * 1000);
    refreshTimers().removeAll(nullptr);
    refreshTimers().append(m_timer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!isLoading())
            refresh();
    });
}

QWidget *StatsPageBase::buildFrame(const QString &title, bool allowUser)
{
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(makePageTitle(title, this));
    m_scope = new StatsScopeBar(m_context, allowUser, true, this);
    outer->addWidget(m_scope);
    outer->addWidget(m_error);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    return content;
}

int StatsPageBase::refreshSeconds()
{
    return qBound(5, QSettings().value(QStringLiteral("stats/refreshSeconds"), 60).toInt(), 3600);
}

void StatsPageBase::setRefreshSeconds(int seconds)
{
    QSettings().setValue(QStringLiteral("stats/refreshSeconds"), qBound(5, seconds, 3600));
    for (const QPointer<QTimer> &timer : std::as_const(refreshTimers()))
        if (timer)
            timer->setInterval(refreshSeconds() * 1000);
}

void StatsPageBase::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    if (m_generation == 0)
        refresh();
}

void StatsPageBase::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

bool StatsPageBase::hasSubject() const
{
    const StatsScope s = m_scope->scope();
    return !(
        s.id.isEmpty() && (s.kind != StatsScope::Kind::Company || m_context->session()->me().isOperator()));
}

void StatsPageBase::beginRefresh()
{
    ++m_generation;
    m_waiting = 0;
    m_started = QDateTime::currentMSecsSinceEpoch();
    m_error->hide();
}

void StatsPageBase::load(
    models::SeriesModel *model, const api::SeriesQuery &query, std::function<void()> then)
{
    ++m_waiting;
    const int generation = m_generation;
    model->setClient(m_context->api());
    // The model drops answers to older loads, so the first answer after this call is this one's.
    auto done = std::make_shared<QMetaObject::Connection>();
    auto failed = std::make_shared<QMetaObject::Connection>();
    const auto finish = [this, generation, done, failed, then = std::move(then)](const api::ApiError *error) {
        QObject::disconnect(*done);
        QObject::disconnect(*failed);
        if (generation != m_generation)
            return; // an older refresh
        if (error) {
            m_error->setText(error->message());
            m_error->show();
        } else if (then)
            then();
        if (--m_waiting == 0)
            emit loaded(QDateTime::currentMSecsSinceEpoch() - m_started);
    };
    *done = connect(model, &models::SeriesModel::loaded, this, [finish] { finish(nullptr); });
    *failed = connect(model, &models::SeriesModel::loadFailed, this,
        [finish](const api::ApiError &error) { finish(&error); });
    model->load(query);
}

void StatsPageBase::ask(
    const QString &path, const QUrlQuery &query, std::function<void(const QJsonObject &)> handle)
{
    ++m_waiting;
    const int generation = m_generation;
    m_context->api()->get(
        path, query, this, [this, generation, handle = std::move(handle)](const api::ApiResult &result) {
            if (generation != m_generation)
                return; // an older refresh
            if (result.ok())
                handle(result.json);
            else {
                m_error->setText(result.error.message());
                m_error->show();
            }
            if (--m_waiting == 0)
                emit loaded(QDateTime::currentMSecsSinceEpoch() - m_started);
        });
}

} // namespace mailadmin::ui
