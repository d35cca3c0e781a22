#include "ConfigFile.h"

#include <QCommandLineParser>
#include <QFile>

namespace mailadmin::server {

namespace {

Error configError(const QString &path, int line, const QString &what)
{
    return Error::make(ErrorKind::Invalid, QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(what));
}

bool isTrue(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("yes") || value == QLatin1String("on")
        || value == QLatin1String("1");
}

bool isFalse(const QString &value)
{
    return value == QLatin1String("false") || value == QLatin1String("no") || value == QLatin1String("off")
        || value == QLatin1String("0");
}

bool validKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (!(c.isLower() && c.unicode() < 128) && !c.isDigit() && c != QLatin1Char('-'))
            return false;
    }
    return key.front() != QLatin1Char('-');
}

} // namespace

QString defaultConfigPath()
{
    const QString fromEnvironment = qEnvironmentVariable("MAILADMIND_CONFIG");
    return fromEnvironment.isEmpty() ? QStringLiteral(MAILADMIN_SYSCONFDIR "/mailadmin/mailadmind.conf")
                                     : fromEnvironment;
}

Result<ConfigFile> ConfigFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::NotFound,
            QStringLiteral("Cannot read the configuration file %1: %2").arg(path, file.errorString()));
    if (file.size() > 1024 * 1024)
        return Error::make(ErrorKind::Invalid, QStringLiteral("%1 is larger than 1 MiB.").arg(path));
    return parse(QString::fromUtf8(file.readAll()), path);
}

Result<ConfigFile> ConfigFile::parse(const QString &text, const QString &path)
{
    ConfigFile config;
    config.m_path = path;
    QString section;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')))
                return configError(path, number, QStringLiteral("a section is written [command]."));
            section = line.mid(1, line.size() - 2).trimmed();
            if (!validKey(section))
                return configError(path, number, QStringLiteral("'%1' is not a command name.").arg(section));
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0)
            return configError(path, number, QStringLiteral("expected key = value."));
        Entry entry;
        entry.section = section;
        entry.key = line.left(equals).trimmed();
        entry.value = line.mid(equals + 1).trimmed();
        entry.line = number;
        if (!validKey(entry.key))
            return configError(path, number,
                QStringLiteral("'%1' is not a flag name (lower case, digits and -).").arg(entry.key));
        if (entry.key == QLatin1String("config") || entry.key == QLatin1String("help"))
            return configError(
                path, number, QStringLiteral("'%1' cannot be set in the file.").arg(entry.key));
        if (entry.value.size() >= 2 && entry.value.startsWith(QLatin1Char('"'))
            && entry.value.endsWith(QLatin1Char('"')))
            entry.value = entry.value.mid(1, entry.value.size() - 2);
        config.m_entries.append(entry);
    }
    return config;
}

Result<QStringList> ConfigFile::apply(
    QCommandLineParser &parser, const QStringList &arguments, const QString &command) const
{
    QStringList flags;
    for (const Entry &entry : m_entries) {
        if (!entry.section.isEmpty() && entry.section != command)
            continue;
        const QString flag = QStringLiteral("--") + entry.key;
        // A trial parse of the one flag tells whether the command knows it and whether it takes a value.
        if (parser.parse({arguments.first(), flag + QLatin1Char('=') + entry.value})) {
            flags.append(flag + QLatin1Char('=') + entry.value);
            continue;
        }
        if (parser.unknownOptionNames().contains(entry.key)) {
            if (entry.section.isEmpty())
                continue; // a shared key for the commands that have it
            return configError(m_path, entry.line,
                QStringLiteral("'%1' is not a flag of mailadmind %2.").arg(entry.key, command));
        }
        if (isTrue(entry.value))
            flags.append(flag);
        else if (!isFalse(entry.value))
            return configError(m_path, entry.line,
                QStringLiteral("'%1' takes no value: write true or false.").arg(entry.key));
    }
    QStringList result {arguments.first()};
    result += flags;
    result += arguments.mid(1);
    return result;
}

} // namespace mailadmin::server
