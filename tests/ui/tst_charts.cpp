#include "ChartExport.h"
#include "Csv.h"
#include "QuotaBucketsModel.h"
#include "StatsCharts.h"
#include "StatsModels.h"
#include "TimeSeriesChart.h"

#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace mailadmin;
using models::SeriesModel;

// The series model that feeds both charts and tables, and the charts drawn from it: the same numbers,
// readable axes, a band and spike markers, hiding series from the legend, downsampling, the empty state, and
// export.
class TestCharts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void seriesModel();
    void csvEqualsTable();
    void scopeQuery();
    void linesEqualTheModel();
    void stackedAreasStackTheModel();
    void bandAndSpikeMarkers();
    void bytesReadInUnits();
    void legendHidesSeries();
    void emptyStateInsteadOfBlank();
    void yearOfHoursIsDownsampled();
    void timeTicksAreRound_data();
    void timeTicksAreRound();
    void rendersWithAxesAndData();
    void exportsPictures();
    void donutAndBars();

private:
    static QJsonArray rows(
        int count, qint64 startSecs, qint64 step, const std::function<QJsonObject(int)> &values);
    static QList<SeriesModel::Column> loginColumns();
};

QJsonArray TestCharts::rows(
    int count, qint64 startSecs, qint64 step, const std::function<QJsonObject(int)> &values)
{
    QJsonArray out;
    for (int i = 0; i < count; ++i) {
        QJsonObject row = values(i);
        row.insert(QStringLiteral("period"),
            QDateTime::fromSecsSinceEpoch(startSecs + i * step, Qt::UTC).toString(Qt::ISODate));
        out.append(row);
    }
    return out;
}

QList<SeriesModel::Column> TestCharts::loginColumns()
{
    return {{QStringLiteral("imap"), QStringLiteral("IMAP")}, {QStringLiteral("pop"), QStringLiteral("POP")},
        {QStringLiteral("webmail"), QStringLiteral("Webmail")},
        {QStringLiteral("smtp"), QStringLiteral("SMTP")}};
}

void TestCharts::seriesModel()
{
    SeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setColumns({{QStringLiteral("messages"), QStringLiteral("Messages")},
        {QStringLiteral("used_bytes"), QStringLiteral("Used"), SeriesModel::Unit::Bytes}});
    model.setGranularity(QStringLiteral("day"));
    model.setRows(
        QJsonArray {QJsonObject {{QStringLiteral("period"), QStringLiteral("2026-11-01T00:00:00Z")},
                        {QStringLiteral("messages"), 1234}, {QStringLiteral("used_bytes"), QJsonValue::Null}},
            QJsonObject {{QStringLiteral("period"), QStringLiteral("2026-11-02T00:00:00Z")},
                {QStringLiteral("messages"), 0}, {QStringLiteral("used_bytes"), 3221225472.0}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Period"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("1,234"));
    QCOMPARE(model.index(0, 1).data(SeriesModel::ValueRole).toDouble(), 1234.0);
    QVERIFY(std::isnan(model.valueAt(0, 1)));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("—"));
    QVERIFY(model.index(0, 2).data(SeriesModel::ValueRole).isNull());
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("3 GB"));
    QCOMPARE(model.periodAt(1), QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC));
    QCOMPARE(model.total(0), 1234.0);
    QVERIFY(model.hasData());
    model.setRows(rows(3, 0, 86400, [](int) { return QJsonObject {{QStringLiteral("messages"), 0}}; }));
    QVERIFY(!model.hasData());
    QCOMPARE(model.columnOf(QStringLiteral("used_bytes")), 1);
}

void TestCharts::csvEqualsTable()
{
    SeriesModel model;
    model.setColumns(loginColumns());
    model.setRows(rows(30, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), i * 10}, {QStringLiteral("pop"), 1000 + i},
            {QStringLiteral("webmail"), i % 3}, {QStringLiteral("smtp"), 7}};
    }));
    const csv::ParseResult parsed = csv::parse(model.toCsv());
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.rows.size(), model.rowCount() + 1);
    for (int c = 0; c < model.columnCount(); ++c)
        QCOMPARE(parsed.rows.first().at(c), model.headerData(c, Qt::Horizontal).toString());
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(QDateTime::fromString(parsed.rows.at(r + 1).first(), Qt::ISODate), model.periodAt(r));
        for (int c = 1; c < model.columnCount(); ++c)
            QCOMPARE(parsed.rows.at(r + 1).at(c).toDouble(),
                model.index(r, c).data(SeriesModel::ValueRole).toDouble());
    }
    // The generic export of any table writes what it shows.
    const csv::ParseResult shown = csv::parse(charts::exporting::tableCsv(&model));
    QCOMPARE(shown.rows.size(), model.rowCount() + 1);
    QCOMPARE(shown.rows.at(5).at(2), model.index(4, 2).data().toString());
}

