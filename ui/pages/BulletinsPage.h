#pragma once

#include "ListPage.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;

namespace mailadmin::models {
class BulletinListModel;
}

namespace mailadmin::ui {

// Writes or changes one bulletin: its name, when it is sent, whose it is (a domain, or the whole company),
// and its message with the placeholders, beside a preview of what one recipient receives.
class BulletinEditor : public QDialog
{
    Q_OBJECT
public:
    // `bulletin` empty: a new one.
    BulletinEditor(AppContext *context, const QJsonObject &bulletin, QWidget *parent = nullptr);

    // The message as a recipient would see it, placeholders filled in (the server does the same).
    static QString preview(const QString &text, const QString &account, const QString &name,
        const QString &domain, const QString &title = QString());
    QPlainTextEdit *textEdit() const { return m_text; }
    QString previewText() const;
    // Saves; the dialog is accepted when the server took it, otherwise the reason shows in the dialog.
    void submit();
    QJsonObject answer() const { return m_answer; }

private:
    void updatePreview();
    void insertPlaceholder(const QString &name);

    AppContext *m_context;
    QJsonObject m_bulletin;
    QLineEdit *m_name;
    QComboBox *m_type;
    QLineEdit *m_domain;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_preview;
    QLabel *m_error;
    QJsonObject m_answer;
};

// Bulletins of the company: the list, the editor, a test send, posting to all mailboxes or to those an
// incident affects, and the progress of each post.
class BulletinsPage : public ListPage
{
    Q_OBJECT
public:
    explicit BulletinsPage(AppContext *context, QWidget *parent = nullptr);

    void postNow(int row);
    void postToIncident(int row, qint64 incidentId);
    void sendTest(int row, const QString &address);
    // Reloads the selected bulletin's counts and posts.
    void showProgress();
    QLabel *progressLabel() const { return m_progress; }

protected:
    void selectionChanged() override;

private:
    void create();
    void edit(int row);
    void removeSelected();
    void askTest();
    void askIncident();
    qint64 idAt(int row) const;

    models::BulletinListModel *m_bulletins;
    QLabel *m_progress;
    QTreeWidget *m_posts;
};

} // namespace mailadmin::ui
