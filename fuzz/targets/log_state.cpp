// The reader state kept with a read position in the database (LogReader::saveState), as a restart reads it
// back: a damaged state must be ignored rather than half read, and the reader must go on reading lines
// whatever the state said. The first two bytes give the length of the state; the log lines follow it.
#include "LogDriver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace mailadmin;
    if (size < 2)
        return 0;
    const size_t stateSize = std::min<size_t>(size - 2, (size_t(data[0]) << 8) | data[1]);
    const QByteArray state(reinterpret_cast<const char *>(data + 2), qsizetype(stateSize));
    const QByteArrayView input(
        reinterpret_cast<const char *>(data + 2 + stateSize), qsizetype(size - 2 - stateSize));
    stats::LogReader reader(fuzz::readerOptions(stats::LogFormat::Auto));
    reader.restoreState(state);
    const QByteArray restored = reader.saveState();
    // What was taken from the state is kept whole: saving it again and restoring that gives the same.
    stats::LogReader again(fuzz::readerOptions(stats::LogFormat::Auto));
    again.restoreState(restored);
    FUZZ_CHECK(again.saveState().size() == restored.size());
    QList<stats::LogEvent> events;
    for (qsizetype start = 0; start < input.size();) {
        qsizetype end = input.indexOf('\n', start);
        if (end < 0)
            end = input.size();
        reader.readLine(input.sliced(start, end - start), events);
        start = end + 1;
    }
    reader.flush(events);
    for (const stats::LogEvent &e : events)
        FUZZ_CHECK(!e.user.isEmpty() && e.bytes >= 0 && !e.toJson().isEmpty());
    return 0;
}
