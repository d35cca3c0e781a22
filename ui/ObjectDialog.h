#pragma once

#include "Schema.h"

#include <QDialog>
#include <QJsonObject>

class QFormLayout;
class QLabel;
class QPushButton;

namespace mailadmin::ui {

class AppContext;
class Form;

// A small form in a dialog that creates an object (POST) or edits one (PATCH with If-Match), with the same
// field checks and field errors as the editor pages. submit() is callable from tests without exec().
class ObjectDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        Edit
    };

    ObjectDialog(AppContext *context, const EntitySchema &schema, Mode mode, const QString &path,
        const QString &title, QWidget *parent = nullptr);

    Form *form() const { return m_form; }
    // Create: initial values; Edit: the object as stored (its version is sent in If-Match).
    void setObject(const QJsonObject &object);
    QJsonObject answer() const { return m_answer; }
    void submit();
    // Extra fields sent with every submit (e.g. an operator's company choice).
    void setExtra(const QJsonObject &extra) { m_extra = extra; }

signals:
    void succeeded(const QJsonObject &object);

private:
    AppContext *m_context;
    const EntitySchema &m_schema;
    Mode m_mode;
    QString m_path;
    Form *m_form;
    QLabel *m_message;
    QPushButton *m_ok;
    QJsonObject m_object;
    QJsonObject m_extra;
    QJsonObject m_answer;
};

} // namespace mailadmin::ui
