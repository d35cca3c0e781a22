#include "StatsPages.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "BulkDialog.h"
#include "ByteSizeEdit.h"
#include "ChartExport.h"
#include "DirectoryModels.h"
#include "FileDialog.h"
#include "Format.h"
#include "MessageBox.h"
#include "PageTitle.h"
#include "PasswordDialog.h"
#include "QuotaGauge.h"
#include "Session.h"
#include "StatsCharts.h"
#include "TimeSeriesChart.h"
#include "Validation.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mailadmin::ui {

using models::SeriesModel;
using models::StatsScope;

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    // A refresh replaces the rows: keep where the reader was.
    auto scroll = std::make_shared<int>(0);
    auto row = std::make_shared<int>(-1);
    auto sized = std::make_shared<bool>(false);
    QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, table, [table, scroll, row] {
        *scroll = table->verticalScrollBar()->value();
        *row = table->currentIndex().row();
    });
    QObject::connect(model, &QAbstractItemModel::modelReset, table, [table, scroll, row, sized] {
        if (*row >= 0 && *row < table->model()->rowCount())
            table->selectRow(*row);
        // The first column names the row (a period, a bucket, an address): show it whole when rows first
        // come, and leave it to the reader after that.
        if (!*sized && table->model()->rowCount() > 0) {
            table->resizeColumnToContents(0);
            *sized = true;
        }
        // Lay the new rows out now, so the scroll range is theirs before the old position is set again.
        table->doItemsLayout();
        table->verticalScrollBar()->setValue(*scroll);
    });
    // Tables filled row by row (top senders) are sized when their first rows come too: the numbers take
    // what they need and the first column (the address) the rest, rather than the last column.
    QObject::connect(model, &QAbstractItemModel::rowsInserted, table, [table, sized] {
        if (*sized)
            return;
        *sized = true;
        QHeaderView *header = table->horizontalHeader();
        header->setStretchLastSection(false);
        for (int c = 1; c < table->model()->columnCount(); ++c)
            table->resizeColumnToContents(c);
        header->setSectionResizeMode(0, QHeaderView::Stretch);
    });
    return table;
}

