#include "Validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <zxcvbn.h>

namespace mailadmin::validation {

namespace {

bool isAtext(QChar c)
{
    if (c.unicode() > 0x7f)
        return false;
    if (c.isLetterOrNumber())
        return true;
    static const QString specials = QStringLiteral("!#$%&'*+-/=?^_`{|}~");
    return specials.contains(c);
}

bool isLdhLabel(const QString &label)
{
    if (label.isEmpty() || label.size() > 63)
        return false;
    if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return false;
    for (QChar c : label) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-';
        if (!ok)
            return false;
    }
    // "xn--" is fine; other labels with hyphens in positions 3 and 4 are reserved.
    if (label.size() >= 4 && label.at(2) == QLatin1Char('-') && label.at(3) == QLatin1Char('-')
        && !label.startsWith(QLatin1String("xn--")))
        return false;
    return true;
}

} // namespace

bool hasControlCharacters(const QString &text, bool multiline)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (multiline && (u == '\n' || u == '\t' || u == '\r'))
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

Verdict normalizeDomainName(const QString &input)
{
    QString name = input.trimmed();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty())
        return Verdict::reject(QStringLiteral("required"), QCoreApplication::translate("Validation", "A domain name is required."));
    if (hasControlCharacters(name) || name.contains(QLatin1Char(' ')))
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "A domain name cannot contain spaces or control characters."));
    if (name.size() > 253)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "A domain name has at most 253 characters."));
    const QByteArray ace = QUrl::toAce(name.toLower());
    if (ace.isEmpty())
        return Verdict::reject(
            QStringLiteral("invalid"), QCoreApplication::translate("Validation", "This is not a valid internationalized domain name."));
    const QString aceName = QString::fromLatin1(ace).toLower();
    if (aceName.size() > 253)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "A domain name has at most 253 characters."));
    const QStringList labels = aceName.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "A domain name needs at least two labels, such as example.com."));
    for (const QString &label : labels) {
        if (label.size() > 63)
            return Verdict::reject(QStringLiteral("invalid"),
                QCoreApplication::translate("Validation", "Each part of a domain name has at most 63 characters."));
        if (!isLdhLabel(label))
            return Verdict::reject(QStringLiteral("invalid"),
                QCoreApplication::translate("Validation", "Each part of a domain name uses letters, digits and inner hyphens only."));
    }
    static const QRegularExpression numeric(QStringLiteral("^[0-9]+$"));
    if (numeric.match(labels.last()).hasMatch())
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "The last part of a domain name cannot be all digits."));
    return Verdict::accept(aceName);
}

QString domainForDisplay(const QString &aceName)
{
    // Every top-level domain: Qt's default list of IDN-safe ones leaves out .fr, for one.
    return QUrl::fromAce(aceName.toLatin1(), QUrl::IgnoreIDNWhitelist);
}

QString addressForDisplay(const QString &stored)
{
    if (!stored.contains(QLatin1String("xn--"), Qt::CaseInsensitive))
        return stored;
    const qsizetype at = stored.lastIndexOf(QLatin1Char('@'));
    return stored.left(at + 1) + domainForDisplay(stored.mid(at + 1));
}

QString sortKey(const QString &name)
{
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toCaseFolded();
}

QString sizeForPeople(qint64 bytes)
{
    static const char *units[] = {"bytes", "KB", "MB", "GB", "TB"};
    double v = double(bytes);
    int unit = 0;
    while (v >= 1024.0 && unit < 4) {
        v /= 1024.0;
        ++unit;
    }
    const QString number = unit == 0 || v >= 100 || v == double(qint64(v))
        ? QString::number(qint64(v + 0.5))
        : QString::number(v, 'f', 1);
    return number + QLatin1Char(' ') + QLatin1String(units[unit]);
}

Verdict normalizeLocalPart(const QString &input)
{
    const QString local = input.trimmed().toLower();
    if (local.isEmpty())
        return Verdict::reject(QStringLiteral("required"), QCoreApplication::translate("Validation", "A mailbox name is required."));
    if (local.size() > 64)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "A mailbox name has at most 64 characters."));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
        || local.contains(QLatin1String("..")))
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "A mailbox name cannot start or end with a dot or have two dots in a row."));
    for (QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c))
            return Verdict::reject(QStringLiteral("invalid"),
                QCoreApplication::translate("Validation", "A mailbox name uses letters a–z, digits and . _ - + and similar symbols only."));
    }
    return Verdict::accept(local);
}

Verdict normalizeEmail(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Verdict::reject(QStringLiteral("required"), QCoreApplication::translate("Validation", "An e-mail address is required."));
    if (text.size() > 254 + 64)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "An e-mail address has at most 254 characters."));
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == text.size() - 1)
        return Verdict::reject(
            QStringLiteral("invalid"), QCoreApplication::translate("Validation", "An e-mail address looks like name@example.com."));
    const Verdict local = normalizeLocalPart(text.left(at));
    if (!local.ok()) {
        // Said of an e-mail address, not of a mailbox on this server.
        if (local.code == QLatin1String("too_long"))
            return Verdict::reject(QStringLiteral("invalid"),
                QCoreApplication::translate("Validation", "The part of an e-mail address before the @ has at most 64 characters."));
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "The part of an e-mail address before the @ uses letters, digits and . _ - + "
                           "and similar symbols, with no dot at either end or two in a row."));
    }
    const Verdict domain = normalizeDomainName(text.mid(at + 1));
    if (!domain.ok())
        return Verdict::reject(QStringLiteral("invalid"), domain.message);
    const QString address = local.value + QLatin1Char('@') + domain.value;
    if (address.size() > 254)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "An e-mail address has at most 254 characters."));
    return Verdict::accept(address);
}

