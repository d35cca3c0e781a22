#include "ServerApp.h"

#include "ConfigFile.h"
#include "LogFormat.h"
#include "ServerLog.h"
#include "SystemdNotify.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionManager.h"
#include "http/Api.h"
#include "http/HttpServer.h"
#include "mail/MailConf.h"
#include "mail/PolicyServer.h"
#include "notify/BulletinSender.h"
#include "notify/IncidentNotifier.h"
#include "notify/Notifier.h"
#include "service/AdminService.h"
#include "service/DemoSeeder.h"
#include "service/DomainService.h"
#include "service/OutboundService.h"
#include "service/UserService.h"
#include "stats/DemoActivity.h"
#include "stats/IngestService.h"
#include "stats/LogIngest.h"
#include "stats/LogIngestCollector.h"
#include "stats/LogIngestDatabase.h"
#include "stats/OutageDetector.h"
#include "stats/SpikeDetector.h"
#include "store/Database.h"
#include "store/StatsRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>
#include <ctime>

#include <pthread.h>

namespace mailadmin::server {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}
QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = 1)
{
    err() << "mailadmind: " << message << Qt::endl;
    return code;
}

QString commandsHelp()
{
    return QStringLiteral("Usage: mailadmind <command> [options]\n\n"
                          "The MailAdmin admin REST server.\n\n"
                          "Commands:\n"
                          "  serve       Serve the REST API (/api/v1) over HTTP or HTTPS\n"
                          "  init        Create the database schema and the first operator\n"
                          "  seed-demo   Fill a database with a realistic, deterministic demo directory\n"
                          "  ingest      Read Dovecot, Postfix, Roundcube and doveadm quota logs into stats\n"
                          "  detect      Judge outbound volume for spikes, or mail store logins for outages\n"
                          "  mailconf    Write Dovecot and Postfix configuration that reads the database\n\n"
                          "Run 'mailadmind <command> --help' for the options of a command.\n");
}

// The options every command has: --help, --config and --log-format.
QList<QCommandLineOption> commonOptions()
{
    return {
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")),
        QCommandLineOption(QStringLiteral("config"),
            QStringLiteral("Configuration file whose keys are this command's flags (default %1 when it "
                           "exists); flags on the command line win.")
                .arg(defaultConfigPath()),
            QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("log-format"),
            QStringLiteral("Log lines as text (the default) or json, one object a line."),
            QStringLiteral("text|json"), QStringLiteral("text")),
    };
}

// Parses the command line, then again with the configuration file's keys placed ahead of it (unless
// --help); the parser must know the command's options. An error is the message to print.
std::optional<QString> parseWithConfig(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return parser.errorText() + QStringLiteral("\nRun with --help for the options.");
    if (parser.isSet(QStringLiteral("help")))
        return std::nullopt;
    const QString path = parser.isSet(QStringLiteral("config")) ? parser.value(QStringLiteral("config"))
        : QFileInfo::exists(defaultConfigPath())                ? defaultConfigPath()
                                                                : QString();
    if (path.isEmpty())
        return std::nullopt;
    const Result<ConfigFile> file = ConfigFile::read(path);
    if (!file.ok())
        return file.error().detail;
    const QString command = arguments.first().section(QLatin1Char(' '), -1);
    const Result<QStringList> combined = file.value().apply(parser, arguments, command);
    if (!combined.ok())
        return combined.error().detail;
    if (!parser.parse(combined.value()))
        return path + QStringLiteral(": ") + parser.errorText();
    return std::nullopt;
}

// Parses the options of one command; on --help or a bad flag prints and returns an exit code.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
    const QString &positional = QString())
{
    if (!positional.isEmpty())
        parser.addPositionalArgument(positional, QStringLiteral("Log files to read (- for standard input)."),
            positional + QStringLiteral("..."));
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(commonOptions());
    if (const std::optional<QString> error = parseWithConfig(parser, arguments))
        return fail(*error, 2);
    const QString logFormat = parser.value(QStringLiteral("log-format"));
    if (logFormat == QLatin1String("json"))
        useJsonLog();
    else if (logFormat != QLatin1String("text"))
        return fail(QStringLiteral("--log-format takes text or json."), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        QString text = parser.helpText();
        text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        out() << "Usage: " << arguments.first() << " [options]"
              << (positional.isEmpty() ? QString() : QStringLiteral(" FILE...")) << '\n'
              << text;
        out().flush();
        return 0;
    }
    if (positional.isEmpty() && !parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("Unexpected argument '%1'.").arg(parser.positionalArguments().first()), 2);
    return std::nullopt;
}

QCommandLineOption dbOption()
{
    return QCommandLineOption(
        QStringLiteral("db"), QStringLiteral("SQLite database file."), QStringLiteral("path"));
}

Result<std::shared_ptr<store::Database>> openDatabase(const QString &path)
{
    store::Database::Options options;
    options.path = path;
    return store::Database::open(options);
}