QList<SeriesModel::Column> loginColumns()
{
    return {{QStringLiteral("imap"), format::protocol(QStringLiteral("imap"))},
        {QStringLiteral("pop"), format::protocol(QStringLiteral("pop"))},
        {QStringLiteral("webmail"), format::protocol(QStringLiteral("webmail"))},
        {QStringLiteral("smtp"), format::protocol(QStringLiteral("smtp"))},
        {QStringLiteral("failed"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Failed")}};
}

QList<SeriesModel::Column> outboundColumns()
{
    return {{QStringLiteral("messages"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Messages")},
        {QStringLiteral("recipients"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Recipients")},
        {QStringLiteral("bytes"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Size"),
            SeriesModel::Unit::Bytes},
        {QStringLiteral("baseline_median"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Usual")},
        {QStringLiteral("baseline_high"),
            QCoreApplication::translate("mailadmin::ui::StatsPage", "Usual range top")},
        {QStringLiteral("spike"), QCoreApplication::translate("mailadmin::ui::StatsPage", "Spike")}};
}

// Quota buckets into a two-column model: label, and the count (display and Qt::UserRole + 1).
void fillBuckets(QStandardItemModel *model, const QJsonArray &buckets)
{
    model->clear();
    model->setHorizontalHeaderLabels({QCoreApplication::translate("mailadmin::ui::StatsPage", "Quota used"),
        QCoreApplication::translate("mailadmin::ui::StatsPage", "Mailboxes")});
    for (const QJsonValue &v : buckets) {
        const QJsonObject b = v.toObject();
        const QString label = b.value(QLatin1String("to_percent")).isNull()
            ? QCoreApplication::translate("mailadmin::ui::StatsPage", "full")
            : QStringLiteral("%1–%2 %")
                  .arg(b.value(QLatin1String("from_percent")).toInt())
                  .arg(b.value(QLatin1String("to_percent")).toInt());
        auto *count
            = new QStandardItem(QLocale().toString(qint64(b.value(QLatin1String("users")).toDouble())));
        count->setData(b.value(QLatin1String("users")).toDouble(), Qt::UserRole + 1);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *name = new QStandardItem(label);
        // Under a narrow bar, the upper bound alone.
        name->setData(b.value(QLatin1String("to_percent")).isNull()
                ? QStringLiteral("≥100")
                : QString::number(b.value(QLatin1String("to_percent")).toInt()),
            Qt::UserRole + 2);
        model->appendRow({name, count});
    }
}

// Outbound comes by hour or by day only.
QUrlQuery outboundQuery(const StatsScope &scope)
{
    StatsScope s = scope;
    s.granularity
        = scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day");
    if (s.granularity == QLatin1String("hour") && s.from.secsTo(s.to) > 7 * 86400)
        s.from = s.to.addDays(-7);
    return s.query();
}

} // namespace

// --- StatsScopeBar ---

StatsScopeBar::StatsScopeBar(AppContext *context, bool allowUser, bool withRange, QWidget *parent)
    : QWidget(parent), m_context(context), m_withRange(withRange)
{
    setObjectName(QStringLiteral("statsScopeBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const api::Me &me = context->session()->me();
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("subjectKindComboBox"));
    if (me.role != QLatin1String("domain_admin"))
        m_kind->addItem(tr("Company"), int(StatsScope::Kind::Company));
    m_kind->addItem(tr("Domain"), int(StatsScope::Kind::Domain));
    if (allowUser)
        m_kind->addItem(tr("User"), int(StatsScope::Kind::User));
    m_company = new QComboBox(this);
    m_company->setObjectName(QStringLiteral("companyComboBox"));
    m_company->setMinimumContentsLength(18);
    m_domain = new QComboBox(this);
    m_domain->setObjectName(QStringLiteral("domainComboBox"));
    m_domain->setEditable(true);
    m_domain->setMinimumContentsLength(22);
    m_domain->setInsertPolicy(QComboBox::NoInsert);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userLineEdit"));
    m_user->setPlaceholderText(tr("user@example.com"));
    m_user->setMinimumWidth(220);
    auto *label = new QLabel(tr("&About:"), this);
    label->setBuddy(m_kind);
    layout->addWidget(label);
    layout->addWidget(m_kind);
    layout->addWidget(m_company);
    layout->addWidget(m_domain);
    layout->addWidget(m_user);

    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangeComboBox"));
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->addItem(tr("Custom dates"), 0);
    m_range->setCurrentIndex(1);
    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setCalendarPopup(true);
    m_granularity = new QComboBox(this);
    m_granularity->setObjectName(QStringLiteral("granularityComboBox"));
    m_granularity->addItem(tr("Automatic"), QString());
    m_granularity->addItem(tr("By hour"), QStringLiteral("hour"));
    m_granularity->addItem(tr("By day"), QStringLiteral("day"));
    m_granularity->addItem(tr("By week"), QStringLiteral("week"));
    m_granularity->addItem(tr("By month"), QStringLiteral("month"));
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    layout->addSpacing(12);
    layout->addWidget(rangeLabel);
    layout->addWidget(m_range);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addWidget(m_granularity);
    layout->addStretch(1);
    for (QWidget *w : std::initializer_list<QWidget *> {rangeLabel, m_range, m_from, m_to, m_granularity})
        w->setVisible(withRange);
    m_from->setVisible(false);
    m_to->setVisible(false);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKind();
        emit changed();
    });
    connect(m_company, &QComboBox::activated, this, &StatsScopeBar::changed);
    connect(m_domain, &QComboBox::activated, this, &StatsScopeBar::changed);
    connect(m_domain->lineEdit(), &QLineEdit::returnPressed, this, &StatsScopeBar::changed);
    connect(m_user, &QLineEdit::returnPressed, this, &StatsScopeBar::changed);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_range->currentData().toInt() == 0;
        m_from->setVisible(custom && m_withRange);
        m_to->setVisible(custom && m_withRange);
        emit changed();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &StatsScopeBar::changed);
    connect(m_to, &QDateEdit::dateChanged, this, &StatsScopeBar::changed);
    connect(m_granularity, &QComboBox::currentIndexChanged, this, &StatsScopeBar::changed);
    loadChoices();
    updateKind();
}

void StatsScopeBar::loadChoices()
{
    const api::Me &me = m_context->session()->me();
    if (me.isOperator()) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        m_context->api()->get(QStringLiteral("/companies"), q, this, [this](const api::ApiResult &result) {
            if (!result.ok())
                return;
            const QString before = m_company->currentData().toString();
            const QSignalBlocker block(m_company);
            m_company->clear();
            for (const QJsonValue &v : result.json.value(QLatin1String("items")).toArray())
                m_company->addItem(v.toObject().value(QLatin1String("name")).toString(),
                    QString::number(qint64(v.toObject().value(QLatin1String("id")).toDouble())));
            const int keep = m_company->findData(before);
            m_company->setCurrentIndex(keep >= 0 ? keep : 0);
            if (before.isEmpty())
                emit changed();
        });
    } else if (me.companyId > 0) {
        m_company->addItem(
            me.companyName.isEmpty() ? tr("My company") : me.companyName, QString::number(me.companyId));
        m_company->setEnabled(false);
    }
    if (me.role == QLatin1String("domain_admin")) {
        for (const QString &d : me.domains)
            m_domain->addItem(validation::domainForDisplay(d));
        return;
    }
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    m_context->api()->get(QStringLiteral("/domains"), q, this, [this](const api::ApiResult &result) {
        if (!result.ok())
            return;
        const QString before = m_domain->currentText();
        const QSignalBlocker block(m_domain);
        m_domain->clear();
        for (const QJsonValue &v : result.json.value(QLatin1String("items")).toArray())
            m_domain->addItem(
                validation::domainForDisplay(v.toObject().value(QLatin1String("name")).toString()));
        m_domain->setEditText(before.isEmpty() ? m_domain->itemText(0) : before);
    });
}

void StatsScopeBar::updateKind()
{
    const auto kind = StatsScope::Kind(m_kind->currentData().toInt());
    m_company->setVisible(kind == StatsScope::Kind::Company);
    m_domain->setVisible(kind == StatsScope::Kind::Domain);
    m_user->setVisible(kind == StatsScope::Kind::User);
}

StatsScope StatsScopeBar::scope() const
{
    StatsScope s;
    s.kind = StatsScope::Kind(m_kind->currentData().toInt());
    if (s.kind == StatsScope::Kind::Company)
        s.id = m_company->currentData().toString();
    else if (s.kind == StatsScope::Kind::Domain) {
        // Shown and typed as people write it; asked for in the stored (punycode) form.
        const QString typed = m_domain->currentText().trimmed().toLower();
        const validation::Verdict name = validation::normalizeDomainName(typed);
        s.id = name.ok() ? name.value : typed;
    } else
        s.id = m_user->text().trimmed().toLower();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int days = m_range->currentData().toInt();
    if (days > 0) {
        s.to = now;
        s.from = now.addDays(-days);
    } else {
        s.from = QDateTime(m_from->date(), QTime(0, 0)).toUTC();
        s.to = qMin(now, QDateTime(m_to->date().addDays(1), QTime(0, 0)).toUTC());
        if (s.to <= s.from)
            s.to = s.from.addDays(1);
    }
    s.granularity = m_granularity->currentData().toString();
    if (s.granularity.isEmpty())
        s.granularity = StatsScope::suggestedGranularity(s.from, s.to);
    // Whole days (UTC, as the server's rollups) unless by hour: the first day is not a partial one.
    if (s.granularity != QLatin1String("hour"))
        s.from = QDateTime(s.from.date(), QTime(0, 0), Qt::UTC);
    // "Last 7 days" by day is today and the six days before it, not eight calendar days.
    if (days > 0 && s.granularity != QLatin1String("hour"))
        s.from = QDateTime(now.date().addDays(1 - days), QTime(0, 0), Qt::UTC);
    // Hourly series cover at most 31 days.
    if (s.granularity == QLatin1String("hour") && s.from.secsTo(s.to) > 31 * 86400)
        s.granularity = QStringLiteral("day");
    return s;
}

QUrlQuery StatsScopeBar::subjectQuery() const
{
    StatsScope s = scope();
    s.from = QDateTime();
    s.to = QDateTime();
    s.granularity.clear();
    return s.query();
}

void StatsScopeBar::setSubject(StatsScope::Kind kind, const QString &id)
{
    const QSignalBlocker a(m_kind), b(m_company), c(m_domain), d(m_user);
    const int index = m_kind->findData(int(kind));
    if (index >= 0)
        m_kind->setCurrentIndex(index);
    if (kind == StatsScope::Kind::Company) {
        const int company = m_company->findData(id);
        if (company >= 0)
            m_company->setCurrentIndex(company);
        else {
            m_company->addItem(tr("Company %1").arg(id), id);
            m_company->setCurrentIndex(m_company->count() - 1);
        }
    } else if (kind == StatsScope::Kind::Domain) {
        m_domain->setEditText(validation::domainForDisplay(id));
    } else {
        m_user->setText(id);
    }
    updateKind();
    emit changed();
}

QString StatsScopeBar::subjectText() const
{
    const auto kind = StatsScope::Kind(m_kind->currentData().toInt());
    if (kind == StatsScope::Kind::Company)
        return m_company->currentText();
    return kind == StatsScope::Kind::Domain ? m_domain->currentText() : m_user->text();
}

int StatsScopeBar::rangeDays() const
{
    return m_range->currentData().toInt();
}

void StatsScopeBar::setRangeDays(int days)
{
    const int index = m_range->findData(days);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

// --- ChartPanel ---

ChartPanel::ChartPanel(
    const QString &title, QWidget *chart, QAbstractItemModel *table, bool showTable, QWidget *parent)
    : QFrame(parent), m_title(title), m_chart(chart), m_model(table)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    head->addWidget(label, 1);
    const auto button = [&](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAutoDefault(false);
        head->addWidget(b);
        return b;
    };
    if (table) {
        QPushButton *csv
            = button(tr("CSV…"), QStringLiteral("exportCsvButton"), tr("Save these numbers as CSV"));
        connect(csv, &QPushButton::clicked, this, [this] { exportCsv(); });
    }
    if (chart) {
        QPushButton *png
            = button(tr("PNG…"), QStringLiteral("exportPngButton"), tr("Save the chart as a PNG picture"));
        QPushButton *svg
            = button(tr("SVG…"), QStringLiteral("exportSvgButton"), tr("Save the chart as an SVG drawing"));
        connect(png, &QPushButton::clicked, this, [this] { exportPng(); });
        connect(svg, &QPushButton::clicked, this, [this] { exportSvg(); });
    }
    layout->addLayout(head);
    auto *body = new QSplitter(Qt::Horizontal, this);
    if (chart)
        body->addWidget(chart);
    if (table) {
        m_table = makeTable(table, body);
        m_table->setObjectName(QStringLiteral("panelTableView"));
        body->addWidget(m_table);
        m_table->setVisible(showTable || !chart);
    }
    if (chart && m_table) {
        body->setStretchFactor(0, 3);
        body->setStretchFactor(1, 2);
        body->setSizes({640, 420});
        m_table->setMinimumWidth(200);
    }
    layout->addWidget(body, 1);
}

QString ChartPanel::askFile(const QString &what, const QString &suffix, const QString &fileName)
{
    if (!fileName.isEmpty())
        return fileName;
    QString suggested = m_title.toLower();
    suggested.replace(QLatin1Char(' '), QLatin1Char('-'));
    return FileDialog::saveFileName(
        this, tr("Save %1").arg(what), suggested + suffix, tr("%1 files (*%2)").arg(what, suffix));
}

bool ChartPanel::exportCsv(const QString &fileName)
{
    const QString file = askFile(QStringLiteral("CSV"), QStringLiteral(".csv"), fileName);
    if (file.isEmpty() || !m_model)
        return false;
    const QByteArray data = m_csv ? m_csv() : charts::exporting::tableCsv(m_model);
    if (!charts::exporting::saveBytes(data, file)) {
        MessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(file));
        return false;
    }
    return true;
}

bool ChartPanel::exportPng(const QString &fileName)
{
    const QString file = askFile(QStringLiteral("PNG"), QStringLiteral(".png"), fileName);
    if (file.isEmpty() || !m_chart)
        return false;
    if (!charts::exporting::savePng(m_chart, file)) {
        MessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(file));
        return false;
    }
    return true;
}

bool ChartPanel::exportSvg(const QString &fileName)
{
    const QString file = askFile(QStringLiteral("SVG"), QStringLiteral(".svg"), fileName);
    if (file.isEmpty() || !m_chart)
        return false;
    if (!charts::exporting::saveSvg(m_chart, file, m_title)) {
        MessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(file));
        return false;
    }
    return true;
}

// --- StatTile ---

StatTile::StatTile(const QString &caption, QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(150);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(caption, this);
    QPalette muted = title->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    title->setPalette(muted);
    m_value = new QLabel(QStringLiteral("…"), this);
    m_value->setObjectName(QStringLiteral("valueLabel"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_value->setFont(big);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("detailLabel"));
    m_detail->setPalette(muted);
    m_detail->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
}

void StatTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
}

QString StatTile::value() const
{
    return m_value->text();
}

// --- StatsPageBase ---

namespace {
// Every stats page's timer, to take up a new refresh interval.
QList<QPointer<QTimer>> &refreshTimers()
{
    static QList<QPointer<QTimer>> timers;
    return timers;
}
} // namespace

StatsPageBase::StatsPageBase(AppContext *context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_scope(nullptr)
    , m_error(new QLabel(this))
    , m_timer(new QTimer(this))
{
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xD5, 0x5E, 0x00));
    m_error->setPalette(p);
    m_timer->setInterval(refreshSeconds() * 1000);
    refreshTimers().removeAll(nullptr);
    refreshTimers().append(m_timer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!isLoading())
            refresh();
    });
}

