// A user CSV import: the file parsed as RFC 4180, columns mapped from the header, each row turned into a user
// create body and checked with the shared field rules and the password policy.
#include "Csv.h"
#include "CsvImportRows.h"
#include "FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace mailadmin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const csv::ParseResult parsed = csv::parse(bytes);
    if (!parsed.error.isEmpty()) {
        FUZZ_CHECK(parsed.errorLine >= 1);
        return 0;
    }
    // What was read writes back as CSV that reads the same rows.
    QByteArray written;
    for (const QStringList &row : parsed.rows)
        written += csv::record(row);
    const csv::ParseResult reread = csv::parse(written);
    FUZZ_CHECK(reread.error.isEmpty());
    if (QString::fromUtf8(bytes).toUtf8() == bytes) // the parser reads valid UTF-8 as it is
        FUZZ_CHECK(reread.rows == parsed.rows);

    if (parsed.rows.size() < 2)
        return 0;
    const QList<int> mapping = ui::csvimport::guessMapping(parsed.rows.first());
    FUZZ_CHECK(mapping.size() == ui::csvimport::fields().size());
    for (qsizetype r = 1; r < parsed.rows.size() && r <= 16; ++r) {
        QStringList problems;
        const QJsonObject body
            = ui::csvimport::userBody(mapping, parsed.rows.at(r), QStringLiteral("example.com"), problems);
        for (auto it = body.begin(); it != body.end(); ++it)
            FUZZ_CHECK(ui::csvimport::fields().contains(it.key()));
    }
    return 0;
}
