#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mailadmin::charts {
class TimeSeriesChart;
}
namespace mailadmin::models {
class OutageSuggestionModel;
class SeriesModel;
} // namespace mailadmin::models

namespace mailadmin::ui {

class AppContext;

// The outage detector's suggested incidents, for operators: the list, the evidence chart of the one selected
// (successful logins against their normal band, failed logins against their ceiling, anomalous minutes
// marked), and Confirm (opens the incident) or Dismiss (with an optional note).
class OutageSuggestionsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit OutageSuggestionsWidget(AppContext *context, QWidget *parent = nullptr);

    models::OutageSuggestionModel *suggestions() const { return m_model; }
    models::SeriesModel *evidence() const { return m_evidence; }
    charts::TimeSeriesChart *chart() const { return m_chart; }
    qint64 currentSuggestion() const { return m_current; }
    void showSuggestion(int row);
    void reload();

signals:
    // A suggestion became an incident.
    void confirmed(qint64 incidentId);

private:
    void loadEvidence(qint64 id);
    void decide(bool confirm);
    void updateButtons();

    AppContext *m_context;
    models::OutageSuggestionModel *m_model;
    models::SeriesModel *m_evidence;
    QTableView *m_table;
    charts::TimeSeriesChart *m_chart;
    QLineEdit *m_note;
    QPushButton *m_confirm;
    QPushButton *m_dismiss;
    QLabel *m_message;
    qint64 m_current = 0;
    QJsonObject m_suggestion;
};

} // namespace mailadmin::ui
