#include "LogoCheck.h"

#include <QXmlStreamReader>

#include <zlib.h>

namespace mailadmin::service {

namespace {

constexpr quint32 kMaxSide = 4096;

quint32 be32(const uchar *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

// Bytes of inflated image data a PNG with these parameters must have (each row has a filter byte).
quint64 expectedImageBytes(quint32 width, quint32 height, int bitsPerPixel, bool interlaced)
{
    const auto rows = [&](quint64 w, quint64 h) -> quint64 {
        if (w == 0 || h == 0)
            return 0;
        return h * (1 + (w * quint64(bitsPerPixel) + 7) / 8);
    };
    if (!interlaced)
        return rows(width, height);
    static const int start[7][2] = {{0, 0}, {4, 0}, {0, 4}, {2, 0}, {0, 2}, {1, 0}, {0, 1}};
    static const int step[7][2] = {{8, 8}, {8, 8}, {4, 8}, {4, 4}, {2, 4}, {2, 2}, {1, 2}};
    quint64 total = 0;
    for (int pass = 0; pass < 7; ++pass) {
        const quint64 w = width > quint32(start[pass][0])
            ? (width - start[pass][0] + step[pass][0] - 1) / step[pass][0]
            : 0;
        const quint64 h = height > quint32(start[pass][1])
            ? (height - start[pass][1] + step[pass][1] - 1) / step[pass][1]
            : 0;
        total += rows(w, h);
    }
    return total;
}

QString checkPng(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype size = data.size();
    qsizetype pos = 8;
    quint32 width = 0, height = 0;
    int bitsPerPixel = 0;
    bool interlaced = false, seenHeader = false, seenEnd = false, seenPalette = false;
    int colourType = -1;
    QByteArray compressed;
    while (pos + 12 <= size) {
        const quint32 length = be32(p + pos);
        if (length > quint32(size) || pos + 12 + qsizetype(length) > size)
            return QStringLiteral("The PNG file is truncated.");
        const QByteArray type(data.constData() + pos + 4, 4);
        const uchar *body = p + pos + 8;
        const quint32 crc = be32(body + length);
        if (crc32(crc32(0, nullptr, 0), p + pos + 4, length + 4) != crc)
            return QStringLiteral("The PNG file is damaged (chunk %1 fails its checksum).")
                .arg(QString::fromLatin1(type));
        if (!seenHeader && type != "IHDR")
            return QStringLiteral("The PNG file does not start with a header chunk.");
        if (type == "IHDR") {
            if (seenHeader || length != 13)
                return QStringLiteral("The PNG header is malformed.");
            seenHeader = true;
            width = be32(body);
            height = be32(body + 4);
            const int depth = body[8];
            colourType = body[9];
            interlaced = body[12] == 1;
            int channels = 0;
            switch (colourType) {
            case 0:
                channels = 1;
                break;
            case 2:
                channels = 3;
                break;
            case 3:
                channels = 1;
                break;
            case 4:
                channels = 2;
                break;
            case 6:
                channels = 4;
                break;
            default:
                return QStringLiteral("The PNG colour type is unknown.");
            }
            const bool depthOk = depth == 8 || depth == 16
                || ((colourType == 0 || colourType == 3) && (depth == 1 || depth == 2 || depth == 4));
            if (!depthOk || (colourType == 3 && depth == 16) || body[10] != 0 || body[11] != 0
                || body[12] > 1)
                return QStringLiteral("The PNG header holds values that are not allowed.");
            if (width == 0 || height == 0 || width > kMaxSide || height > kMaxSide)
                return QStringLiteral("A logo is at most %1 × %1 pixels.").arg(kMaxSide);
            bitsPerPixel = channels * depth;
        } else if (type == "PLTE") {
            seenPalette = true;
        } else if (type == "IDAT") {
            compressed.append(reinterpret_cast<const char *>(body), length);
        } else if (type == "IEND") {
            seenEnd = true;
            break;
        }
        pos += 12 + length;
    }
    if (!seenHeader || !seenEnd)
        return QStringLiteral("The PNG file is truncated.");
    if (colourType == 3 && !seenPalette)
        return QStringLiteral("The PNG file lacks its palette.");
    const quint64 expected = expectedImageBytes(width, height, bitsPerPixel, interlaced);
    // Inflate into a buffer of exactly the expected size: more or less data means a broken image.
    QByteArray pixels(qsizetype(expected) + 1, Qt::Uninitialized);
    z_stream stream {};
    if (inflateInit(&stream) != Z_OK)
        return QStringLiteral("The PNG image data cannot be read.");
    stream.next_in = reinterpret_cast<Bytef *>(compressed.data());
    stream.avail_in = uInt(compressed.size());
    stream.next_out = reinterpret_cast<Bytef *>(pixels.data());
    stream.avail_out = uInt(pixels.size());
    const int rc = inflate(&stream, Z_FINISH);
    const quint64 produced = stream.total_out;
    inflateEnd(&stream);
    if (rc != Z_STREAM_END || produced != expected)
        return QStringLiteral("The PNG image data is damaged or incomplete.");
    // Every row starts with a filter type 0..4.
    if (!interlaced) {
        const quint64 rowBytes = 1 + (quint64(width) * quint64(bitsPerPixel) + 7) / 8;
        for (quint64 row = 0; row < height; ++row) {
            if (uchar(pixels.at(qsizetype(row * rowBytes))) > 4)
                return QStringLiteral("The PNG image data is damaged.");
        }
    }
    return {};
}

QString checkSvg(const QByteArray &data)
{
    QXmlStreamReader xml(data);
    bool sawRoot = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return QStringLiteral("An SVG logo cannot carry a document type declaration.");
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString().toLower();
        if (!sawRoot) {
            if (name != QLatin1String("svg"))
                return QStringLiteral("The file is XML but not SVG.");
            sawRoot = true;
        }
        if (name == QLatin1String("script") || name == QLatin1String("foreignobject"))
            return QStringLiteral("An SVG logo cannot hold scripts or embedded documents.");
        const auto attributes = xml.attributes();
        for (const auto &a : attributes) {
            const QString attr = a.name().toString().toLower();
            if (attr.startsWith(QLatin1String("on")))
                return QStringLiteral("An SVG logo cannot hold event handlers.");
            if (attr == QLatin1String("href")) {
                const QString target = a.value().toString().trimmed();
                if (!target.startsWith(QLatin1Char('#')) && !target.startsWith(QLatin1String("data:image/")))
                    return QStringLiteral("An SVG logo cannot refer to outside files.");
            }
        }
    }
    if (xml.hasError())
        return QStringLiteral("The SVG file is not well-formed XML (%1, line %2).")
            .arg(xml.errorString())
            .arg(xml.lineNumber());
    if (!sawRoot)
        return QStringLiteral("The file is empty.");
    return {};
}

} // namespace

LogoCheck LogoCheck::inspect(const QByteArray &data)
{
    static const QByteArray pngSignature("\x89PNG\r\n\x1a\n", 8);
    if (data.isEmpty())
        return LogoCheck {{}, QStringLiteral("The logo is empty.")};
    if (data.startsWith(pngSignature)) {
        const QString problem = checkPng(data);
        return problem.isEmpty() ? LogoCheck {QStringLiteral("image/png"), {}} : LogoCheck {{}, problem};
    }
    const QByteArray head = data.left(512).trimmed();
    if (head.startsWith("<")) {
        const QString problem = checkSvg(data);
        return problem.isEmpty() ? LogoCheck {QStringLiteral("image/svg+xml"), {}} : LogoCheck {{}, problem};
    }
    return LogoCheck {{}, QStringLiteral("A logo must be a PNG or SVG image.")};
}

} // namespace mailadmin::service
