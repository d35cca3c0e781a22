#include "Form.h"

#include "ByteSizeEdit.h"
#include "ServicesEdit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mailadmin::ui {

Form::Form(QFormLayout *layout, QObject *parent) : QObject(parent), m_layout(layout)
{
    m_layout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

QString Form::objectNameFor(const QString &field, const char *type)
{
    QString name;
    bool upper = false;
    for (QChar c : field) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name + QLatin1String(type);
}

QLabel *Form::addRow(const QString &field, const QString &label, QWidget *widget)
{
    auto *box = new QWidget;
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(widget);
    auto *error = new QLabel(box);
    error->setObjectName(objectNameFor(field, "ErrorLabel"));
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color: #c01c28;"));
    error->hide();
    column->addWidget(error);
    QString plain = label.isEmpty() ? widget->property("text").toString() : label;
    plain.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    while (plain.endsWith(QLatin1Char(':')) || plain.endsWith(QLatin1Char(' ')) || plain.endsWith(QChar(0xa0)))
        plain.chop(1);
    m_labels.insert(field, plain);
    auto *caption = new QLabel(label);
    // A composite widget names the control its mnemonic should reach through its focus proxy.
    caption->setBuddy(widget->focusProxy() ? widget->focusProxy() : widget);
    m_layout->addRow(caption, box);
    m_order << field;
    return error;
}

QLineEdit *Form::addLine(const QString &field, const QString &label, bool nullable)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectNameFor(field, "LineEdit"));
    Binding b;
    b.widget = edit;
    b.error = addRow(field, label, edit);
    b.read = [edit, nullable]() -> QJsonValue {
        const QString text = edit->text().trimmed();
        if (nullable && text.isEmpty())
            return QJsonValue::Null;
        return text;
    };
    b.write = [edit](const QJsonValue &v) { edit->setText(v.toString()); };
    b.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    connect(edit, &QLineEdit::textEdited, this, &Form::edited);
    m_bindings.insert(field, b);
    return edit;
}

QPlainTextEdit *Form::addText(const QString &field, const QString &label)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(objectNameFor(field, "PlainTextEdit"));
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(80);
    Binding b;
    b.widget = edit;
    b.error = addRow(field, label, edit);
    b.read = [edit]() -> QJsonValue { return edit->toPlainText(); };
    b.write = [edit](const QJsonValue &v) { edit->setPlainText(v.toString()); };
    b.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    connect(edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_bindings.insert(field, b);
    return edit;
}

QPlainTextEdit *Form::addList(const QString &field, const QString &label)
{
    auto *edit = new QPlainTextEdit;
    edit->setObjectName(objectNameFor(field, "PlainTextEdit"));
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(70);
    edit->setPlaceholderText(tr("One per line"));
    Binding b;
    b.widget = edit;
    b.error = addRow(field, label, edit);
    b.read = [edit]() -> QJsonValue {
        QJsonArray out;
        const QStringList lines = edit->toPlainText().split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (!line.trimmed().isEmpty())
                out.append(line.trimmed());
        }
        return out;
    };
    b.write = [edit](const QJsonValue &v) {
        QStringList lines;
        for (const QJsonValue &item : v.toArray())
            lines << item.toString();
        edit->setPlainText(lines.join(QLatin1Char('\n')));
    };
    b.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    connect(edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_bindings.insert(field, b);
    return edit;
}

