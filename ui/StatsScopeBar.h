#pragma once

#include "StatsModels.h"

#include <QUrlQuery>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;

namespace mailadmin::ui {

class AppContext;

// Picks what the stats are about (a company, a domain or a user, within the caller's scope), the range (7, 30
// or 90 days, or custom dates) and the granularity.
class StatsScopeBar : public QWidget
{
    Q_OBJECT
public:
    StatsScopeBar(AppContext *context, bool allowUser, bool withRange, QWidget *parent = nullptr);
    models::StatsScope scope() const;
    // The subject alone as query items (company=, domain= or user=).
    QUrlQuery subjectQuery() const;
    void setSubject(models::StatsScope::Kind kind, const QString &id);
    QString subjectText() const;
    int rangeDays() const;
    void setRangeDays(int days);

signals:
    void changed();

private:
    void loadChoices();
    void updateKind();

    AppContext *m_context;
    bool m_withRange;
    QComboBox *m_kind;
    QComboBox *m_company;
    QComboBox *m_domain;
    QLineEdit *m_user;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_granularity;
};

} // namespace mailadmin::ui
