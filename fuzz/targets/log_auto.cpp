// Log lines read as LogFormat::Auto: what the ingest gets from `--format` auto, each line recognised by
// itself.
#include "LogDriver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return mailadmin::fuzz::runLogReader(mailadmin::stats::LogFormat::Auto, data, size);
}