void TestCharts::scopeQuery()
{
    models::StatsScope scope;
    scope.kind = models::StatsScope::Kind::Domain;
    scope.id = QStringLiteral("example.com");
    scope.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    scope.to = QDateTime(QDate(2026, 11, 8), QTime(0, 0), Qt::UTC);
    scope.granularity = QStringLiteral("day");
    const QUrlQuery q = scope.query();
    QCOMPARE(q.queryItemValue(QStringLiteral("domain")), QStringLiteral("example.com"));
    QCOMPARE(q.queryItemValue(QStringLiteral("from")), QStringLiteral("2026-11-01T00:00:00Z"));
    QCOMPARE(q.queryItemValue(QStringLiteral("granularity")), QStringLiteral("day"));
    QCOMPARE(
        models::StatsScope::suggestedGranularity(scope.from, scope.from.addDays(2)), QStringLiteral("hour"));
    QCOMPARE(
        models::StatsScope::suggestedGranularity(scope.from, scope.from.addDays(90)), QStringLiteral("day"));
    QCOMPARE(models::StatsScope::suggestedGranularity(scope.from, scope.from.addDays(365)),
        QStringLiteral("week"));
}

void TestCharts::linesEqualTheModel()
{
    SeriesModel model;
    model.setColumns({{QStringLiteral("messages"), QStringLiteral("Messages")},
        {QStringLiteral("recipients"), QStringLiteral("Recipients")}});
    model.setRows(rows(14, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("messages"), i * i}, {QStringLiteral("recipients"), 2 * i}};
    }));
    charts::TimeSeriesChart chart;
    chart.setModel(&model);
    for (const QString &key : {QStringLiteral("messages"), QStringLiteral("recipients")}) {
        const QList<QPointF> points = chart.drawnPoints(key);
        QCOMPARE(points.size(), model.rowCount());
        const int col = model.columnOf(key);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(qint64(points.at(r).x()), model.periodAt(r).toMSecsSinceEpoch());
            QCOMPARE(points.at(r).y(), model.valueAt(r, col));
        }
    }
    // A model change redraws.
    model.setRows(rows(2, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("messages"), 5 + i}, {QStringLiteral("recipients"), 1}};
    }));
    QCOMPARE(chart.drawnPoints(QStringLiteral("messages")).size(), 2);
    QCOMPARE(chart.drawnPoints(QStringLiteral("messages")).last().y(), 6.0);
    // The tooltip text holds the exact values of the period.
    const QString tip = chart.describePeriodAt(model.periodAt(1).toMSecsSinceEpoch() + 1000);
    QVERIFY2(tip.contains(QStringLiteral("Messages: 6")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Recipients: 1")), qPrintable(tip));
}

void TestCharts::stackedAreasStackTheModel()
{
    SeriesModel model;
    model.setColumns(loginColumns());
    model.setRows(rows(10, 1793836800, 3600, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), 10 + i}, {QStringLiteral("pop"), 5},
            {QStringLiteral("webmail"), i}, {QStringLiteral("smtp"), 2 * i}};
    }));
    charts::TimeSeriesChart chart;
    chart.setStyle(charts::TimeSeriesChart::Style::StackedArea);
    chart.setModel(&model);
    for (const auto &column : loginColumns()) {
        const QList<QPointF> points = chart.drawnPoints(column.key);
        QCOMPARE(points.size(), 10);
        for (int r = 0; r < 10; ++r)
            QCOMPARE(points.at(r).y(), model.valueAt(r, model.columnOf(column.key)));
    }
    // The top of the stack is the sum.
    auto *smtp = qobject_cast<QAreaSeries *>(chart.chart()->series().last());
    QVERIFY(smtp);
    QCOMPARE(smtp->upperSeries()->at(9).y(), double(19 + 5 + 9 + 18));
}

