#pragma once

#include <QByteArray>
#include <QString>

namespace mailadmin::service {

// Decides whether bytes are a PNG or SVG logo by decoding them, without any GUI library.
struct LogoCheck
{
    QString mimeType; // "image/png" or "image/svg+xml" when accepted
    QString problem; // why it was refused

    bool ok() const { return problem.isEmpty(); }
    static LogoCheck inspect(const QByteArray &data);
};

} // namespace mailadmin::service