QWidget *StatsPageBase::buildFrame(const QString &title, bool allowUser)
{
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(makePageTitle(title, this));
    m_scope = new StatsScopeBar(m_context, allowUser, true, this);
    outer->addWidget(m_scope);
    outer->addWidget(m_error);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    return content;
}

int StatsPageBase::refreshSeconds()
{
    return qBound(5, QSettings().value(QStringLiteral("stats/refreshSeconds"), 60).toInt(), 3600);
}

void StatsPageBase::setRefreshSeconds(int seconds)
{
    QSettings().setValue(QStringLiteral("stats/refreshSeconds"), qBound(5, seconds, 3600));
    for (const QPointer<QTimer> &timer : std::as_const(refreshTimers()))
        if (timer)
            timer->setInterval(refreshSeconds() * 1000);
}

void StatsPageBase::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    if (m_generation == 0)
        refresh();
}

void StatsPageBase::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

bool StatsPageBase::hasSubject() const
{
    const StatsScope s = m_scope->scope();
    return !(
        s.id.isEmpty() && (s.kind != StatsScope::Kind::Company || m_context->session()->me().isOperator()));
}

void StatsPageBase::beginRefresh()
{
    ++m_generation;
    m_waiting = 0;
    m_started = QDateTime::currentMSecsSinceEpoch();
    m_error->hide();
}

void StatsPageBase::ask(
    const QString &path, const QUrlQuery &query, std::function<void(const QJsonObject &)> handle)
{
    ++m_waiting;
    const int generation = m_generation;
    m_context->api()->get(
        path, query, this, [this, generation, handle = std::move(handle)](const api::ApiResult &result) {
            if (generation != m_generation)
                return; // an older refresh
            if (result.ok())
                handle(result.json);
            else {
                m_error->setText(result.error.message());
                m_error->show();
            }
            if (--m_waiting == 0)
                emit loaded(QDateTime::currentMSecsSinceEpoch() - m_started);
        });
}

// --- DashboardPage ---

