#include "ServerProfile.h"

#include <QSettings>

namespace mailadmin::api {

QList<ServerProfile> ProfileStore::load() const
{
    QList<ServerProfile> profiles;
    const int n = m_settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        ServerProfile p;
        p.name = m_settings.value(QStringLiteral("name")).toString();
        p.url = QUrl(m_settings.value(QStringLiteral("url")).toString());
        p.environment = m_settings.value(QStringLiteral("environment")).toString() == QLatin1String("test")
            ? ServerProfile::Environment::Test
            : ServerProfile::Environment::Live;
        p.lastLogin = m_settings.value(QStringLiteral("lastLogin")).toString();
        p.rememberPassword = m_settings.value(QStringLiteral("rememberPassword"), false).toBool();
        if (p.isValid())
            profiles << p;
    }
    m_settings.endArray();
    return profiles;
}

void ProfileStore::save(const QList<ServerProfile> &profiles)
{
    m_settings.beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ServerProfile &p = profiles.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), p.name);
        m_settings.setValue(QStringLiteral("url"), p.url.toString());
        m_settings.setValue(
            QStringLiteral("environment"), p.isLive() ? QStringLiteral("live") : QStringLiteral("test"));
        m_settings.setValue(QStringLiteral("lastLogin"), p.lastLogin);
        m_settings.setValue(QStringLiteral("rememberPassword"), p.rememberPassword);
    }
    m_settings.endArray();
}

QString ProfileStore::lastUsed() const
{
    return m_settings.value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings.setValue(QStringLiteral("lastProfile"), name);
}

} // namespace mailadmin::api
