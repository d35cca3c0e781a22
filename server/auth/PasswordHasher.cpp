#include "auth/PasswordHasher.h"

#include <QCryptographicHash>

#include <sodium.h>

#include <atomic>

namespace mailadmin::auth {

namespace {
std::atomic<PasswordHasher::Strength> g_strength {PasswordHasher::Strength::Interactive};

struct SodiumInit
{
    SodiumInit()
    {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    }
};
const SodiumInit &sodium()
{
    static const SodiumInit init;
    return init;
}

unsigned long long opsLimit()
{
    return g_strength == PasswordHasher::Strength::Fast ? crypto_pwhash_OPSLIMIT_MIN
                                                        : crypto_pwhash_OPSLIMIT_INTERACTIVE;
}
size_t memLimit()
{
    return g_strength == PasswordHasher::Strength::Fast ? 64 * 1024 : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}
} // namespace

void PasswordHasher::setStrength(Strength strength)
{
    g_strength = strength;
}

QString PasswordHasher::hash(const QString &password)
{
    sodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, utf8.constData(), quint64(utf8.size()), opsLimit(), memLimit(), crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        qFatal("argon2id hashing ran out of memory");
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    sodium();
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (h.isEmpty())
        return false;
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

void PasswordHasher::burn(const QString &password)
{
    static const QString dummy = hash(QStringLiteral("not a real password, only spent time"));
    (void)verify(dummy, password);
}

QString PasswordHasher::generate(int length)
{
    sodium();
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_.!";
    const uint32_t n = sizeof(alphabet) - 1;
    for (;;) {
        QString out;
        bool lower = false, upper = false, digit = false;
        for (int i = 0; i < length; ++i) {
            const char c = alphabet[randombytes_uniform(n)];
            lower |= (c >= 'a' && c <= 'z');
            upper |= (c >= 'A' && c <= 'Z');
            digit |= (c >= '0' && c <= '9');
            out += QLatin1Char(c);
        }
        if (lower && upper && digit)
            return out;
    }
}

QString PasswordHasher::newToken()
{
    sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray PasswordHasher::tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256);
}

} // namespace mailadmin::auth
