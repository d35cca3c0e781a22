#pragma once

#include "StatsCalls.h"
#include "StatsScopeBar.h"

#include <QJsonObject>
#include <QUrlQuery>
#include <QWidget>

#include <functional>

class QLabel;
class QTimer;

namespace mailadmin::models {
class SeriesModel;
}

namespace mailadmin::ui {

class AppContext;

// The shared machinery of the stats pages: the scope bar, requests, and refresh every 60 s (setting
// stats/refreshSeconds) without disturbing what the user scrolled to or selected.
class StatsPageBase : public QWidget
{
    Q_OBJECT
public:
    StatsPageBase(AppContext *context, QWidget *parent);
    StatsScopeBar *scopeBar() const { return m_scope; }
    // Sends every request for the current scope; loaded() follows when all are answered.
    virtual void refresh() = 0;
    bool isLoading() const { return m_waiting > 0; }
    static int refreshSeconds();
    // Stored in the settings; every stats page takes it up at once.
    static void setRefreshSeconds(int seconds);

signals:
    // Every answer of one refresh has arrived and is drawn; `milliseconds` from the refresh.
    void loaded(qint64 milliseconds);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    AppContext *context() const { return m_context; }
    // Asks for `path` with the query; `handle` runs with the answer; counts towards loaded().
    void ask(const QString &path, const QUrlQuery &query, std::function<void(const QJsonObject &)> handle);
    // Has the series model load itself (given the api client on first use); counts towards loaded(), and
    // `then` runs once the rows are in.
    void load(models::SeriesModel *model, const api::SeriesQuery &query, std::function<void()> then = {});
    void beginRefresh();
    // The page's title, scope bar and error line above a scrolling area; returns the area's content.
    QWidget *buildFrame(const QString &title, bool allowUser);
    // A subject is chosen (an operator's company list may still be loading).
    bool hasSubject() const;
    QLabel *errorLabel() const { return m_error; }

    AppContext *m_context;
    StatsScopeBar *m_scope;
    QLabel *m_error;
    QTimer *m_timer;
    int m_waiting = 0;
    int m_generation = 0;
    qint64 m_started = 0;
};

} // namespace mailadmin::ui
