#pragma once

#include <QFrame>

class QLineEdit;
class QListWidget;
class QTimer;

namespace mailadmin::ui {

class AppContext;

// Ctrl+K: type the start of an address or domain, pick a match, go there. Searches on the server, so it is
// as quick with 100,000 users as with ten.
class JumpBox : public QFrame
{
    Q_OBJECT
public:
    explicit JumpBox(AppContext *context, QWidget *parent = nullptr);
    void popup();
    void setText(const QString &text);
    QListWidget *results() const { return m_results; }
    void activateCurrent();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search();

    AppContext *m_context;
    QLineEdit *m_edit;
    QListWidget *m_results;
    QTimer *m_debounce;
    quint64 m_generation = 0;
};

} // namespace mailadmin::ui