void TestCharts::bandAndSpikeMarkers()
{
    SeriesModel model;
    model.setColumns({{QStringLiteral("messages"), QStringLiteral("Messages")},
        {QStringLiteral("baseline_median"), QStringLiteral("Usual")},
        {QStringLiteral("baseline_high"), QStringLiteral("Top")},
        {QStringLiteral("spike"), QStringLiteral("Spike")}});
    model.setRows(rows(20, 1793836800, 86400, [](int i) {
        const bool spike = i == 12 || i == 17;
        return QJsonObject {{QStringLiteral("messages"), spike ? 900 : 20 + i % 3},
            {QStringLiteral("baseline_median"), 21}, {QStringLiteral("baseline_high"), 29},
            {QStringLiteral("spike"), spike ? 1 : 0}};
    }));
    charts::TimeSeriesChart chart;
    chart.setKeys({QStringLiteral("messages")});
    chart.setBand(QStringLiteral("baseline_median"), QStringLiteral("baseline_high"));
    chart.setMarkers(QStringLiteral("spike"), QStringLiteral("messages"));
    chart.setModel(&model);
    QCOMPARE(chart.markerCount(), 2);
    QCOMPARE(chart.drawnPoints(QStringLiteral("__markers")).first().y(), 900.0);
    // The band is one area; the band's and the verdict's columns are not drawn as lines.
    QVERIFY(chart.drawnPoints(QStringLiteral("baseline_median")).isEmpty());
    QVERIFY(chart.drawnPoints(QStringLiteral("spike")).isEmpty());
    QCOMPARE(chart.drawnPoints(QStringLiteral("baseline_high")).first().y(), 29.0 - 21.0);
}

void TestCharts::bytesReadInUnits()
{
    SeriesModel model;
    model.setColumns({{QStringLiteral("used_bytes"), QStringLiteral("Used"), SeriesModel::Unit::Bytes}});
    const double gib = 1024.0 * 1024 * 1024;
    model.setRows(rows(5, 1793836800, 86400, [gib](int i) {
        return QJsonObject {{QStringLiteral("used_bytes"), (2 + i) * gib}};
    }));
    charts::TimeSeriesChart chart;
    chart.setModel(&model);
    QCOMPARE(chart.valueUnit(), QStringLiteral("GB"));
    QCOMPARE(chart.drawnPoints(QStringLiteral("used_bytes")).last().y(), 6.0);
    auto *axis = qobject_cast<QValueAxis *>(chart.chart()->axes(Qt::Vertical).first());
    QCOMPARE(axis->titleText(), QStringLiteral("GB"));
    QVERIFY(axis->max() >= 6.0);
}

void TestCharts::legendHidesSeries()
{
    SeriesModel model;
    model.setColumns(loginColumns());
    model.setRows(rows(5, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), i + 1}, {QStringLiteral("pop"), 2},
            {QStringLiteral("webmail"), 3}, {QStringLiteral("smtp"), 4}};
    }));
    charts::TimeSeriesChart chart;
    chart.setModel(&model);
    QLegendMarker *pop = nullptr;
    for (QLegendMarker *m : chart.chart()->legend()->markers())
        if (m->label() == QLatin1String("POP"))
            pop = m;
    QVERIFY(pop);
    QVERIFY(pop->series()->isVisible());
    QAbstractSeries *series = pop->series();
    emit pop->clicked();
    QVERIFY(!series->isVisible());
    // The entry stays, to show the series again.
    QLegendMarker *again = nullptr;
    for (QLegendMarker *m : chart.chart()->legend()->markers())
        if (m->series() == series)
            again = m;
    QVERIFY(again);
    QTRY_VERIFY(again->isVisible());
    emit again->clicked();
    QVERIFY(series->isVisible());
}

