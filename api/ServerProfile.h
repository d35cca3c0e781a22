#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace mailadmin::api {

// A server the admin connects to, and whether it is the live service or a test one.
struct ServerProfile
{
    enum class Environment
    {
        Live,
        Test
    };

    QString name;
    QUrl url;
    Environment environment = Environment::Live;
    QString lastLogin;
    bool rememberPassword = false;

    bool isValid() const
    {
        return !name.trimmed().isEmpty() && url.isValid()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            && !url.host().isEmpty();
    }
    bool isLive() const { return environment == Environment::Live; }
    // The key a remembered password is stored under in the keyring.
    QString keyringKey() const { return lastLogin + QLatin1Char('@') + url.toString(QUrl::RemoveUserInfo); }
};

// Server profiles kept in the user's settings.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings &settings) : m_settings(settings) { }
    QList<ServerProfile> load() const;
    void save(const QList<ServerProfile> &profiles);
    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace mailadmin::api
