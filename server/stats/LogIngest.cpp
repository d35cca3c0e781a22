#include "stats/LogIngest.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSysInfo>

#include <condition_variable>
#include <deque>
#include <mutex>

#include <cerrno>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mailadmin::stats {

namespace {

constexpr qsizetype kReadChunk = 1 << 20;
// A file is told from another by a hash of its first bytes: syslog lines start with a stamp, so a few lines
// differ between any two logs, and a truncated log that has grown again past its old size differs too.
constexpr qsizetype kFingerprint = 1024;
// A rotated file still being written (the writer reopens the log a moment after the rename) is read until
// it has been quiet this long.
constexpr qint64 kRetireQuietMs = 5000;

QString number(qint64 n)
{
    return QLocale::c().toString(n);
}

Error readError(const QString &path)
{
    return Error::make(ErrorKind::Unavailable,
        QStringLiteral("Reading %1 failed: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
}

QByteArray fingerprintOf(QByteArrayView head)
{
    return QCryptographicHash::hash(head, QCryptographicHash::Sha256).toHex();
}

// The first `n` bytes of an open file (fewer if it is shorter).
QByteArray headOf(int fd, qint64 n)
{
    QByteArray bytes(n, Qt::Uninitialized);
    qint64 have = 0;
    while (have < n) {
        const ssize_t got = ::pread(fd, bytes.data() + have, size_t(n - have), off_t(have));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        have += got;
    }
    bytes.truncate(have);
    return bytes;
}

// Hands batches to the target on a second thread, so reading and parsing the next lines overlaps storing the
// last ones (the database's work is most of the time). At most two batches wait, so memory stays bounded.
// Reports come back with later calls: write() answers for the batches finished since the previous call.
class BackgroundTarget : public IngestTarget
{
public:
    explicit BackgroundTarget(IngestTarget &inner) : m_inner(inner)
    {
        m_worker = std::thread([this] { work(); });
    }
    ~BackgroundTarget() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_all();
        m_worker.join();
    }

    Result<std::optional<store::ReadPosition>> position(const store::FileIdentity &file) override
    {
        // What the worker wrote is committed first, so the position read here is the current one.
        if (Status s = run(Job::Kind::Flush); !s.ok())
            return s.error();
        return m_inner.position(file);
    }

    Result<service::IngestReport> write(
        const QList<LogEvent> &events, const QList<store::ReadPosition> &positions) override
    {
        if (Status s = wait(1); !s.ok())
            return s.error();
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(Job {Job::Kind::Write, events, positions});
        m_changed.notify_all();
        return takeDone();
    }

    // On the worker's thread, as every write: the target may keep a transaction open on that thread.
    Status settle() override { return run(Job::Kind::Settle); }
    Status flush() override { return run(Job::Kind::Flush); }

    // Waits for every batch; the reports not yet returned.
    Result<service::IngestReport> finish()
    {
        if (Status s = wait(0); !s.ok())
            return s.error();
        std::lock_guard lock(m_mutex);
        return takeDone();
    }

private:
    struct Job
    {
        enum class Kind
        {
            Write,
            Settle,
            Flush
        };
        Kind kind = Kind::Write;
        QList<LogEvent> events;
        QList<store::ReadPosition> positions;
    };

    // Runs a settle or flush on the worker after the batches before it, and waits for it.
    Status run(Job::Kind kind)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_error)
                return *m_error;
            m_jobs.push_back(Job {kind, {}, {}});
        }
        m_changed.notify_all();
        return wait(0);
    }

    // Until at most `pending` batches wait (none being written when 0), or the writer failed.
    Status wait(size_t pending)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(
            lock, [&] { return m_error || (m_jobs.size() <= pending && (pending > 0 || !m_busy)); });
        if (m_error)
            return *m_error;
        return Status::success();
    }

    service::IngestReport takeDone()
    {
        service::IngestReport done = std::move(m_done);
        m_done = service::IngestReport();
        return done;
    }

    void work()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) {
                // What was written is whole batches with their positions: kept, even when the run stops
                // early.
                lock.unlock();
                (void)m_inner.flush();
                return;
            }
            Job job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_busy = true;
            lock.unlock();
            Result<service::IngestReport> report = service::IngestReport();
            if (job.kind == Job::Kind::Write) {
                report = m_inner.write(job.events, job.positions);
            } else {
                const Status s = job.kind == Job::Kind::Settle ? m_inner.settle() : m_inner.flush();
                if (!s.ok())
                    report = s.error();
            }
            lock.lock();
            m_busy = false;
            if (!report.ok()) {
                m_error = report.error();
                m_jobs.clear();
            } else {
                m_done.accepted += report->accepted;
                m_done.unmatched += report->unmatched;
                for (const QString &user : report->unmatchedUsers)
                    if (m_done.unmatchedUsers.size() < 20 && !m_done.unmatchedUsers.contains(user))
                        m_done.unmatchedUsers << user;
                for (const auto &r : report->rejected)
                    m_done.rejected.append(r);
            }
            m_changed.notify_all();
        }
    }

    IngestTarget &m_inner;
    std::thread m_worker;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stopping = false;
    std::optional<Error> m_error;
    service::IngestReport m_done;
};

