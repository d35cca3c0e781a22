#pragma once

#include <QByteArray>
#include <QString>

namespace mailadmin::auth {

// argon2id password hashes (libsodium), in the self-describing "$argon2id$..." string form.
class PasswordHasher
{
public:
    enum class Strength
    {
        Interactive,
        Fast
    };
    // Fast is for tests and demo data only: it keeps the argon2id format with the smallest cost.
    static void setStrength(Strength strength);

    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // Spends the same effort as a verification, for unknown logins, so timing does not reveal them.
    static void burn(const QString &password);

    // A random password of `length` characters from an alphabet without look-alike characters.
    static QString generate(int length = 16);
    // 256 random bits, base64url without padding.
    static QString newToken();
    static QByteArray tokenHash(const QString &token);
};

} // namespace mailadmin::auth
