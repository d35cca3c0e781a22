#include "notify/BulletinSender.h"

#include "service/ServiceLog.h"
#include "store/BulletinRepository.h"
#include "store/Database.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace mailadmin::notify {

namespace {

const QRegularExpression &placeholderPattern()
{
    // {account} and OMA's own spelling {'account'}.
    static const QRegularExpression re(QStringLiteral("\\{'?([A-Za-z_][A-Za-z0-9_]*)'?\\}"));
    return re;
}

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\r'), QLatin1Char(' '));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

// Splits a message at its first empty line; false when it has none.
bool split(const QString &text, QStringList &headerLines, QString &body)
{
    QString t = text;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const qsizetype end = t.indexOf(QStringLiteral("\n\n"));
    if (end < 0)
        return false;
    headerLines = t.left(end).split(QLatin1Char('\n'));
    body = t.mid(end + 2);
    return true;
}

bool hasHeader(const QStringList &lines, const QString &name)
{
    for (const QString &l : lines) {
        if (l.section(QLatin1Char(':'), 0, 0).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// A connection to an LMTP or SMTP server: lines out, replies (possibly multi-line) in.
class Session
{
public:
    ~Session()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    Status open(const QString &host, int port)
    {
        addrinfo hints {};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *found = nullptr;
        const QByteArray h = host.toUtf8(), p = QByteArray::number(port);
        if (getaddrinfo(h.constData(), p.constData(), &hints, &found) != 0 || !found)
            return Error::make(ErrorKind::Unavailable, QStringLiteral("%1 is not a known host.").arg(host));
        Status result = Error::make(
            ErrorKind::Unavailable, QStringLiteral("No connection to %1:%2.").arg(host).arg(port));
        for (addrinfo *a = found; a; a = a->ai_next) {
            m_fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
            if (m_fd < 0)
                continue;
            timeval timeout {30, 0};
            setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
            if (::connect(m_fd, a->ai_addr, a->ai_addrlen) == 0) {
                result = Status::success();
                break;
            }
            ::close(m_fd);
            m_fd = -1;
        }
        freeaddrinfo(found);
        return result;
    }

    Status write(const QByteArray &data)
    {
        qsizetype done = 0;
        while (done < data.size()) {
            const ssize_t n = ::send(m_fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return Error::make(
                    ErrorKind::Unavailable, QStringLiteral("The mail server closed the connection."));
            done += n;
        }
        return Status::success();
    }

    // The code of the next reply (0 when the connection failed); its text in `text`.
    int reply(QString &text)
    {
        text.clear();
        for (;;) {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                char chunk[4096];
                const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
                if (n <= 0)
                    return 0;
                m_buffer.append(chunk, n);
                if (m_buffer.size() > 65536)
                    return 0;
                continue;
            }
            const QByteArray line = m_buffer.left(eol);
            m_buffer.remove(0, eol + 2);
            if (line.size() < 3)
                return 0;
            text += QString::fromUtf8(line.mid(4)) + QLatin1Char(' ');
            if (line.size() == 3 || line.at(3) == ' ') {
                text = text.trimmed();
                return line.left(3).toInt();
            }
        }
    }

    // Sends `command` (unless empty) and expects a reply in the 2xx or 3xx range given by `want`.
    Status step(const QByteArray &command, int want, const QString &what)
    {
        if (!command.isEmpty()) {
            if (Status s = write(command + "\r\n"); !s.ok())
                return s;
        }
        QString text;
        const int code = reply(text);
        if (code / 100 == want / 100)
            return Status::success();
        if (code == 0)
            return Error::make(
                ErrorKind::Unavailable, QStringLiteral("No answer from the mail server (%1).").arg(what));
        return Error::make(code >= 500 ? ErrorKind::Invalid : ErrorKind::Unavailable,
            QStringLiteral("%1: %2 %3").arg(what).arg(code).arg(text));
    }

private:
    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace

QString DeliverySettings::check(const QString &url)
{
    const QUrl u(url);
    if (!u.isValid() || (u.scheme() != QLatin1String("lmtp") && u.scheme() != QLatin1String("smtp"))
        || u.host().isEmpty() || u.port() <= 0)
        return QStringLiteral("use lmtp://host:port or smtp://host:port");
    return {};
}

const QStringList &BulletinSender::placeholders()
{
    static const QStringList names = {
        QStringLiteral("account"), QStringLiteral("domain"), QStringLiteral("name"), QStringLiteral("title")};
    return names;
}

QList<FieldError> BulletinSender::checkTemplate(const QString &text)
{
    const QString field = QStringLiteral("text");
    if (text.trimmed().isEmpty())
        return {{field, QStringLiteral("required"), QStringLiteral("A bulletin needs its message text.")}};
    if (text.size() > 1024 * 1024)
        return {{field, QStringLiteral("too_long"), QStringLiteral("A bulletin is at most 1 MiB.")}};
    QStringList headers;
    QString body;
    if (!split(text, headers, body))
        return {{field, QStringLiteral("invalid_message"),
            QStringLiteral("The message needs headers, an empty line, then the body.")}};
    static const QRegularExpression headerLine(QStringLiteral("^[!-9;-~]+:"));
    for (int i = 0; i < headers.size(); ++i) {
        const QString &l = headers.at(i);
        const bool continuation
            = i > 0 && (l.startsWith(QLatin1Char(' ')) || l.startsWith(QLatin1Char('\t')));
        if (!continuation && !headerLine.match(l).hasMatch())
            return {{field, QStringLiteral("invalid_header"),
                QStringLiteral("Line %1 is not a header (Name: value): %2").arg(i + 1).arg(l.left(80))}};
    }
    if (!hasHeader(headers, QStringLiteral("Subject")))
        return {{field, QStringLiteral("no_subject"), QStringLiteral("The message needs a Subject header.")}};
    if (body.trimmed().isEmpty())
        return {{field, QStringLiteral("no_body"),
            QStringLiteral("The message needs a body after its headers.")}};
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!placeholders().contains(name))
            return {{field, QStringLiteral("unknown_placeholder"),
                QStringLiteral("{%1} is not a placeholder; use {account}, {domain}, {name} or {title}.")
                    .arg(name)}};
    }
    return {};
}

QByteArray BulletinSender::render(
    const QString &text, const Recipient &to, const QString &from, const QByteArray &messageId, qint64 now)
{
    const QHash<QString, QString> values {{QStringLiteral("account"), oneLine(to.address)},
        {QStringLiteral("domain"), oneLine(to.domain)}, {QStringLiteral("name"), oneLine(to.name)},
        {QStringLiteral("title"), oneLine(to.title)}};
    QString filled;
    qsizetype last = 0;
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        filled += text.mid(last, m.capturedStart() - last);
        filled += values.value(m.captured(1), m.captured(0));
        last = m.capturedEnd();
    }
    filled += text.mid(last);
    QStringList headers;
    QString body;
    if (!split(filled, headers, body)) {
        headers = {QStringLiteral("Subject: (no subject)")};
        body = filled;
    }
    QStringList added;
    if (!hasHeader(headers, QStringLiteral("From")))
        added << QStringLiteral("From: <%1>").arg(from);
    if (!hasHeader(headers, QStringLiteral("To")))
        added << QStringLiteral("To: <%1>").arg(to.address);
    if (!hasHeader(headers, QStringLiteral("Date")))
        added << QStringLiteral("Date: ")
                + QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::RFC2822Date);
    if (!hasHeader(headers, QStringLiteral("Message-ID")))
        added << QStringLiteral("Message-ID: <%1>").arg(QString::fromLatin1(messageId));
    QByteArray out;
    for (const QString &h : added + headers)
        out += h.toUtf8() + "\r\n";
    out += "\r\n";
    QStringList lines = body.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QString &l : lines)
        out += l.toUtf8() + "\r\n";
    return out;
}

