#include "StatsModels.h"

#include "AlertCalls.h"
#include "Csv.h"
#include "DirectoryCalls.h"
#include "Format.h"
#include "Validation.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <functional>
#include <limits>

namespace mailadmin::models {

namespace {
const double kMissing = std::numeric_limits<double>::quiet_NaN();

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}
} // namespace

QUrlQuery StatsScope::query() const
{
    QUrlQuery q;
    if (!id.isEmpty()) {
        const QString key = kind == Kind::Company ? QStringLiteral("company")
            : kind == Kind::Domain                ? QStringLiteral("domain")
                                                  : QStringLiteral("user");
        q.addQueryItem(key, id);
    }
    if (from.isValid())
        q.addQueryItem(QStringLiteral("from"), iso(from));
    if (to.isValid())
        q.addQueryItem(QStringLiteral("to"), iso(to));
    if (!granularity.isEmpty())
        q.addQueryItem(QStringLiteral("granularity"), granularity);
    return q;
}

QString StatsScope::suggestedGranularity(const QDateTime &from, const QDateTime &to)
{
    const qint64 days = from.secsTo(to) / 86400;
    if (days <= 3)
        return QStringLiteral("hour");
    if (days <= 120)
        return QStringLiteral("day");
    return QStringLiteral("week");
}

// --- SeriesModel ---

SeriesModel::SeriesModel(QObject *parent) : QAbstractTableModel(parent) { }

void SeriesModel::load(const api::SeriesQuery &query)
{
    Q_ASSERT(m_client);
    const int generation = ++m_generation;
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    api::StatsCalls(m_client).series(query, this, [this, generation](const api::ApiResult &result) {
        if (generation != m_generation)
            return; // a newer load() is on its way
        m_loading = false;
        m_error = result.error;
        if (result.ok())
            setRows(result.json.value(QLatin1String("series")).toArray());
        else
            clear();
        emit loadingChanged(false);
        if (result.ok())
            emit loaded();
        else
            emit loadFailed(result.error);
    });
}

void SeriesModel::setColumns(const QList<Column> &columns)
{
    beginResetModel();
    m_columns = columns;
    m_periods.clear();
    m_values.clear();
    endResetModel();
}

void SeriesModel::setRows(const QJsonArray &rows, const QString &periodKey)
{
    beginResetModel();
    m_periods.clear();
    m_values.clear();
    m_periods.reserve(rows.size());
    m_values.reserve(rows.size());
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        m_periods.append(QDateTime::fromString(row.value(periodKey).toString(), Qt::ISODate).toUTC());
        QList<double> values;
        values.reserve(m_columns.size());
        for (const Column &c : std::as_const(m_columns)) {
            const QJsonValue value = row.value(c.key);
            values.append(value.isDouble() ? value.toDouble() : kMissing);
        }
        m_values.append(values);
    }
    endResetModel();
}

void SeriesModel::clear()
{
    beginResetModel();
    m_periods.clear();
    m_values.clear();
    endResetModel();
}

int SeriesModel::columnOf(const QString &key) const
{
    for (int c = 0; c < m_columns.size(); ++c)
        if (m_columns.at(c).key == key)
            return c;
    return -1;
}

double SeriesModel::total(int column) const
{
    double sum = 0;
    for (const QList<double> &row : m_values)
        if (!std::isnan(row.at(column)))
            sum += row.at(column);
    return sum;
}

bool SeriesModel::hasData() const
{
    for (const QList<double> &row : m_values)
        for (double v : row)
            if (!std::isnan(v) && v != 0)
                return true;
    return false;
}

QString SeriesModel::periodText(const QDateTime &period) const
{
    const QDateTime local = period.toLocalTime();
    const QLocale locale;
    if (m_granularity == QLatin1String("hour"))
        return locale.toString(local, QStringLiteral("ddd d MMM HH:mm"));
    if (m_granularity == QLatin1String("week"))
        return QCoreApplication::translate("SeriesModel", "week of %1")
            .arg(locale.toString(period.date(), QStringLiteral("d MMM yyyy")));
    if (m_granularity == QLatin1String("month"))
        return locale.toString(period.date(), QStringLiteral("MMM yyyy"));
    return locale.toString(period.date(), QStringLiteral("ddd d MMM yyyy"));
}

