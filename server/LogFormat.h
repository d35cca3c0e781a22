#pragma once

class QString;

namespace mailadmin::server {

// Writes every log message to standard error as one JSON object a line (time, level, category, message),
// for log collectors that read JSON; the default stays Qt's "category: message" text.
void useJsonLog();
// Back to Qt's own text lines.
void useTextLog();
// Logs messages of this level (debug, info, warning or error) and above; quiet also leaves out the line
// per HTTP request. False for an unknown level, changing nothing.
bool setLogLevel(const QString &level, bool quiet);

} // namespace mailadmin::server