ByteSizeEdit *Form::addBytes(const QString &field, const QString &label)
{
    auto *edit = new ByteSizeEdit;
    edit->setObjectName(objectNameFor(field, "ByteSizeEdit"));
    Binding b;
    b.widget = edit;
    b.error = addRow(field, label, edit);
    b.read = [edit]() -> QJsonValue { return double(edit->value()); };
    b.write = [edit](const QJsonValue &v) { edit->setValue(qint64(v.toDouble())); };
    b.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    connect(edit, &ByteSizeEdit::valueChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_bindings.insert(field, b);
    return edit;
}

QSpinBox *Form::addNumber(
    const QString &field, const QString &label, int minimum, int maximum, const QString &zeroText)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(objectNameFor(field, "SpinBox"));
    spin->setRange(minimum, maximum);
    spin->setGroupSeparatorShown(true);
    if (!zeroText.isEmpty())
        spin->setSpecialValueText(zeroText);
    Binding b;
    b.widget = spin;
    b.error = addRow(field, label, spin);
    b.read = [spin]() -> QJsonValue { return spin->value(); };
    b.write = [spin](const QJsonValue &v) { spin->setValue(v.toInt()); };
    b.setReadOnly = [spin](bool ro) { spin->setReadOnly(ro); };
    connect(spin, &QSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_bindings.insert(field, b);
    return spin;
}

QCheckBox *Form::addCheck(const QString &field, const QString &label)
{
    auto *check = new QCheckBox(label);
    check->setObjectName(objectNameFor(field, "CheckBox"));
    Binding b;
    b.widget = check;
    b.error = addRow(field, QString(), check);
    b.read = [check]() -> QJsonValue { return check->isChecked(); };
    b.write = [check](const QJsonValue &v) { check->setChecked(v.toBool()); };
    b.setReadOnly = [check](bool ro) { check->setEnabled(!ro); };
    connect(check, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_bindings.insert(field, b);
    return check;
}

QComboBox *Form::addChoice(
    const QString &field, const QString &label, const QList<QPair<QString, QVariant>> &items)
{
    auto *box = new QComboBox;
    box->setObjectName(objectNameFor(field, "ComboBox"));
    for (const auto &[text, value] : items)
        box->addItem(text, value);
    Binding b;
    b.widget = box;
    b.error = addRow(field, label, box);
    b.read = [box]() -> QJsonValue {
        const QVariant v = box->currentData();
        if (!v.isValid())
            return QJsonValue::Null;
        if (v.typeId() == QMetaType::QString)
            return v.toString();
        return double(v.toLongLong());
    };
    b.write = [box](const QJsonValue &v) {
        int index = -1;
        for (int i = 0; i < box->count(); ++i) {
            const QVariant d = box->itemData(i);
            const bool same = v.isNull() ? !d.isValid()
                : v.isString()
                ? d.toString() == v.toString()
                : (d.isValid() && d.typeId() != QMetaType::QString && d.toLongLong() == qint64(v.toDouble()));
            if (same) {
                index = i;
                break;
            }
        }
        if (index < 0 && !v.isNull()) {
            // A value the list does not know (e.g. a brand not loaded yet): keep it selectable.
            box->addItem(v.isString() ? v.toString() : QString::number(qint64(v.toDouble())),
                v.isString() ? QVariant(v.toString()) : QVariant(qint64(v.toDouble())));
            index = box->count() - 1;
        }
        box->setCurrentIndex(qMax(0, index));
    };
    b.setReadOnly = [box](bool ro) { box->setEnabled(!ro); };
    connect(box, &QComboBox::activated, this, &Form::edited);
    m_bindings.insert(field, b);
    return box;
}

ServicesEdit *Form::addServices(const QString &field, const QString &label)
{
    auto *edit = new ServicesEdit;
    edit->setObjectName(objectNameFor(field, "ServicesEdit"));
    Binding b;
    b.widget = edit;
    b.error = addRow(field, label, edit);
    b.read = [edit]() -> QJsonValue { return edit->value(); };
    b.write = [edit](const QJsonValue &v) { edit->setValue(v.toObject()); };
    b.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    connect(edit, &ServicesEdit::changed, this, [this] {
        if (!m_loading)
            emit edited();
    });
    m_bindings.insert(field, b);
    return edit;
}

QLabel *Form::addInfo(
    const QString &field, const QString &label, std::function<QString(const QJsonValue &)> formatter)
{
    auto *info = new QLabel;
    info->setObjectName(objectNameFor(field, "Label"));
    info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info->setWordWrap(true);
    Binding b;
    b.widget = info;
    b.error = addRow(field, label, info);
    b.editable = false;
    b.read = [] { return QJsonValue(QJsonValue::Undefined); };
    b.write = [info, formatter](const QJsonValue &v) { info->setText(formatter(v)); };
    b.setReadOnly = [](bool) {};
    m_bindings.insert(field, b);
    return info;
}

void Form::addCustom(const QString &field, const QString &label, QWidget *widget,
    std::function<QJsonValue()> read, std::function<void(const QJsonValue &)> write,
    std::function<void(bool)> setReadOnly)
{
    Binding b;
    b.widget = widget;
    b.error = addRow(field, label, widget);
    b.read = std::move(read);
    b.write = std::move(write);
    b.setReadOnly = std::move(setReadOnly);
    m_bindings.insert(field, b);
}

void Form::apply(const QJsonObject &values)
{
    m_loading = true;
    for (auto it = values.begin(); it != values.end(); ++it) {
        auto binding = m_bindings.find(it.key());
        if (binding != m_bindings.end() && binding->editable)
            binding->write(it.value());
    }
    m_loading = false;
    emit edited();
}

void Form::load(const QJsonObject &object)
{
    m_loading = true;
    m_baseline = object;
    for (auto it = m_bindings.begin(); it != m_bindings.end(); ++it)
        it->write(object.value(it.key()));
    m_loading = false;
    clearErrors();
    // Normalize the baseline to what the widgets hold, so an untouched form has no changes.
    for (auto it = m_bindings.begin(); it != m_bindings.end(); ++it) {
        if (it->editable && object.contains(it.key()))
            m_baseline.insert(it.key(), it->read());
    }
}

QJsonObject Form::values() const
{
    QJsonObject out;
    for (const QString &field : m_order) {
        const Binding &b = m_bindings[field];
        if (b.editable)
            out.insert(field, b.read());
    }
    return out;
}

QJsonObject Form::changes() const
{
    QJsonObject out;
    const QJsonObject now = values();
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (!m_baseline.contains(it.key()) || m_baseline.value(it.key()) != it.value())
            out.insert(it.key(), it.value());
    }
    return out;
}

void Form::setReadOnly(bool readOnly)
{
    for (const Binding &b : std::as_const(m_bindings))
        b.setReadOnly(readOnly);
}

QStringList Form::showErrors(const QList<FieldError> &errors)
{
    clearErrors();
    QStringList unplaced;
    QWidget *first = nullptr;
    for (const FieldError &e : errors) {
        QString field = e.field;
        const qsizetype cut = field.indexOf(QRegularExpression(QStringLiteral("[\\[.]")));
        if (cut > 0)
            field = field.left(cut);
        auto it = m_bindings.find(field);
        if (it == m_bindings.end()) {
            unplaced << (e.field.isEmpty() ? e.message : QStringLiteral("%1: %2").arg(e.field, e.message));
            continue;
        }
        const QString existing = it->error->text();
        it->error->setText(existing.isEmpty() ? e.message : existing + QLatin1Char('\n') + e.message);
        it->error->show();
        if (!first)
            first = it->widget;
    }
    if (first)
        first->setFocus();
    return unplaced;
}

void Form::clearErrors()
{
    for (const Binding &b : std::as_const(m_bindings)) {
        b.error->clear();
        b.error->hide();
    }
}

QList<FieldError> Form::check(const EntitySchema &schema, EntitySchema::Mode mode) const
{
    const QJsonObject input = mode == EntitySchema::Mode::Create ? values() : changes();
    QJsonObject known;
    for (auto it = input.begin(); it != input.end(); ++it) {
        // A nullable field left empty on create is simply not sent.
        if (mode == EntitySchema::Mode::Create && it.value().isNull())
            continue;
        if (schema.field(it.key()))
            known.insert(it.key(), it.value());
    }
    const Result<QJsonObject> result = schema.validate(known, mode);
    return result.ok() ? QList<FieldError> {} : result.error().fields;
}

QWidget *Form::widget(const QString &field) const
{
    return m_bindings.value(field).widget;
}

} // namespace mailadmin::ui
