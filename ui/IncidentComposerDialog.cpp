#include "IncidentComposerDialog.h"

#include "IncidentComposerWidget.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace mailadmin::ui {

IncidentComposerDialog::IncidentComposerDialog(AppContext *context, QWidget *parent)
    : QDialog(parent), m_composer(new IncidentComposerWidget(context, this))
{
    setObjectName(QStringLiteral("incidentComposerDialog"));
    setWindowTitle(tr("New incident"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_composer, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_composer, &IncidentComposerWidget::created, this, [this](const QJsonObject &incident) {
        m_created = incident;
        accept();
    });
    resize(1100, 640);
}

} // namespace mailadmin::ui
