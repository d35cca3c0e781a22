#pragma once

#include <QDialog>
#include <QJsonObject>

namespace mailadmin::ui {

class AppContext;
class IncidentComposerWidget;

// The modal shell around the incident composer; accepted once the incident is open.
class IncidentComposerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit IncidentComposerDialog(AppContext *context, QWidget *parent = nullptr);
    IncidentComposerWidget *composer() const { return m_composer; }
    QJsonObject createdIncident() const { return m_created; }

private:
    IncidentComposerWidget *m_composer;
    QJsonObject m_created;
};

} // namespace mailadmin::ui
