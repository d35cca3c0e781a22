#include "stats/LogIngestClient.h"

#include "Json.h"

#include <QJsonDocument>
#include <QRandomGenerator>

#include <thread>

#include <httplib.h>

namespace mailadmin::stats {

struct IngestClient::Private
{
    Options options;
    std::unique_ptr<httplib::Client> http;
    std::string token;
};

IngestClient::IngestClient(Options options) : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->http = std::make_unique<httplib::Client>(d->options.url.toStdString());
    d->http->set_connection_timeout(10);
    d->http->set_read_timeout(120);
    d->http->set_write_timeout(60);
    d->http->set_keep_alive(true);
    if (!d->options.caFile.isEmpty())
        d->http->set_ca_cert_path(d->options.caFile.toStdString());
    if (d->options.insecure)
        d->http->enable_server_certificate_verification(false);
}

IngestClient::~IngestClient() = default;

Status IngestClient::signIn()
{
    const QByteArray body = json::compact(QJsonObject {
        {QStringLiteral("login"), d->options.login}, {QStringLiteral("password"), d->options.password}});
    const httplib::Result r
        = d->http->Post("/api/v1/sessions", body.constData(), size_t(body.size()), "application/json");
    if (!r)
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("Cannot reach %1: %2")
                .arg(d->options.url, QString::fromStdString(httplib::to_string(r.error()))));
    const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
    if (r->status != 201)
        return Error::make(ErrorKind::Unauthenticated,
            QStringLiteral("Sign-in as %1 failed (%2): %3")
                .arg(d->options.login)
                .arg(r->status)
                .arg(answer.value(QLatin1String("detail")).toString()));
    d->token = answer.value(QLatin1String("token")).toString().toStdString();
    return Status::success();
}

Result<service::IngestReport> IngestClient::send(const QList<QJsonObject> &events, const QByteArray &batchKey)
{
    QByteArray body;
    for (const QJsonObject &e : events)
        body += json::compact(e) + '\n';
    const std::string key = !batchKey.isEmpty()
        ? batchKey.toStdString()
        : QByteArray::number(QRandomGenerator::system()->generate64(), 16).toStdString()
            + QByteArray::number(QRandomGenerator::system()->generate64(), 16).toStdString();
    QString lastProblem;
    bool signedInAgain = false;
    for (int attempt = 0; attempt < 6; ++attempt) {
        if (attempt > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(250 << std::min(attempt, 5)));
        if (d->token.empty()) {
            if (Status s = signIn(); !s.ok()) {
                if (s.error().kind == ErrorKind::Unauthenticated)
                    return s.error();
                lastProblem = s.error().detail;
                continue;
            }
        }
        const httplib::Headers headers {{"Authorization", "Bearer " + d->token}, {"Idempotency-Key", key}};
        const httplib::Result r = d->http->Post(
            "/api/v1/ingest/events", headers, body.constData(), size_t(body.size()), "application/x-ndjson");
        if (!r) {
            lastProblem = QString::fromStdString(httplib::to_string(r.error()));
            continue;
        }
        const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
        if (r->status == 200)
            return service::IngestReport::fromJson(answer);
        if (r->status == 401 && !signedInAgain) {
            d->token.clear();
            signedInAgain = true;
            --attempt;
            continue;
        }
        lastProblem
            = QStringLiteral("%1 %2").arg(r->status).arg(answer.value(QLatin1String("detail")).toString());
        if (r->status < 500 && r->status != 429)
            return Error::make(
                ErrorKind::Invalid, QStringLiteral("The server refused the events: %1").arg(lastProblem));
    }
    return Error::make(ErrorKind::Unavailable,
        QStringLiteral("Sending events to %1 failed: %2").arg(d->options.url, lastProblem));
}

} // namespace mailadmin::stats
