#pragma once

#include "EditorPage.h"

#include <QDialog>

class QPushButton;
class QTabWidget;

namespace mailadmin::ui {

// The company's daily CSV report: on or off, the time of day (UTC), who gets it; and "Send now".
class ReportScheduleEditor : public EditorPage
{
    Q_OBJECT
public:
    explicit ReportScheduleEditor(AppContext *context, QWidget *parent = nullptr);
    void openCompany(qint64 id);
    void sendNow();
    QPushButton *sendNowButton() const { return m_send; }

protected:
    QString updateAction() const override { return QStringLiteral("report.write"); }
    void onLoaded(const QJsonObject &schedule) override;

private:
    qint64 m_company = 0;
    QPushButton *m_send;
};

// When outbound mail counts as a spike for the company's users and domains, and what Postfix does then.
class SpikeThresholdsEditor : public EditorPage
{
    Q_OBJECT
public:
    explicit SpikeThresholdsEditor(AppContext *context, QWidget *parent = nullptr);
    void openCompany(qint64 id);

protected:
    QString updateAction() const override { return QStringLiteral("company.update"); }
};

// Both editors of one company, one tab each; closing asks about unsaved changes.
class CompanySettingsDialog : public QDialog
{
    Q_OBJECT
public:
    CompanySettingsDialog(AppContext *context, qint64 companyId, QWidget *parent = nullptr);
    ReportScheduleEditor *report() const { return m_report; }
    SpikeThresholdsEditor *thresholds() const { return m_thresholds; }
    void reject() override;

private:
    QTabWidget *m_tabs;
    ReportScheduleEditor *m_report;
    SpikeThresholdsEditor *m_thresholds;
};

} // namespace mailadmin::ui