Verdict normalizeColour(const QString &input)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    const QString text = input.trimmed();
    if (!re.match(text).hasMatch())
        return Verdict::reject(
            QStringLiteral("invalid"), QCoreApplication::translate("Validation", "A colour is written #rrggbb, for example #1a73e8."));
    return Verdict::accept(text.toLower());
}

Verdict normalizeUrl(const QString &input)
{
    const QString text = input.trimmed();
    if (text.size() > 2048)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "A URL has at most 2048 characters."));
    if (hasControlCharacters(text) || text.contains(QLatin1Char(' ')))
        return Verdict::reject(
            QStringLiteral("invalid"), QCoreApplication::translate("Validation", "A URL cannot contain spaces or control characters."));
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty())
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "A URL starts with https:// or http:// and names a host."));
    if (!url.userInfo().isEmpty())
        return Verdict::reject(
            QStringLiteral("invalid"), QCoreApplication::translate("Validation", "A URL here cannot carry a user name or password."));
    return Verdict::accept(url.toString(QUrl::FullyEncoded));
}

Verdict normalizePhone(const QString &input)
{
    static const QRegularExpression re(QStringLiteral("^\\+?[0-9 ().\\-]{4,40}$"));
    const QString text = input.trimmed();
    if (text.size() > 64)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "A telephone number has at most 64 characters."));
    if (!re.match(text).hasMatch())
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "A telephone number uses digits, spaces, dashes, dots, parentheses and an "
                           "optional leading +."));
    int digits = 0;
    for (QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    if (digits < 4 || digits > 20)
        return Verdict::reject(
            QStringLiteral("invalid"), QCoreApplication::translate("Validation", "A telephone number has between 4 and 20 digits."));
    return Verdict::accept(text);
}

Verdict normalizeLogin(const QString &input)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._@-]{2,63}$"));
    const QString text = input.trimmed().toLower();
    if (text.isEmpty())
        return Verdict::reject(QStringLiteral("required"), QCoreApplication::translate("Validation", "A login name is required."));
    if (text.size() > 64)
        return Verdict::reject(
            QStringLiteral("too_long"), QCoreApplication::translate("Validation", "A login name has at most 64 characters."));
    if (!re.match(text).hasMatch())
        return Verdict::reject(QStringLiteral("invalid"),
            QCoreApplication::translate("Validation", "A login name has 3 to 64 of a–z, 0–9, '.', '_', '-' and '@', and starts with a "
                           "letter or digit."));
    return Verdict::accept(text);
}

PasswordCheck checkPassword(const QString &password, const QStringList &context)
{
    PasswordCheck check;
    if (password.size() < 10)
        check.reasons << QCoreApplication::translate("Validation", "Use at least 10 characters.");
    if (password.size() > 128)
        check.reasons << QCoreApplication::translate("Validation", "Use at most 128 characters.");
    if (hasControlCharacters(password))
        check.reasons << QCoreApplication::translate("Validation", "Control characters are not allowed.");
    const QString lowered = password.toLower();
    for (const QString &word : context) {
        if (word.size() >= 3 && lowered.contains(word.toLower())) {
            check.reasons << QCoreApplication::translate("Validation", "Do not include the account name.");
            break;
        }
    }
    // The length rules come first: a password that breaks them needs no estimate.
    if (password.size() >= 10 && password.size() <= 128) {
        const PasswordStrength strength = estimatePasswordStrength(password);
        if (strength.bits < kMinimumPasswordBits) {
            QString reason = QCoreApplication::translate("Validation", "This password is too easy to guess");
            if (!strength.weaknesses.isEmpty())
                reason += QStringLiteral(": ") + strength.weaknesses.join(QStringLiteral("; "));
            check.reasons << reason
                    + QStringLiteral(". Add more words or characters that do not follow a "
                                     "pattern.");
        }
    }
    return check;
}

PasswordStrength estimatePasswordStrength(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    ZxcMatch_t *info = nullptr;
    PasswordStrength strength;
    strength.bits = ZxcvbnMatch(utf8.constData(), nullptr, &info);
    bool word = false, leet = false, date = false, sequence = false, keyboard = false, repeat = false;
    for (const ZxcMatch_t *m = info; m; m = m->Next) {
        switch (int(m->Type) & ~int(MULTIPLE_MATCH)) {
        case DICTIONARY_MATCH:
        case USER_MATCH:
            word = true;
            break;
        case DICT_LEET_MATCH:
        case USER_LEET_MATCH:
            word = leet = true;
            break;
        case DATE_MATCH:
        case YEAR_MATCH:
            date = true;
            break;
        case SEQUENCE_MATCH:
            sequence = true;
            break;
        case SPATIAL_MATCH:
            keyboard = true;
            break;
        case REPEATS_MATCH:
            repeat = true;
            break;
        default:
            break;
        }
        if (int(m->Type) & int(MULTIPLE_MATCH))
            repeat = true;
    }
    ZxcvbnFreeInfo(info);
    if (word)
        strength.weaknesses << QStringLiteral("it is built on a common word or name");
    if (leet)
        strength.weaknesses << QStringLiteral("symbols in place of letters (@ for a, 0 for o) do not help");
    if (date)
        strength.weaknesses << QStringLiteral("years and dates are among the first guesses");
    if (sequence)
        strength.weaknesses << QStringLiteral("runs such as abc or 123 are easy to guess");
    if (keyboard)
        strength.weaknesses << QStringLiteral("keyboard patterns such as qwerty are easy to guess");
    if (repeat)
        strength.weaknesses << QStringLiteral("repeated characters or groups add little");
    return strength;
}

} // namespace mailadmin::validation
