#include "EditorPage.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "ConflictDialog.h"
#include "MessageBox.h"
#include "PageTitle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mailadmin::ui {

EditorPage::EditorPage(AppContext *context, const EntitySchema &schema, const QString &kind, QWidget *parent)
    : QWidget(parent), m_context(context), m_schema(schema), m_kind(kind)
{
    auto *outer = new QVBoxLayout(this);
    m_title = makePageTitle(QString(), this);
    outer->addWidget(m_title);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->hide();
    outer->addWidget(m_message);
    m_header = new QVBoxLayout;
    outer->addLayout(m_header);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    m_formLayout = new QFormLayout;
    bodyLayout->addLayout(m_formLayout);
    bodyLayout->addStretch(1);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);
    m_form = new Form(m_formLayout, this);

    m_actions = new QHBoxLayout;
    m_actions->addStretch(1);
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the changed fields (%1)")
                           .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_actions->addWidget(m_revert);
    m_actions->addWidget(m_save);
    outer->addLayout(m_actions);

    connect(m_save, &QPushButton::clicked, this, &EditorPage::save);
    connect(m_revert, &QPushButton::clicked, this, &EditorPage::revert);
    connect(m_form, &Form::edited, this, &EditorPage::updateButtons);
    // Nothing to save before the first load (updateAction() cannot be asked during construction).
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
}

void EditorPage::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EditorPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error
            ? QStringLiteral(
                "QLabel { background: #fce8e6; color: #a51d2d; padding: 6px; border-radius: 4px; }")
            : QStringLiteral(
                "QLabel { background: #e6f4ea; color: #26662f; padding: 6px; border-radius: 4px; }"));
    m_message->setVisible(!text.isEmpty());
}

void EditorPage::updateButtons()
{
    const bool canEdit = m_context->can(updateAction());
    const bool dirty = isDirty();
    m_save->setVisible(canEdit);
    m_revert->setVisible(canEdit);
    m_save->setEnabled(m_loaded && dirty && !m_saving);
    m_revert->setEnabled(m_loaded && dirty && !m_saving);
}

void EditorPage::open(const QString &path)
{
    m_path = path;
    m_loaded = false;
    showMessage(tr("Loading…"), false);
    updateButtons();
    m_context->api()->get(path, {}, this, [this, path](const api::ApiResult &result) {
        if (path != m_path)
            return;
        if (!result.ok()) {
            showMessage(result.error.message(), true);
            return;
        }
        showMessage({}, false);
        adopt(result.json);
    });
}

void EditorPage::adopt(const QJsonObject &object)
{
    m_object = object;
    m_loaded = true;
    m_form->load(object);
    // A deleted object is shown as it was, not edited: the server refuses changes until it is restored.
    const bool deleted = object.value(QLatin1String("status")).toString() == QLatin1String("deleted")
        || !object.value(QLatin1String("deleted_at")).toString().isEmpty();
    m_form->setReadOnly(!m_context->can(updateAction()) || deleted);
    onLoaded(object);
    updateButtons();
    emit loaded(object);
}

void EditorPage::revert()
{
    m_form->load(m_object);
    showMessage({}, false);
    updateButtons();
}

bool EditorPage::confirmLeave()
{
    if (!isDirty())
        return true;
    const auto answer = MessageBox::question(this, tr("Unsaved changes"),
        tr("You changed %1 but did not save. Save the changes now?").arg(m_title->text()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        save();
        return false; // stay until the save is answered
    }
    if (answer == QMessageBox::Discard) {
        revert();
        return true;
    }
    return false;
}

void EditorPage::save()
{
    if (!m_loaded || m_saving)
        return;
    const QJsonObject changes = m_form->changes();
    if (changes.isEmpty())
        return;
    const QList<FieldError> problems = m_form->check(m_schema, EntitySchema::Mode::Patch);
    if (!problems.isEmpty()) {
        const QStringList other = m_form->showErrors(problems);
        showMessage(
            other.isEmpty() ? tr("Some fields need attention before saving.") : other.join(QLatin1Char('\n')),
            true);
        return;
    }
    patch(changes, version());
}

void EditorPage::patch(const QJsonObject &changes, int version)
{
    m_saving = true;
    updateButtons();
    showMessage(tr("Saving…"), false);
    m_context->api()->patch(m_path, changes, version, this, [this, changes](const api::ApiResult &result) {
        m_saving = false;
        if (result.ok()) {
            adopt(result.json);
            showMessage(tr("Saved."), false);
            emit saved(result.json);
            emit m_context->objectChanged(m_kind, result.json, false);
            return;
        }
        const api::ApiError &e = result.error;
        if (e.status == 412 && !e.current.isEmpty()) {
            const QJsonObject base = m_form->baseline();
            const auto choice = ConflictDialog::ask(base, changes, e.current, m_form->labels(), this);
            if (choice == ConflictDialog::ApplyMine) {
                // Their version becomes the base; my edits go on top and are sent against it.
                m_object = e.current;
                m_form->load(e.current);
                m_form->apply(changes);
                onLoaded(e.current);
                patch(m_form->changes(), e.current.value(QLatin1String("version")).toInt());
                return;
            }
            if (choice == ConflictDialog::KeepTheirs) {
                adopt(e.current);
                showMessage(tr("Your changes were discarded; this is the stored version."), false);
                return;
            }
            showMessage(
                tr("Not saved: someone else changed this. Save again to review the differences."), true);
            updateButtons();
            return;
        }
        if (e.status == 422) {
            const QStringList other = m_form->showErrors(e.fields);
            showMessage(other.isEmpty()
                    ? tr("The server did not accept some fields; see the messages below them.")
                    : other.join(QLatin1Char('\n')),
                true);
        } else if (e.isConnectivity()) {
            showMessage(tr("Not saved: %1 Your changes are kept; save again when the server is back.")
                            .arg(e.message()),
                true);
        } else {
            showMessage(tr("Not saved: %1").arg(e.message()), true);
        }
        updateButtons();
    });
}

} // namespace mailadmin::ui
