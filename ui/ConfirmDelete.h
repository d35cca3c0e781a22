#pragma once

#include "ApiClient.h"

#include <functional>

class QWidget;

namespace mailadmin::ui {

// The one delete-after-confirm flow: asks the question, and only on Yes sends the delete. A failure is shown
// in a warning titled like the question, unless the page reports it itself; `done` runs on every answer.
class ConfirmDelete
{
public:
    enum class Failure
    {
        Warn,
        LeaveToCaller
    };
    using Send = std::function<void(api::ApiClient::Callback)>;

    // Asks only; true on Yes. For deletes that go another way, such as a bulk operation.
    static bool ask(QWidget *parent, const QString &title, const QString &question);
    // Asks, then calls `send` with the callback to hand to the typed delete call; false when not confirmed.
    static bool run(QWidget *parent, const QString &title, const QString &question, const Send &send,
        std::function<void(const api::ApiResult &)> done, Failure failure = Failure::Warn);
};

} // namespace mailadmin::ui