// One open log file and how far it has been read.
struct OpenLog
{
    QString path;
    int fd = -1;
    bool isStdin = false; // standard input or a pipe: read as it comes, with no position to keep
    bool ownsFd = false;
    store::FileIdentity id;
    qint64 lineEnd = 0; // just after the last whole line handed to the reader
    qint64 readEnd = 0; // bytes read; those after lineEnd are a line not ended yet
    QByteArray head; // the file's first bytes (up to kFingerprint), for its fingerprint
    QByteArray partial; // a line begun but not ended
    bool overlong = false; // inside a line too long to keep: skipped up to its newline
    bool dirty = false; // lineEnd moved since the position was last handed to the target
    QElapsedTimer quiet; // retiring files: since they last grew

    OpenLog() = default;
    OpenLog(const OpenLog &) = delete;
    OpenLog &operator=(const OpenLog &) = delete;
    ~OpenLog()
    {
        if (fd >= 0 && ownsFd)
            ::close(fd);
    }

    Status open(const QString &name)
    {
        path = name;
        if (name == QLatin1String("-")) {
            isStdin = true;
            fd = STDIN_FILENO;
            return Status::success();
        }
        fd = ::open(QFile::encodeName(name).constData(), O_RDONLY | O_CLOEXEC);
        ownsFd = fd >= 0;
        if (fd < 0)
            return Error::make(ErrorKind::NotFound,
                QStringLiteral("Cannot read %1: %2").arg(name, QString::fromLocal8Bit(std::strerror(errno))));
        struct stat info
        {
        };
        if (::fstat(fd, &info) != 0 || !(S_ISREG(info.st_mode) || S_ISFIFO(info.st_mode)))
            return Error::make(ErrorKind::Malformed, QStringLiteral("%1 is not a file.").arg(name));
        isStdin = S_ISFIFO(info.st_mode);
        id = store::FileIdentity {ingestHostName(), qint64(info.st_dev), qint64(info.st_ino)};
        return Status::success();
    }

    qint64 size() const
    {
        struct stat info
        {
        };
        return ::fstat(fd, &info) == 0 ? qint64(info.st_size) : -1;
    }

    // Whether a position stored earlier is of this file as it is now (not truncated, not another file).
    bool matches(const store::ReadPosition &p) const
    {
        if (p.offset > size())
            return false;
        return fingerprintOf(headOf(fd, p.fingerprintLength)) == p.fingerprint;
    }

    void startAt(qint64 offset)
    {
        lineEnd = readEnd = offset;
        partial.clear();
        overlong = false;
        head = headOf(fd, std::min(offset, kFingerprint));
        dirty = false;
    }

    // Whether the file now holds other bytes than were read: cut shorter, or cut and written again past
    // its old size (the fingerprint tells).
    bool replaced() const
    {
        if (isStdin)
            return false;
        const qint64 now = size();
        if (now >= 0 && now < readEnd)
            return true;
        return !head.isEmpty() && headOf(fd, head.size()) != head;
    }

    store::ReadPosition position(const LogReader &reader) const
    {
        store::ReadPosition p;
        p.file = id;
        p.path = QFileInfo(path).absoluteFilePath();
        p.fingerprintLength = head.size();
        p.fingerprint = fingerprintOf(head);
        p.offset = lineEnd;
        p.readerState = reader.saveState();
        return p;
    }
};

// The files of one run, read in turn, and the events not yet handed to the target.
class Ingest
{
public:
    explicit Ingest(const IngestRun &run) : m_run(run), m_target(*run.target) { }

    Result<IngestTotals> run();

private:
    // One path given on the command line: the file it names now, and the one it named before a rotation
    // while that is still being written.
    struct Tail
    {
        QString path;
        std::unique_ptr<LogReader> reader;
        std::unique_ptr<OpenLog> current;
        std::unique_ptr<OpenLog> retiring;
    };