DashboardPage::DashboardPage(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_logins(new SeriesModel(this))
    , m_outbound(new SeriesModel(this))
    , m_quota(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_logins->setColumns(loginColumns());
    m_outbound->setColumns(outboundColumns());
    QWidget *content = buildFrame(tr("Dashboard"), false);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    const QList<std::pair<QString, QString>> tiles
        = {{QStringLiteral("users"), tr("Mailboxes")}, {QStringLiteral("active7"), tr("Active, 7 days")},
            {QStringLiteral("active30"), tr("Active, 30 days")},
            {QStringLiteral("logins_today"), tr("Logins today")},
            {QStringLiteral("storage"), tr("Storage used")}, {QStringLiteral("alerts"), tr("Open alerts")}};
    auto *tileRow = new QHBoxLayout;
    for (const auto &[name, caption] : tiles) {
        auto *tile = new StatTile(caption, content);
        tile->setObjectName(name + QStringLiteral("Tile"));
        m_tiles.insert(name, tile);
        tileRow->addWidget(tile);
    }
    grid->addLayout(tileRow, 0, 0, 1, 3);

    m_loginsChart = new charts::TimeSeriesChart(content);
    m_loginsChart->setObjectName(QStringLiteral("loginsChart"));
    m_loginsChart->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    m_loginsChart->setKeys(format::protocols());
    m_loginsChart->setModel(m_logins);
    m_share = new charts::ShareDonut(content);
    m_share->setObjectName(QStringLiteral("shareChart"));
    m_share->setModel(m_logins, format::protocols());
    m_quotaChart = new charts::BarChart(content);
    m_quotaChart->setObjectName(QStringLiteral("quotaChart"));
    m_quotaChart->setModel(m_quota, 0, 1, tr("Mailboxes"));
    m_quotaChart->setAxisTitle(tr("% of quota used, up to"));
    m_outboundChart = new charts::TimeSeriesChart(content);
    m_outboundChart->setObjectName(QStringLiteral("outboundChart"));
    m_outboundChart->setKeys({QStringLiteral("messages")});
    m_outboundChart->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    m_outboundChart->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    m_outboundChart->setModel(m_outbound);
    grid->addWidget(
        new ChartPanel(tr("Logins by type"), m_loginsChart, m_logins, false, content), 1, 0, 1, 2);
    grid->addWidget(new ChartPanel(tr("Share of logins"), m_share, nullptr, false, content), 1, 2);
    grid->addWidget(new ChartPanel(tr("Quota used"), m_quotaChart, m_quota, false, content), 2, 0);
    grid->addWidget(
        new ChartPanel(tr("Outbound mail"), m_outboundChart, m_outbound, false, content), 2, 1, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowMinimumHeight(1, 270);
    grid->setRowMinimumHeight(2, 270);
    connect(m_scope, &StatsScopeBar::changed, this, &DashboardPage::refresh);
}

void DashboardPage::refresh()
{
    if (!hasSubject())
        return;
    beginRefresh();
    const StatsScope scope = m_scope->scope();
    const QUrlQuery subject = m_scope->subjectQuery();
    m_logins->setGranularity(scope.granularity);
    for (int days : {7, 30}) {
        QUrlQuery q = subject;
        q.addQueryItem(QStringLiteral("days"), QString::number(days));
        ask(QStringLiteral("/stats/active"), q, [this, days](const QJsonObject &a) {
            const qint64 users = qint64(a.value(QLatin1String("users")).toDouble());
            const qint64 active = qint64(a.value(QLatin1String("active")).toDouble());
            m_tiles.value(QStringLiteral("users"))
                ->setValue(QLocale().toString(users), tr("mailboxes in %1").arg(m_scope->subjectText()));
            m_tiles.value(days == 7 ? QStringLiteral("active7") : QStringLiteral("active30"))
                ->setValue(QLocale().toString(active),
                    users > 0 ? tr("%1 % of mailboxes")
                                    .arg(QLocale().toString(100.0 * double(active) / double(users), 'f', 1))
                              : QString());
        });
    }
    ask(QStringLiteral("/stats/logins"), scope.query(),
        [this](const QJsonObject &a) { m_logins->setRows(a.value(QLatin1String("series")).toArray()); });
    QUrlQuery today = subject;
    today.addQueryItem(QStringLiteral("from"),
        QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC).toString(Qt::ISODate));
    today.addQueryItem(QStringLiteral("granularity"), QStringLiteral("day"));
    ask(QStringLiteral("/stats/logins"), today, [this](const QJsonObject &a) {
        const QJsonObject totals = a.value(QLatin1String("totals")).toObject();
        qint64 sum = 0;
        QStringList parts;
        for (const QString &p : format::protocols()) {
            const qint64 n = qint64(totals.value(p).toDouble());
            sum += n;
            parts << QStringLiteral("%1 %2").arg(format::protocol(p), QLocale().toString(n));
        }
        m_tiles.value(QStringLiteral("logins_today"))
            ->setValue(QLocale().toString(sum), parts.join(QStringLiteral(" · ")));
    });
    ask(QStringLiteral("/stats/quota/distribution"), subject, [this](const QJsonObject &a) {
        fillBuckets(m_quota, a.value(QLatin1String("buckets")).toArray());
        const qint64 used = qint64(a.value(QLatin1String("used_bytes")).toDouble()),
                     allocated = qint64(a.value(QLatin1String("allocated_bytes")).toDouble());
        m_tiles.value(QStringLiteral("storage"))
            ->setValue(format::bytes(used),
                allocated > 0 ? tr("of %1 allocated (%2 %)")
                                    .arg(format::bytes(allocated),
                                        QLocale().toString(100.0 * double(used) / double(allocated), 'f', 1))
                              : QString());
    });
    m_outbound->setGranularity(
        scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day"));
    m_openAlerts = -1;
    ask(QStringLiteral("/stats/outbound"), outboundQuery(scope), [this](const QJsonObject &a) {
        m_outbound->setRows(a.value(QLatin1String("series")).toArray());
        showAlertTile();
    });
    QUrlQuery alerts;
    alerts.addQueryItem(QStringLiteral("status"), QStringLiteral("open"));
    alerts.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    if (scope.kind == StatsScope::Kind::Company && !scope.id.isEmpty())
        alerts.addQueryItem(QStringLiteral("company_id"), scope.id);
    else if (scope.kind == StatsScope::Kind::Domain)
        alerts.addQueryItem(QStringLiteral("domain"), scope.id);
    ask(QStringLiteral("/alerts"), alerts, [this](const QJsonObject &a) {
        m_openAlerts = qint64(a.value(QLatin1String("total")).toDouble());
        showAlertTile();
    });
}

void DashboardPage::showAlertTile()
{
    if (m_openAlerts < 0)
        return;
    int spikes = 0;
    const int column = m_outbound->columnOf(QStringLiteral("spike"));
    for (int row = 0; column >= 0 && row < m_outbound->rowCount(); ++row)
        spikes += m_outbound->valueAt(row, column) > 0 ? 1 : 0;
    QString detail;
    if (m_openAlerts > 0)
        detail = tr("outbound spikes to look at");
    else if (spikes > 0)
        detail = tr("%n spike(s) marked on the chart, none open", nullptr, spikes);
    else
        detail = tr("nothing unusual");
    m_tiles.value(QStringLiteral("alerts"))->setValue(QLocale().toString(m_openAlerts), detail);
}

// --- StatsPage ---

StatsPage::StatsPage(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_quota(new QStandardItemModel(this))
    , m_senders(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("statsPage"));
    QWidget *content = buildFrame(tr("Statistics"), true);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);

    const auto series = [&](const QString &name, const QList<SeriesModel::Column> &columns) {
        auto *model = new SeriesModel(this);
        model->setColumns(columns);
        m_series.insert(name, model);
        return model;
    };
    const auto add
        = [&](const QString &name, const QString &caption, QWidget *chart, QAbstractItemModel *model) {
              auto *panel = new ChartPanel(caption, chart, model, true, content);
              panel->setObjectName(name + QStringLiteral("Panel"));
              panel->setMinimumHeight(320);
              if (auto *s = qobject_cast<SeriesModel *>(model))
                  panel->setCsvSource([s] { return s->toCsv(); });
              m_panels.insert(name, panel);
              layout->addWidget(panel);
          };
    auto *logins = new charts::TimeSeriesChart(content);
    logins->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    logins->setKeys(format::protocols());
    logins->setModel(series(QStringLiteral("logins"), loginColumns()));
    add(QStringLiteral("logins"), tr("Logins by type"), logins, m_series.value(QStringLiteral("logins")));

    auto *quota = new charts::BarChart(content);
    quota->setModel(m_quota, 0, 1, tr("Mailboxes"));
    quota->setAxisTitle(tr("% of quota used, up to"));
    add(QStringLiteral("quota"), tr("Quota used"), quota, m_quota);

    auto *trend = new charts::TimeSeriesChart(content);
    trend->setModel(series(QStringLiteral("trend"),
        {{QStringLiteral("used_bytes"), tr("Storage used"), SeriesModel::Unit::Bytes}}));
    add(QStringLiteral("trend"), tr("Storage over time"), trend, m_series.value(QStringLiteral("trend")));

    auto *outbound = new charts::TimeSeriesChart(content);
    outbound->setKeys({QStringLiteral("messages")});
    outbound->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    outbound->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    outbound->setModel(series(QStringLiteral("outbound"), outboundColumns()));
    add(QStringLiteral("outbound"), tr("Outbound mail"), outbound,
        m_series.value(QStringLiteral("outbound")));

    m_senders->setHorizontalHeaderLabels({tr("Sender"), tr("Messages"), tr("Recipients"), tr("Size")});
    add(QStringLiteral("senders"), tr("Top senders"), nullptr, m_senders);

    connect(m_scope, &StatsScopeBar::changed, this, &StatsPage::refresh);
}

void StatsPage::refresh()
{
    const StatsScope scope = m_scope->scope();
    if (!hasSubject())
        return; // nothing named yet
    beginRefresh();
    const bool user = scope.kind == StatsScope::Kind::User;
    m_panels.value(QStringLiteral("quota"))->setVisible(!user);
    m_panels.value(QStringLiteral("senders"))->setVisible(!user);
    const QUrlQuery subject = m_scope->subjectQuery();
    m_series.value(QStringLiteral("logins"))->setGranularity(scope.granularity);
    ask(QStringLiteral("/stats/logins"), scope.query(), [this](const QJsonObject &a) {
        m_series.value(QStringLiteral("logins"))->setRows(a.value(QLatin1String("series")).toArray());
    });
    StatsScope daily = scope;
    daily.granularity.clear();
    m_series.value(QStringLiteral("trend"))->setGranularity(QStringLiteral("day"));
    ask(QStringLiteral("/stats/quota/trend"), daily.query(), [this](const QJsonObject &a) {
        m_series.value(QStringLiteral("trend"))->setRows(a.value(QLatin1String("series")).toArray());
    });
    m_series.value(QStringLiteral("outbound"))
        ->setGranularity(
            scope.granularity == QLatin1String("hour") ? QStringLiteral("hour") : QStringLiteral("day"));
    ask(QStringLiteral("/stats/outbound"), outboundQuery(scope), [this](const QJsonObject &a) {
        m_series.value(QStringLiteral("outbound"))->setRows(a.value(QLatin1String("series")).toArray());
    });
    if (user)
        return;
    ask(QStringLiteral("/stats/quota/distribution"), subject,
        [this](const QJsonObject &a) { fillBuckets(m_quota, a.value(QLatin1String("buckets")).toArray()); });
    QUrlQuery senders = daily.query();
    senders.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    ask(QStringLiteral("/stats/senders"), senders, [this](const QJsonObject &a) {
        m_senders->removeRows(0, m_senders->rowCount());
        for (const QJsonValue &v : a.value(QLatin1String("senders")).toArray()) {
            const QJsonObject s = v.toObject();
            const auto number = [](double n) {
                auto *item = new QStandardItem(QLocale().toString(qint64(n)));
                item->setData(n, Qt::UserRole + 1);
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                return item;
            };
            auto *size = new QStandardItem(format::bytes(qint64(s.value(QLatin1String("bytes")).toDouble())));
            size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_senders->appendRow({new QStandardItem(validation::addressForDisplay(
                                      s.value(QLatin1String("address")).toString())),
                number(s.value(QLatin1String("messages")).toDouble()),
                number(s.value(QLatin1String("recipients")).toDouble()), size});
        }
    });
}

// --- User360Page ---

User360Page::User360Page(AppContext *context, QWidget *parent)
    : StatsPageBase(context, parent)
    , m_activity(new models::ActivityListModel(context->api(), this))
    , m_alerts(new models::AlertListModel(context->api(), this))
    , m_changes(new models::AuditListModel(context->api(), this))
    , m_logins(new SeriesModel(this))
    , m_quota(new SeriesModel(this))
    , m_outbound(new SeriesModel(this))
{
    setObjectName(QStringLiteral("user360Page"));
    m_logins->setColumns(loginColumns());
    m_logins->setGranularity(QStringLiteral("day"));
    m_quota->setColumns({{QStringLiteral("used_bytes"), tr("Storage used"), SeriesModel::Unit::Bytes}});
    m_quota->setGranularity(QStringLiteral("day"));
    m_outbound->setColumns(outboundColumns());
    m_outbound->setGranularity(QStringLiteral("day"));

    auto *outer = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_gauge = new charts::QuotaGauge(this);
    m_gauge->setObjectName(QStringLiteral("quotaGauge"));
    m_gauge->setFixedSize(220, 130);
    auto *text = new QVBoxLayout;
    m_title = makePageTitle(QString(), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    text->addWidget(m_title);
    text->addWidget(m_summary);
    text->addWidget(m_message);
    text->addStretch(1);
    auto *actions = new QVBoxLayout;
    m_password = new QPushButton(tr("Reset &password…"), this);
    m_password->setObjectName(QStringLiteral("resetPasswordButton"));
    m_suspend = new QPushButton(tr("&Suspend"), this);
    m_suspend->setObjectName(QStringLiteral("suspendButton"));
    m_quotaButton = new QPushButton(tr("Change &quota…"), this);
    m_quotaButton->setObjectName(QStringLiteral("quotaButton"));
    m_holdButton = new QPushButton(tr("&Hold outbound mail"), this);
    m_holdButton->setObjectName(QStringLiteral("holdMailButton"));
    auto *settings = new QPushButton(tr("All se&ttings…"), this);
    settings->setObjectName(QStringLiteral("settingsButton"));
    for (QPushButton *b : {m_password, m_suspend, m_quotaButton, m_holdButton, settings})
        actions->addWidget(b);
    actions->addStretch(1);
    top->addWidget(m_gauge);
    top->addLayout(text, 1);
    top->addLayout(actions);
    outer->addLayout(top);
    outer->addWidget(m_error);
    connect(m_password, &QPushButton::clicked, this, &User360Page::resetPassword);
    connect(m_suspend, &QPushButton::clicked, this, &User360Page::toggleSuspended);
    connect(m_quotaButton, &QPushButton::clicked, this, &User360Page::askQuota);
    connect(m_holdButton, &QPushButton::clicked, this, &User360Page::toggleOutboundHold);
    connect(settings, &QPushButton::clicked, this, [this] { emit openSettings(m_address); });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);

    // Login history with its filters.
    auto *history = new QFrame(content);
    history->setFrameShape(QFrame::StyledPanel);
    auto *historyLayout = new QVBoxLayout(history);
    auto *historyHead = new QHBoxLayout;
    historyHead->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Login history")), history), 1);
    m_protocol = new QComboBox(history);
    m_protocol->setObjectName(QStringLiteral("protocolComboBox"));
    m_protocol->addItem(tr("All protocols"), QString());
    for (const QString &p : format::protocols())
        m_protocol->addItem(format::protocol(p), p);
    m_result = new QComboBox(history);
    m_result->setObjectName(QStringLiteral("resultComboBox"));
    m_result->addItem(tr("Any result"), QString());
    m_result->addItem(tr("Successful"), QStringLiteral("success"));
    m_result->addItem(tr("Failed"), QStringLiteral("failure"));
    historyHead->addWidget(m_protocol);
    historyHead->addWidget(m_result);
    historyLayout->addLayout(historyHead);
    auto *historyTable = makeTable(m_activity, history);
    historyTable->setObjectName(QStringLiteral("activityTableView"));
    historyTable->setColumnWidth(
        0, historyTable->fontMetrics().horizontalAdvance(QStringLiteral("00 Mmm 0000 00:00:00")) + 16);
    historyLayout->addWidget(historyTable, 1);
    // The detailed history is kept for a shorter time than the counts behind the charts and the last
    // logins, so an empty list must not read as "never".
    auto *noHistory = new QLabel(tr("No logins of this kind in the detailed history the server keeps. The "
                                    "charts and the last logins above count every login."),
        history);
    noHistory->setObjectName(QStringLiteral("noHistoryLabel"));
    noHistory->setWordWrap(true);
    noHistory->hide();
    historyLayout->addWidget(noHistory);
    connect(m_activity, &models::PagedListModel::totalChanged, noHistory,
        [noHistory](qint64 total) { noHistory->setVisible(total == 0); });
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &User360Page::applyActivityFilters);
    connect(m_result, &QComboBox::currentIndexChanged, this, &User360Page::applyActivityFilters);

    auto *logins = new charts::TimeSeriesChart(content);
    logins->setObjectName(QStringLiteral("loginsChart"));
    logins->setStyle(charts::TimeSeriesChart::Style::StackedArea);
    logins->setKeys(format::protocols());
    logins->setModel(m_logins);
    auto *quota = new charts::TimeSeriesChart(content);
    quota->setObjectName(QStringLiteral("quotaTrendChart"));
    quota->setModel(m_quota);
    auto *outbound = new charts::TimeSeriesChart(content);
    outbound->setObjectName(QStringLiteral("outboundChart"));
    outbound->setKeys({QStringLiteral("messages")});
    outbound->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    outbound->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    outbound->setModel(m_outbound);

    auto *alertsPanel = new ChartPanel(tr("Outbound alerts"), nullptr, m_alerts, true, content);
    alertsPanel->table()->setObjectName(QStringLiteral("alertsTableView"));
    auto *changesPanel = new ChartPanel(tr("Recent changes"), nullptr, m_changes, true, content);
    changesPanel->table()->setObjectName(QStringLiteral("changesTableView"));
    for (QTableView *t : {alertsPanel->table(), changesPanel->table(), historyTable})
        connect(t->verticalScrollBar(), &QScrollBar::valueChanged, t, [t](int value) {
            if (value == t->verticalScrollBar()->maximum() && t->model()->canFetchMore({}))
                t->model()->fetchMore({});
        });

    grid->addWidget(history, 0, 0, 2, 1);
    grid->addWidget(new ChartPanel(tr("Logins by type, 30 days"), logins, m_logins, false, content), 0, 1);
    grid->addWidget(new ChartPanel(tr("Storage, 90 days"), quota, m_quota, false, content), 1, 1);
    grid->addWidget(new ChartPanel(tr("Outbound mail, 30 days"), outbound, m_outbound, false, content), 2, 1);
    grid->addWidget(alertsPanel, 2, 0);
    grid->addWidget(changesPanel, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    for (int r = 0; r < 3; ++r)
        grid->setRowMinimumHeight(r, 260);
    grid->setRowMinimumHeight(3, 200);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
}

void User360Page::openUser(const QString &address)
{
    m_address = address.trimmed().toLower();
    m_title->setText(validation::addressForDisplay(m_address));
    m_message->clear();
    m_activity->setUser(m_address);
    m_alerts->setFilter(QStringLiteral("subject"), m_address);
    QUrlQuery audit;
    audit.addQueryItem(QStringLiteral("object_type"), QStringLiteral("user"));
    audit.addQueryItem(QStringLiteral("object_id"), m_address);
    m_changes->setSource(QStringLiteral("/audit"), audit);
    refresh();
}

void User360Page::applyActivityFilters()
{
    m_activity->setFilter(QStringLiteral("protocol"), m_protocol->currentData().toString());
    m_activity->setFilter(QStringLiteral("result"), m_result->currentData().toString());
}

void User360Page::refresh()
{
    if (m_address.isEmpty())
        return;
    beginRefresh();
    ask(QStringLiteral("/users/") + m_address, {}, [this](const QJsonObject &u) { showUser(u); });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("user"), m_address);
    QUrlQuery logins = q;
    // Whole UTC days, today included, as the server's day rollups count them.
    const auto daysBack = [&now](int days) {
        return QDateTime(now.date().addDays(1 - days), QTime(0, 0), Qt::UTC).toString(Qt::ISODate);
    };
    logins.addQueryItem(QStringLiteral("from"), daysBack(30));
    logins.addQueryItem(QStringLiteral("granularity"), QStringLiteral("day"));
    ask(QStringLiteral("/stats/logins"), logins,
        [this](const QJsonObject &a) { m_logins->setRows(a.value(QLatin1String("series")).toArray()); });
    QUrlQuery trend = q;
    trend.addQueryItem(QStringLiteral("from"), daysBack(90));
    ask(QStringLiteral("/stats/quota/trend"), trend,
        [this](const QJsonObject &a) { m_quota->setRows(a.value(QLatin1String("series")).toArray()); });
    QUrlQuery outbound = q;
    outbound.addQueryItem(QStringLiteral("from"), daysBack(30));
    outbound.addQueryItem(QStringLiteral("granularity"), QStringLiteral("day"));
    ask(QStringLiteral("/stats/outbound"), outbound,
        [this](const QJsonObject &a) { m_outbound->setRows(a.value(QLatin1String("series")).toArray()); });
    if (m_activity->loadedCount() > 0)
        m_activity->reload();
    if (m_alerts->loadedCount() > 0)
        m_alerts->reload();
}

