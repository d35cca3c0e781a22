#include "Application.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The French catalogue is complete and is what the client loads with --lang fr.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void catalogueIsComplete();
    void compiledCatalogueTranslates_data();
    void compiledCatalogueTranslates();
    // Last: installs the French translators in this process.
    void frenchReachesQtAndValidation();
};

void TestTranslations::catalogueIsComplete()
{
    QFile ts(QString::fromLocal8Bit(qgetenv("MAILADMIN_SOURCE_DIR"))
        + QStringLiteral("/translations/mailadmin_fr.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    int messages = 0, unfinished = 0, empty = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("message"))
            ++messages;
        if (xml.name() == QLatin1String("translation")) {
            if (xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished"))
                ++unfinished;
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (text.trimmed().isEmpty())
                ++empty;
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 300);
    QCOMPARE(unfinished, 0);
    QCOMPARE(empty, 0);
}

void TestTranslations::compiledCatalogueTranslates_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("french");
    QTest::newRow("area") << "MainWindow"
                          << "Users"
                          << "Utilisateurs";
    QTest::newRow("format") << "Format"
                            << "never"
                            << "jamais";
    QTest::newRow("error") << "ApiError"
                           << "Your role does not allow this."
                           << "Votre rôle ne le permet pas.";
    QTest::newRow("editor") << "mailadmin::ui::EditorPage"
                            << "Save"
                            << "Enregistrer";
}

void TestTranslations::compiledCatalogueTranslates()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, french);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/mailadmin_fr.qm")));
    QCOMPARE(translator.translate(context.toLatin1().constData(), source.toUtf8().constData()), french);
}

void TestTranslations::frenchReachesQtAndValidation()
{
    mailadmin::app::installTranslation(QStringLiteral("fr"));
    // Qt's own buttons (qtbase_fr), as QDialogButtonBox names them.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    // The checks shared with the server speak the client's language.
    QCOMPARE(mailadmin::validation::normalizeLocalPart(QString()).message,
        QStringLiteral("Un nom de boîte aux lettres est obligatoire."));
    QCOMPARE(mailadmin::validation::normalizeEmail(QStringLiteral("a..b@example.com")).message.left(28),
        QStringLiteral("La partie d'une adresse e-ma"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
