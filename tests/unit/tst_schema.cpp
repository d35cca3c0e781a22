#include "Schema.h"

#include <QJsonArray>
#include <QTest>

using namespace mailadmin;

// The field rules shared by server and client: normalization, and one field error per problem.
class TestSchema : public QObject
{
    Q_OBJECT
private slots:
    void createNormalizes();
    void errors_data();
    void errors();
    void patchRules();
    void collectsAllErrors();
};

void TestSchema::createNormalizes()
{
    const QJsonObject input {{QStringLiteral("local_part"), QStringLiteral("Anna.Berg")},
        {QStringLiteral("display_name"), QStringLiteral("  Anna Berg  ")},
        {QStringLiteral("aliases"), QJsonArray {QStringLiteral("AB@Example.com")}},
        {QStringLiteral("quota"), 1073741824}};
    const Result<QJsonObject> out = EntitySchema::user().validate(input, EntitySchema::Mode::Create);
    QVERIFY(out.ok());
    QCOMPARE(out->value(QLatin1String("local_part")).toString(), QStringLiteral("anna.berg"));
    QCOMPARE(out->value(QLatin1String("display_name")).toString(), QStringLiteral("Anna Berg"));
    QCOMPARE(
        out->value(QLatin1String("aliases")).toArray().first().toString(), QStringLiteral("ab@example.com"));
}

void TestSchema::errors_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("code");
    const QJsonObject user {{QStringLiteral("local_part"), QStringLiteral("anna")}};
    auto with = [](QJsonObject o, const QString &k, const QJsonValue &v) {
        o.insert(k, v);
        return o;
    };
    QTest::newRow("unknown field") << "user" << with(user, QStringLiteral("colour"), 1) << "colour"
                                   << "unknown_field";
    QTest::newRow("read-only") << "user" << with(user, QStringLiteral("used_bytes"), 1) << "used_bytes"
                               << "read_only";
    QTest::newRow("wrong type") << "user" << with(user, QStringLiteral("quota"), QStringLiteral("big"))
                                << "quota"
                                << "type";
    QTest::newRow("fraction") << "user" << with(user, QStringLiteral("quota"), 1.5) << "quota"
                              << "type";
    QTest::newRow("negative") << "user" << with(user, QStringLiteral("quota"), -1) << "quota"
                              << "out_of_range";
    QTest::newRow("bad choice") << "user" << with(user, QStringLiteral("type"), QStringLiteral("robot"))
                                << "type"
                                << "invalid_choice";
    QTest::newRow("bad service") << "user"
                                 << with(user, QStringLiteral("services"),
                                        QJsonObject {{QStringLiteral("imap"), QStringLiteral("on")}})
                                 << "services.imap"
                                 << "invalid_choice";
    QTest::newRow("unknown protocol") << "user"
                                      << with(user, QStringLiteral("services"),
                                             QJsonObject {{QStringLiteral("ftp"), QStringLiteral("enabled")}})
                                      << "services.ftp"
                                      << "unknown_field";
    QTest::newRow("list item") << "user"
                               << with(user, QStringLiteral("forward_recipients"),
                                      QJsonArray {QStringLiteral("ok@example.com"), QStringLiteral("nope")})
                               << "forward_recipients[1]"
                               << "invalid";
    QTest::newRow("duplicate item") << "user"
                                    << with(user, QStringLiteral("forward_recipients"),
                                           QJsonArray {QStringLiteral("a@example.com"),
                                               QStringLiteral("A@example.com")})
                                    << "forward_recipients[1]"
                                    << "duplicate";
    QTest::newRow("control chars") << "user"
                                   << with(user, QStringLiteral("display_name"), QStringLiteral("An\x01na"))
                                   << "display_name"
                                   << "control_characters";
    QTest::newRow("too long") << "user"
                              << with(user, QStringLiteral("display_name"), QString(257, QLatin1Char('x')))
                              << "display_name"
                              << "too_long";
    QTest::newRow("missing") << "user" << QJsonObject {} << "local_part"
                             << "required";
    QTest::newRow("null not allowed")
        << "user" << with(user, QStringLiteral("quota"), QJsonValue::Null) << "quota"
        << "type";
    QTest::newRow("colour") << "brand"
                            << QJsonObject {{QStringLiteral("name"), QStringLiteral("B")},
                                   {QStringLiteral("primary_colour"), QStringLiteral("blue")}}
                            << "primary_colour"
                            << "invalid";
    QTest::newRow("base64") << "brand"
                            << QJsonObject {{QStringLiteral("name"), QStringLiteral("B")},
                                   {QStringLiteral("logo"), QStringLiteral("***")}}
                            << "logo"
                            << "invalid";
    QTest::newRow("contact type") << "contact"
                                  << QJsonObject {{QStringLiteral("type"), QStringLiteral("sales")},
                                         {QStringLiteral("name"), QStringLiteral("N")},
                                         {QStringLiteral("email"), QStringLiteral("n@example.com")}}
                                  << "type"
                                  << "invalid_choice";
    QTest::newRow("empty name") << "company" << QJsonObject {{QStringLiteral("name"), QStringLiteral("   ")}}
                                << "name"
                                << "required";
}

void TestSchema::errors()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, input);
    QFETCH(QString, field);
    QFETCH(QString, code);
    const EntitySchema &schema = entity == QLatin1String("user") ? EntitySchema::user()
        : entity == QLatin1String("brand")                       ? EntitySchema::brand()
        : entity == QLatin1String("contact")                     ? EntitySchema::contact()
                                                                 : EntitySchema::company();
    const Result<QJsonObject> out = schema.validate(input, EntitySchema::Mode::Create);
    QVERIFY(!out.ok());
    QCOMPARE(out.error().kind, ErrorKind::Invalid);
    bool found = false;
    for (const FieldError &e : out.error().fields) {
        if (e.field == field) {
            QCOMPARE(e.code, code);
            QVERIFY(!e.message.isEmpty());
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(field));
}

void TestSchema::patchRules()
{
    // Fields fixed at creation cannot be patched; required fields are not required in a patch.
    const Result<QJsonObject> out = EntitySchema::user().validate(
        QJsonObject {{QStringLiteral("local_part"), QStringLiteral("x")}}, EntitySchema::Mode::Patch);
    QVERIFY(!out.ok());
    QCOMPARE(out.error().fields.first().code, QStringLiteral("read_only"));
    QVERIFY(EntitySchema::user()
                .validate(QJsonObject {{QStringLiteral("quota"), 10}}, EntitySchema::Mode::Patch)
                .ok());
    QVERIFY(EntitySchema::user()
                .validate(QJsonObject {{QStringLiteral("version"), 3}}, EntitySchema::Mode::Patch)
                .ok());
}

void TestSchema::collectsAllErrors()
{
    const QJsonObject input {{QStringLiteral("local_part"), QStringLiteral("..")},
        {QStringLiteral("quota"), QStringLiteral("x")}, {QStringLiteral("nope"), true}};
    const Result<QJsonObject> out = EntitySchema::user().validate(input, EntitySchema::Mode::Create);
    QVERIFY(!out.ok());
    QCOMPARE(out.error().fields.size(), 3);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