void User360Page::showUser(const QJsonObject &u)
{
    m_user = u;
    m_gauge->setUsage(qint64(u.value(QLatin1String("used_bytes")).toDouble()),
        qint64(u.value(QLatin1String("quota")).toDouble()));
    const QString status = u.value(QLatin1String("status")).toString();
    QStringList lines;
    lines << tr("<b>%1</b> · %2 · %3")
                 .arg(format::userType(u.value(QLatin1String("type")).toString()), format::status(status),
                     u.value(QLatin1String("display_name")).toString().toHtmlEscaped());
    lines << tr("Last login — %1").arg(format::lastLogins(u.value(QLatin1String("last_login")).toObject()));
    const QJsonObject services = u.value(QLatin1String("services")).toObject();
    QStringList states;
    for (const QString &p : format::protocols())
        states << QStringLiteral("%1 %2").arg(
            format::protocol(p), format::serviceState(services.value(p).toString()));
    lines << tr("Services — %1").arg(states.join(QStringLiteral(" · ")));
    lines << tr("Messages stored: %1")
                 .arg(QLocale().toString(qint64(u.value(QLatin1String("messages")).toDouble())));
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    m_suspend->setText(status == QLatin1String("suspended") ? tr("Un&suspend") : tr("&Suspend"));
    m_password->setVisible(context()->can(QStringLiteral("user.password")));
    m_suspend->setVisible(context()->can(QStringLiteral("user.suspend")));
    m_quotaButton->setVisible(context()->can(QStringLiteral("user.update")));
    m_holdButton->setVisible(context()->can(QStringLiteral("user.suspend")));
    context()->api()->get(
        QStringLiteral("/users/%1/outbound").arg(m_address), {}, this, [this](const api::ApiResult &result) {
            if (result.ok())
                showOutbound(result.json);
        });
}