QByteArray SeriesModel::toCsv() const
{
    QStringList header {QCoreApplication::translate("SeriesModel", "Period")};
    for (const Column &c : m_columns)
        header << c.title;
    QByteArray out = csv::record(header);
    for (int r = 0; r < m_periods.size(); ++r) {
        QStringList fields {iso(m_periods.at(r))};
        for (int c = 0; c < m_columns.size(); ++c) {
            const double v = m_values.at(r).at(c);
            fields << (std::isnan(v) ? QString() : QString::number(v, 'f', v == std::floor(v) ? 0 : 2));
        }
        out += csv::record(fields);
    }
    return out;
}

int SeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_periods.size());
}

int SeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + 1;
}

QVariant SeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return periodText(m_periods.at(row));
        if (role == PeriodRole || role == Qt::ToolTipRole)
            return role == PeriodRole ? QVariant(m_periods.at(row))
                                      : QVariant(QLocale().toString(m_periods.at(row).toLocalTime()));
        return {};
    }
    const int column = index.column() - 1;
    const double v = m_values.at(row).at(column);
    switch (role) {
    case Qt::DisplayRole:
        if (std::isnan(v))
            return QStringLiteral("—");
        return m_columns.at(column).unit == Unit::Bytes ? format::bytes(qint64(v))
                                                        : QLocale().toString(qint64(std::llround(v)));
    case Qt::ToolTipRole:
        return std::isnan(v) ? QVariant() : QVariant(QLocale().toString(v, 'f', v == std::floor(v) ? 0 : 2));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ValueRole:
        return std::isnan(v) ? QVariant() : QVariant(v);
    case PeriodRole:
        return m_periods.at(row);
    default:
        return {};
    }
}

QVariant SeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return QCoreApplication::translate("SeriesModel", "Period");
    if (section - 1 < m_columns.size())
        return m_columns.at(section - 1).title;
    return {};
}

// --- ActivityListModel ---

ActivityListModel::ActivityListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Time"), QString()}, {tr("Protocol"), QString()}, {tr("Result"), QString()},
        {tr("Address"), QString()}});
    setPageSize(100);
}

void ActivityListModel::setUser(const QString &address)
{
    setSource(api::DirectoryCalls::userActivityPath(address));
}

QVariant ActivityListModel::display(const QJsonObject &object, int column) const
{
    switch (column) {
    case Time:
        return format::time(object.value(QLatin1String("time")).toString());
    case Protocol:
        return format::protocol(object.value(QLatin1String("protocol")).toString());
    case Result:
        return format::loginResult(object.value(QLatin1String("success")).toBool());
    case Address:
        return object.value(QLatin1String("remote_address")).toString();
    default:
        return {};
    }
}

QVariant ActivityListModel::decoration(const QJsonObject &object, int column) const
{
    if (column == Result && !object.value(QLatin1String("success")).toBool())
        return QColor(0xD5, 0x5E, 0x00);
    return {};
}

// --- AlertListModel ---

AlertListModel::AlertListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    setColumns({{tr("Period"), QStringLiteral("period_start")}, {tr("Account or domain"), QString()},
        {tr("Span"), QString()}, {tr("Messages"), QStringLiteral("observed"), right},
        {tr("Usual"), QString(), right}, {tr("Factor"), QStringLiteral("factor"), right},
        {tr("Severity"), QStringLiteral("severity")}, {tr("Status"), QString()}});
    setSource(api::AlertCalls::alertsPath());
}

QString AlertListModel::statusText(const QString &status)
{
    return format::alertStatus(status);
}

QString AlertListModel::severityText(const QString &severity)
{
    return format::severity(severity == QLatin1String("critical") ? severity : QStringLiteral("warning"));
}

