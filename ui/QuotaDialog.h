#pragma once

#include <QDialog>

#include <optional>

namespace mailadmin::ui {

class ByteSizeEdit;

// The one dialog that asks for a mailbox quota: one user's (User 360) or a selection's (bulk on the users
// list). Tests answer it through setNextAnswer() instead of a modal loop.
class QuotaDialog : public QDialog
{
    Q_OBJECT
public:
    // `label` names the field ("&Quota:"), `note` is an optional line under it (what is used now).
    QuotaDialog(const QString &title, const QString &label, qint64 quota, const QString &note = {},
        QWidget *parent = nullptr);
    qint64 quota() const;

    // Asks and returns the quota, or nothing when cancelled.
    static std::optional<qint64> ask(
        QWidget *parent, const QString &title, const QString &label, qint64 quota, const QString &note = {});
    // The next ask() returns `quota` (or is cancelled when nothing is given) without a dialog.
    static void setNextAnswer(std::optional<qint64> quota);

private:
    ByteSizeEdit *m_edit;
};

} // namespace mailadmin::ui