void User360Page::showOutbound(const QJsonObject &state)
{
    m_outboundState = state;
    const bool held = state.value(QLatin1String("held")).toBool()
        || state.value(QLatin1String("deferred")).toBool()
        || !state.value(QLatin1String("held_messages")).toArray().isEmpty();
    m_holdButton->setText(held ? tr("Re&lease held mail") : tr("&Hold outbound mail"));
    m_holdButton->setToolTip(
        tr("Sent today: %1 of %2; %3 messages held at Postfix")
            .arg(QLocale().toString(state.value(QLatin1String("sent_today")).toInt()),
                QLocale().toString(state.value(QLatin1String("send_limit")).toInt()),
                QLocale().toString(state.value(QLatin1String("held_messages")).toArray().size())));
}

void User360Page::toggleOutboundHold()
{
    const bool release = m_outboundState.value(QLatin1String("held")).toBool()
        || m_outboundState.value(QLatin1String("deferred")).toBool()
        || !m_outboundState.value(QLatin1String("held_messages")).toArray().isEmpty();
    context()->api()->post(QStringLiteral("/users/%1/outbound/%2")
                               .arg(m_address, release ? QStringLiteral("release") : QStringLiteral("hold")),
        {}, this, [this, release](const api::ApiResult &result) {
            if (!result.ok()) {
                m_message->setText(result.error.message());
                return;
            }
            showOutbound(result.json);
            m_message->setText(release
                    ? tr("Outbound mail is released; %n held messages go on their way.", nullptr,
                        int(result.json.value(QLatin1String("released_queue_ids")).toArray().size()))
                    : tr("Outbound mail is held at Postfix until released."));
            m_changes->reload();
        });
}

void User360Page::resetPassword()
{
    PasswordDialog dialog(context(), QStringLiteral("/users/%1/password").arg(m_address),
        validation::addressForDisplay(m_address), this);
    dialog.exec();
    if (dialog.succeeded()) {
        showUser(dialog.answer());
        m_message->setText(tr("The password was changed."));
        emit context()->objectChanged(QStringLiteral("user"), dialog.answer(), false);
        m_changes->reload();
    }
}

void User360Page::toggleSuspended()
{
    const bool suspended = m_user.value(QLatin1String("status")).toString() == QLatin1String("suspended");
    QString reason;
    if (!suspended
        && !MessageBox::askText(this, tr("Suspend user"),
            tr("Why is %1 suspended? The reason is kept in the audit log (optional).")
                .arg(validation::addressForDisplay(m_address)),
            reason))
        return;
    context()->api()->post(
        QStringLiteral("/users/%1/%2")
            .arg(m_address, suspended ? QStringLiteral("unsuspend") : QStringLiteral("suspend")),
        reason.isEmpty() ? QJsonObject() : QJsonObject {{QStringLiteral("reason"), reason}}, this,
        [this, suspended](const api::ApiResult &result) {
            if (!result.ok()) {
                m_message->setText(result.error.message());
                refresh();
                return;
            }
            showUser(result.json);
            m_message->setText(suspended
                    ? tr("The user is active again.")
                    : tr("The user is suspended: no logins and no mail sending until unsuspended."));
            emit context()->objectChanged(QStringLiteral("user"), result.json, false);
            m_changes->reload();
        },
        m_user.value(QLatin1String("version")).toInt());
}

void User360Page::askQuota()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Change quota"));
    auto *layout = new QFormLayout(&dialog);
    auto *edit = new ByteSizeEdit(&dialog);
    edit->setObjectName(QStringLiteral("quotaEdit"));
    edit->setValue(qint64(m_user.value(QLatin1String("quota")).toDouble()));
    layout->addRow(tr("&Quota:"), edit);
    layout->addRow(new QLabel(
        tr("Now using %1.").arg(format::bytes(qint64(m_user.value(QLatin1String("used_bytes")).toDouble()))),
        &dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        changeQuota(edit->value());
}

void User360Page::changeQuota(qint64 bytes)
{
    context()->api()->patch(QStringLiteral("/users/") + m_address,
        QJsonObject {{QStringLiteral("quota"), double(bytes)}},
        m_user.value(QLatin1String("version")).toInt(), this, [this](const api::ApiResult &result) {
            if (!result.ok()) {
                m_message->setText(result.error.message());
                if (result.error.status == 412)
                    refresh();
                return;
            }
            showUser(result.json);
            m_message->setText(
                tr("The quota is now %1.")
                    .arg(format::bytes(qint64(result.json.value(QLatin1String("quota")).toDouble()))));
            emit context()->objectChanged(QStringLiteral("user"), result.json, false);
            m_changes->reload();
        });
}

// --- AlertsPage ---

AlertsPage::AlertsPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::AlertListModel(context->api()), tr("Outbound alerts"), parent)
    , m_alerts(static_cast<models::AlertListModel *>(model()))
    , m_series(new SeriesModel(this))
{
    setObjectName(QStringLiteral("alertsPage"));
    m_alerts->setParent(this);
    searchEdit()->hide();
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusComboBox"));
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Acknowledged"), QStringLiteral("acknowledged"));
    m_status->addItem(tr("Resolved"), QStringLiteral("resolved"));
    m_status->addItem(tr("All"), QString());
    auto *statusLabel = new QLabel(tr("S&how:"), this);
    statusLabel->setBuddy(m_status);
    filterLayout()->addWidget(statusLabel);
    filterLayout()->addWidget(m_status);
    filterLayout()->addStretch(1);
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_alerts->setFilter(QStringLiteral("status"), m_status->currentData().toString()); });

    m_series->setColumns(outboundColumns());
    auto *detail = new QFrame(this);
    detail->setObjectName(QStringLiteral("alertDetail"));
    detail->setFrameShape(QFrame::StyledPanel);
    auto *detailLayout = new QVBoxLayout(detail);
    m_evidence = new QLabel(tr("Select an alert to see its evidence."), detail);
    m_evidence->setObjectName(QStringLiteral("evidenceLabel"));
    m_evidence->setTextFormat(Qt::RichText);
    m_evidence->setWordWrap(true);
    detailLayout->addWidget(m_evidence);
    auto *levels = new QHBoxLayout;
    levels->addWidget(new QLabel(tr("Chart for:"), detail));
    m_company = new QPushButton(tr("&Company"), detail);
    m_company->setObjectName(QStringLiteral("companyLevelButton"));
    m_domain = new QPushButton(tr("D&omain"), detail);
    m_domain->setObjectName(QStringLiteral("domainLevelButton"));
    m_user = new QPushButton(tr("&User"), detail);
    m_user->setObjectName(QStringLiteral("userLevelButton"));
    for (QPushButton *b : {m_company, m_domain, m_user}) {
        b->setCheckable(true);
        b->setAutoExclusive(true);
        levels->addWidget(b);
    }
    levels->addStretch(1);
    detailLayout->addLayout(levels);
    connect(m_company, &QPushButton::clicked, this, [this] { drillTo(QStringLiteral("company")); });
    connect(m_domain, &QPushButton::clicked, this, [this] { drillTo(QStringLiteral("domain")); });
    connect(m_user, &QPushButton::clicked, this, [this] { drillTo(QStringLiteral("user")); });
    m_chart = new charts::TimeSeriesChart(detail);
    m_chart->setObjectName(QStringLiteral("alertChart"));
    m_chart->setKeys({QStringLiteral("messages")});
    m_chart->setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    m_chart->setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    m_chart->setModel(m_series);
    m_chart->setMinimumHeight(240);
    detailLayout->addWidget(m_chart, 1);
    auto *act = new QHBoxLayout;
    m_note = new QLineEdit(detail);
    m_note->setObjectName(QStringLiteral("noteLineEdit"));
    m_note->setPlaceholderText(tr("Note (what was found, what was done)"));
    m_note->setMaxLength(2000);
    m_acknowledge = new QPushButton(tr("&Acknowledge"), detail);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeButton"));
    m_resolve = new QPushButton(tr("&Resolve"), detail);
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    act->addWidget(m_note, 1);
    act->addWidget(m_acknowledge);
    act->addWidget(m_resolve);
    m_holdMail = new QPushButton(tr("&Hold mail"), detail);
    m_holdMail->setObjectName(QStringLiteral("holdMailButton"));
    m_releaseMail = new QPushButton(tr("Re&lease mail"), detail);
    m_releaseMail->setObjectName(QStringLiteral("releaseMailButton"));
    m_openUser = new QPushButton(tr("&Open user"), detail);
    m_openUser->setObjectName(QStringLiteral("openUserButton"));
    m_suspendUser = new QPushButton(tr("Sus&pend user…"), detail);
    m_suspendUser->setObjectName(QStringLiteral("suspendUserButton"));
    m_suspendUser->setVisible(context->can(QStringLiteral("user.suspend")));
    act->addWidget(m_openUser);
    act->addWidget(m_suspendUser);
    act->addWidget(m_holdMail);
    act->addWidget(m_releaseMail);
    connect(m_openUser, &QPushButton::clicked, this, [this, context] {
        emit context->openUserActivity(current().value(QLatin1String("subject")).toString());
    });
    connect(m_suspendUser, &QPushButton::clicked, this, &AlertsPage::suspendUser);
    m_holdMail->setVisible(context->can(QStringLiteral("user.suspend")));
    m_releaseMail->setVisible(context->can(QStringLiteral("user.suspend")));
    connect(m_holdMail, &QPushButton::clicked, this, [this] { outboundMail(QStringLiteral("hold")); });
    connect(m_releaseMail, &QPushButton::clicked, this, [this] { outboundMail(QStringLiteral("release")); });
    detailLayout->addLayout(act);
    const bool canAct = context->can(QStringLiteral("alert.write"));
    m_note->setVisible(canAct);
    m_acknowledge->setVisible(canAct);
    m_resolve->setVisible(canAct);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPage::acknowledge);
    connect(m_resolve, &QPushButton::clicked, this, &AlertsPage::resolve);

    // The list above, the alert below.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    pageLayout()->removeWidget(table());
    splitter->addWidget(table());
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    pageLayout()->insertWidget(2, splitter, 1);
    m_alerts->setFilter(QStringLiteral("status"), QStringLiteral("open"));
    selectionChanged();
}

