#include "TopSendersModel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace mailadmin;
using models::TopSendersModel;

// The top senders table: the address as people write it, the counts and size as text and as numbers.
class TestTopSendersModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void columns_data();
    void columns();
    void newAnswerReplacesTheRows();
};

namespace {
QJsonObject senderRow(const QString &address, int messages)
{
    return {{QStringLiteral("address"), address}, {QStringLiteral("messages"), messages},
        {QStringLiteral("recipients"), 2 * messages}, {QStringLiteral("bytes"), 1536 * messages}};
}
} // namespace

void TestTopSendersModel::columns_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("sender") << int(TopSendersModel::Sender) << QStringLiteral("Sender")
                            << QStringLiteral("anna@bäckerei.de") << QVariant();
    QTest::newRow("messages") << int(TopSendersModel::Messages) << QStringLiteral("Messages")
                              << QStringLiteral("1,200") << QVariant(1200.0);
    QTest::newRow("recipients") << int(TopSendersModel::Recipients) << QStringLiteral("Recipients")
                                << QStringLiteral("2,400") << QVariant(2400.0);
    QTest::newRow("size") << int(TopSendersModel::Size) << QStringLiteral("Size") << QStringLiteral("1.8 MB")
                          << QVariant(1536.0 * 1200);
}

void TestTopSendersModel::columns()
{
    QFETCH(int, column);
    QFETCH(QString, header);
    QFETCH(QString, text);
    QFETCH(QVariant, value);
    TopSendersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSenders({senderRow(QStringLiteral("anna@xn--bckerei-5wa.de"), 1200)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(TopSendersModel::ColumnCount));
    QCOMPARE(model.addressAt(0), QStringLiteral("anna@xn--bckerei-5wa.de"));
    QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), header);
    const QModelIndex cell = model.index(0, column);
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(cell.data(TopSendersModel::ValueRole), value);
    if (column != TopSendersModel::Sender)
        QCOMPARE(cell.data(Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignRight | Qt::AlignVCenter);
}

// A new answer removes the old rows and inserts its own; no reset.
void TestTopSendersModel::newAnswerReplacesTheRows()
{
    TopSendersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setSenders(
        {senderRow(QStringLiteral("a@example.com"), 9), senderRow(QStringLiteral("b@example.com"), 4)});
    QCOMPARE(removed.size(), 0);
    QCOMPARE(inserted.size(), 1);
    model.setSenders({senderRow(QStringLiteral("c@example.com"), 5)});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.addressAt(0), QStringLiteral("c@example.com"));
    model.setSenders({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

QTEST_GUILESS_MAIN(TestTopSendersModel)
#include "tst_topsendersmodel.moc"