    Status start(Tail &tail);
    Status openCurrent(Tail &tail, bool checkRotated);
    Status finishRotatedCopy(
        Tail &tail, const std::optional<store::ReadPosition> &before, const OpenLog &now);
    Status poll(Tail &tail);
    // Reads what the file holds now; at `end`, an unterminated last line too (standard input, files that
    // will not be written again).
    Status drain(OpenLog &log, LogReader &reader, bool end);
    Status commit();
    void countLines();

    const IngestRun &m_run;
    BackgroundTarget m_target;
    IngestTotals m_totals;
    std::vector<std::unique_ptr<Tail>> m_tails;
    // Rotated copies read to their end, kept until their last position is written.
    std::vector<std::pair<Tail *, std::unique_ptr<OpenLog>>> m_finished;
    QList<LogEvent> m_events;
    QByteArray m_buffer;
};

Status Ingest::start(Tail &tail)
{
    LogReader::Options options;
    options.format = m_run.format;
    options.zone = m_run.zone;
    // A log's lines were written before its last change: that dates syslog stamps and quota samples.
    const bool isStdin = tail.path == QLatin1String("-");
    const qint64 modified = isStdin ? QDateTime::currentSecsSinceEpoch()
                                    : QFileInfo(tail.path).lastModified().toSecsSinceEpoch();
    options.reference = m_run.follow ? std::max(modified, QDateTime::currentSecsSinceEpoch()) : modified;
    options.quotaTime = modified;
    tail.reader = std::make_unique<LogReader>(options);
    return openCurrent(tail, true);
}

Status Ingest::openCurrent(Tail &tail, bool checkRotated)
{
    auto log = std::make_unique<OpenLog>();
    if (Status s = log->open(tail.path); !s.ok())
        return s;
    if (!log->isStdin && !m_run.reread) {
        const Result<std::optional<store::ReadPosition>> stored = m_target.position(log->id);
        if (!stored.ok())
            return stored.error();
        if (stored->has_value() && log->matches(**stored)) {
            // Read before: on from there, with what the reader knew there.
            log->startAt((*stored)->offset);
            tail.reader->restoreState((*stored)->readerState);
            ++m_totals.resumed;
        } else {
            if (stored->has_value())
                ++m_totals.restarted;
            // A file never read, or this one truncated since: the rest of what was read before may be in the
            // rotated copy.
            if (checkRotated)
                if (Status s = finishRotatedCopy(tail, *stored, *log); !s.ok())
                    return s;
            log->startAt(0);
        }
    }
    tail.current = std::move(log);
    return Status::success();
}

Status Ingest::finishRotatedCopy(
    Tail &tail, const std::optional<store::ReadPosition> &before, const OpenLog &now)
{
    const QString rotatedPath = tail.path + QStringLiteral(".1");
    if (!QFileInfo(rotatedPath).isFile())
        return Status::success();
    auto rotated = std::make_unique<OpenLog>();
    if (Status s = rotated->open(rotatedPath); !s.ok() || rotated->isStdin || rotated->id == now.id)
        return Status::success();
    const Result<std::optional<store::ReadPosition>> own = m_target.position(rotated->id);
    if (!own.ok())
        return own.error();
    std::optional<store::ReadPosition> from;
    if (own->has_value() && rotated->matches(**own))
        from = **own; // renamed away after it was read: finish it
    else if (before && rotated->matches(*before))
        from = *before; // a copy of the file as it was before it was truncated (copytruncate)
    if (!from)
        return Status::success();
    rotated->startAt(from->offset);
    rotated->dirty = true;
    tail.reader->restoreState(from->readerState);
    ++m_totals.rotated;
    OpenLog &copy = *rotated;
    m_finished.emplace_back(&tail, std::move(rotated));
    return drain(copy, *tail.reader, true);
}

