// Log lines read as LogFormat::Roundcube: what the ingest gets from `--format`.
#include "LogDriver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return mailadmin::fuzz::runLogReader(mailadmin::stats::LogFormat::Roundcube, data, size);
}
