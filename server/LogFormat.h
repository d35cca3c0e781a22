#pragma once

namespace mailadmin::server {

// Writes every log message to standard error as one JSON object a line (time, level, category, message),
// for log collectors that read JSON; the default stays Qt's "category: message" text.
void useJsonLog();

} // namespace mailadmin::server