void TestCharts::emptyStateInsteadOfBlank()
{
    SeriesModel model;
    model.setColumns(loginColumns());
    charts::TimeSeriesChart chart;
    chart.resize(500, 300);
    chart.setModel(&model);
    chart.show();
    QVERIFY(chart.showsEmptyState());
    QCOMPARE(chart.findChild<QLabel *>(QStringLiteral("emptyStateLabel"))->text(),
        QStringLiteral("No data in this range"));
    model.setRows(rows(3, 1793836800, 86400, [](int) { return QJsonObject {{QStringLiteral("imap"), 0}}; }));
    QVERIFY(chart.showsEmptyState());
    // Its count axis reads whole, distinct numbers (not "1 1 1 0 0 0").
    const auto axisLabels = [&chart] {
        const auto axes = chart.chart()->axes(Qt::Vertical);
        auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
        QStringList labels;
        if (!axis)
            return labels;
        for (int i = 0; i < axis->tickCount(); ++i)
            labels << QString::asprintf(
                "%.0f", axis->min() + i * (axis->max() - axis->min()) / (axis->tickCount() - 1));
        return labels;
    };
    QCOMPARE(axisLabels(), (QStringList {QStringLiteral("0"), QStringLiteral("1")}));
    model.setRows(rows(3, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), i}};
    }));
    const QStringList small = axisLabels();
    QCOMPARE(QSet<QString>(small.begin(), small.end()).size(), small.size());
    model.setRows(rows(3, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), i}};
    }));
    QVERIFY(!chart.showsEmptyState());
}

void TestCharts::yearOfHoursIsDownsampled()
{
    SeriesModel model;
    model.setColumns({{QStringLiteral("messages"), QStringLiteral("Messages")}});
    // 365 days by hour, with one spike in the middle.
    model.setRows(rows(365 * 24, 1762992000, 3600, [](int i) {
        return QJsonObject {{QStringLiteral("messages"), i == 4000 ? 5000 : i % 24}};
    }));
    charts::TimeSeriesChart chart;
    chart.setMaxPoints(500);
    QElapsedTimer timer;
    timer.start();
    chart.setModel(&model);
    chart.resize(900, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QImage image = chart.grab().toImage();
    qInfo("8,760 hourly points drawn in %lld ms", timer.elapsed());
    const QList<QPointF> points = chart.drawnPoints(QStringLiteral("messages"));
    QVERIFY(points.size() <= 500);
    QVERIFY(points.size() >= 400);
    // Lines keep each group's highest value: the spike survives.
    double top = 0;
    for (const QPointF &p : points)
        top = qMax(top, p.y());
    QCOMPARE(top, 5000.0);
    QVERIFY(!image.isNull());
}

void TestCharts::timeTicksAreRound_data()
{
    QTest::addColumn<QString>("granularity");
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("stepUnits"); // expected units between ticks
    QTest::addColumn<int>("ticks");
    QTest::newRow("2 days of hours") << QStringLiteral("hour") << 48 << 8 << 7;
    QTest::newRow("a week of hours") << QStringLiteral("hour") << 168 << 24 << 8;
    QTest::newRow("30 days of hours") << QStringLiteral("hour") << 720 << 120 << 7;
    QTest::newRow("a year of hours") << QStringLiteral("hour") << 8760 << 1464 << 7;
    QTest::newRow("a week of days") << QStringLiteral("day") << 7 << 1 << 7;
    QTest::newRow("30 days") << QStringLiteral("day") << 31 << 5 << 7;
    QTest::newRow("90 days") << QStringLiteral("day") << 90 << 15 << 7;
    QTest::newRow("a year of days") << QStringLiteral("day") << 365 << 61 << 7;
    QTest::newRow("13 weeks") << QStringLiteral("week") << 13 << 2 << 7;
}

void TestCharts::timeTicksAreRound()
{
    QFETCH(QString, granularity);
    QFETCH(int, points);
    QFETCH(int, stepUnits);
    QFETCH(int, ticks);
    const qint64 unit = granularity == QLatin1String("hour") ? 3600000
        : granularity == QLatin1String("day")                ? 86400000
                                                             : 7 * qint64(86400000);
    const qint64 first = QDateTime(QDate(2026, 11, 26), QTime(22, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 last = first + (points - 1) * unit;
    const charts::TimeTicks t = charts::timeTicks(first, last, granularity);
    QCOMPARE(t.count, ticks);
    QVERIFY(t.axisEnd >= last);
    // Every tick a whole number of units from the first point, and the axis not much longer than the data.
    QCOMPARE((t.axisEnd - first) % ((t.count - 1) * unit), qint64(0));
    QCOMPARE((t.axisEnd - first) / (t.count - 1) / unit, qint64(stepUnits));
    QVERIFY(t.axisEnd - last <= qMax<qint64>(unit, (last - first) / 12));
}

void TestCharts::rendersWithAxesAndData()
{
    SeriesModel model;
    model.setColumns(loginColumns());
    model.setGranularity(QStringLiteral("day"));
    model.setRows(rows(30, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), 100 + 10 * (i % 7)}, {QStringLiteral("pop"), 50},
            {QStringLiteral("webmail"), 80}, {QStringLiteral("smtp"), 120}};
    }));
    charts::TimeSeriesChart chart;
    chart.setStyle(charts::TimeSeriesChart::Style::StackedArea);
    chart.setTitle(QStringLiteral("Logins by type"));
    chart.setModel(&model);
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.chart()->axes(Qt::Horizontal).size(), 1);
    QCOMPARE(chart.chart()->axes(Qt::Vertical).size(), 1);
    const QImage image = chart.grab().toImage().convertToFormat(QImage::Format_RGB32);
    // The series colours are on the picture (IMAP's blue, SMTP's pink), and so are dark axis labels.
    int imap = 0, smtp = 0, dark = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - 0x00) < 20 && qAbs(c.green() - 0x72) < 20 && qAbs(c.blue() - 0xb2) < 20)
                ++imap;
            if (qAbs(c.red() - 0xcc) < 20 && qAbs(c.green() - 0x79) < 20 && qAbs(c.blue() - 0xa7) < 20)
                ++smtp;
            if (c.lightness() < 80)
                ++dark;
        }
    }
    QVERIFY2(imap > 2000, qPrintable(QString::number(imap)));
    QVERIFY2(smtp > 2000, qPrintable(QString::number(smtp)));
    QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
    QVERIFY(!chart.showsEmptyState());
}

