// An uploaded brand logo read as PNG. The input is the chunks after the signature; each chunk's checksum is
// recomputed (unless the first byte says to keep them) so the run reaches the header, palette and image
// data checks instead of stopping at the first damaged checksum.
#include "FuzzCheck.h"
#include "service/LogoCheck.h"

#include <zlib.h>

#include <cstddef>
#include <cstdint>

using mailadmin::service::LogoCheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const bool keepChecksums = data[0] == 0xff;
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.append(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if (!keepChecksums) {
        auto *p = reinterpret_cast<uchar *>(png.data());
        qsizetype pos = 8;
        while (pos + 12 <= png.size()) {
            const quint32 length = (quint32(p[pos]) << 24) | (quint32(p[pos + 1]) << 16)
                | (quint32(p[pos + 2]) << 8) | quint32(p[pos + 3]);
            if (qint64(length) > png.size() - pos - 12)
                break;
            const quint32 crc = quint32(crc32(crc32(0, nullptr, 0), p + pos + 4, length + 4));
            uchar *at = p + pos + 8 + length;
            at[0] = uchar(crc >> 24);
            at[1] = uchar(crc >> 16);
            at[2] = uchar(crc >> 8);
            at[3] = uchar(crc);
            pos += 12 + qsizetype(length);
        }
    }
    const LogoCheck check = LogoCheck::inspect(png);
    FUZZ_CHECK(check.ok() != check.mimeType.isEmpty());
    FUZZ_CHECK(!check.ok() || check.mimeType == QLatin1String("image/png"));
    return 0;
}
