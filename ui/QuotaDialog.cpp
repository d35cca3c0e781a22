#include "QuotaDialog.h"

#include "ByteSizeEdit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>

namespace mailadmin::ui {

namespace {

bool g_hasNextAnswer = false;
std::optional<qint64> g_nextAnswer;

} // namespace

QuotaDialog::QuotaDialog(
    const QString &title, const QString &label, qint64 quota, const QString &note, QWidget *parent)
    : QDialog(parent), m_edit(new ByteSizeEdit(this))
{
    setObjectName(QStringLiteral("quotaDialog"));
    setWindowTitle(title);
    auto *layout = new QFormLayout(this);
    m_edit->setObjectName(QStringLiteral("quotaByteSizeEdit"));
    m_edit->setValue(quota);
    layout->addRow(label, m_edit);
    if (!note.isEmpty())
        layout->addRow(new QLabel(note, this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("quotaButtonBox"));
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

qint64 QuotaDialog::quota() const
{
    return m_edit->value();
}

std::optional<qint64> QuotaDialog::ask(
    QWidget *parent, const QString &title, const QString &label, qint64 quota, const QString &note)
{
    if (g_hasNextAnswer) {
        g_hasNextAnswer = false;
        return g_nextAnswer;
    }
    QuotaDialog dialog(title, label, quota, note, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.quota();
}

void QuotaDialog::setNextAnswer(std::optional<qint64> quota)
{
    g_hasNextAnswer = true;
    g_nextAnswer = quota;
}

} // namespace mailadmin::ui
