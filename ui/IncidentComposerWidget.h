#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace mailadmin::ui {

class AppContext;

// What an operator fills in to open an incident: kind, title, text, severity, services, the clusters or
// mail stores affected, start, expected end and a reminder; and the preview of the notice as the first
// affected company's contact will receive it, with how many companies, mailboxes and contacts it reaches.
class IncidentComposerWidget : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentComposerWidget(AppContext *context, QWidget *parent = nullptr);

    // The body for POST /incidents (and /incidents/preview).
    QJsonObject incident() const;
    void preview();
    void create();
    QString previewText() const;

signals:
    void created(const QJsonObject &incident);

private:
    void loadTargets();
    void showProblem(const QString &text);

    AppContext *m_context;
    QComboBox *m_kind;
    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    QComboBox *m_severity;
    QList<QCheckBox *> m_services;
    QListWidget *m_clusters;
    QListWidget *m_stores;
    QCheckBox *m_now;
    QDateTimeEdit *m_start;
    QCheckBox *m_hasEnd;
    QDateTimeEdit *m_end;
    QSpinBox *m_remind;
    QLabel *m_reach;
    QPlainTextEdit *m_preview;
    QPushButton *m_previewButton;
    QPushButton *m_createButton;
};

} // namespace mailadmin::ui
