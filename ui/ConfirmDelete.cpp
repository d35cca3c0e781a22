#include "ConfirmDelete.h"

#include "MessageBox.h"

#include <QPointer>
#include <QWidget>

namespace mailadmin::ui {

bool ConfirmDelete::ask(QWidget *parent, const QString &title, const QString &question)
{
    return MessageBox::question(parent, title, question) == QMessageBox::Yes;
}

bool ConfirmDelete::run(QWidget *parent, const QString &title, const QString &question, const Send &send,
    std::function<void(const api::ApiResult &)> done, Failure failure)
{
    if (!ask(parent, title, question))
        return false;
    QPointer<QWidget> guard(parent);
    send([guard, title, failure, done = std::move(done)](const api::ApiResult &result) {
        if (!result.ok() && failure == Failure::Warn && guard)
            MessageBox::warning(guard, title, result.error.message());
        if (done)
            done(result);
    });
    return true;
}

} // namespace mailadmin::ui
