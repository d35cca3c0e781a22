#pragma once

#include <QMessageBox>

namespace mailadmin::ui {

// Message boxes that tests can answer: after setNextAnswer(), the next box returns that answer at once
// instead of opening a modal loop.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
        QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
        QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

    // A line of text, such as the reason for a suspension; false when cancelled.
    static bool askText(QWidget *parent, const QString &title, const QString &label, QString &text);

    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The next askText() answers `text` (or is cancelled when `accept` is false) without a dialog.
    static void setNextText(const QString &text, bool accept = true);
    // The text of the last box shown (or answered by a test).
    static QString lastText();

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
        const QString &text, QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton);
};

} // namespace mailadmin::ui
