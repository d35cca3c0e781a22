#pragma once

#include "Error.h"
#include "Schema.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QVariant>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QWidget;

namespace mailadmin::ui {

class ByteSizeEdit;
class ServicesEdit;

// Binds API fields to form widgets: fills them from an object, reports the changed fields as a patch, checks
// them with the shared field rules, and shows the server's field errors right under each field. Widgets are
// named after the field and their type ("displayNameLineEdit", "quotaByteSizeEdit", "quotaErrorLabel").
class Form : public QObject
{
    Q_OBJECT
public:
    explicit Form(QFormLayout *layout, QObject *parent = nullptr);

    QLineEdit *addLine(const QString &field, const QString &label, bool nullable = false);
    QPlainTextEdit *addText(const QString &field, const QString &label);
    // One entry per line, sent as a JSON array of strings.
    QPlainTextEdit *addList(const QString &field, const QString &label);
    ByteSizeEdit *addBytes(const QString &field, const QString &label);
    QSpinBox *addNumber(const QString &field, const QString &label, int minimum, int maximum,
        const QString &zeroText = QString());
    QCheckBox *addCheck(const QString &field, const QString &label);
    // Items carry the JSON value to send (a string, a number, or an invalid QVariant for null).
    QComboBox *addChoice(
        const QString &field, const QString &label, const QList<QPair<QString, QVariant>> &items);
    ServicesEdit *addServices(const QString &field, const QString &label);
    // Shows a value that cannot be edited here.
    QLabel *addInfo(
        const QString &field, const QString &label, std::function<QString(const QJsonValue &)> formatter);

    // A widget of the caller's with its own way to read and write the value.
    void addCustom(const QString &field, const QString &label, QWidget *widget,
        std::function<QJsonValue()> read, std::function<void(const QJsonValue &)> write,
        std::function<void(bool)> setReadOnly);
    // Tells the form that a custom widget was edited.
    void markEdited() { emit edited(); }

    void load(const QJsonObject &object);
    // Puts values into the widgets without moving the baseline (re-applying my edits over a newer version).
    void apply(const QJsonObject &values);
    const QJsonObject &baseline() const { return m_baseline; }
    QJsonObject values() const;
    // Each field's label as the form shows it, without mnemonic or colon ("Display name").
    const QHash<QString, QString> &labels() const { return m_labels; }
    QJsonObject changes() const;
    bool isDirty() const { return !changes().isEmpty(); }
    void setReadOnly(bool readOnly);
    // Field errors appear under their fields; the answer lists those that belong to no field here.
    QStringList showErrors(const QList<FieldError> &errors);
    void clearErrors();
    // Client-side check with the same rules the server applies.
    QList<FieldError> check(const EntitySchema &schema, EntitySchema::Mode mode) const;
    QWidget *widget(const QString &field) const;
    QStringList fields() const { return m_order; }

signals:
    void edited();

private:
    struct Binding
    {
        QWidget *widget = nullptr;
        QLabel *error = nullptr;
        std::function<QJsonValue()> read;
        std::function<void(const QJsonValue &)> write;
        std::function<void(bool)> setReadOnly;
        bool editable = true;
    };
    QLabel *addRow(const QString &field, const QString &label, QWidget *widget);
    QHash<QString, QString> m_labels;
    static QString objectNameFor(const QString &field, const char *type);

    QFormLayout *m_layout;
    QHash<QString, Binding> m_bindings;
    QStringList m_order;
    QJsonObject m_baseline;
    bool m_loading = false;
};

} // namespace mailadmin::ui
