#include "Application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("mailadmin"));
    QApplication::setApplicationDisplayName(QStringLiteral("MailAdmin"));
    QApplication::setOrganizationName(QStringLiteral("MailAdmin"));
    QApplication::setApplicationVersion(QStringLiteral(MAILADMIN_VERSION));

    // The language comes first so that --help is translated too.
    QString language;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            language = args.at(i + 1);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            language = args.at(i).mid(7);
    }
    mailadmin::app::installTranslation(language);

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
    parser.process(app);

    mailadmin::app::Options options;
    options.demo = parser.isSet(demo);
    options.demoRole = parser.value(role);
    options.screenshotDir = parser.value(screenshot);
    options.language = language;
    static const QStringList roles = {QStringLiteral("operator"), QStringLiteral("company_admin"),
        QStringLiteral("company_readonly"), QStringLiteral("support"), QStringLiteral("domain_admin")};
    if (!roles.contains(options.demoRole)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Unknown role '%1'. Use one of: %2.\n")
                                   .arg(options.demoRole, roles.join(QStringLiteral(", ")));
        return 2;
    }
    if (!options.screenshotDir.isEmpty() && !options.demo) {
        QTextStream(stderr) << QCoreApplication::translate("main", "--screenshot needs --demo.\n");
        return 2;
    }

    mailadmin::app::Application application(options);
    application.start();
    const int code = app.exec();
    return code != 0 ? code : application.exitCode();
}
