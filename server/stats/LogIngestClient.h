#pragma once

#include "Result.h"
#include "stats/IngestService.h"

#include <memory>

namespace mailadmin::stats {

// Sends events to a server's ingest API as a collector: signs in, signs in again when the session ends,
// retries a batch after a network failure with the same Idempotency-Key so it counts once.
class IngestClient
{
public:
    struct Options
    {
        QString url; // http(s)://host:port
        QString login;
        QString password;
        QString caFile;
        bool insecure = false;
    };
    explicit IngestClient(Options options);
    ~IngestClient();

    // `key`: the batch's Idempotency-Key; a random one when empty.
    Result<service::IngestReport> send(const QList<QJsonObject> &events, const QByteArray &key = {});

private:
    Status signIn();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mailadmin::stats