Status Ingest::drain(OpenLog &log, LogReader &reader, bool end)
{
    if (m_buffer.isEmpty())
        m_buffer.resize(kReadChunk);
    for (;;) {
        const ssize_t got = log.isStdin
            ? ::read(log.fd, m_buffer.data(), size_t(m_buffer.size()))
            : ::pread(log.fd, m_buffer.data(), size_t(m_buffer.size()), log.readEnd);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return readError(log.path);
        }
        if (got == 0)
            break;
        const qint64 base = log.readEnd;
        log.readEnd += got;
        if (log.quiet.isValid())
            log.quiet.restart();
        const QByteArrayView chunk(m_buffer.constData(), got);
        if (log.head.size() < kFingerprint && base == log.head.size())
            log.head.append(chunk.first(std::min<qsizetype>(got, kFingerprint - log.head.size())));
        qsizetype start = 0;
        for (;;) {
            const auto *found
                = static_cast<const char *>(std::memchr(chunk.data() + start, '\n', size_t(got - start)));
            if (!found)
                break;
            const qsizetype newline = found - chunk.data();
            if (log.overlong) {
                log.overlong = false; // its end: counted when it grew too long
            } else if (!log.partial.isEmpty()) {
                log.partial.append(chunk.sliced(start, newline - start));
                reader.readLine(log.partial, m_events);
                log.partial.clear();
            } else {
                reader.readLine(chunk.sliced(start, newline - start), m_events);
            }
            start = newline + 1;
            log.lineEnd = base + start;
            log.dirty = true;
            // A line gives at most one event, so a batch never grows past its size.
            if (m_events.size() >= m_run.batchSize)
                if (Status s = commit(); !s.ok())
                    return s;
        }
        if (start < got && !log.overlong) {
            // A line longer than the reader takes is skipped whole, up to its newline, rather than kept
            // growing or read in pieces.
            if (log.partial.size() + (got - start) > LogReader::kMaxLine + 1) {
                reader.countSkipped(SkipReason::TooLong);
                log.partial.clear();
                log.partial.squeeze();
                log.overlong = true;
            } else {
                log.partial.append(chunk.sliced(start));
            }
        }
    }
    if (end && (!log.partial.isEmpty() || log.overlong)) {
        if (!log.overlong)
            reader.readLine(log.partial, m_events);
        log.partial.clear();
        log.overlong = false;
        log.lineEnd = log.readEnd;
        log.dirty = true;
    }
    return Status::success();
}

Status Ingest::commit()
{
    QList<store::ReadPosition> positions;
    for (const auto &tail : m_tails) {
        for (OpenLog *log : {tail->retiring.get(), tail->current.get()})
            if (log && log->dirty && !log->isStdin)
                positions.append(log->position(*tail->reader));
    }
    for (const auto &[tail, log] : m_finished)
        if (log->dirty)
            positions.append(log->position(*tail->reader));
    if (m_events.isEmpty() && positions.isEmpty())
        return Status::success();
    const Result<service::IngestReport> report = m_target.write(m_events, positions);
    if (!report.ok())
        return report.error();
    m_totals.add(report.value(), m_events.size());
    m_events.clear();
    for (const auto &tail : m_tails)
        for (OpenLog *log : {tail->retiring.get(), tail->current.get()})
            if (log)
                log->dirty = false;
    for (const auto &finished : m_finished)
        finished.second->dirty = false;
    return Status::success();
}

Status Ingest::poll(Tail &tail)
{
    // Rotated copies whose position is written are done with.
    std::erase_if(m_finished, [](const auto &f) { return !f.second->dirty; });
    if (tail.current->isStdin)
        return Status::success();
    if (tail.retiring) {
        if (Status s = drain(*tail.retiring, *tail.reader, false); !s.ok())
            return s;
        if (tail.retiring->quiet.elapsed() >= kRetireQuietMs) {
            if (Status s = drain(*tail.retiring, *tail.reader, true); !s.ok())
                return s;
            if (Status s = commit(); !s.ok())
                return s;
            tail.retiring.reset();
        }
    }
    struct stat now
    {
    };
    const bool named = ::stat(QFile::encodeName(tail.path).constData(), &now) == 0;
    if (named
        && (qint64(now.st_ino) != tail.current->id.inode || qint64(now.st_dev) != tail.current->id.device)) {
        // Renamed away (logrotate's default): the writer may still add to it until it reopens the log, so
        // it is read on beside the new file for a few seconds.
        if (tail.retiring) {
            if (Status s = drain(*tail.retiring, *tail.reader, true); !s.ok())
                return s;
            if (Status s = commit(); !s.ok())
                return s;
        }
        tail.retiring = std::move(tail.current);
        tail.retiring->quiet.start();
        if (Status s = drain(*tail.retiring, *tail.reader, false); !s.ok())
            return s;
        if (Status s = openCurrent(tail, false); !s.ok())
            return s;
    } else if (tail.current->replaced()) {
        // Truncated (copytruncate), perhaps written again past where it was read: what was appended after
        // the last read went to the copy, so the copy is finished first, then this file from its start.
        OpenLog &log = *tail.current;
        const QString rotatedPath = tail.path + QStringLiteral(".1");
        auto rotated = std::make_unique<OpenLog>();
        if (!log.head.isEmpty() && QFileInfo(rotatedPath).isFile() && rotated->open(rotatedPath).ok()
            && !rotated->isStdin && !(rotated->id == log.id) && rotated->size() >= log.lineEnd
            && headOf(rotated->fd, log.head.size()) == log.head) {
            rotated->startAt(log.lineEnd);
            rotated->dirty = true;
            ++m_totals.rotated;
            OpenLog &copy = *rotated;
            m_finished.emplace_back(&tail, std::move(rotated));
            if (Status s = drain(copy, *tail.reader, true); !s.ok())
                return s;
        }
        ++m_totals.restarted;
        log.startAt(0);
        log.dirty = true;
    }
    return drain(*tail.current, *tail.reader, false);
}