QVariant AlertListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Period:
        return format::time(o.value(QLatin1String("period_start")).toString());
    case Subject:
        return validation::addressForDisplay(o.value(QLatin1String("subject")).toString());
    case Span:
        return format::span(o.value(QLatin1String("span")).toString());
    case Observed:
        return QLocale().toString(qint64(o.value(QLatin1String("observed")).toDouble()));
    case Baseline:
        return QLocale().toString(o.value(QLatin1String("baseline_median")).toDouble(), 'f', 0);
    case Factor:
        return QStringLiteral("×%1").arg(
            QLocale().toString(o.value(QLatin1String("factor")).toDouble(), 'f', 1));
    case Severity:
        return severityText(o.value(QLatin1String("severity")).toString());
    case Status:
        return statusText(o.value(QLatin1String("status")).toString());
    default:
        return {};
    }
}

QVariant AlertListModel::severityColour(const QJsonObject &o)
{
    return o.value(QLatin1String("severity")).toString() == QLatin1String("critical")
        ? QColor(0xD5, 0x5E, 0x00)
        : QColor(0xE6, 0x9F, 0x00);
}

QVariant AlertListModel::statusColour(const QJsonObject &o)
{
    if (o.value(QLatin1String("status")).toString() == QLatin1String("open"))
        return QColor(0xCC, 0x79, 0xA7);
    return {};
}

QVariant AlertListModel::decoration(const QJsonObject &o, int column) const
{
    return column == Severity ? severityColour(o) : column == Status ? statusColour(o) : QVariant();
}

QVariant AlertListModel::tooltip(const QJsonObject &o, int column) const
{
    if (column == Baseline || column == Factor || column == Observed)
        return tr("%1 messages against a usual %2 (spread %3); alert threshold %4")
            .arg(qint64(o.value(QLatin1String("observed")).toDouble()))
            .arg(o.value(QLatin1String("baseline_median")).toDouble())
            .arg(o.value(QLatin1String("baseline_mad")).toDouble(), 0, 'f', 1)
            .arg(o.value(QLatin1String("threshold")).toDouble(), 0, 'f', 0);
    return {};
}

// --- AlertEpisodeListModel ---

AlertEpisodeListModel::AlertEpisodeListModel(api::ApiClient *client, QObject *parent)
    : PagedListModel(client, parent)
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    setColumns({{tr("Account or domain"), QString()}, {tr("Period"), QStringLiteral("last_period_start")},
        {tr("Peak"), QStringLiteral("peak_observed"), right},
        {tr("Factor"), QStringLiteral("max_factor"), right}, {tr("Severity"), QStringLiteral("severity")},
        {tr("Status"), QString()}});
    setSource(api::AlertCalls::episodesPath());
}

QString AlertEpisodeListModel::periodText(const QJsonObject &e)
{
    const QDateTime first
        = QDateTime::fromString(e.value(QLatin1String("first_period_start")).toString(), Qt::ISODate)
              .toLocalTime();
    const QDateTime last
        = QDateTime::fromString(e.value(QLatin1String("last_period_start")).toString(), Qt::ISODate)
              .toLocalTime();
    if (!first.isValid() || !last.isValid())
        return {};
    const int count = e.value(QLatin1String("period_count")).toInt();
    const QLocale locale;
    const QString day = QStringLiteral("d MMM");
    const auto dayOf = [&](const QDateTime &t) { return locale.toString(t.date(), day); };
    const auto timeOf = [&](const QDateTime &t) { return locale.toString(t.time(), QLocale::ShortFormat); };
    if (e.value(QLatin1String("span")).toString() == QLatin1String("day")) {
        const QString range
            = first.date() == last.date() ? dayOf(first) : dayOf(first) + QChar(0x2013) + dayOf(last);
        return tr("%1 (%n days)", nullptr, count).arg(range);
    }
    QString range = dayOf(first) + QLatin1Char(' ') + timeOf(first);
    if (last != first)
        range += QChar(0x2013)
            + (last.date() == first.date() ? timeOf(last) : dayOf(last) + QLatin1Char(' ') + timeOf(last));
    return tr("%1 (%n h)", nullptr, count).arg(range);
}

namespace {
QList<qint64> alertIdsWhere(const QJsonObject &e, const std::function<bool(const QString &)> &keep)
{
    QList<qint64> out;
    for (const QJsonValue &v : e.value(QLatin1String("alerts")).toArray()) {
        const QJsonObject a = v.toObject();
        if (keep(a.value(QLatin1String("status")).toString()))
            out << qint64(a.value(QLatin1String("id")).toDouble());
    }
    return out;
}
} // namespace

