#include "store/RollupChanges.h"

#include "store/StatsRepository.h"

namespace mailadmin::store {

size_t qHash(const RollupChanges::Key &k, size_t seed)
{
    return qHashMulti(seed, k.scope, k.id, k.bucket);
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

void RollupChanges::addCounters(const UserRef &user, qint64 hour, const Counters &c)
{
    const auto add = [&](Counters &to) {
        to.imap += c.imap;
        to.pop += c.pop;
        to.webmail += c.webmail;
        to.smtp += c.smtp;
        to.failed += c.failed;
        to.messages += c.messages;
        to.recipients += c.recipients;
        to.bytes += c.bytes;
    };
    const qint64 day = hour / 24;
    for (const auto &[scope, id] :
        {std::pair {'u', user.userId}, std::pair {'d', user.domainId}, std::pair {'c', user.companyId}}) {
        add(m_hourly[Key {scope, id, hour}]);
        add(m_daily[Key {scope, id, day}]);
    }
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
    m_hourly.clear();
    m_daily.clear();
    m_lastLogins.clear();
    loginRows = Range();
    messageRows = Range();
}

} // namespace mailadmin::store