QJsonObject AlertsPage::current() const
{
    const QList<int> rows = selectedRows();
    return rows.isEmpty() ? QJsonObject() : m_alerts->objectAt(rows.first());
}

void AlertsPage::selectionChanged()
{
    ListPage::selectionChanged();
    if (!m_acknowledge)
        return; // still being built
    const QJsonObject a = current();
    const bool has = !a.isEmpty();
    const QString status = a.value(QLatin1String("status")).toString();
    m_acknowledge->setEnabled(has && status == QLatin1String("open"));
    m_resolve->setEnabled(has && status != QLatin1String("resolved"));
    m_company->setEnabled(has);
    m_domain->setEnabled(has);
    m_user->setEnabled(has && a.value(QLatin1String("scope")).toString() == QLatin1String("user"));
    m_holdMail->setEnabled(m_user->isEnabled());
    m_releaseMail->setEnabled(m_user->isEnabled());
    m_openUser->setEnabled(m_user->isEnabled());
    m_suspendUser->setEnabled(m_user->isEnabled());
    // Several open alerts acknowledged or resolved at once.
    bool anyOpen = false, anyUnresolved = false;
    for (int row : selectedRows()) {
        const QString st = m_alerts->objectAt(row).value(QLatin1String("status")).toString();
        anyOpen = anyOpen || st == QLatin1String("open");
        anyUnresolved = anyUnresolved || st != QLatin1String("resolved");
    }
    m_acknowledge->setEnabled(anyOpen);
    m_resolve->setEnabled(anyUnresolved);
    if (!has) {
        m_evidence->setText(tr("Select an alert to see its evidence."));
        m_series->clear();
        return;
    }
    QStringList lines;
    lines << tr("<b>%1</b> sent <b>%2</b> messages in the %3 from %4.")
                 .arg(validation::addressForDisplay(a.value(QLatin1String("subject")).toString())
                          .toHtmlEscaped(),
                     QLocale().toString(qint64(a.value(QLatin1String("observed")).toDouble())),
                     a.value(QLatin1String("span")).toString() == QLatin1String("hour") ? tr("hour")
                                                                                        : tr("day"),
                     format::time(a.value(QLatin1String("period_start")).toString()));
    lines << tr("Usual: %1 (spread %2); threshold %3; %4 times the usual; %5.")
                 .arg(QLocale().toString(a.value(QLatin1String("baseline_median")).toDouble(), 'f', 0),
                     QLocale().toString(a.value(QLatin1String("baseline_mad")).toDouble(), 'f', 1),
                     QLocale().toString(a.value(QLatin1String("threshold")).toDouble(), 'f', 0),
                     QLocale().toString(a.value(QLatin1String("factor")).toDouble(), 'f', 1),
                     models::AlertListModel::severityText(a.value(QLatin1String("severity")).toString()));
    QString state = tr("Status: %1").arg(models::AlertListModel::statusText(status));
    if (!a.value(QLatin1String("acknowledged_by")).toString().isEmpty())
        state += tr(" · acknowledged by %1, %2")
                     .arg(a.value(QLatin1String("acknowledged_by")).toString(),
                         format::time(a.value(QLatin1String("acknowledged_at")).toString()));
    if (!a.value(QLatin1String("resolved_by")).toString().isEmpty())
        state += tr(" · resolved by %1, %2")
                     .arg(a.value(QLatin1String("resolved_by")).toString(),
                         format::time(a.value(QLatin1String("resolved_at")).toString()));
    lines << state;
    if (!a.value(QLatin1String("note")).toString().isEmpty())
        lines << tr("Note: %1").arg(a.value(QLatin1String("note")).toString().toHtmlEscaped());
    m_evidence->setText(lines.join(QStringLiteral("<br>")));
    drillTo(a.value(QLatin1String("scope")).toString() == QLatin1String("user") ? QStringLiteral("user")
                                                                                : QStringLiteral("domain"));
}

void AlertsPage::drillTo(const QString &level)
{
    const QJsonObject a = current();
    if (a.isEmpty())
        return;
    m_level = level;
    m_company->setChecked(level == QLatin1String("company"));
    m_domain->setChecked(level == QLatin1String("domain"));
    m_user->setChecked(level == QLatin1String("user"));
    QUrlQuery q;
    if (level == QLatin1String("company"))
        q.addQueryItem(QStringLiteral("company"),
            QString::number(qint64(a.value(QLatin1String("company_id")).toDouble())));
    else if (level == QLatin1String("domain"))
        q.addQueryItem(QStringLiteral("domain"), a.value(QLatin1String("domain")).toString());
    else
        q.addQueryItem(QStringLiteral("user"), a.value(QLatin1String("subject")).toString());
    const QDateTime period
        = QDateTime::fromString(a.value(QLatin1String("period_start")).toString(), Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool hourly = a.value(QLatin1String("span")).toString() == QLatin1String("hour");
    const QDateTime from = hourly ? period.addSecs(-36 * 3600) : period.addDays(-21);
    const QDateTime to = qMin(now, hourly ? period.addSecs(12 * 3600) : period.addDays(4));
    q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("granularity"), hourly ? QStringLiteral("hour") : QStringLiteral("day"));
    m_series->setGranularity(hourly ? QStringLiteral("hour") : QStringLiteral("day"));
    const QString title = level == QLatin1String("company") ? tr("Outbound mail of the company")
        : level == QLatin1String("domain")
        ? tr("Outbound mail of %1")
              .arg(validation::addressForDisplay(a.value(QLatin1String("domain")).toString()))
        : tr("Outbound mail of %1")
              .arg(validation::addressForDisplay(a.value(QLatin1String("subject")).toString()));
    m_chart->setTitle(title);
    context()->api()->get(
        QStringLiteral("/stats/outbound"), q, this, [this, level](const api::ApiResult &result) {
            if (level != m_level)
                return;
            if (!result.ok()) {
                m_series->clear();
                emit context()->showStatus(result.error.message());
                return;
            }
            m_series->setRows(result.json.value(QLatin1String("series")).toArray());
        });
}

