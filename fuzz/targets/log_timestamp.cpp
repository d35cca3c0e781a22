// The time stamp at the start of a log line (syslog, RFC 3339, Roundcube's), one line after another as a
// log file gives them. The first byte picks the zone of stamps without an offset.
#include "FuzzCheck.h"
#include "stats/LogTimestamp.h"

#include <QDateTime>

#include <cstddef>
#include <cstdint>

using namespace mailadmin::stats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QTimeZone zones[] = {QTimeZone::utc(), QTimeZone("Europe/Berlin"),
        QTimeZone("America/New_York"), QTimeZone("Australia/Lord_Howe")};
    const QTimeZone &zone = zones[data[0] % std::size(zones)];
    LogTimestamp stamps(1796000000, zone.isValid() ? zone : QTimeZone::utc());
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    for (qsizetype start = 0; start < input.size();) {
        qsizetype end = input.indexOf('\n', start);
        if (end < 0)
            end = input.size();
        const QByteArrayView line = input.sliced(start, end - start);
        start = end + 1;
        const LogTimestamp::Stamp stamp = stamps.read(line);
        if (stamp.form == LogTimestamp::Form::None) {
            FUZZ_CHECK(!stamp.valid);
            continue;
        }
        if (!stamp.valid)
            continue;
        FUZZ_CHECK(stamp.length > 0 && stamp.length <= line.size());
        // Every field of a valid stamp is possible: the date it names is the date it is read as.
        const QDateTime utc = QDateTime::fromSecsSinceEpoch(stamp.at, QTimeZone::utc());
        FUZZ_CHECK(utc.isValid());
        FUZZ_CHECK(utc.date().year() >= 1969 && utc.date().year() <= 10000);
        if (stamp.form == LogTimestamp::Form::Iso) {
            const int year = line.first(4).toInt(), month = line.sliced(5, 2).toInt(),
                      day = line.sliced(8, 2).toInt();
            FUZZ_CHECK(QDate::isValid(year, month, day));
        } else if (stamp.form == LogTimestamp::Form::Roundcube) {
            const int day = line.sliced(1, 2).toInt(), year = line.sliced(8, 4).toInt();
            const QDate first
                = QDate::fromString(QString::fromLatin1(line.sliced(4, 3)), QStringLiteral("MMM"));
            FUZZ_CHECK(first.isValid() && QDate::isValid(year, first.month(), day));
        } else {
            FUZZ_CHECK(
                QDate::isValid(stamps.year(), stamps.lastMonth(), line.sliced(4, 2).trimmed().toInt()));
        }
    }
    return 0;
}
