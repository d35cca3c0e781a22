#include "notify/Mailer.h"

#include <QDateTime>
#include <QUuid>

#include <curl/curl.h>

#include <cstring>

namespace mailadmin::notify {

namespace {

// RFC 2047 for non-ASCII header text.
QByteArray headerText(const QString &text)
{
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80 && c.unicode() >= 0x20;
    if (ascii)
        return text.toLatin1();
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QByteArray wrapped(const QByteArray &base64)
{
    QByteArray out;
    for (qsizetype i = 0; i < base64.size(); i += 76)
        out += base64.mid(i, 76) + "\r\n";
    return out;
}

struct Upload
{
    QByteArray data;
    size_t offset = 0;
};

size_t readPayload(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t room = size * count;
    const size_t left = size_t(upload->data.size()) - upload->offset;
    const size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data.constData() + upload->offset, n);
    upload->offset += n;
    return n;
}

struct CurlInit
{
    CurlInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlInit() { curl_global_cleanup(); }
};

} // namespace

QByteArray Mailer::compose(const Mail &mail, const QString &from, qint64 now)
{
    const QByteArray boundary = "mailadmin-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QByteArray m;
    m += "From: MailAdmin <" + from.toUtf8() + ">\r\n";
    m += "To: " + mail.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    m += "Subject: " + headerText(mail.subject) + "\r\n";
    m += "Date: " + QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    m += "Message-ID: <"
        + (mail.messageId.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::Id128) : mail.messageId)
        + "@mailadmin>\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    m += wrapped(mail.body.toUtf8().toBase64());
    if (!mail.attachmentName.isEmpty()) {
        m += "--" + boundary + "\r\n";
        m += "Content-Type: " + mail.attachmentType + "; charset=utf-8; name=\""
            + mail.attachmentName.toUtf8() + "\"\r\n";
        m += "Content-Disposition: attachment; filename=\"" + mail.attachmentName.toUtf8() + "\"\r\n";
        m += "Content-Transfer-Encoding: base64\r\n\r\n";
        m += wrapped(mail.attachment.toBase64());
    }
    m += "--" + boundary + "--\r\n";
    return m;
}

Status Mailer::send(const SmtpSettings &settings, const Mail &mail, qint64 now)
{
    static const CurlInit init;
    if (!settings.isConfigured())
        return Error::make(
            ErrorKind::Unavailable, QStringLiteral("No SMTP server is configured (--smtp-url)."));
    if (mail.to.isEmpty())
        return Error::make(ErrorKind::Invalid, QStringLiteral("The mail has no recipients."));
    CURL *curl = curl_easy_init();
    if (!curl)
        return Error::internal(QStringLiteral("libcurl could not start."));
    Upload upload {compose(mail, settings.from, now), 0};
    const QByteArray url = settings.url.toUtf8();
    const QByteArray from = '<' + settings.from.toUtf8() + '>';
    const QByteArray user = settings.user.toUtf8();
    const QByteArray password = settings.password.toUtf8();
    curl_slist *recipients = nullptr;
    QList<QByteArray> keep;
    for (const QString &to : mail.to) {
        keep.append('<' + to.toUtf8() + '>');
        recipients = curl_slist_append(recipients, keep.last().constData());
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readPayload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (settings.startTls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!settings.user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (rc != CURLE_OK)
        return Error::make(ErrorKind::Unavailable,
            QStringLiteral("Sending mail failed: %1").arg(QString::fromUtf8(curl_easy_strerror(rc))));
    return Status::success();
}

} // namespace mailadmin::notify
