#include "ObjectDialog.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "Form.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mailadmin::ui {

ObjectDialog::ObjectDialog(AppContext *context, const EntitySchema &schema, Mode mode, const QString &path,
    const QString &title, QWidget *parent)
    : QDialog(parent), m_context(context), m_schema(schema), m_mode(mode), m_path(path)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *formLayout = new QFormLayout;
    layout->addLayout(formLayout);
    m_form = new Form(formLayout, this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #a51d2d;"));
    m_message->hide();
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_ok->setText(mode == Mode::Create ? tr("Create") : tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ObjectDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void ObjectDialog::setObject(const QJsonObject &object)
{
    m_object = object;
    m_form->load(object);
}

void ObjectDialog::submit()
{
    const EntitySchema::Mode schemaMode
        = m_mode == Mode::Create ? EntitySchema::Mode::Create : EntitySchema::Mode::Patch;
    const QList<FieldError> problems = m_form->check(m_schema, schemaMode);
    if (!problems.isEmpty()) {
        const QStringList other = m_form->showErrors(problems);
        m_message->setText(
            other.isEmpty() ? tr("Some fields need attention.") : other.join(QLatin1Char('\n')));
        m_message->show();
        return;
    }
    QJsonObject body;
    if (m_mode == Mode::Create) {
        const QJsonObject values = m_form->values();
        for (auto it = values.begin(); it != values.end(); ++it) {
            // Leave out empty optional values so the server applies its defaults.
            if (it.value().isNull()
                || (it.value().isString() && it.value().toString().isEmpty()
                    && !m_schema.field(it.key())->required))
                continue;
            body.insert(it.key(), it.value());
        }
    } else {
        body = m_form->changes();
        if (body.isEmpty()) {
            accept();
            return;
        }
    }
    for (auto it = m_extra.begin(); it != m_extra.end(); ++it)
        body.insert(it.key(), it.value());
    m_ok->setEnabled(false);
    m_message->hide();
    auto handle = [this](const api::ApiResult &result) {
        m_ok->setEnabled(true);
        if (result.ok()) {
            m_answer = result.json;
            emit succeeded(result.json);
            accept();
            return;
        }
        QStringList other = m_form->showErrors(result.error.fields);
        if (result.error.status != 422 || !other.isEmpty() || result.error.fields.isEmpty())
            other.prepend(result.error.status == 412
                    ? tr("Someone else changed this meanwhile; close and open it again.")
                    : result.error.message());
        m_message->setText(other.join(QLatin1Char('\n')));
        m_message->show();
    };
    if (m_mode == Mode::Create)
        m_context->api()->post(m_path, body, this, handle);
    else
        m_context->api()->patch(m_path, body, m_object.value(QLatin1String("version")).toInt(), this, handle);
}

} // namespace mailadmin::ui
