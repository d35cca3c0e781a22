#pragma once

#include "PagedListModel.h"
#include "StatsCalls.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

namespace mailadmin::models {

// What a stats question is about and over which time: builds the query the /stats routes take.
struct StatsScope
{
    enum class Kind
    {
        Company,
        Domain,
        User
    };
    Kind kind = Kind::Company;
    QString id; // company id, domain name or address; empty: the caller's own company
    QDateTime from;
    QDateTime to;
    QString granularity; // hour, day, week, month; empty: the server's default

    QUrlQuery query() const;
    // The granularity that keeps a chart readable for the range: hours up to 3 days, days up to 120, weeks
    // beyond.
    static QString suggestedGranularity(const QDateTime &from, const QDateTime &to);
};

// A time series from a stats answer, one row per period and one column per measure. The same model feeds a
// chart and the table beside it, so both always show the same numbers.
class SeriesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Unit
    {
        Count,
        Bytes
    };
    struct Column
    {
        QString key; // the field in the answer: imap, messages, used_bytes, ...
        QString title; // translated
        Unit unit = Unit::Count;
    };
    enum Roles
    {
        ValueRole = Qt::UserRole + 1, // the raw number (double); null for a missing value
        PeriodRole // the row's period as QDateTime (UTC)
    };

    explicit SeriesModel(QObject *parent = nullptr);

    // Loading by itself, as PagedListModel does: given the client, load() asks for the series and fills the
    // rows; an answer to an older load() is dropped. On failure the rows are cleared and loadFailed() says
    // why.
    void setClient(api::ApiClient *client) { m_client = client; }
    void load(const api::SeriesQuery &query);
    bool isLoading() const { return m_loading; }
    const api::ApiError &lastError() const { return m_error; }

    void setColumns(const QList<Column> &columns);
    const QList<Column> &columns() const { return m_columns; }
    // Rows of the answer's array: each has `periodKey` (ISO time) and the columns' keys.
    void setRows(const QJsonArray &rows, const QString &periodKey = QStringLiteral("period"));
    void clear();

    QDateTime periodAt(int row) const { return m_periods.at(row); }
    // NaN when the value is missing (null), such as storage before the first sample.
    double valueAt(int row, int column) const { return m_values.at(row).at(column); }
    int columnOf(const QString &key) const;
    double total(int column) const;
    bool isEmpty() const { return m_periods.isEmpty(); }
    // "no data": no rows, or every value zero or missing.
    bool hasData() const;
    QString granularity() const { return m_granularity; }
    void setGranularity(const QString &granularity) { m_granularity = granularity; }

    // RFC 4180 CSV of what the table shows: a header, then one line per row with exact numbers.
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The period as a person reads it at this granularity: "14:00", "Mon 3 Nov", "week of 3 Nov", "Nov 2026".
    QString periodText(const QDateTime &period) const;

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const mailadmin::api::ApiError &error);

private:
    api::ApiClient *m_client = nullptr;
    int m_generation = 0;
    bool m_loading = false;
    api::ApiError m_error;
    QList<Column> m_columns;
    QList<QDateTime> m_periods;
    QList<QList<double>> m_values;
    QString m_granularity;
};

// One user's login history (/users/{address}/activity): time, protocol, result, remote address.
class ActivityListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Protocol,
        Result,
        Address,
        ColumnCount
    };
    explicit ActivityListModel(api::ApiClient *client, QObject *parent = nullptr);
    void setUser(const QString &address);

protected:
    QString keyField() const override { return QStringLiteral("time"); }
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant decoration(const QJsonObject &object, int column) const override;
};

// Outbound-spike alerts (/alerts), newest first.
class AlertListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Period,
        Subject,
        Span,
        Observed,
        Baseline,
        Factor,
        Severity,
        Status,
        ColumnCount
    };
    explicit AlertListModel(api::ApiClient *client, QObject *parent = nullptr);
    static QString statusText(const QString &status);
    static QString severityText(const QString &severity);
    // The marks beside an alert's or an episode's severity and status (an open one stands out).
    static QVariant severityColour(const QJsonObject &object);
    static QVariant statusColour(const QJsonObject &object);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant decoration(const QJsonObject &object, int column) const override;
    QVariant tooltip(const QJsonObject &object, int column) const override;
};

// Alert episodes (a subject's alerts in consecutive hours or days, one row each), newest first.
class AlertEpisodeListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Subject,
        Period,
        Peak,
        Factor,
        Severity,
        Status,
        ColumnCount
    };
    explicit AlertEpisodeListModel(api::ApiClient *client, QObject *parent = nullptr);
    // "28 Nov 10:00–15:00 (6 h)", or for days "28 Nov–30 Nov (3 days)", in local time.
    static QString periodText(const QJsonObject &episode);
    // The ids of the episode's alerts that are open, and of those not resolved.
    static QList<qint64> openAlertIds(const QJsonObject &episode);
    static QList<qint64> unresolvedAlertIds(const QJsonObject &episode);

protected:
    QVariant display(const QJsonObject &object, int column) const override;
    QVariant decoration(const QJsonObject &object, int column) const override;
    QVariant tooltip(const QJsonObject &object, int column) const override;
};

// Mailboxes without a login for some days (/stats/inactive), with their last login per protocol.
class InactiveListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        Address,
        Status,
        LastLogin,
        Imap,
        Pop,
        Webmail,
        Smtp,
        Used,
        ColumnCount
    };
    explicit InactiveListModel(api::ApiClient *client, QObject *parent = nullptr);
    // Scope as the stats routes take it (company=, domain=), and the number of idle days.
    // `minAge` > 0 leaves out accounts created fewer than that many days ago.
    void setScope(const QUrlQuery &scope, int days, int minAge = 0);
    int days() const { return m_days; }

protected:
    QString keyField() const override { return QStringLiteral("address"); }
    QStringList keptFields() const override;
    QVariant display(const QJsonObject &object, int column) const override;

private:
    int m_days = 30;
};

} // namespace mailadmin::models
