#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QLineEdit;
class QPushButton;

namespace mailadmin::ui {

class AppContext;

// Generates a strong password, lets the admin change it, sets it on the server, and shows it once with a
// copy button.
class PasswordWidget : public QWidget
{
    Q_OBJECT
public:
    PasswordWidget(
        AppContext *context, const QString &path, const QString &account, QWidget *parent = nullptr);

    QString password() const;
    void setPassword(const QString &password);
    void generate();
    void submit();
    bool succeeded() const { return m_done; }
    QJsonObject answer() const { return m_answer; }
    // 16 characters from an alphabet without look-alikes, with lower, upper case and digits.
    static QString generatePassword(int length = 16);

signals:
    void finished(bool succeeded);

private:
    AppContext *m_context;
    QString m_path;
    QLineEdit *m_edit;
    QLabel *m_message;
    QPushButton *m_generate;
    QPushButton *m_copy;
    QPushButton *m_set;
    bool m_done = false;
    QJsonObject m_answer;
};

class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    PasswordDialog(
        AppContext *context, const QString &path, const QString &account, QWidget *parent = nullptr);
    bool succeeded() const { return m_widget->succeeded(); }
    QJsonObject answer() const { return m_widget->answer(); }
    PasswordWidget *widget() const { return m_widget; }

private:
    PasswordWidget *m_widget;
};

} // namespace mailadmin::ui
