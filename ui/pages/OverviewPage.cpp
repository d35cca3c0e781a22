#include "OverviewPage.h"

#include "AppContext.h"
#include "CompanyCalls.h"
#include "CompanyOverviewModel.h"
#include "CompanyStatusActions.h"
#include "Format.h"
#include "MessageBox.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>

namespace mailadmin::ui {

OverviewPage::OverviewPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::CompanyOverviewModel(context->api()), tr("All companies"), parent)
    , m_companies(static_cast<models::CompanyOverviewModel *>(model()))
{
    setObjectName(QStringLiteral("overviewPage"));
    m_companies->setParent(this);
    searchEdit()->setPlaceholderText(tr("Search company names (a prefix; * for any text)"));

    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("openCompanyButton"));
    m_actions = new CompanyStatusActions(context, this);
    m_actions->setObjectName(QStringLiteral("companyStatusActions"));
    buttonLayout()->insertWidget(0, m_open);
    buttonLayout()->insertWidget(1, m_actions);
    connect(m_open, &QPushButton::clicked, this, &OverviewPage::openSelected);
    connect(this, &ListPage::activated, this,
        [this](int row) { emit this->context()->openCompany(m_companies->companyIdAt(row)); });

    // Arrow keys move the selection row by row: ask the server only for the row that stays selected.
    m_pick = new QTimer(this);
    m_pick->setSingleShot(true);
    m_pick->setInterval(150);
    connect(m_pick, &QTimer::timeout, this, &OverviewPage::loadSelected);
    connect(m_companies, &models::PagedListModel::firstPageLoaded, this, [this] {
        // A row's status changes in place, after the columns were fitted: room for the longest word.
        const QFontMetrics metrics = table()->fontMetrics();
        int word = 0;
        for (const char *status : {"active", "suspended", "deleted"})
            word = qMax(word, metrics.horizontalAdvance(format::companyStatus(QLatin1String(status))));
        const int mark = table()->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, table());
        const int column = models::CompanyOverviewModel::Status;
        table()->setColumnWidth(column, qMax(table()->columnWidth(column), word + mark + 24));
    });

    connect(m_actions, &CompanyStatusActions::changed, this, [this](const QJsonObject &company) {
        m_companies->updateCompany(company);
        const QString name = company.value(QLatin1String("name")).toString();
        const bool deleted = !company.value(QLatin1String("deleted_at")).isNull()
            && !company.value(QLatin1String("deleted_at")).isUndefined();
        emit this->context()->showStatus(deleted ? tr("%1 is deleted; Restore brings it back.").arg(name)
                : company.value(QLatin1String("status")).toString() == QLatin1String("suspended")
                ? tr("%1 is suspended.").arg(name)
                : tr("%1 is active.").arg(name));
    });
    connect(m_actions, &CompanyStatusActions::failed, this, [this](const QString &message) {
        MessageBox::warning(this, tr("All companies"), message);
        // What the server has now (another operator may have acted first).
        loadSelected();
    });

    // The names take the room the figures leave, so that the last figures are not cut off.
    QHeaderView *header = table()->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(models::CompanyOverviewModel::Name, QHeaderView::Stretch);
    selectionChanged();
}

qint64 OverviewPage::selectedId() const
{
    const QList<int> rows = selectedRows();
    return rows.size() == 1 ? m_companies->companyIdAt(rows.first()) : 0;
}

void OverviewPage::openSelected()
{
    if (const qint64 id = selectedId(); id > 0)
        emit context()->openCompany(id);
}

void OverviewPage::showEvent(QShowEvent *event)
{
    ListPage::showEvent(event);
    if (!m_companies->isLoaded() && context()->can(QStringLiteral("company.list")))
        m_companies->load();
}

void OverviewPage::selectionChanged()
{
    ListPage::selectionChanged();
    const qint64 id = selectedId();
    m_open->setEnabled(id > 0);
    // The buttons wait for the company as it is now; a row's figures carry no domain count.
    m_actions->setCompany({});
    if (id > 0)
        m_pick->start();
    else
        m_pick->stop();
}

void OverviewPage::loadSelected()
{
    const qint64 id = selectedId();
    if (id <= 0)
        return;
    api::CompanyCalls(context()->api()).get(id, this, [this, id](const api::ApiResult &result) {
        if (selectedId() != id)
            return; // another row was chosen meanwhile
        if (!result.ok()) {
            emit context()->showStatus(result.error.message());
            return;
        }
        m_actions->setCompany(result.json);
        m_companies->updateCompany(result.json);
    });
}

} // namespace mailadmin::ui
