#include "store/RollupChanges.h"

#include "store/StatsRepository.h"

#include <algorithm>

namespace mailadmin::store {

size_t qHash(const RollupChanges::Key &k, size_t seed)
{
    return qHashMulti(seed, k.scope, k.id, k.bucket);
}

size_t qHash(const RollupChanges::UserHour &k, size_t seed)
{
    return qHashMulti(seed, k.userId, k.hour, k.domainId, k.companyId);
}

int RollupChanges::protocolIndex(QStringView protocol)
{
    if (protocol == u"imap")
        return Imap;
    if (protocol == u"pop")
        return Pop;
    if (protocol == u"webmail")
        return Webmail;
    if (protocol == u"smtp")
        return Smtp;
    return -1;
}

namespace {

void addTo(RollupChanges::Counters &to, const RollupChanges::Counters &c)
{
    to.imap += c.imap;
    to.pop += c.pop;
    to.webmail += c.webmail;
    to.smtp += c.smtp;
    to.failed += c.failed;
    to.messages += c.messages;
    to.recipients += c.recipients;
    to.bytes += c.bytes;
}

} // namespace

void RollupChanges::addCounters(const UserRef &user, qint64 hour, const Counters &c)
{
    addTo(m_userHours[UserHour {user.userId, user.domainId, user.companyId, hour}], c);
}

std::vector<RollupChanges::Row> RollupChanges::rows(bool daily) const
{
    std::vector<Row> out;
    QHash<Key, Counters> summed;
    for (auto it = m_userHours.constBegin(); it != m_userHours.constEnd(); ++it) {
        const UserHour &k = it.key();
        const qint64 bucket = daily ? k.hour / 24 : k.hour;
        addTo(summed[Key {'d', k.domainId, bucket}], it.value());
        addTo(summed[Key {'c', k.companyId, bucket}], it.value());
        addTo(summed[Key {'u', k.userId, bucket}], it.value());
    }
    out.reserve(size_t(summed.size()));
    for (auto it = summed.constBegin(); it != summed.constEnd(); ++it)
        out.push_back(Row {it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const Row &a, const Row &b) { return a.key < b.key; });
    return out;
}

void RollupChanges::addLogins(const UserRef &user, qint64 hour, int protocol, bool success, qint64 n)
{
    Counters c;
    if (!success)
        c.failed = n;
    else if (protocol == Imap)
        c.imap = n;
    else if (protocol == Pop)
        c.pop = n;
    else if (protocol == Webmail)
        c.webmail = n;
    else
        c.smtp = n;
    addCounters(user, hour, c);
}

void RollupChanges::addMessages(const UserRef &user, qint64 hour, qint64 n, qint64 recipients, qint64 bytes)
{
    Counters c;
    c.messages = n;
    c.recipients = recipients;
    c.bytes = bytes;
    addCounters(user, hour, c);
}

void RollupChanges::addLastLogin(qint64 userId, int protocol, qint64 at)
{
    qint64 &latest = m_lastLogins[{userId, protocol}];
    latest = std::max(latest, at);
}

void RollupChanges::add(const LoginEvent &e)
{
    const int protocol = protocolIndex(e.protocol);
    addLogins(e.user, e.at / 3600, protocol, e.success, 1);
    if (e.success && protocol >= 0)
        addLastLogin(e.user.userId, protocol, e.at);
}

void RollupChanges::add(const MessageEvent &e)
{
    addMessages(e.user, e.at / 3600, 1, e.recipients, e.bytes);
}

void RollupChanges::Range::extend(qint64 from, qint64 to)
{
    if (from > to)
        return;
    if (first == 0 && last == 0) {
        first = from;
        last = to;
        return;
    }
    if (from != last + 1)
        contiguous = false;
    last = std::max(last, to);
    first = std::min(first, from);
}

void RollupChanges::clear()
{
    m_userHours.clear();
    m_lastLogins.clear();
    loginRows = Range();
    messageRows = Range();
}

} // namespace mailadmin::store
