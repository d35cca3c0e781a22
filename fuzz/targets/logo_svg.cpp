// An uploaded brand logo that is not a PNG: read as SVG, refused unless it only draws.
#include "FuzzCheck.h"
#include "service/LogoCheck.h"

#include <cstddef>
#include <cstdint>

using mailadmin::service::LogoCheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const LogoCheck check = LogoCheck::inspect(bytes);
    FUZZ_CHECK(check.ok() != check.mimeType.isEmpty());
    if (check.ok() && check.mimeType == QLatin1String("image/svg+xml")) {
        // An accepted SVG loads and runs nothing.
        const QByteArray lower = bytes.toLower();
        FUZZ_CHECK(!lower.contains("<script") && !lower.contains("javascript:")
            && !lower.contains("<!doctype") && !lower.contains("<!entity")
            && !lower.contains("<?xml-stylesheet"));
    }
    return 0;
}
