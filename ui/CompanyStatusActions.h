#pragma once

#include <QJsonObject>
#include <QWidget>

class QPushButton;

namespace mailadmin::ui {

class AppContext;

// A company's Suspend…, Resume, Delete… and Restore buttons (on the company page and the operator's
// overview): each is enabled only when it applies to the shown company and the signed-in role may use it
// (operators only). After an action the page gets the company back through `changed`, and the lists hear of
// it through the context.
class CompanyStatusActions : public QWidget
{
    Q_OBJECT
public:
    explicit CompanyStatusActions(AppContext *context, QWidget *parent = nullptr);
    void setCompany(const QJsonObject &company);
    QJsonObject company() const { return m_company; }

    void suspend();
    void resume();
    void remove();
    void restore();

signals:
    void changed(const QJsonObject &company);
    void failed(const QString &message);

private:
    void finish(const QJsonObject &company, bool removed);
    qint64 id() const;
    int version() const;

    AppContext *m_context;
    QJsonObject m_company;
    QPushButton *m_suspend;
    QPushButton *m_resume;
    QPushButton *m_delete;
    QPushButton *m_restore;
};

} // namespace mailadmin::ui
