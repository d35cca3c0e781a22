#pragma once

#include <QString>
#include <QStringList>

namespace mailadmin::validation {

// The outcome of checking one value: either a normalized value, or a code and a human message.
struct Verdict
{
    QString value;
    QString code;
    QString message;

    bool ok() const { return code.isEmpty(); }
    static Verdict accept(QString v) { return Verdict {std::move(v), {}, {}}; }
    static Verdict reject(QString code, QString message)
    {
        return Verdict {{}, std::move(code), std::move(message)};
    }
};

// True when the text holds a C0/C1 control character (newline and tab allowed only when multiline).
bool hasControlCharacters(const QString &text, bool multiline = false);

// Domain names: Unicode input becomes lower-case punycode; label and length rules apply.
Verdict normalizeDomainName(const QString &input);
// The Unicode form of a stored (punycode) domain name, for display.
QString domainForDisplay(const QString &aceName);
// An address (local@domain) or a domain name as people write it: its domain in Unicode, not punycode.
QString addressForDisplay(const QString &stored);
// Mailbox local parts: dot-atom, at most 64 characters, stored lower-case.
// A size as people read it in a message: "50 GB", "1.5 GB", "512 MB" (units of 1024), not a byte count.
QString sizeForPeople(qint64 bytes);

// The form a name sorts by: lower case with accents folded ("Ángel" → "angel", "Zoë" → "zoe").
QString sortKey(const QString &name);

Verdict normalizeLocalPart(const QString &input);
// An e-mail address: local part + '@' + domain, both normalized.
Verdict normalizeEmail(const QString &input);
// #rrggbb, stored lower-case.
Verdict normalizeColour(const QString &input);
// http or https URL with a host.
Verdict normalizeUrl(const QString &input);
// A telephone number as people write it: digits, spaces, dashes, dots, parentheses, an optional leading '+'.
Verdict normalizePhone(const QString &input);
// Admin login names: 3 to 64 of a-z 0-9 . _ - @
Verdict normalizeLogin(const QString &input);

struct PasswordCheck
{
    QStringList reasons; // empty when acceptable
    bool ok() const { return reasons.isEmpty(); }
};
// The password policy: 10 to 128 characters, no control characters, not the account name, and hard to
// guess as a real strength estimator (zxcvbn) sees it: common words and names, look-alike substitutions,
// years, sequences, keyboard patterns and repeats count for little. `context` holds strings the password
// must not contain (login, local part).
PasswordCheck checkPassword(const QString &password, const QStringList &context = {});

// At least this many bits of estimated guessing entropy (about 7·10^10 guesses): beyond what an online
// attacker gets through the sign-in throttle, and costly offline against argon2id.
constexpr double kMinimumPasswordBits = 36;
struct PasswordStrength
{
    double bits = 0; // log2 of the estimated guesses
    QStringList weaknesses; // what made it guessable, in words
};
PasswordStrength estimatePasswordStrength(const QString &password);

} // namespace mailadmin::validation