void TestCharts::exportsPictures()
{
    SeriesModel model;
    model.setColumns({{QStringLiteral("messages"), QStringLiteral("Messages")}});
    model.setRows(rows(10, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("messages"), i}};
    }));
    charts::TimeSeriesChart chart;
    chart.setModel(&model);
    chart.resize(600, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png")),
                  svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY(charts::exporting::savePng(&chart, png));
    QVERIFY(charts::exporting::saveSvg(&chart, svg, QStringLiteral("Messages")));
    QImage image(png);
    QCOMPARE(image.size(), chart.grab().size());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("<title>Messages</title>"));
    QVERIFY(text.size() > 2000);
}

void TestCharts::donutAndBars()
{
    SeriesModel model;
    model.setColumns(loginColumns());
    model.setRows(rows(3, 1793836800, 86400, [](int i) {
        return QJsonObject {{QStringLiteral("imap"), 10 * (i + 1)}, {QStringLiteral("pop"), 5},
            {QStringLiteral("webmail"), 0}, {QStringLiteral("smtp"), 1}};
    }));
    charts::ShareDonut donut;
    donut.setModel(&model,
        {QStringLiteral("imap"), QStringLiteral("pop"), QStringLiteral("webmail"), QStringLiteral("smtp")});
    const auto slices = donut.slices();
    QCOMPARE(slices.size(), 4);
    QCOMPARE(slices.at(0).second, 60.0);
    QCOMPARE(slices.at(1).second, 15.0);
    QCOMPARE(slices.at(3).second, 3.0);
    QVERIFY(!donut.showsEmptyState());

    QJsonArray answer;
    for (int i = 0; i < 4; ++i)
        answer.append(QJsonObject {{QStringLiteral("from_percent"), i * 10},
            {QStringLiteral("to_percent"), (i + 1) * 10}, {QStringLiteral("users"), i * 7}});
    models::QuotaBucketsModel buckets;
    buckets.setBuckets(answer);
    charts::BarChart bars;
    bars.setModel(&buckets, QStringLiteral("Mailboxes"));
    QCOMPARE(bars.values(), (QList<double> {0, 7, 14, 21}));
    // A new answer is drawn once the event loop runs.
    answer.append(QJsonObject {{QStringLiteral("from_percent"), 100},
        {QStringLiteral("to_percent"), QJsonValue()}, {QStringLiteral("users"), 99}});
    buckets.setBuckets(answer);
    QTRY_COMPARE(bars.values().size(), 5);
    QCOMPARE(bars.values().last(), 99.0);
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