QList<qint64> AlertEpisodeListModel::openAlertIds(const QJsonObject &e)
{
    return alertIdsWhere(e, [](const QString &s) { return s == QLatin1String("open"); });
}

QList<qint64> AlertEpisodeListModel::unresolvedAlertIds(const QJsonObject &e)
{
    return alertIdsWhere(e, [](const QString &s) { return s != QLatin1String("resolved"); });
}

QVariant AlertEpisodeListModel::display(const QJsonObject &o, int column) const
{
    switch (column) {
    case Subject:
        return validation::addressForDisplay(o.value(QLatin1String("subject")).toString());
    case Period:
        return periodText(o);
    case Peak:
        return QLocale().toString(qint64(o.value(QLatin1String("peak_observed")).toDouble()));
    case Factor:
        return QStringLiteral("×%1").arg(
            QLocale().toString(o.value(QLatin1String("max_factor")).toDouble(), 'f', 1));
    case Severity:
        return AlertListModel::severityText(o.value(QLatin1String("severity")).toString());
    case Status:
        return AlertListModel::statusText(o.value(QLatin1String("status")).toString());
    default:
        return {};
    }
}

QVariant AlertEpisodeListModel::decoration(const QJsonObject &o, int column) const
{
    return column == Severity ? AlertListModel::severityColour(o)
        : column == Status    ? AlertListModel::statusColour(o)
                              : QVariant();
}

QVariant AlertEpisodeListModel::tooltip(const QJsonObject &o, int column) const
{
    if (column == Peak || column == Period)
        return tr("%n alerts; the busiest period sent %1 messages", nullptr,
            o.value(QLatin1String("period_count")).toInt())
            .arg(qint64(o.value(QLatin1String("peak_observed")).toDouble()));
    return {};
}

// --- InactiveListModel ---

InactiveListModel::InactiveListModel(api::ApiClient *client, QObject *parent) : PagedListModel(client, parent)
{
    setColumns({{tr("Address"), QStringLiteral("address")}, {tr("Status"), QStringLiteral("status")},
        {tr("Last login"), QStringLiteral("last_login_at")}, {tr("IMAP"), QString()}, {tr("POP"), QString()},
        {tr("Webmail"), QString()}, {tr("SMTP"), QString()},
        {tr("Used"), QStringLiteral("used_bytes"), Qt::AlignRight | Qt::AlignVCenter}});
    setInitialSort(0);
}

void InactiveListModel::setScope(const QUrlQuery &scope, int days, int minAge)
{
    m_days = days;
    QUrlQuery q = scope;
    q.removeAllQueryItems(QStringLiteral("days"));
    q.addQueryItem(QStringLiteral("days"), QString::number(days));
    if (minAge > 0)
        q.addQueryItem(QStringLiteral("min_age"), QString::number(minAge));
    setSource(api::StatsCalls::inactivePath(), q);
}

QStringList InactiveListModel::keptFields() const
{
    return {QStringLiteral("address"), QStringLiteral("status"), QStringLiteral("last_login"),
        QStringLiteral("used_bytes"), QStringLiteral("version")};
}

QVariant InactiveListModel::display(const QJsonObject &o, int column) const
{
    const QJsonObject last = o.value(QLatin1String("last_login")).toObject();
    switch (column) {
    case Address:
        return validation::addressForDisplay(o.value(QLatin1String("address")).toString());
    case Status:
        return format::status(o.value(QLatin1String("status")).toString());
    case LastLogin: {
        QString latest;
        for (auto it = last.begin(); it != last.end(); ++it)
            if (it.value().toString() > latest)
                latest = it.value().toString();
        return format::time(latest);
    }
    case Imap:
        return format::time(last.value(QLatin1String("imap")).toString());
    case Pop:
        return format::time(last.value(QLatin1String("pop")).toString());
    case Webmail:
        return format::time(last.value(QLatin1String("webmail")).toString());
    case Smtp:
        return format::time(last.value(QLatin1String("smtp")).toString());
    case Used:
        return format::bytes(qint64(o.value(QLatin1String("used_bytes")).toDouble()));
    default:
        return {};
    }
}

} // namespace mailadmin::models
