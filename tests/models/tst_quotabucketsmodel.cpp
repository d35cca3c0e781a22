#include "QuotaBucketsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace mailadmin;
using models::QuotaBucketsModel;

// The quota distribution as the bar chart and its table read it: one row per bucket, its label, short
// label and count.
class TestQuotaBucketsModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void bucket_data();
    void bucket();
    void newAnswerReplacesTheRows();
};

void TestQuotaBucketsModel::bucket_data()
{
    QTest::addColumn<QJsonObject>("bucket");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("shortLabel");
    QTest::addColumn<QString>("count");
    QTest::addColumn<double>("value");
    QTest::newRow("first") << QJsonObject {{QStringLiteral("from_percent"), 0},
        {QStringLiteral("to_percent"), 10}, {QStringLiteral("users"), 1234}}
                           << QStringLiteral("0–10 %") << QStringLiteral("10") << QStringLiteral("1,234")
                           << 1234.0;
    QTest::newRow("middle") << QJsonObject {{QStringLiteral("from_percent"), 80},
        {QStringLiteral("to_percent"), 90}, {QStringLiteral("users"), 0}}
                            << QStringLiteral("80–90 %") << QStringLiteral("90") << QStringLiteral("0")
                            << 0.0;
    QTest::newRow("full") << QJsonObject {{QStringLiteral("from_percent"), 100},
        {QStringLiteral("to_percent"), QJsonValue()}, {QStringLiteral("users"), 7}}
                          << QStringLiteral("full") << QStringLiteral("≥100") << QStringLiteral("7") << 7.0;
}

void TestQuotaBucketsModel::bucket()
{
    QFETCH(QJsonObject, bucket);
    QFETCH(QString, label);
    QFETCH(QString, shortLabel);
    QFETCH(QString, count);
    QFETCH(double, value);
    QuotaBucketsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBuckets({bucket});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(QuotaBucketsModel::ColumnCount));
    const QModelIndex name = model.index(0, QuotaBucketsModel::Bucket);
    const QModelIndex mailboxes = model.index(0, QuotaBucketsModel::Mailboxes);
    QCOMPARE(name.data().toString(), label);
    QCOMPARE(name.data(QuotaBucketsModel::ShortLabelRole).toString(), shortLabel);
    QCOMPARE(mailboxes.data().toString(), count);
    QCOMPARE(mailboxes.data(QuotaBucketsModel::ValueRole).toDouble(), value);
    QCOMPARE(model.mailboxesAt(0), value);
    QCOMPARE(mailboxes.data(Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignRight | Qt::AlignVCenter);
    QCOMPARE(
        model.headerData(QuotaBucketsModel::Bucket, Qt::Horizontal).toString(), QStringLiteral("Quota used"));
    QCOMPARE(model.headerData(QuotaBucketsModel::Mailboxes, Qt::Horizontal).toString(),
        QStringLiteral("Mailboxes"));
}

// A new answer empties the model (a reset) and inserts its rows, as a table beside the chart expects.
void TestQuotaBucketsModel::newAnswerReplacesTheRows()
{
    QuotaBucketsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto bucket = [](int from, int users) {
        return QJsonObject {{QStringLiteral("from_percent"), from}, {QStringLiteral("to_percent"), from + 10},
            {QStringLiteral("users"), users}};
    };
    model.setBuckets({bucket(0, 3), bucket(10, 4), bucket(20, 5)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setBuckets({bucket(0, 8), bucket(10, 9)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.mailboxesAt(1), 9.0);
    model.setBuckets({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(inserted.size(), 1);
}

QTEST_GUILESS_MAIN(TestQuotaBucketsModel)
#include "tst_quotabucketsmodel.moc"
