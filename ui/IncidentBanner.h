#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;

namespace mailadmin::ui {

class AppContext;

// The strip under the environment band while an incident touches the signed-in admin's company: what is
// wrong and how many of the company's mailboxes it affects (for operators: how many incidents are open).
// Asks the server every minute; hidden when nothing is open.
class IncidentBanner : public QFrame
{
    Q_OBJECT
public:
    explicit IncidentBanner(AppContext *context, QWidget *parent = nullptr);
    void refresh();
    QString text() const;

signals:
    void openIncident(qint64 id);

private:
    AppContext *m_context;
    QLabel *m_text;
    QPushButton *m_details;
    QTimer *m_timer;
    qint64 m_first = 0;
};

} // namespace mailadmin::ui
