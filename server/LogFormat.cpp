#include "LogFormat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <cstdio>
#include <mutex>

namespace mailadmin::server {

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void writeJson(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QJsonObject line {
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), QLatin1String(levelName(type))},
        {QStringLiteral("category"), QLatin1String(context.category ? context.category : "default")},
        {QStringLiteral("message"), message},
    };
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    // Lines from the worker threads must not interleave.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void useJsonLog()
{
    qInstallMessageHandler(writeJson);
}

void useTextLog()
{
    qInstallMessageHandler(nullptr);
}

bool setLogLevel(const QString &level, bool quiet)
{
    QString rules;
    if (level == QLatin1String("debug"))
        rules = QStringLiteral("*.debug=true\nqt.*.debug=false");
    else if (level == QLatin1String("info"))
        rules = QStringLiteral("*.debug=false");
    else if (level == QLatin1String("warning"))
        rules = QStringLiteral("*.debug=false\n*.info=false");
    else if (level == QLatin1String("error"))
        rules = QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    else
        return false;
    if (quiet)
        rules += QStringLiteral("\nmailadmind.http.info=false");
    QLoggingCategory::setFilterRules(rules);
    return true;
}

} // namespace mailadmin::server
