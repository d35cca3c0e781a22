#pragma once

#include "Form.h"

#include <QJsonObject>
#include <QWidget>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mailadmin::ui {

class AppContext;

// A page that edits one object: loads it, checks edits with the shared rules before sending, saves only the
// changed fields with If-Match, shows the server's field errors at their fields, resolves a conflicting save
// with the admin, and guards unsaved changes.
class EditorPage : public QWidget
{
    Q_OBJECT
public:
    EditorPage(
        AppContext *context, const EntitySchema &schema, const QString &kind, QWidget *parent = nullptr);

    void open(const QString &path);
    QString path() const { return m_path; }
    const QJsonObject &object() const { return m_object; }
    int version() const { return m_object.value(QLatin1String("version")).toInt(); }
    bool isDirty() const { return m_loaded && m_form->isDirty(); }
    // Asks what to do with unsaved changes; false means stay.
    bool confirmLeave();
    Form *form() const { return m_form; }
    void save();
    void revert();
    void reload() { open(m_path); }

signals:
    void saved(const QJsonObject &object);
    void loaded(const QJsonObject &object);

protected:
    AppContext *context() const { return m_context; }
    QFormLayout *formLayout() const { return m_formLayout; }
    // Room above the form (summary, gauges) and beside Save (page-specific actions).
    QVBoxLayout *headerLayout() const { return m_header; }
    QHBoxLayout *actionsLayout() const { return m_actions; }
    void setTitle(const QString &title);
    void showMessage(const QString &text, bool error);
    // Called after each load; pages update their header and action states here.
    virtual void onLoaded(const QJsonObject &) { }
    // The permission that allows saving.
    virtual QString updateAction() const = 0;
    // Replaces the shown object with an answer from an action (suspend, password, ...).
    void adopt(const QJsonObject &object);

private:
    void updateButtons();
    void patch(const QJsonObject &changes, int version);

    AppContext *m_context;
    const EntitySchema &m_schema;
    QString m_kind;
    QString m_path;
    QJsonObject m_object;
    bool m_loaded = false;
    bool m_saving = false;
    Form *m_form;
    QFormLayout *m_formLayout;
    QVBoxLayout *m_header;
    QHBoxLayout *m_actions;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_revert;
};

} // namespace mailadmin::ui
