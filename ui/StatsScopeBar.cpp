#include "StatsScopeBar.h"

#include "ApiClient.h"
#include "AppContext.h"
#include "CompanyCalls.h"
#include "DirectoryCalls.h"
#include "Session.h"
#include "Validation.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>

namespace mailadmin::ui {

using models::StatsScope;

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
        m_context->api()->get(api::CompanyCalls::listPath(), q, this, [this](const api::ApiResult &result) {
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
    m_context->api()->get(api::DirectoryCalls::domainsPath(), q, this, [this](const api::ApiResult &result) {
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

} // namespace mailadmin::ui