void AlertsPage::acknowledge()
{
    transition(QStringLiteral("acknowledge"));
}

void AlertsPage::resolve()
{
    transition(QStringLiteral("resolve"));
}

void AlertsPage::outboundMail(const QString &action)
{
    const QJsonObject a = current();
    if (a.value(QLatin1String("scope")).toString() != QLatin1String("user"))
        return;
    const QString address = a.value(QLatin1String("subject")).toString();
    context()->api()->post(QStringLiteral("/users/%1/outbound/%2").arg(address, action), {}, this,
        [this, action](const api::ApiResult &result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Outbound mail"), result.error.message());
                return;
            }
            emit context()->showStatus(action == QLatin1String("hold")
                    ? tr("Outbound mail of this user is held at Postfix until released.")
                    : tr("Outbound mail of this user is released; %n held messages go on their way.", nullptr,
                        int(result.json.value(QLatin1String("released_queue_ids")).toArray().size())));
        });
}

void AlertsPage::suspendUser()
{
    const QString address = current().value(QLatin1String("subject")).toString();
    if (address.isEmpty())
        return;
    QString reason = tr("Outbound spike");
    if (!MessageBox::askText(this, tr("Suspend user"),
            tr("Why is %1 suspended? The reason is kept in the audit log (optional).")
                .arg(validation::addressForDisplay(address)),
            reason))
        return;
    context()->api()->post(QStringLiteral("/users/%1/suspend").arg(address),
        reason.isEmpty() ? QJsonObject() : QJsonObject {{QStringLiteral("reason"), reason}}, this,
        [this](const api::ApiResult &result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Suspend user"), result.error.message());
                return;
            }
            emit context()->objectChanged(QStringLiteral("user"), result.json, false);
            emit context()->showStatus(tr("The user is suspended: no logins and no mail sending until unsuspended."));
        });
}

void AlertsPage::transition(const QString &action)
{
    QJsonObject body;
    if (!m_note->text().trimmed().isEmpty())
        body.insert(QStringLiteral("note"), m_note->text().trimmed());
    for (int row : selectedRows()) {
        const QJsonObject a = m_alerts->objectAt(row);
        const QString status = a.value(QLatin1String("status")).toString();
        if (status == QLatin1String("resolved")
            || (action == QLatin1String("acknowledge") && status != QLatin1String("open")))
            continue;
        transitionOne(qint64(a.value(QLatin1String("id")).toDouble()), action, body);
    }
}

void AlertsPage::transitionOne(qint64 id, const QString &action, const QJsonObject &body)
{
    context()->api()->post(QStringLiteral("/alerts/%1/%2").arg(id).arg(action), body, this,
        [this](const api::ApiResult &result) {
            if (!result.ok()) {
                MessageBox::warning(this, tr("Alert"), result.error.message());
                refresh();
                return;
            }
            m_note->clear();
            m_alerts->updateObject(result.json);
            selectionChanged();
            emit context()->showStatus(tr("The alert is %1.")
                                           .arg(models::AlertListModel::statusText(
                                               result.json.value(QLatin1String("status")).toString())));
        });
}

// --- InactiveUsersPage ---

InactiveUsersPage::InactiveUsersPage(AppContext *context, QWidget *parent)
    : ListPage(context, new models::InactiveListModel(context->api()), tr("Inactive users"), parent)
    , m_inactive(static_cast<models::InactiveListModel *>(model()))
{
    setObjectName(QStringLiteral("inactiveUsersPage"));
    m_inactive->setParent(this);
    searchEdit()->hide();
    m_scope = new StatsScopeBar(context, false, false, this);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("daysSpinBox"));
    m_days->setRange(1, 3650);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    auto *label = new QLabel(tr("No login for &at least"), this);
    label->setBuddy(m_days);
    m_minAge = new QSpinBox(this);
    m_minAge->setObjectName(QStringLiteral("minAgeSpinBox"));
    m_minAge->setRange(0, 3650);
    m_minAge->setSuffix(tr(" days"));
    m_minAge->setSpecialValueText(tr("no"));
    auto *ageLabel = new QLabel(tr("lea&ve out accounts younger than"), this);
    ageLabel->setBuddy(m_minAge);
    filterLayout()->addWidget(m_scope, 1);
    filterLayout()->addWidget(label);
    filterLayout()->addWidget(m_days);
    filterLayout()->addWidget(ageLabel);
    filterLayout()->addWidget(m_minAge);
    QPushButton *suspend
        = addButton(tr("&Suspend…"), QStringLiteral("suspendButton"), QStringLiteral("user.suspend"));
    QPushButton *remove
        = addButton(tr("&Delete…"), QStringLiteral("deleteButton"), QStringLiteral("user.delete"));
    m_needSelection = {suspend, remove};
    connect(suspend, &QPushButton::clicked, this, &InactiveUsersPage::suspendSelected);
    connect(remove, &QPushButton::clicked, this, &InactiveUsersPage::deleteSelected);
    connect(m_scope, &StatsScopeBar::changed, this, &InactiveUsersPage::apply);
    connect(m_days, &QSpinBox::editingFinished, this, &InactiveUsersPage::apply);
    connect(m_minAge, &QSpinBox::editingFinished, this, &InactiveUsersPage::apply);
    connect(this, &ListPage::activated, this,
        [this, context](int row) { emit context->openUserActivity(m_inactive->keyAt(row)); });
    apply();
}

void InactiveUsersPage::apply()
{
    const QUrlQuery subject = m_scope->subjectQuery();
    const models::StatsScope scope = m_scope->scope();
    if (scope.kind != models::StatsScope::Kind::Company && scope.id.isEmpty())
        return;
    m_inactive->setScope(subject, m_days->value(), m_minAge->value());
}

void InactiveUsersPage::suspendSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    QString reason;
    if (!MessageBox::askText(this, tr("Suspend users"),
            tr("Why are they suspended? The reason is kept in the audit log (optional)."), reason))
        return;
    const QJsonObject body
        = reason.isEmpty() ? QJsonObject() : QJsonObject {{QStringLiteral("reason"), reason}};
    QList<api::BulkOperation::Step> steps;
    for (int row : rows) {
        const QString address = m_inactive->keyAt(row);
        steps.append({"POST", QStringLiteral("/users/%1/suspend").arg(address), body, 0, address});
    }
    runBulk(tr("Suspend %n user(s)", nullptr, int(steps.size())), steps);
}

void InactiveUsersPage::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    if (MessageBox::question(this, tr("Delete users"),
            tr("Delete %n user(s)? They can be restored from Deleted items for 30 days.", nullptr,
                int(rows.size())))
        != QMessageBox::Yes)
        return;
    QList<api::BulkOperation::Step> steps;
    for (int row : rows) {
        const QJsonObject user = m_inactive->objectAt(row);
        const QString address = user.value(QLatin1String("address")).toString();
        steps.append({"DELETE", QStringLiteral("/users/") + address, {},
            user.value(QLatin1String("version")).toInt(), address});
    }
    runBulk(tr("Delete %n user(s)", nullptr, int(steps.size())), steps);
}

void InactiveUsersPage::runBulk(const QString &title, const QList<api::BulkOperation::Step> &steps)
{
    auto *operation = new api::BulkOperation(context()->api(), steps, this);
    auto *dialog = new BulkDialog(operation, title, this);
    dialog->setObjectName(QStringLiteral("bulkDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, operation, &QObject::deleteLater);
    connect(operation, &api::BulkOperation::finished, m_inactive, &models::PagedListModel::reload);
    m_lastBulk = dialog;
    dialog->open();
    operation->start();
}

} // namespace mailadmin::ui
