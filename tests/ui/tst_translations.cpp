#include "Application.h"
#include "Format.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Catalogue
{
    int messages = 0;
    QStringList unfinished; // "context: source" of each message without a finished translation
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue c;
    QFile ts(path);
    if (!ts.open(QIODevice::ReadOnly))
        return c;
    QXmlStreamReader xml(&ts);
    QString context, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            ++c.messages;
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished
                = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                c.unfinished << context + QStringLiteral(": ") + source;
        }
    }
    return c;
}

QString sourceDir()
{
    return QString::fromLocal8Bit(qgetenv("MAILADMIN_SOURCE_DIR"));
}

} // namespace

// The French catalogue is complete, covers every string of the sources, and is what the client loads
// with --lang fr.
class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void catalogueIsComplete();
    void catalogueCoversTheSources();
    void compiledCatalogueTranslates_data();
    void compiledCatalogueTranslates();
    void englishCataloguePluralizesEveryPluralMessage();
    void englishPluralsAreUsed();
    // Last: installs the French translators in this process.
    void frenchReachesQtAndValidation();
};

void TestTranslations::catalogueIsComplete()
{
    const Catalogue c = readCatalogue(sourceDir() + QStringLiteral("/translations/mailadmin_fr.ts"));
    QVERIFY(c.messages > 300);
    QVERIFY2(c.unfinished.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + c.unfinished.join(QStringLiteral("; "))));
}

// lupdate run over today's sources into a copy of the catalogue adds every string the catalogue lacks as
// unfinished: none may be, so a string added to the code without its translation fails here.
void TestTranslations::catalogueCoversTheSources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("mailadmin_fr.ts"));
    QVERIFY(QFile::copy(sourceDir() + QStringLiteral("/translations/mailadmin_fr.ts"), copy));
    QProcess lupdate;
    lupdate.setWorkingDirectory(sourceDir());
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(MAILADMIN_LUPDATE),
        {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
            QStringLiteral("none"), QStringLiteral("api"), QStringLiteral("models"), QStringLiteral("charts"),
            QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("common"), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
    const Catalogue committed = readCatalogue(sourceDir() + QStringLiteral("/translations/mailadmin_fr.ts"));
    const Catalogue fresh = readCatalogue(copy);
    QVERIFY2(fresh.unfinished.isEmpty(),
        qPrintable(QStringLiteral("not in translations/mailadmin_fr.ts (build the update_translations target, "
                                  "then translate them in Qt Linguist): ")
            + fresh.unfinished.join(QStringLiteral("; "))));
    QCOMPARE(fresh.messages, committed.messages); // no string kept that the code no longer has
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

// Every message with a count in the French catalogue has its English singular and plural, so no English
// text reads "1 user(s)".
void TestTranslations::englishCataloguePluralizesEveryPluralMessage()
{
    const auto numerusMessages = [](const QString &path) {
        QFile ts(path);
        QStringList found;
        if (!ts.open(QIODevice::ReadOnly))
            return found;
        QXmlStreamReader xml(&ts);
        QString context;
        bool numerus = false;
        QString source;
        int forms = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                forms = 0;
            } else if (xml.isStartElement() && xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                if (!xml.readElementText().trimmed().isEmpty())
                    ++forms;
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message") && numerus && forms == 2) {
                found << context + QStringLiteral(": ") + source;
            }
        }
        return found;
    };
    const QStringList french = numerusMessages(sourceDir() + QStringLiteral("/translations/mailadmin_fr.ts"));
    const QStringList english = numerusMessages(sourceDir() + QStringLiteral("/translations/mailadmin_en.ts"));
    QVERIFY(french.size() > 20);
    QStringList missing;
    for (const QString &m : french) {
        if (!english.contains(m))
            missing << m;
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("no English plural forms in translations/mailadmin_en.ts: ")
            + missing.join(QStringLiteral("; "))));
}

void TestTranslations::englishPluralsAreUsed()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/mailadmin_en.qm")));
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(QCoreApplication::translate("mailadmin::ui::DomainPage", "%n user(s)", nullptr, 1), QStringLiteral("1 user"));
    QCOMPARE(QCoreApplication::translate("mailadmin::ui::DomainPage", "%n user(s)", nullptr, 1725), QStringLiteral("1,725 users"));
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale::c());
}

void TestTranslations::frenchReachesQtAndValidation()
{
    mailadmin::app::installTranslation(QStringLiteral("fr"));
    // Qt's own buttons (qtbase_fr), as QDialogButtonBox names them.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    // Status words agree with what they qualify: a user account is masculine, a company feminine.
    QCOMPARE(mailadmin::format::status(QStringLiteral("suspended")), QStringLiteral("Suspendu"));
    QCOMPARE(mailadmin::format::companyStatus(QStringLiteral("suspended")), QStringLiteral("Suspendue"));
    // The checks shared with the server speak the client's language.
    QCOMPARE(mailadmin::validation::normalizeLocalPart(QString()).message,
        QStringLiteral("Un nom de boîte aux lettres est obligatoire."));
    QCOMPARE(mailadmin::validation::normalizeEmail(QStringLiteral("a..b@example.com")).message.left(28),
        QStringLiteral("La partie d'une adresse e-ma"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
