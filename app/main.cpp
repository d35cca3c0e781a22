#include "Application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

namespace {

// The language comes first so that --help is translated too.
QString languageOf(const QStringList &args)
{
    QString language;
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            language = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            language = args.at(i).mid(7);
    }
    return language;
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("mailadmin"));
    QCoreApplication::setOrganizationName(QStringLiteral("MailAdmin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILADMIN_VERSION));
}

struct Parsed
{
    mailadmin::app::Options options;
    int exitCode = -1; // >= 0: stop here with this code
};

Parsed parse(const QCoreApplication &app, const QString &language)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "MailAdmin: the Mail Administration Center."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start a demo server with generated data and sign in."));
    const QCommandLineOption role(QStringLiteral("demo-role"),
        QCoreApplication::translate(
            "main", "Demo role: operator, company_admin, company_readonly, support or domain_admin."),
        QStringLiteral("role"), QStringLiteral("company_admin"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Write each main page as a PNG into DIR and quit."),
        QStringLiteral("dir"));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QCoreApplication::translate("main", "Language of the interface (en, fr)."), QStringLiteral("lang"));
    parser.addOptions({demo, role, screenshot, lang});
    parser.process(app); // --help, --version and unknown options end here

    Parsed parsed;
    parsed.options.demo = parser.isSet(demo);
    parsed.options.demoRole = parser.value(role);
    parsed.options.screenshotDir = parser.value(screenshot);
    parsed.options.language = language;
    static const QStringList roles = {QStringLiteral("operator"), QStringLiteral("company_admin"),
        QStringLiteral("company_readonly"), QStringLiteral("support"), QStringLiteral("domain_admin")};
    if (!roles.contains(parsed.options.demoRole)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Unknown role '%1'. Use one of: %2.\n")
                                   .arg(parsed.options.demoRole, roles.join(QStringLiteral(", ")));
        parsed.exitCode = 2;
    } else if (!parsed.options.screenshotDir.isEmpty() && !parsed.options.demo) {
        QTextStream(stderr) << QCoreApplication::translate("main", "--screenshot needs --demo.\n");
        parsed.exitCode = 2;
    }
    return parsed;
}

} // namespace

int main(int argc, char *argv[])
{
    // The command line is read without a display (QCoreApplication): --help, --version and mistakes are
    // answered on a server or in a terminal without X; only then does the GUI application start.
    Parsed parsed;
    {
        QCoreApplication probe(argc, argv);
        nameApplication();
        const QString language = languageOf(QCoreApplication::arguments());
        mailadmin::app::installTranslation(language);
        parsed = parse(probe, language);
        if (parsed.exitCode >= 0)
            return parsed.exitCode;
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("MailAdmin"));
    mailadmin::app::installTranslation(parsed.options.language);

    mailadmin::app::Application application(parsed.options);
    application.start();
    const int code = app.exec();
    return code != 0 ? code : application.exitCode();
}
