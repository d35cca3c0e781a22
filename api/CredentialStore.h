#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace mailadmin::api {

// Remembered passwords in the operating system's keyring (QtKeychain). Where no keyring is running it says
// so, and nothing is stored anywhere else.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);

    enum class Outcome
    {
        Done,
        NotFound,
        NoKeyring,
        Failed
    };
    using Done = std::function<void(Outcome, const QString &password)>;

    void read(const QString &key, QObject *context, Done done);
    void write(const QString &key, const QString &password, QObject *context, Done done);
    void forget(const QString &key);

    // For tests and for machines where the keyring is known to be missing.
    void setDisabled(bool disabled) { m_disabled = disabled; }

private:
    bool m_disabled = false;
};

} // namespace mailadmin::api
