#include "service/LogoCheck.h"

#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <zlib.h>

namespace mailadmin::service {

namespace {

// Checked in the header, before any image data is inflated: a small file can otherwise claim an image of
// hundreds of megabytes.
constexpr quint32 kMaxSide = 1024;

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

const QString kSvgNamespace = QStringLiteral("http://www.w3.org/2000/svg");
const QString kXlinkNamespace = QStringLiteral("http://www.w3.org/1999/xlink");
const QString kXmlNamespace = QStringLiteral("http://www.w3.org/XML/1998/namespace");

// The SVG elements a logo may use: shapes, text, grouping, gradients, clipping and masking. Everything else
// is refused, whatever it is: scripts, styles, animation, links, images, filters, foreign content.
const QSet<QString> &allowedElements()
{
    static const QSet<QString> names = {QStringLiteral("svg"), QStringLiteral("g"), QStringLiteral("defs"),
        QStringLiteral("title"), QStringLiteral("desc"), QStringLiteral("symbol"), QStringLiteral("use"),
        QStringLiteral("path"), QStringLiteral("rect"), QStringLiteral("circle"), QStringLiteral("ellipse"),
        QStringLiteral("line"), QStringLiteral("polyline"), QStringLiteral("polygon"), QStringLiteral("text"),
        QStringLiteral("tspan"), QStringLiteral("linearGradient"), QStringLiteral("radialGradient"),
        QStringLiteral("stop"), QStringLiteral("clipPath"), QStringLiteral("mask"), QStringLiteral("pattern"),
        QStringLiteral("marker")};
    return names;
}

// Elements whose text is shown (or ignored) as text; text anywhere else is refused.
bool holdsText(const QString &element)
{
    return element == QLatin1String("title") || element == QLatin1String("desc")
        || element == QLatin1String("text") || element == QLatin1String("tspan");
}

// Geometry and presentation attributes that load nothing and run nothing.
const QSet<QString> &allowedAttributes()
{
    static const QSet<QString> names = {QStringLiteral("id"), QStringLiteral("class"),
        QStringLiteral("version"), QStringLiteral("baseProfile"), QStringLiteral("viewBox"),
        QStringLiteral("preserveAspectRatio"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("x1"),
        QStringLiteral("y1"), QStringLiteral("x2"), QStringLiteral("y2"), QStringLiteral("cx"),
        QStringLiteral("cy"), QStringLiteral("r"), QStringLiteral("rx"), QStringLiteral("ry"),
        QStringLiteral("fx"), QStringLiteral("fy"), QStringLiteral("fr"), QStringLiteral("dx"),
        QStringLiteral("dy"), QStringLiteral("rotate"), QStringLiteral("width"), QStringLiteral("height"),
        QStringLiteral("d"), QStringLiteral("points"), QStringLiteral("pathLength"),
        QStringLiteral("transform"), QStringLiteral("fill"), QStringLiteral("fill-opacity"),
        QStringLiteral("fill-rule"), QStringLiteral("stroke"), QStringLiteral("stroke-width"),
        QStringLiteral("stroke-linecap"), QStringLiteral("stroke-linejoin"),
        QStringLiteral("stroke-miterlimit"), QStringLiteral("stroke-dasharray"),
        QStringLiteral("stroke-dashoffset"), QStringLiteral("stroke-opacity"), QStringLiteral("opacity"),
        QStringLiteral("color"), QStringLiteral("offset"), QStringLiteral("stop-color"),
        QStringLiteral("stop-opacity"), QStringLiteral("gradientUnits"), QStringLiteral("gradientTransform"),
        QStringLiteral("spreadMethod"), QStringLiteral("clip-path"), QStringLiteral("clip-rule"),
        QStringLiteral("clipPathUnits"), QStringLiteral("mask"), QStringLiteral("maskUnits"),
        QStringLiteral("maskContentUnits"), QStringLiteral("patternUnits"),
        QStringLiteral("patternContentUnits"), QStringLiteral("patternTransform"),
        QStringLiteral("markerWidth"), QStringLiteral("markerHeight"), QStringLiteral("markerUnits"),
        QStringLiteral("refX"), QStringLiteral("refY"), QStringLiteral("orient"),
        QStringLiteral("marker-start"), QStringLiteral("marker-mid"), QStringLiteral("marker-end"),
        QStringLiteral("font-family"), QStringLiteral("font-size"), QStringLiteral("font-weight"),
        QStringLiteral("font-style"), QStringLiteral("font-variant"), QStringLiteral("text-anchor"),
        QStringLiteral("dominant-baseline"), QStringLiteral("alignment-baseline"),
        QStringLiteral("letter-spacing"), QStringLiteral("word-spacing"), QStringLiteral("text-decoration"),
        QStringLiteral("lengthAdjust"), QStringLiteral("textLength"), QStringLiteral("visibility"),
        QStringLiteral("display"), QStringLiteral("shape-rendering"), QStringLiteral("text-rendering"),
        QStringLiteral("vector-effect"), QStringLiteral("style")};
    return names;
}

// Elements that may point at another element of the same document.
bool mayLink(const QString &element)
{
    return element == QLatin1String("use") || element == QLatin1String("linearGradient")
        || element == QLatin1String("radialGradient") || element == QLatin1String("pattern");
}

// A value may name a paint server or clip path of this document (url(#id)) but load nothing else, and
// carries no CSS escapes or comments that could hide such a reference.
bool safeValue(const QString &value)
{
    const QString v = value.toLower();
    if (v.contains(QLatin1Char('\\')) || v.contains(QLatin1String("/*")) || v.contains(QLatin1Char('@'))
        || v.contains(QLatin1String("expression")) || v.contains(QLatin1String("javascript:")))
        return false;
    static const QRegularExpression url(QStringLiteral("url\\s*\\(([^)]*)\\)"));
    for (auto it = url.globalMatch(v); it.hasNext();) {
        QString target = it.next().captured(1).trimmed();
        if (target.size() >= 2
            && (target.startsWith(QLatin1Char('"')) || target.startsWith(QLatin1Char('\''))))
            target = target.mid(1, target.size() - 2);
        static const QRegularExpression fragment(QStringLiteral("^#[a-z0-9_.:-]+$"));
        if (!fragment.match(target).hasMatch())
            return false;
    }
    // A url( that the pattern above did not close is refused too.
    static const QRegularExpression opening(QStringLiteral("url\\s*\\("));
    static const QRegularExpression closed(QStringLiteral("url\\s*\\([^)]*\\)"));
    return v.count(opening) == v.count(closed);
}

// style="fill:#fff; stroke-width:2": each property must be an allowed presentation attribute.
bool safeStyle(const QString &style)
{
    for (const QString &declaration : style.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (declaration.trimmed().isEmpty())
            continue;
        const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return false;
        const QString property = declaration.left(colon).trimmed().toLower();
        if (property == QLatin1String("style") || !allowedAttributes().contains(property)
            || !safeValue(declaration.mid(colon + 1)))
            return false;
    }
    return true;
}

QString checkSvg(const QByteArray &data)
{
    // Words that load or run something are refused wherever they stand, text and comments included: a
    // logo never needs them, and a viewer that treats a comment or a CDATA section loosely must not find them.
    static const char *const forbidden[]
        = {"<script", "javascript:", "<!doctype", "<!entity", "<?xml-stylesheet"};
    const QByteArray lower = data.toLower();
    for (const char *word : forbidden) {
        if (lower.contains(word))
            return QStringLiteral("An SVG logo cannot contain \u201c%1\u201d, not even in its text or a comment.")
                .arg(QLatin1String(word));
    }
    QXmlStreamReader xml(data);
    bool sawRoot = false;
    QStringList open; // the element names from the root to the current one
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        switch (token) {
        case QXmlStreamReader::DTD:
            return QStringLiteral("An SVG logo cannot carry a document type declaration.");
        case QXmlStreamReader::ProcessingInstruction:
            return QStringLiteral("An SVG logo cannot carry processing instructions (such as a stylesheet).");
        case QXmlStreamReader::EntityReference:
            return QStringLiteral("An SVG logo cannot use entities.");
        case QXmlStreamReader::Characters:
            if (!xml.isWhitespace() && (open.isEmpty() || !holdsText(open.last())))
                return QStringLiteral("An SVG logo holds text only inside text, title or desc elements.");
            continue;
        case QXmlStreamReader::EndElement:
            if (!open.isEmpty())
                open.removeLast();
            continue;
        case QXmlStreamReader::StartElement:
            break;
        default:
            continue;
        }
        const QString name = xml.name().toString();
        if (!sawRoot) {
            if (name != QLatin1String("svg") || xml.namespaceUri() != kSvgNamespace)
                return QStringLiteral("The file is XML but not SVG.");
            sawRoot = true;
        }
        if (xml.namespaceUri() != kSvgNamespace || !allowedElements().contains(name))
            return QStringLiteral(
                "An SVG logo cannot hold <%1> elements; it may use shapes, text, groups and "
                "gradients only.")
                .arg(xml.qualifiedName().toString().left(40));
        if (!open.isEmpty() && holdsText(open.last()) && name != QLatin1String("tspan"))
            return QStringLiteral("Text elements of an SVG logo hold only text.");
        open << name;
        const auto attributes = xml.attributes();
        for (const auto &a : attributes) {
            const QString attr = a.name().toString();
            const QString ns = a.namespaceUri().toString();
            const QString value = a.value().toString();
            if (attr == QLatin1String("href") && (ns.isEmpty() || ns == kXlinkNamespace)) {
                static const QRegularExpression fragment(QStringLiteral("^#[A-Za-z0-9_.:-]+$"));
                if (!mayLink(name) || !fragment.match(value).hasMatch())
                    return QStringLiteral("An SVG logo may only refer to its own elements (href=\"#id\").");
                continue;
            }
            if (ns == kXmlNamespace && attr == QLatin1String("space"))
                continue;
            if (!ns.isEmpty() || !allowedAttributes().contains(attr))
                return QStringLiteral("An SVG logo cannot use the attribute %1.")
                    .arg(a.qualifiedName().toString().left(40));
            if (attr == QLatin1String("style") ? !safeStyle(value) : !safeValue(value))
                return QStringLiteral("The %1 attribute of an SVG logo may not load or run anything.")
                    .arg(attr);
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