Status BulletinSender::transfer(
    const DeliverySettings &settings, const QString &to, const QByteArray &message)
{
    const QUrl url(settings.url);
    const bool lmtp = url.scheme() == QLatin1String("lmtp");
    Session session;
    if (Status s = session.open(url.host(), url.port()); !s.ok())
        return s;
    if (Status s = session.step({}, 220, QStringLiteral("greeting")); !s.ok())
        return s;
    if (Status s
        = session.step(QByteArray(lmtp ? "LHLO" : "EHLO") + " mailadmin", 250, QStringLiteral("hello"));
        !s.ok())
        return s;
    if (Status s = session.step("MAIL FROM:<" + settings.from.toUtf8() + '>', 250, QStringLiteral("sender"));
        !s.ok())
        return s;
    if (Status s = session.step("RCPT TO:<" + to.toUtf8() + '>', 250, QStringLiteral("recipient")); !s.ok())
        return s;
    if (Status s = session.step("DATA", 354, QStringLiteral("data")); !s.ok())
        return s;
    QByteArray data;
    for (const QByteArray &line : message.split('\n')) {
        if (line.isEmpty())
            continue; // the split leaves one empty piece after the last CRLF
        data += (line.startsWith('.') ? "." : "") + line + '\n';
    }
    data += ".\r\n";
    // LMTP answers once per recipient; there is one.
    if (Status s = session.step(data.chopped(2), 250, QStringLiteral("delivery")); !s.ok())
        return s;
    (void)session.write("QUIT\r\n");
    return Status::success();
}

Result<int> BulletinSender::deliver(qint64 now) const
{
    if (!m_settings.isConfigured())
        return 0;
    store::BulletinRepository repo(m_db);
    const Result<QList<store::BulletinDelivery>> due = repo.due(now, 50);
    if (!due.ok())
        return due.error();
    int delivered = 0;
    for (const store::BulletinDelivery &d : due.value()) {
        const Result<bool> mine = repo.claim(d.id, now);
        if (!mine.ok())
            return mine.error();
        if (!mine.value())
            continue;
        const QByteArray message = render(d.text, Recipient {d.address, d.name, d.domain, d.title},
            m_settings.from, "bulletin-" + QByteArray::number(d.id) + "@mailadmin", now);
        const Status s = transfer(m_settings, d.address, message);
        if (s.ok()) {
            if (Status mark = repo.markDelivered(d.id, now); !mark.ok())
                return mark.error();
            ++delivered;
            continue;
        }
        const int attempts = d.attempts + 1;
        const bool permanent = s.error().kind == ErrorKind::Invalid || attempts >= 10;
        const qint64 wait = std::min<qint64>(3600, qint64(60) << std::min(attempts - 1, 6));
        qCWarning(lcBulletin) << "bulletin delivery" << d.id << "to" << d.address
                              << "failed:" << s.error().detail;
        if (Status mark = repo.markFailed(d.id, attempts, now + wait, permanent, s.error().detail, now);
            !mark.ok())
            return mark.error();
    }
    return delivered;
}

} // namespace mailadmin::notify