void Ingest::countLines()
{
    m_totals.lines = LogCounts();
    for (const auto &tail : m_tails)
        m_totals.lines += tail->reader->counts();
}

Result<IngestTotals> Ingest::run()
{
    for (const QString &path : m_run.files) {
        m_tails.push_back(std::make_unique<Tail>());
        m_tails.back()->path = path;
        if (Status s = start(*m_tails.back()); !s.ok())
            return s.error();
    }
    m_totals.files = int(m_tails.size());

    QElapsedTimer sinceProgress;
    sinceProgress.start();
    for (const auto &tail : m_tails) {
        // Without --follow, a last line not ended yet is left for the next run (a writer is in the middle of
        // it); standard input ends when it ends.
        if (Status s = drain(*tail->current, *tail->reader, tail->current->isStdin); !s.ok())
            return s.error();
        if (!m_run.follow || tail->current->isStdin)
            tail->reader->flush(m_events);
        if (Status s = commit(); !s.ok())
            return s.error();
        if (m_run.progress && sinceProgress.elapsed() > 5000) {
            countLines();
            m_run.progress(m_totals);
            sinceProgress.restart();
        }
    }
    if (Status s = m_target.settle(); !s.ok())
        return s.error();

    if (m_run.follow) {
        QElapsedTimer sinceSend;
        sinceSend.start();
        while (!(m_run.stopRequested && m_run.stopRequested())) {
            std::this_thread::sleep_for(std::chrono::milliseconds(m_run.pollMs));
            for (const auto &tail : m_tails) {
                if (Status s = poll(*tail); !s.ok())
                    return s.error();
                if (tail->current->partial.isEmpty())
                    tail->reader->flush(m_events);
            }
            // New events reach the target within about a second.
            if (sinceSend.elapsed() >= 1000) {
                if (Status s = commit(); !s.ok())
                    return s.error();
                if (Status s = m_target.settle(); !s.ok())
                    return s.error();
                sinceSend.restart();
            }
            if (m_run.progress && sinceProgress.elapsed() > 60000) {
                countLines();
                m_run.progress(m_totals);
                sinceProgress.restart();
            }
        }
        for (const auto &tail : m_tails) {
            if (tail->retiring)
                if (Status s = drain(*tail->retiring, *tail->reader, true); !s.ok())
                    return s.error();
            if (Status s = drain(*tail->current, *tail->reader, false); !s.ok())
                return s.error();
            tail->reader->flush(m_events);
        }
        if (Status s = commit(); !s.ok())
            return s.error();
        if (Status s = m_target.settle(); !s.ok())
            return s.error();
    }
    const Result<service::IngestReport> last = m_target.finish();
    if (!last.ok())
        return last.error();
    m_totals.add(last.value(), 0);
    countLines();
    return m_totals;
}

} // namespace

QString ingestHostName()
{
    static const QString name = QSysInfo::machineHostName();
    return name;
}

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
    text += QLatin1Char('.');
    QStringList where;
    if (resumed > 0)
        where << QStringLiteral("%1 read on from where an earlier run stopped").arg(resumed);
    if (rotated > 0)
        where << QStringLiteral("%1 rotated copy finished").arg(rotated);
    if (restarted > 0)
        where << QStringLiteral("%1 found truncated or replaced and read from its start").arg(restarted);
    if (!where.isEmpty())
        text += QStringLiteral("\nFiles: %1.").arg(where.join(QStringLiteral("; ")));
    text += QStringLiteral("\nEvents: %1 sent, %2 stored, %3 for unknown users, %4 rejected.")
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
    return Ingest(run).run();
}

} // namespace mailadmin::stats
