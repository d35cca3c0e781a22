#pragma once

// Feeds fuzz input to a LogReader line by line, as the ingest reads a log file, and checks what it says.
#include "FuzzCheck.h"
#include "stats/LogReader.h"

#include <cstddef>
#include <cstdint>

namespace mailadmin::fuzz {

inline bool sameEvent(const stats::LogEvent &a, const stats::LogEvent &b)
{
    return a.kind == b.kind && a.at == b.at && a.user == b.user && a.protocol == b.protocol
        && a.success == b.success && a.remote == b.remote && a.tls == b.tls && a.recipients == b.recipients
        && a.bytes == b.bytes && a.messages == b.messages;
}

inline stats::LogReader::Options readerOptions(stats::LogFormat format)
{
    stats::LogReader::Options options;
    options.format = format;
    options.reference = 1796000000; // 2026-11-29
    options.quotaTime = 1796000500;
    static const QTimeZone zone = [] {
        const QTimeZone berlin("Europe/Berlin");
        return berlin.isValid() ? berlin : QTimeZone::utc();
    }();
    options.zone = zone;
    return options;
}

// Reads every line; then reads them again stopping half way, saving the reader's state and going on in a
// new reader restored from it, which must give the same events (a restarted ingest loses nothing).
inline int runLogReader(stats::LogFormat format, const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QByteArrayView> lines;
    for (qsizetype start = 0; start < input.size();) {
        qsizetype end = input.indexOf('\n', start);
        if (end < 0)
            end = input.size();
        lines << input.sliced(start, end - start);
        start = end + 1;
    }

    stats::LogReader whole(readerOptions(format));
    QList<stats::LogEvent> events;
    for (const QByteArrayView line : lines)
        whole.readLine(line, events);
    whole.flush(events);
    const stats::LogCounts &counts = whole.counts();
    FUZZ_CHECK(counts.read == lines.size());
    FUZZ_CHECK(counts.used + counts.skippedTotal() == counts.read);
    for (const stats::LogEvent &e : events) {
        FUZZ_CHECK(!e.user.isEmpty());
        FUZZ_CHECK(e.bytes >= 0);
        const QJsonObject json = e.toJson();
        FUZZ_CHECK(json.contains(QStringLiteral("time")) && json.contains(QStringLiteral("type")));
    }

    const qsizetype half = lines.size() / 2;
    QList<stats::LogEvent> resumed;
    QByteArray state;
    {
        stats::LogReader first(readerOptions(format));
        for (qsizetype i = 0; i < half; ++i)
            first.readLine(lines.at(i), resumed);
        state = first.saveState();
    }
    stats::LogReader second(readerOptions(format));
    second.restoreState(state);
    for (qsizetype i = half; i < lines.size(); ++i)
        second.readLine(lines.at(i), resumed);
    second.flush(resumed);
    FUZZ_CHECK(resumed.size() == events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        FUZZ_CHECK(sameEvent(resumed.at(i), events.at(i)));
    return 0;
}

} // namespace mailadmin::fuzz
