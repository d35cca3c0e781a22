#include "IncidentBanner.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "IncidentCalls.h"
#include "IncidentModels.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace mailadmin::ui {

IncidentBanner::IncidentBanner(AppContext *context, QWidget *parent)
    : QFrame(parent), m_context(context), m_text(new QLabel(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("incidentBanner"));
    setStyleSheet(
        QStringLiteral("QFrame#incidentBanner { background: #fbe3e4; border-bottom: 1px solid #c01c28; }"));
    auto *row = new QHBoxLayout(this);
    m_text->setObjectName(QStringLiteral("incidentBannerLabel"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_details = new QPushButton(tr("&Details…"), this);
    m_details->setObjectName(QStringLiteral("incidentDetailsButton"));
    row->addWidget(m_text, 1);
    row->addWidget(m_details);
    connect(m_details, &QPushButton::clicked, this, [this] { emit openIncident(m_first); });
    hide();
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &IncidentBanner::refresh);
    if (context->can(QStringLiteral("incident.read"))) {
        m_timer->start();
        QTimer::singleShot(0, this, &IncidentBanner::refresh);
    }
}

QString IncidentBanner::text() const
{
    return m_text->text();
}

void IncidentBanner::refresh()
{
    const api::IncidentCalls calls(m_context->api());
    calls.listIncidents(QStringLiteral("open"), 20, this, [this](const api::ApiResult &result) {
        if (!result.ok())
            return;
        const QJsonArray items = result.json.value(QLatin1String("items")).toArray();
        if (items.isEmpty()) {
            m_first = 0;
            hide();
            return;
        }
        const QJsonObject first = items.first().toObject();
        m_first = qint64(first.value(QLatin1String("id")).toDouble());
        QString text
            = tr("%1: %2 — %3 affected")
                  .arg(models::IncidentListModel::kindText(first.value(QLatin1String("kind")).toString()),
                      first.value(QLatin1String("title")).toString(),
                      models::IncidentListModel::affectedText(first));
        if (first.contains(QLatin1String("your_impact"))) {
            const QJsonObject mine = first.value(QLatin1String("your_impact")).toObject();
            text
                = tr("%1: %2 — %3 of your %4 mailboxes are affected.")
                      .arg(models::IncidentListModel::kindText(first.value(QLatin1String("kind")).toString()),
                          first.value(QLatin1String("title")).toString(),
                          QLocale().toString(qint64(mine.value(QLatin1String("mailboxes")).toDouble())),
                          QLocale().toString(qint64(mine.value(QLatin1String("total")).toDouble())));
        }
        if (items.size() > 1)
            text += QLatin1Char(' ') + tr("(and %n more open incident(s))", nullptr, int(items.size() - 1));
        m_text->setText(text);
        show();
    });
}

} // namespace mailadmin::ui
