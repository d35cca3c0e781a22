#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace mailadmin::server {

// mailadmind.conf: "key = value" lines whose keys are the long names of a command's flags. Keys before any
// [section] apply to every command that has such a flag; keys under [serve], [ingest], ... to that command
// only. A flag given on the command line wins over the file.
class ConfigFile
{
public:
    struct Entry
    {
        QString section; // empty: every command
        QString key;
        QString value;
        int line = 0;
    };

    // Reads and checks the syntax of the file; a missing or unreadable file is an error.
    static Result<ConfigFile> read(const QString &path);
    // Parses the text of a file; path only names it in errors.
    static Result<ConfigFile> parse(const QString &text, const QString &path);

    // The flags this file gives `command`, placed before the command line's own arguments so that those win.
    // The parser must already know the command's options; an unknown key of the command's own section, or a
    // value for a flag that takes none (other than true/false), is an error naming the file and line.
    Result<QStringList> apply(
        QCommandLineParser &parser, const QStringList &arguments, const QString &command) const;

    const QList<Entry> &entries() const { return m_entries; }

private:
    QString m_path;
    QList<Entry> m_entries;
};

// The file `serve` and the other commands read when no --config is given, if it exists.
QString defaultConfigPath();

} // namespace mailadmin::server
