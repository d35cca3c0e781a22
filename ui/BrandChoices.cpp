#include "BrandChoices.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "DirectoryCalls.h"

#include <QComboBox>
#include <QJsonArray>
#include <QPointer>

namespace mailadmin::ui {

void loadBrandChoices(AppContext *context, QComboBox *box, qint64 companyId)
{
    if (!context->can(QStringLiteral("brand.read")))
        return;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    if (companyId > 0 && context->can(QStringLiteral("company.create")))
        query.addQueryItem(QStringLiteral("company_id"), QString::number(companyId));
    // Wide enough for the names that come, not only for the first entry it was shown with.
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    QPointer<QComboBox> guard(box);
    context->api()->get(api::DirectoryCalls::brandsPath(), query, box, [guard](const api::ApiResult &result) {
        if (!guard || !result.ok())
            return;
        const QVariant current = guard->currentData();
        const QSignalBlocker block(guard);
        while (guard->count() > 1)
            guard->removeItem(1);
        for (const QJsonValue &v : result.json.value(QLatin1String("items")).toArray()) {
            const QJsonObject b = v.toObject();
            guard->addItem(
                b.value(QLatin1String("name")).toString(), qint64(b.value(QLatin1String("id")).toDouble()));
        }
        const int index = current.isValid() ? guard->findData(current) : 0;
        guard->setCurrentIndex(qMax(0, index));
    });
}

} // namespace mailadmin::ui