QString readSecretLine()
{
    QTextStream in(stdin);
    return in.readLine();
}

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:8440; port 0 picks a free one)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8440"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"),
        QStringLiteral("TLS certificate (PEM) to serve HTTPS."), QStringLiteral("file"));
    const QCommandLineOption key(
        QStringLiteral("tls-key"), QStringLiteral("TLS private key (PEM)."), QStringLiteral("file"));
    const QCommandLineOption threads(QStringLiteral("threads"),
        QStringLiteral("Worker threads that run the API (default 64); waiting connections hold none."),
        QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
        QStringLiteral("Open connections at most (default 4096); at the bound the one waiting longest for a "
                       "request is closed."),
        QStringLiteral("n"), QStringLiteral("4096"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Do not log each request."));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
        QStringLiteral("Largest request body in bytes (default 8 MiB)."), QStringLiteral("bytes"),
        QString::number(8 * 1024 * 1024));
    const QCommandLineOption smtpUrl(QStringLiteral("smtp-url"),
        QStringLiteral("SMTP server for alerts and reports, such as smtp://mail.example.com:587."),
        QStringLiteral("url"));
    const QCommandLineOption smtpStartTls(
        QStringLiteral("smtp-starttls"), QStringLiteral("Require STARTTLS on the SMTP connection."));
    const QCommandLineOption smtpUser(QStringLiteral("smtp-user"),
        QStringLiteral("SMTP login (the password comes from MAILADMIN_SMTP_PASSWORD)."),
        QStringLiteral("login"));
    const QCommandLineOption mailFrom(QStringLiteral("mail-from"),
        QStringLiteral("Sender address of the server's mail."), QStringLiteral("address"),
        QStringLiteral("mailadmin@localhost"));
    const QCommandLineOption retention(QStringLiteral("retention-days"),
        QStringLiteral("Days raw stats events are kept (default 35)."), QStringLiteral("days"),
        QStringLiteral("35"));
    const QCommandLineOption policyListen(QStringLiteral("policy-listen"),
        QStringLiteral("Answer Postfix's check_policy_service on host:port or unix:PATH."),
        QStringLiteral("address"));
    const QCommandLineOption policyThreads(QStringLiteral("policy-threads"),
        QStringLiteral("Threads of the policy service (default 4)."), QStringLiteral("n"),
        QStringLiteral("4"));
    const QCommandLineOption postfixConfig(QStringLiteral("postfix-config"),
        QStringLiteral("Postfix config_directory on this machine, where releasing held mail runs postsuper."),
        QStringLiteral("dir"));
    const QCommandLineOption bulletinDelivery(QStringLiteral("bulletin-delivery"),
        QStringLiteral(
            "Where bulletins enter the mailboxes: Dovecot's LMTP (lmtp://host:port) or an SMTP server "
            "such as Postfix (smtp://host:port)."),
        QStringLiteral("url"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
        QStringLiteral("Least level logged: debug, info (the default), warning or error."),
        QStringLiteral("level"), QStringLiteral("info"));
    const QList<QCommandLineOption> serveOptions = {db, listen, cert, key, threads, maxConnections, quiet,
        maxBody, smtpUrl, smtpStartTls, smtpUser, mailFrom, retention, policyListen, policyThreads,
        postfixConfig, bulletinDelivery, logLevel};
    parser.addOptions(serveOptions);
    if (auto code = parse(parser, arguments, QStringLiteral("Serve the MailAdmin REST API.")))
        return *code;
    if (!parser.isSet(db))
        return fail(QStringLiteral("serve needs --db PATH."), 2);

    http::ServerOptions options;
    const QString hostPort = parser.value(listen);
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    options.port = colon > 0 ? hostPort.mid(colon + 1).toInt(&portOk) : 0;
    options.host = colon > 0 ? hostPort.left(colon) : QString();
    if (!portOk || options.port < 0 || options.port > 65535 || options.host.isEmpty())
        return fail(QStringLiteral("--listen takes host:port, such as 127.0.0.1:8440."), 2);
    options.tlsCertificate = parser.value(cert);
    options.tlsKey = parser.value(key);
    bool ok = false;
    options.threads = parser.value(threads).toInt(&ok);
    if (!ok || options.threads < 2 || options.threads > 1024)
        return fail(QStringLiteral("--threads takes a number from 2 to 1024."), 2);
    options.maxConnections = parser.value(maxConnections).toInt(&ok);
    if (!ok || options.maxConnections < 16 || options.maxConnections > 1'000'000)
        return fail(QStringLiteral("--max-connections takes a number from 16 to 1000000."), 2);
    options.maxBodyBytes = parser.value(maxBody).toULongLong(&ok);
    if (!ok || options.maxBodyBytes < 1024)
        return fail(QStringLiteral("--max-body takes a number of bytes, at least 1024."), 2);
    if (!setLogLevel(parser.value(logLevel), parser.isSet(quiet)))
        return fail(QStringLiteral("--log-level takes debug, info, warning or error."), 2);
    notify::SmtpSettings smtp;
    smtp.url = parser.value(smtpUrl);
    smtp.startTls = parser.isSet(smtpStartTls);
    smtp.user = parser.value(smtpUser);
    smtp.password = qEnvironmentVariable("MAILADMIN_SMTP_PASSWORD");
    smtp.from = parser.value(mailFrom);
    if (!smtp.url.isEmpty() && !smtp.url.startsWith(QLatin1String("smtp://"))
        && !smtp.url.startsWith(QLatin1String("smtps://")))
        return fail(QStringLiteral("--smtp-url starts with smtp:// or smtps://."), 2);
    notify::DeliverySettings bulletins;
    bulletins.url = parser.value(bulletinDelivery);
    bulletins.from = smtp.from;
    if (!bulletins.url.isEmpty()) {
        if (const QString problem = notify::DeliverySettings::check(bulletins.url); !problem.isEmpty())
            return fail(QStringLiteral("--bulletin-delivery: %1.").arg(problem), 2);
    }
    const int retentionDays = parser.value(retention).toInt(&ok);
    if (!ok || retentionDays < 1 || retentionDays > 3650)
        return fail(QStringLiteral("--retention-days takes a number from 1 to 3650."), 2);

    const int policyThreadCount = parser.value(policyThreads).toInt(&ok);
    if (!ok || policyThreadCount < 1 || policyThreadCount > 256)
        return fail(QStringLiteral("--policy-threads takes a number from 1 to 256."), 2);
    service::OutboundService::setPostfixConfig(parser.value(postfixConfig));

    if (!QFileInfo::exists(parser.value(db)))
        return fail(QStringLiteral("The database %1 does not exist; create it with 'mailadmind init'.")
                        .arg(parser.value(db)));
    const auto database = openDatabase(parser.value(db));
    if (!database.ok())
        return fail(database.error().detail);

    // Signals are taken by a dedicated thread so that stopping happens outside a signal handler.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    std::unique_ptr<mail::PolicyServer> policy;
    if (parser.isSet(policyListen)) {
        policy = std::make_unique<mail::PolicyServer>(*database.value(),
            mail::PolicyServer::Options {parser.value(policyListen), policyThreadCount, 300});
        const Result<int> bound = policy->start();
        if (!bound.ok())
            return fail(bound.error().detail, bound.error().kind == ErrorKind::Invalid ? 2 : 1);
        out() << "policy service listening on "
              << (bound.value() > 0 ? parser.value(policyListen)
                                          .left(parser.value(policyListen).lastIndexOf(QLatin1Char(':')))
                             + QLatin1Char(':') + QString::number(bound.value())
                                    : parser.value(policyListen))
              << Qt::endl;
    }

    auth::SessionManager sessions(*database.value());
    http::Api api(*database.value(), sessions);
    http::HttpServer server(api, options);
    const Result<int> port = server.bind();
    if (!port.ok())
        return fail(port.error().detail);
    const QString scheme
        = options.tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    out() << "mailadmind " << MAILADMIN_VERSION << " listening on " << scheme << "://" << options.host << ':'
          << port.value() << " (database " << QFileInfo(parser.value(db)).absoluteFilePath() << ")"
          << Qt::endl;
    notifySystemd("READY=1");

    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    // SIGHUP: the configuration file read again, and what can change while running applied (log level and
    // format, the TLS certificate and key); the rest needs a restart. A file that does not parse, or a
    // certificate that does not load, changes nothing.
    const auto reload = [&] {
        timespec monotonic {};
        clock_gettime(CLOCK_MONOTONIC, &monotonic);
        notifySystemd(QByteArray("RELOADING=1\nMONOTONIC_USEC="
            + QByteArray::number(qint64(monotonic.tv_sec) * 1000000 + monotonic.tv_nsec / 1000))
                          .constData());
        QCommandLineParser again;
        again.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
        again.addOptions(serveOptions);
        again.addOptions(commonOptions());
        std::optional<QString> error = parseWithConfig(again, arguments);
        const QString format = again.value(QStringLiteral("log-format"));
        if (!error && format != QLatin1String("text") && format != QLatin1String("json"))
            error = QStringLiteral("--log-format takes text or json.");
        if (!error && !QStringList {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                          QStringLiteral("error")}
                           .contains(again.value(logLevel)))
            error = QStringLiteral("--log-level takes debug, info, warning or error.");
        if (!error && options.tlsCertificate.isEmpty()
            && (!again.value(cert).isEmpty() || !again.value(key).isEmpty()))
            error = QStringLiteral("Turning HTTPS on takes a restart.");
        if (!error && !options.tlsCertificate.isEmpty()) {
            if (const Status s = server.reloadTls(again.value(cert), again.value(key)); !s.ok())
                error = s.error().detail;
        }
        if (error) {
            qCWarning(lcServer).noquote() << "reload refused; the running settings stay:" << *error;
        } else {
            if (format == QLatin1String("json"))
                useJsonLog();
            else
                useTextLog();
            setLogLevel(again.value(logLevel), again.isSet(quiet));
            out() << "mailadmind configuration reloaded: log level " << again.value(logLevel) << ", "
                  << format << " log lines" << Qt::endl;
        }
        notifySystemd("READY=1");
    };
    std::thread signalThread([&] {
        int received = 0;
        for (sigwait(&stopSignals, &received); received == SIGHUP; sigwait(&stopSignals, &received))
            reload();
        {
            std::lock_guard lock(mutex);
            if (stopping)
                return;
            stopping = true;
        }
        wake.notify_all();
        server.stop();
    });
    // Background work: large ingest batches folded into the rollups every second, mail store logins judged
    // for outages every 15 seconds, outbound spikes judged every minute, mail sent every few seconds, and
    // every ten minutes housekeeping (expired sessions, deleted objects past their 30 days, raw events past
    // retention).
    std::thread maintenance([&] {
        service::Context ctx {*database.value(), sessions};
        const notify::Notifier notifier(*database.value(), smtp);
        qint64 lastJudged = 0, lastHousekeeping = 0, lastMail = 0, lastOutageCheck = 0;
        for (;;) {
            const qint64 now = auth::Clock::now();
            if (const Result<qint64> folded = service::IngestService(ctx).foldPending(); !folded.ok())
                qCWarning(lcServer) << "folding stats failed:" << folded.error().detail;
            if (now - lastHousekeeping >= 600) {
                lastHousekeeping = now;
                (void)sessions.sweep();
                for (const QString &sql : database.value()->dialect().optimize())
                    (void)database.value()->execute(sql);
                (void)service::DomainService(ctx).purgeExpired();
                (void)service::UserService(ctx).purgeExpired();
                (void)store::StatsRepository(*database.value())
                    .purgeRawBefore(now - qint64(retentionDays) * 86400);
            }
            if (now - lastOutageCheck >= 15) {
                lastOutageCheck = now;
                const Result<int> suggested = service::OutageDetector(*database.value()).judgeRecent(now);
                if (!suggested.ok())
                    qCWarning(lcServer) << "outage check failed:" << suggested.error().detail;
                else if (suggested.value() > 0)
                    qCInfo(lcServer) << suggested.value() << "new outage suggestions";
            }
            if (now - lastJudged >= 60) {
                lastJudged = now;
                const Result<int> alerts = service::SpikeDetector(ctx).judgeRecent();
                if (!alerts.ok())
                    qCWarning(lcServer) << "spike check failed:" << alerts.error().detail;
                else if (alerts.value() > 0)
                    qCInfo(lcServer) << alerts.value() << "new outbound alerts";
            }
            // Scheduled maintenance: its reminder and its start.
            if (const Result<int> n = notify::IncidentNotifier(*database.value()).tick(now); !n.ok())
                qCWarning(lcServer) << "incident schedule failed:" << n.error().detail;
            // Bulletins into the mailboxes, every second while any are due.
            if (bulletins.isConfigured()) {
                const Result<int> delivered
                    = notify::BulletinSender(*database.value(), bulletins).deliver(now);
                if (!delivered.ok())
                    qCWarning(lcServer) << "bulletin delivery failed:" << delivered.error().detail;
            }
            if (!smtp.url.isEmpty() && now - lastMail >= 5) {
                lastMail = now;
                (void)notifier.queueAlertMails();
                (void)notifier.queueDueReports(now);
                const Result<int> sent = notifier.deliver(now);
                if (!sent.ok())
                    qCWarning(lcServer) << "mail delivery failed:" << sent.error().detail;
            }
            std::unique_lock lock(mutex);
            if (wake.wait_for(lock, std::chrono::seconds(1), [&] { return stopping; }))
                return;
        }
    });
    server.run();
    notifySystemd("STOPPING=1");
    {
        std::lock_guard lock(mutex);
        if (!stopping) {
            stopping = true;
            pthread_kill(signalThread.native_handle(), SIGTERM);
        }
    }
    wake.notify_all();
    signalThread.join();
    maintenance.join();
    if (policy)
        policy->stop();
    out() << "mailadmind stopped" << Qt::endl;
    return 0;
}

int init(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption operatorLogin(
        QStringLiteral("operator"), QStringLiteral("Login of the first operator."), QStringLiteral("login"));
    const QCommandLineOption stdinPassword(QStringLiteral("password-stdin"),
        QStringLiteral("Read the operator's password from standard input instead of generating one."));
    parser.addOptions({db, operatorLogin, stdinPassword});
    if (auto code = parse(parser, arguments, QStringLiteral("Create the schema and the first operator.")))
        return *code;
    if (!parser.isSet(db) || !parser.isSet(operatorLogin))
        return fail(QStringLiteral("init needs --db PATH and --operator LOGIN."), 2);
    const auto database = openDatabase(parser.value(db));
    if (!database.ok())
        return fail(database.error().detail);
    const bool generated = !parser.isSet(stdinPassword);
    const QString password = generated ? auth::PasswordHasher::generate(20) : readSecretLine();
    auth::SessionManager sessions(*database.value());
    const service::AdminService admins(service::Context {*database.value(), sessions});
    const Result<store::Record> admin = admins.bootstrapOperator(parser.value(operatorLogin), password);
    if (!admin.ok()) {
        QString message = admin.error().detail;
        for (const FieldError &f : admin.error().fields)
            message += QStringLiteral("\n  %1: %2").arg(f.field, f.message);
        return fail(message);
    }
    out() << "Created database " << QFileInfo(parser.value(db)).absoluteFilePath() << " (schema version "
          << store::Database::latestSchemaVersion() << ")" << Qt::endl;
    out() << "Operator: " << admin->data.value(QLatin1String("login")).toString() << Qt::endl;
    if (generated)
        out() << "Password: " << password << "  (shown once; keep it safe)" << Qt::endl;
    return 0;
}

int seedDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Random seed (same seed, same data)."), QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption companies(QStringLiteral("companies"), QStringLiteral("Companies (default 3)."),
        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption domains(QStringLiteral("domains"), QStringLiteral("Domains (default 40)."),
        QStringLiteral("n"), QStringLiteral("40"));
    const QCommandLineOption users(QStringLiteral("users"),
        QStringLiteral("Users spread over the domains (default 20000)."), QStringLiteral("n"),
        QStringLiteral("20000"));
    const QCommandLineOption big(QStringLiteral("big-domain-users"),
        QStringLiteral("Add one more domain with this many users."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption stdinPassword(QStringLiteral("password-stdin"),
        QStringLiteral("Read the demo admins' password from standard input."));
    const QCommandLineOption fast(QStringLiteral("fast-hash"),
        QStringLiteral("Hash demo passwords with the cheapest argon2id settings (demo and tests only)."));
    const QCommandLineOption activityDays(QStringLiteral("activity-days"),
        QStringLiteral("Days of mail activity to write (default 90; 0 for none)."), QStringLiteral("n"),
        QStringLiteral("90"));
    const QCommandLineOption spikesFile(QStringLiteral("spikes-file"),
        QStringLiteral("Write the injected outbound spikes (the ground truth) to this JSON file."),
        QStringLiteral("path"));
    const QCommandLineOption noDetect(
        QStringLiteral("no-detect"), QStringLiteral("Do not judge the written activity for spikes."));
    parser.addOptions(
        {db, seed, companies, domains, users, big, stdinPassword, fast, activityDays, spikesFile, noDetect});
    if (auto code = parse(parser, arguments, QStringLiteral("Write a realistic demo directory.")))
        return *code;
    if (!parser.isSet(db))
        return fail(QStringLiteral("seed-demo needs --db PATH."), 2);
    service::DemoOptions options;
    bool ok = false;
    const auto number = [&](const QCommandLineOption &option, qint64 min, qint64 max) -> qint64 {
        const qint64 n = parser.value(option).toLongLong(&ok);
        if (!ok || n < min || n > max) {
            ok = false;
            fail(QStringLiteral("--%1 takes a number from %2 to %3.")
                     .arg(option.names().first())
                     .arg(min)
                     .arg(max),
                2);
        }
        return n;
    };
    options.seed = quint64(number(seed, 0, std::numeric_limits<qint64>::max()));
    if (!ok)
        return 2;
    options.companies = int(number(companies, 1, 1000));
    if (!ok)
        return 2;
    options.domains = int(number(domains, 1, 100000));
    if (!ok)
        return 2;
    options.users = int(number(users, 0, 5'000'000));
    if (!ok)
        return 2;
    options.bigDomainUsers = int(number(big, 0, 5'000'000));
    if (!ok)
        return 2;
    stats::ActivityOptions activity;
    activity.seed = options.seed;
    activity.days = int(number(activityDays, 0, 400));
    if (!ok)
        return 2;
    const bool generated = !parser.isSet(stdinPassword);
    options.adminPassword = generated ? auth::PasswordHasher::generate(16) : readSecretLine();
    if (parser.isSet(fast))
        auth::PasswordHasher::setStrength(auth::PasswordHasher::Strength::Fast);

    const auto database = openDatabase(parser.value(db));
    if (!database.ok())
        return fail(database.error().detail);
    QElapsedTimer timer;
    timer.start();
    const Result<service::DemoSummary> summary = service::DemoSeeder(*database.value()).seed(options);
    if (!summary.ok())
        return fail(summary.error().detail);
    out() << "Seeded " << summary->companies << " companies, " << summary->domains << " domains, "
          << summary->users << " users in " << timer.elapsed() << " ms" << Qt::endl;
    if (!summary->bigDomain.isEmpty())
        out() << "Large domain: " << summary->bigDomain << Qt::endl;
    if (activity.days > 0) {
        timer.restart();
        const Result<stats::ActivitySummary> written = stats::DemoActivity(*database.value()).write(activity);
        if (!written.ok())
            return fail(written.error().detail);
        out() << "Wrote " << activity.days << " days of activity for " << written->activeUsers
              << " mailboxes: " << written->rollupRows << " rollup rows, " << written->rawEvents
              << " raw events, " << written->incidents.size() << " injected spikes in " << timer.elapsed()
              << " ms" << Qt::endl;
        if (parser.isSet(spikesFile)) {
            QFile file(parser.value(spikesFile));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(QStringLiteral("Cannot write %1.").arg(parser.value(spikesFile)));
            file.write(
                QJsonDocument(QJsonObject {{QStringLiteral("incidents"), written->incidents}}).toJson());
        }
        if (!parser.isSet(noDetect)) {
            timer.restart();
            auth::SessionManager sessions(*database.value());
            const qint64 today = auth::Clock::now() / 86400;
            const Result<int> alerts = service::SpikeDetector(service::Context {*database.value(), sessions})
                                           .scan(today - activity.days + 1, today, true);
            if (!alerts.ok())
                return fail(alerts.error().detail);
            out() << "Spike check: " << alerts.value() << " alerts in " << timer.elapsed() << " ms"
                  << Qt::endl;
            timer.restart();
            const qint64 lastMinute = auth::Clock::now() / 60 - 1;
            const Result<int> outages
                = service::OutageDetector(*database.value())
                      .scan(lastMinute - std::min(activity.days, 2) * 1440 + 1, lastMinute);
            if (!outages.ok())
                return fail(outages.error().detail);
            out() << "Outage check: " << written->outages.size() << " injected, " << outages.value()
                  << " suggested in " << timer.elapsed() << " ms" << Qt::endl;
        }
    }
    out() << "Admins:" << Qt::endl;
    for (const QString &login : summary->adminLogins)
        out() << "  " << login << Qt::endl;
    if (generated)
        out() << "Password of every demo admin: " << options.adminPassword << Qt::endl;
    return 0;
}

volatile std::sig_atomic_t g_stopIngest = 0;

void requestStop(int)
{
    g_stopIngest = 1;
}

int ingest(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption server(QStringLiteral("server"),
        QStringLiteral("Send to this server's ingest API, such as https://admin.example.com:8440."),
        QStringLiteral("url"));
    const QCommandLineOption login(QStringLiteral("login"),
        QStringLiteral("Collector login for --server (the password comes from "
                       "MAILADMIN_PASSWORD or --password-file)."),
        QStringLiteral("login"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"),
        QStringLiteral("File holding the collector's password."), QStringLiteral("file"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
        QStringLiteral("Certificate authority (PEM) to trust for --server."), QStringLiteral("file"));
    const QCommandLineOption insecure(
        QStringLiteral("insecure"), QStringLiteral("Do not check the server's certificate (testing only)."));
    const QCommandLineOption format(QStringLiteral("format"),
        QStringLiteral("auto, dovecot, postfix, roundcube or doveadm-quota (default auto)."),
        QStringLiteral("format"), QStringLiteral("auto"));
    const QCommandLineOption follow(QStringLiteral("follow"),
        QStringLiteral("Keep reading what is appended, through log rotation, until stopped."));
    const QCommandLineOption zone(QStringLiteral("timezone"),
        QStringLiteral("Time zone of stamps without an offset (default: this machine's)."),
        QStringLiteral("zone"));
    const QCommandLineOption batch(QStringLiteral("batch"),
        QStringLiteral("Events per batch (default 5000, at most 10000)."), QStringLiteral("n"),
        QStringLiteral("5000"));
    const QCommandLineOption reread(QStringLiteral("reread"),
        QStringLiteral("Read the files from their start and count them again, ignoring how far earlier runs "
                       "read."));
    const QCommandLineOption state(QStringLiteral("state"),
        QStringLiteral("With --server: keep how far each file was read in this file, so a later run goes on "
                       "from there (with --db the database keeps it)."),
        QStringLiteral("file"));
    parser.addOptions(
        {db, server, login, passwordFile, caFile, insecure, format, follow, zone, batch, reread, state});
    if (auto code = parse(parser, arguments, QStringLiteral("Read mail-server logs into MailAdmin's stats."),
            QStringLiteral("files")))
        return *code;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return fail(QStringLiteral("ingest needs at least one log file (- for standard input)."), 2);
    if (parser.isSet(db) == parser.isSet(server))
        return fail(QStringLiteral("ingest needs either --db PATH or --server URL."), 2);
    stats::IngestRun run;
    run.files = files;
    const std::optional<stats::LogFormat> chosen = stats::logFormatFromName(parser.value(format));
    if (!chosen)
        return fail(QStringLiteral("--format takes auto, dovecot, postfix, roundcube or doveadm-quota."), 2);
    run.format = *chosen;
    if (parser.isSet(zone)) {
        run.zone = QTimeZone(parser.value(zone).toUtf8());
        if (!run.zone.isValid())
            return fail(QStringLiteral("Unknown time zone '%1'; use a name such as Europe/Paris or UTC.")
                            .arg(parser.value(zone)),
                2);
    }
    bool ok = false;
    run.batchSize = parser.value(batch).toInt(&ok);
    if (!ok || run.batchSize < 1 || run.batchSize > service::IngestService::kMaxBatch)
        return fail(
            QStringLiteral("--batch takes a number from 1 to %1.").arg(service::IngestService::kMaxBatch), 2);
    run.follow = parser.isSet(follow);
    run.reread = parser.isSet(reread);
    if (parser.isSet(state) && !parser.isSet(server))
        return fail(
            QStringLiteral("--state goes with --server; with --db the database keeps the positions."), 2);
    for (const QString &file : files)
        if (file != QLatin1String("-") && !QFileInfo(file).isFile())
            return fail(QStringLiteral("%1 is not a readable file.").arg(file), 2);

    std::shared_ptr<store::Database> database;
    std::unique_ptr<stats::IngestClient> client;
    std::unique_ptr<stats::IngestTarget> target;
    if (parser.isSet(db)) {
        if (!QFileInfo::exists(parser.value(db)))
            return fail(QStringLiteral("The database %1 does not exist; create it with 'mailadmind init'.")
                            .arg(parser.value(db)));
        auto opened = openDatabase(parser.value(db));
        if (!opened.ok())
            return fail(opened.error().detail);
        database = opened.value();
        target = std::make_unique<stats::DatabaseTarget>(*database);
    } else {
        stats::IngestClient::Options options;
        options.url = parser.value(server);
        if (!options.url.startsWith(QLatin1String("http://"))
            && !options.url.startsWith(QLatin1String("https://")))
            return fail(QStringLiteral("--server takes http:// or https:// and the host, such as "
                                       "https://admin.example.com:8440."),
                2);
        options.login = parser.value(login);
        if (options.login.isEmpty())
            return fail(QStringLiteral("--server needs --login (a collector admin)."), 2);
        if (parser.isSet(passwordFile)) {
            QFile file(parser.value(passwordFile));
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("Cannot read %1.").arg(parser.value(passwordFile)), 2);
            options.password = QString::fromUtf8(file.readLine()).trimmed();
        } else {
            options.password = qEnvironmentVariable("MAILADMIN_PASSWORD");
        }
        if (options.password.isEmpty())
            return fail(QStringLiteral("No password: set MAILADMIN_PASSWORD or pass --password-file."), 2);
        options.caFile = parser.value(caFile);
        options.insecure = parser.isSet(insecure);
        client = std::make_unique<stats::IngestClient>(options);
        auto collector = std::make_unique<stats::CollectorTarget>(*client, parser.value(state), run.reread);
        if (Status s = collector->load(); !s.ok())
            return fail(s.error().detail, 2);
        target = std::move(collector);
    }
    run.target = target.get();
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    run.stopRequested = [] { return g_stopIngest != 0; };
    run.progress = [](const stats::IngestTotals &totals) {
        err() << "... " << totals.lines.read << " lines read, " << totals.sent << " events sent" << Qt::endl;
    };
    if (run.follow)
        err() << "Following " << files.join(QStringLiteral(", ")) << "; stop with Ctrl+C or SIGTERM."
              << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    const Result<stats::IngestTotals> totals = stats::runLogIngest(run);
    if (!totals.ok())
        return fail(totals.error().detail);
    out() << totals->summary() << Qt::endl;
    out() << "Took " << timer.elapsed() << " ms." << Qt::endl;
    return 0;
}

int detect(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption days(QStringLiteral("days"),
        QStringLiteral("Days back from today to judge (default 90)."), QStringLiteral("n"),
        QStringLiteral("90"));
    const QCommandLineOption hours(
        QStringLiteral("hours"), QStringLiteral("Judge every hour as well as every day."));
    const QCommandLineOption outages(QStringLiteral("outages"),
        QStringLiteral(
            "Judge the mail stores' and clusters' logins of those days minute by minute for outages "
            "instead, and open suggested incidents."));
    parser.addOptions({db, days, hours, outages});
    if (auto code = parse(parser, arguments,
            QStringLiteral("Judge outbound volume of past days for spikes and open alerts.")))
        return *code;
    if (!parser.isSet(db))
        return fail(QStringLiteral("detect needs --db PATH."), 2);
    bool ok = false;
    const int n = parser.value(days).toInt(&ok);
    if (!ok || n < 1 || n > 400)
        return fail(QStringLiteral("--days takes a number from 1 to 400."), 2);
    if (!QFileInfo::exists(parser.value(db)))
        return fail(QStringLiteral("The database %1 does not exist.").arg(parser.value(db)));
    const auto database = openDatabase(parser.value(db));
    if (!database.ok())
        return fail(database.error().detail);
    auth::SessionManager sessions(*database.value());
    const qint64 today = auth::Clock::now() / 86400;
    QElapsedTimer timer;
    timer.start();
    if (parser.isSet(outages)) {
        const qint64 last = (auth::Clock::now() - service::OutageDetector::kSettleSeconds) / 60 - 1;
        const Result<int> suggested
            = service::OutageDetector(*database.value()).scan(last - qint64(n) * 1440 + 1, last);
        if (!suggested.ok())
            return fail(suggested.error().detail);
        out() << "Judged " << n * 1440 << " minutes of mail store logins: " << suggested.value()
              << " new outage suggestions in " << timer.elapsed() << " ms." << Qt::endl;
        return 0;
    }
    const Result<int> opened = service::SpikeDetector(service::Context {*database.value(), sessions})
                                   .scan(today - n, today, parser.isSet(hours));
    if (!opened.ok())
        return fail(opened.error().detail);
    out() << "Judged " << n << " days" << (parser.isSet(hours) ? " and their hours" : "") << ": "
          << opened.value() << " new alerts in " << timer.elapsed() << " ms." << Qt::endl;
    return 0;
}

int mailconf(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption db = dbOption();
    const QCommandLineOption outDir(
        QStringLiteral("out"), QStringLiteral("Folder to write the files into."), QStringLiteral("dir"));
    const mail::MailConf::Options defaults;
    const QCommandLineOption mailRoot(QStringLiteral("mail-root"),
        QStringLiteral("Folder holding every mailbox as DOMAIN/LOCAL_PART (default %1).")
            .arg(defaults.mailRoot),
        QStringLiteral("dir"), defaults.mailRoot);
    const QCommandLineOption uid(QStringLiteral("mail-uid"),
        QStringLiteral("User owning the mail (default %1).").arg(defaults.mailUid), QStringLiteral("user"),
        defaults.mailUid);
    const QCommandLineOption gid(QStringLiteral("mail-gid"),
        QStringLiteral("Group owning the mail (default %1).").arg(defaults.mailGid), QStringLiteral("group"),
        defaults.mailGid);
    const QCommandLineOption lmtp(QStringLiteral("lmtp"),
        QStringLiteral("Postfix's transport to Dovecot's LMTP (default %1).").arg(defaults.lmtp),
        QStringLiteral("transport"), defaults.lmtp);
    const QCommandLineOption sasl(QStringLiteral("sasl-path"),
        QStringLiteral("Dovecot's auth socket for Postfix (default %1).").arg(defaults.saslPath),
        QStringLiteral("path"), defaults.saslPath);
    const QCommandLineOption policy(QStringLiteral("policy"),
        QStringLiteral("Where mailadmind serve --policy-listen answers (default %1).").arg(defaults.policy),
        QStringLiteral("address"), defaults.policy);
    const QCommandLineOption driver(QStringLiteral("driver"),
        QStringLiteral("sqlite (the --db file, default) or pgsql (--pg-connect)."), QStringLiteral("name"),
        QStringLiteral("sqlite"));
    const QCommandLineOption pgConnect(QStringLiteral("pg-connect"),
        QStringLiteral("With --driver pgsql: 'host=H port=P dbname=D user=U password=W'."),
        QStringLiteral("conninfo"));
    parser.addOptions({db, outDir, mailRoot, uid, gid, lmtp, sasl, policy, driver, pgConnect});
    if (auto code = parse(parser, arguments,
            QStringLiteral("Write Dovecot and Postfix configuration that reads a MailAdmin database.")))
        return *code;
    const bool pgsql = parser.value(driver) == QLatin1String("pgsql");
    if (!pgsql && parser.value(driver) != QLatin1String("sqlite"))
        return fail(QStringLiteral("--driver is sqlite or pgsql, not '%1'.").arg(parser.value(driver)), 2);
    if (pgsql != parser.isSet(pgConnect))
        return fail(QStringLiteral("--pg-connect goes with --driver pgsql, and only with it."), 2);
    if (!parser.isSet(outDir) || (!pgsql && !parser.isSet(db)))
        return fail(QStringLiteral("mailconf needs --db PATH (or --driver pgsql --pg-connect ...) and --out DIR."),
            2);
    if (pgsql) {
        if (const auto parsed = mail::MailConf::parsePgConnect(parser.value(pgConnect)); !parsed.ok())
            return fail(parsed.error().detail, 2);
    } else {
        if (!QFileInfo::exists(parser.value(db)))
            return fail(QStringLiteral("The database %1 does not exist; create it with 'mailadmind init'.")
                            .arg(parser.value(db)));
        // Opening the database brings its schema, and so the mail_* views, up to date.
        if (const auto database = openDatabase(parser.value(db)); !database.ok())
            return fail(database.error().detail);
    }
    mail::MailConf::Options options;
    options.driver = parser.value(driver);
    options.pgConnect = parser.value(pgConnect);
    options.databasePath = parser.value(db);
    options.outDir = parser.value(outDir);
    options.mailRoot = QDir::cleanPath(parser.value(mailRoot));
    options.mailUid = parser.value(uid);
    options.mailGid = parser.value(gid);
    options.lmtp = parser.value(lmtp);
    options.saslPath = parser.value(sasl);
    options.policy = parser.value(policy);
    for (const QString &value : {options.mailRoot, options.mailUid, options.mailGid})
        if (value.isEmpty() || value.contains(QLatin1Char('\'')) || value.contains(QLatin1Char('\n')))
            return fail(
                QStringLiteral("--mail-root, --mail-uid and --mail-gid cannot be empty or hold a quote."), 2);
    const Result<QStringList> written = mail::MailConf::write(options);
    if (!written.ok())
        return fail(written.error().detail);
    for (const QString &name : written.value())
        out() << QDir(options.outDir).filePath(name) << Qt::endl;
    return 0;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help")
        || arguments.at(1) == QLatin1String("-h") || arguments.at(1) == QLatin1String("help")) {
        out() << commandsHelp();
        out().flush();
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        out() << "mailadmind " << MAILADMIN_VERSION << Qt::endl;
        return 0;
    }
    const QString command = arguments.at(1);
    QStringList rest = arguments.mid(1);
    rest[0] = QFileInfo(arguments.at(0)).fileName() + QLatin1Char(' ') + command;
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("init"))
        return init(rest);
    if (command == QLatin1String("seed-demo"))
        return seedDemo(rest);
    if (command == QLatin1String("ingest"))
        return ingest(rest);
    if (command == QLatin1String("detect"))
        return detect(rest);
    if (command == QLatin1String("mailconf"))
        return mailconf(rest);
    return fail(QStringLiteral("Unknown command '%1'.\n").arg(command) + commandsHelp(), 2);
}

} // namespace mailadmin::server
