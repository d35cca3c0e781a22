#include "LogIngest.h"

#include "Json.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>

namespace mailadmin::stats {

namespace {

constexpr qsizetype kReadChunk = 1 << 20;

// One log being read: its path, the open file, and the partial line at its end.
struct TailFile
{
    QString path;
    int fd = -1;
    dev_t device = 0;
    ino_t inode = 0;
    off_t position = 0;
    QByteArray partial;
    bool isStdin = false;
    std::unique_ptr<LogReader> reader;

    ~TailFile()
    {
        if (fd > 0)
            ::close(fd);
    }

    Status open()
    {
        if (isStdin) {
            fd = STDIN_FILENO;
            return Status::success();
        }
        const QByteArray native = QFile::encodeName(path);
        fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return Error::make(ErrorKind::NotFound,
                QStringLiteral("Cannot read %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        struct stat info
        {
        };
        if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            if (!S_ISFIFO(info.st_mode)) {
                ::close(fd);
                fd = -1;
                return Error::make(ErrorKind::Malformed, QStringLiteral("%1 is not a file.").arg(path));
            }
        }
        device = info.st_dev;
        inode = info.st_ino;
        position = 0;
        partial.clear();
        return Status::success();
    }

    // Reads what is there now, feeding whole lines; at `end` the unterminated last line too.
    Status drain(QList<LogEvent> &events, bool end)
    {
        QByteArray buffer(kReadChunk, Qt::Uninitialized);
        for (;;) {
            const ssize_t got = ::read(fd, buffer.data(), size_t(buffer.size()));
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                return Error::make(ErrorKind::Unavailable,
                    QStringLiteral("Reading %1 failed: %2")
                        .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
            }
            if (got == 0)
                break;
            position += got;
            QByteArrayView chunk(buffer.constData(), got);
            qsizetype start = 0;
            for (;;) {
                const qsizetype newline = chunk.indexOf('\n', start);
                if (newline < 0)
                    break;
                if (!partial.isEmpty()) {
                    partial.append(chunk.sliced(start, newline - start));
                    reader->readLine(partial, events);
                    partial.clear();
                } else {
                    reader->readLine(chunk.sliced(start, newline - start), events);
                }
                start = newline + 1;
            }
            if (start < chunk.size()) {
                partial.append(chunk.sliced(start));
                // A runaway line is read (and counted as too long) rather than kept growing.
                if (partial.size() > LogReader::kMaxLine * 4) {
                    reader->readLine(partial, events);
                    partial.clear();
                }
            }
        }
        if (end && !partial.isEmpty()) {
            reader->readLine(partial, events);
            partial.clear();
        }
        return Status::success();
    }

    // With the path now naming another file (rotated by rename) or this one cut short (truncated), start
    // over.
    Status followRotation(QList<LogEvent> &events)
    {
        if (isStdin)
            return Status::success();
        struct stat now
        {
        };
        if (::stat(QFile::encodeName(path).constData(), &now) != 0)
            return Status::success(); // between the rename and the new file: wait
        if (now.st_ino != inode || now.st_dev != device) {
            if (Status s = drain(events, true); !s.ok())
                return s;
            ::close(fd);
            fd = -1;
            return open();
        }
        if (now.st_size < position) {
            ::lseek(fd, 0, SEEK_SET);
            position = 0;
            partial.clear();
        }
        return Status::success();
    }
};

QString number(qint64 n)
{
    return QLocale::c().toString(n);
}

} // namespace

void IngestTotals::add(const service::IngestReport &report, qint64 sentNow)
{
    sent += sentNow;
    accepted += report.accepted;
    unmatched += report.unmatched;
    rejected += report.rejected.size();
    for (const QString &user : report.unmatchedUsers)
        if (unmatchedUsers.size() < 10 && !unmatchedUsers.contains(user))
            unmatchedUsers << user;
    for (const service::IngestReport::Rejection &r : report.rejected)
        if (rejections.size() < 5 && !rejections.contains(r.reason))
            rejections << r.reason;
}

QString IngestTotals::summary() const
{
    QStringList reasons;
    for (int i = 0; i < int(SkipReason::Count); ++i)
        if (lines.skipped[size_t(i)] > 0)
            reasons << QStringLiteral("%1 %2").arg(
                number(lines.skipped[size_t(i)]), skipReasonText(SkipReason(i)));
    QString text = QStringLiteral("Read %1 lines from %2 %3: %4 used, %5 skipped")
                       .arg(number(lines.read))
                       .arg(files)
                       .arg(files == 1 ? QStringLiteral("file") : QStringLiteral("files"), number(lines.used),
                           number(lines.skippedTotal()));
    if (!reasons.isEmpty())
        text += QStringLiteral(" (%1)").arg(reasons.join(QStringLiteral(", ")));
    text += QStringLiteral(".\nEvents: %1 sent, %2 stored, %3 for unknown users, %4 rejected.")
                .arg(number(sent), number(accepted), number(unmatched), number(rejected));
    if (!unmatchedUsers.isEmpty())
        text += QStringLiteral("\nUnknown users: %1%2")
                    .arg(unmatchedUsers.join(QStringLiteral(", ")),
                        unmatched > unmatchedUsers.size() ? QStringLiteral(", ...") : QString());
    if (!rejections.isEmpty())
        text += QStringLiteral("\nRejected because: %1").arg(rejections.join(QStringLiteral("; ")));
    return text;
}

Result<IngestTotals> runLogIngest(const IngestRun &run)
{
    IngestTotals totals;
    std::vector<std::unique_ptr<TailFile>> files;
    for (const QString &path : run.files) {
        auto file = std::make_unique<TailFile>();
        file->path = path;
        file->isStdin = path == QLatin1String("-");
        if (Status s = file->open(); !s.ok())
            return s.error();
        LogReader::Options options;
        options.format = run.format;
        options.zone = run.zone;
        // A log's lines were written before its last change: that dates syslog stamps and quota samples.
        const QFileInfo info(path);
        const qint64 modified
            = file->isStdin ? QDateTime::currentSecsSinceEpoch() : info.lastModified().toSecsSinceEpoch();
        options.reference = run.follow ? std::max(modified, QDateTime::currentSecsSinceEpoch()) : modified;
        options.quotaTime = modified;
        file->reader = std::make_unique<LogReader>(options);
        files.push_back(std::move(file));
    }
    totals.files = int(files.size());

    QList<LogEvent> events;
    QList<QJsonObject> batch;
    const auto send = [&](bool all) -> Status {
        for (const LogEvent &e : std::as_const(events))
            batch.append(e.toJson());
        events.clear();
        while (!batch.isEmpty() && (all || batch.size() >= run.batchSize)) {
            const qsizetype n = std::min<qsizetype>(batch.size(), run.batchSize);
            const QList<QJsonObject> part = batch.first(n);
            const Result<service::IngestReport> report = run.sink(part);
            if (!report.ok())
                return report.error();
            totals.add(report.value(), n);
            batch.remove(0, n);
        }
        return Status::success();
    };
    const auto countLines = [&] {
        totals.lines = LogCounts();
        for (const auto &file : files)
            totals.lines += file->reader->counts();
    };

    QElapsedTimer sinceProgress;
    sinceProgress.start();
    for (const auto &file : files) {
        if (Status s = file->drain(events, !run.follow || file->isStdin); !s.ok())
            return s.error();
        file->reader->flush(events);
        if (Status s = send(false); !s.ok())
            return s.error();
        if (run.progress && sinceProgress.elapsed() > 5000) {
            countLines();
            run.progress(totals);
            sinceProgress.restart();
        }
    }
    if (Status s = send(true); !s.ok())
        return s.error();

    if (run.follow) {
        QElapsedTimer sinceSend;
        sinceSend.start();
        while (!(run.stopRequested && run.stopRequested())) {
            std::this_thread::sleep_for(std::chrono::milliseconds(run.pollMs));
            for (const auto &file : files) {
                if (file->isStdin)
                    continue;
                if (Status s = file->drain(events, false); !s.ok())
                    return s.error();
                if (Status s = file->followRotation(events); !s.ok())
                    return s.error();
                if (file->partial.isEmpty())
                    file->reader->flush(events);
            }
            // New events reach the server within about a second.
            if (sinceSend.elapsed() >= 1000 || events.size() + batch.size() >= run.batchSize) {
                if (Status s = send(true); !s.ok())
                    return s.error();
                sinceSend.restart();
            }
            if (run.progress && sinceProgress.elapsed() > 60000) {
                countLines();
                run.progress(totals);
                sinceProgress.restart();
            }
        }
        for (const auto &file : files) {
            if (!file->isStdin) {
                if (Status s = file->drain(events, true); !s.ok())
                    return s.error();
            }
            file->reader->flush(events);
        }
        if (Status s = send(true); !s.ok())
            return s.error();
    }
    countLines();
    return totals;
}

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

Result<service::IngestReport> IngestClient::send(const QList<QJsonObject> &events)
{
    QByteArray body;
    for (const QJsonObject &e : events)
        body += json::compact(e) + '\n';
    const std::string key = QByteArray::number(QRandomGenerator::system()->generate64(), 16).toStdString()
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
