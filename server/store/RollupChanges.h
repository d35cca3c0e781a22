#pragma once

#include <QHash>

#include <tuple>
#include <vector>

namespace mailadmin::store {

struct UserRef;
struct LoginEvent;
struct MessageEvent;

// Rollup changes summed in memory: by the fold from the raw rows it reads, or by a writer from the events it
// stores, so the fold can write them without reading those rows back. Each key is a scope ('u', 'd', 'c'),
// its id and an hour or day since the epoch.
class RollupChanges
{
public:
    struct Key
    {
        char scope;
        qint64 id;
        qint64 bucket;
        bool operator==(const Key &o) const { return scope == o.scope && id == o.id && bucket == o.bucket; }
        bool operator<(const Key &o) const
        {
            return std::tie(scope, id, bucket) < std::tie(o.scope, o.id, o.bucket);
        }
    };
    struct Counters
    {
        qint64 imap = 0, pop = 0, webmail = 0, smtp = 0, failed = 0, messages = 0, recipients = 0, bytes = 0;
    };
    enum Protocol
    {
        Imap,
        Pop,
        Webmail,
        Smtp,
        Protocols
    };
    static int protocolIndex(QStringView protocol); // -1 for none of the four

    // `n` logins of one user, protocol and outcome in one hour.
    void addLogins(const UserRef &user, qint64 hour, int protocol, bool success, qint64 n);
    void addMessages(const UserRef &user, qint64 hour, qint64 n, qint64 recipients, qint64 bytes);
    // A successful login's time, for the user's last login per protocol.
    void addLastLogin(qint64 userId, int protocol, qint64 at);
    void add(const LoginEvent &e);
    void add(const MessageEvent &e);

    // The rows these changes add to the hourly or daily rollups of users, domains and companies, in key
    // order (the order of the tables). Changes are summed per user and hour as they come (one lookup per
    // event); the domain, company and daily rows are derived here, once.
    struct Row
    {
        Key key;
        Counters counters;
    };
    std::vector<Row> rows(bool daily) const;
    // Users' hours with changes: each gives at most two user rows (its hour and its day) and adds to rows
    // of one domain and one company.
    qsizetype userHours() const { return m_userHours.size(); }
    const QHash<std::pair<qint64, int>, qint64> &lastLogins() const { return m_lastLogins; }

    // The raw rows these changes are of, by id (writers record them as they insert): the fold uses the
    // changes only when they cover exactly the rows waiting to be folded.
    struct Range
    {
        qint64 first = 0, last = 0; // 0, 0: none
        bool contiguous = true;
        void extend(qint64 from, qint64 to);
    };
    Range loginRows, messageRows;

    bool isEmpty() const { return m_userHours.isEmpty() && m_lastLogins.isEmpty(); }
    void clear();

private:
    void addCounters(const UserRef &user, qint64 hour, const Counters &c);

    // A user's hour, with the domain and company the events were filed under (raw rows read back may name
    // another domain for the same user, if the user moved between them).
    struct UserHour
    {
        qint64 userId, domainId, companyId, hour;
        bool operator==(const UserHour &o) const
        {
            return userId == o.userId && hour == o.hour && domainId == o.domainId && companyId == o.companyId;
        }
    };
    friend size_t qHash(const UserHour &k, size_t seed);
    QHash<UserHour, Counters> m_userHours;
    QHash<std::pair<qint64, int>, qint64> m_lastLogins; // (user, protocol) -> newest successful login
};

size_t qHash(const RollupChanges::Key &k, size_t seed = 0);

} // namespace mailadmin::store
