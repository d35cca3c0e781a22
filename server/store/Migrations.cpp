#include "store/Migrations.h"

#include <utility>

namespace mailadmin::store {

namespace {

QStringList directorySchema()
{
    return {
        QStringLiteral(R"(CREATE TABLE companies (
            id {{ID}},
            name TEXT NOT NULL,
            name_lc TEXT NOT NULL UNIQUE,
            default_quota BIGINT NOT NULL,
            quota_maximum BIGINT NOT NULL,
            user_limit INTEGER NOT NULL DEFAULT 0,
            alias_limit INTEGER NOT NULL DEFAULT 0,
            service_imap TEXT NOT NULL DEFAULT 'enabled',
            service_pop TEXT NOT NULL DEFAULT 'enabled',
            service_webmail TEXT NOT NULL DEFAULT 'enabled',
            service_smtp TEXT NOT NULL DEFAULT 'enabled',
            smtp_send_limit INTEGER NOT NULL DEFAULT 500,
            brand_id BIGINT,
            language TEXT NOT NULL DEFAULT 'en',
            notes TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE contacts (
            id {{ID}},
            company_id BIGINT NOT NULL REFERENCES companies(id),
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            phone TEXT,
            notes TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX contacts_company ON contacts (company_id, type, id)"),
        QStringLiteral(R"(CREATE TABLE brands (
            id {{ID}},
            company_id BIGINT NOT NULL REFERENCES companies(id),
            name TEXT NOT NULL,
            name_lc TEXT NOT NULL,
            product_name TEXT NOT NULL DEFAULT '',
            primary_colour TEXT NOT NULL DEFAULT '#1a5fb4',
            accent_colour TEXT NOT NULL DEFAULT '#e66100',
            logo {{BLOB}},
            logo_type TEXT,
            support_url TEXT,
            support_email TEXT,
            login_message TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (company_id, name_lc)))"),
        QStringLiteral(R"(CREATE TABLE domains (
            id {{ID}},
            company_id BIGINT NOT NULL REFERENCES companies(id),
            name TEXT NOT NULL UNIQUE,
            aliases TEXT NOT NULL DEFAULT '[]',
            default_quota BIGINT NOT NULL,
            quota_maximum BIGINT NOT NULL,
            user_limit INTEGER NOT NULL DEFAULT 0,
            disabled INTEGER NOT NULL DEFAULT 0,
            brand_id BIGINT REFERENCES brands(id),
            notes TEXT NOT NULL DEFAULT '',
            user_count INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT))"),
        QStringLiteral("CREATE INDEX domains_company ON domains (company_id, deleted_at, name)"),
        QStringLiteral("CREATE INDEX domains_deleted ON domains (deleted_at)"),
        QStringLiteral(R"(CREATE TABLE domain_aliases (
            name TEXT PRIMARY KEY,
            domain_id BIGINT NOT NULL REFERENCES domains(id)))"),
        QStringLiteral("CREATE INDEX domain_aliases_domain ON domain_aliases (domain_id)"),
        QStringLiteral(R"(CREATE TABLE users (
            id {{ID}},
            domain_id BIGINT NOT NULL REFERENCES domains(id),
            local_part TEXT NOT NULL,
            address TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            display_name TEXT NOT NULL DEFAULT '',
            name_lc TEXT NOT NULL DEFAULT '',
            quota BIGINT NOT NULL,
            used_bytes BIGINT NOT NULL DEFAULT 0,
            aliases TEXT NOT NULL DEFAULT '[]',
            forward_recipients TEXT NOT NULL DEFAULT '[]',
            service_imap TEXT NOT NULL DEFAULT 'enabled',
            service_pop TEXT NOT NULL DEFAULT 'enabled',
            service_webmail TEXT NOT NULL DEFAULT 'enabled',
            service_smtp TEXT NOT NULL DEFAULT 'enabled',
            status TEXT NOT NULL DEFAULT 'active',
            brand_id BIGINT REFERENCES brands(id),
            notes TEXT NOT NULL DEFAULT '',
            password_hash TEXT,
            last_login_imap BIGINT,
            last_login_pop BIGINT,
            last_login_webmail BIGINT,
            last_login_smtp BIGINT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT))"),
        QStringLiteral("CREATE INDEX users_domain_address ON users (domain_id, address, status)"),
        QStringLiteral("CREATE INDEX users_domain_name ON users (domain_id, name_lc, status)"),
        // The sort indexes carry status so that paging past rows (OFFSET) never reads the table.
        QStringLiteral("CREATE INDEX users_domain_status ON users (domain_id, status)"),
        QStringLiteral("CREATE INDEX users_domain_type ON users (domain_id, type)"),
        QStringLiteral("CREATE INDEX users_domain_created ON users (domain_id, created_at, status)"),
        QStringLiteral("CREATE INDEX users_domain_quota ON users (domain_id, quota, status)"),
        QStringLiteral("CREATE INDEX users_domain_used ON users (domain_id, used_bytes, status)"),
        QStringLiteral("CREATE INDEX users_name ON users (name_lc)"),
        QStringLiteral("CREATE INDEX users_deleted ON users (deleted_at)"),
        QStringLiteral(R"(CREATE TABLE user_aliases (
            address TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id),
            company_id BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX user_aliases_user ON user_aliases (user_id)"),
        QStringLiteral("CREATE INDEX user_aliases_company ON user_aliases (company_id)"),
        QStringLiteral(R"(CREATE TABLE admins (
            id {{ID}},
            login TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL,
            company_id BIGINT REFERENCES companies(id),
            domains TEXT NOT NULL DEFAULT '[]',
            disabled INTEGER NOT NULL DEFAULT 0,
            last_login_at BIGINT,
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX admins_company ON admins (company_id, login)"),
        QStringLiteral(R"(CREATE TABLE admin_domains (
            admin_id BIGINT NOT NULL REFERENCES admins(id),
            domain_id BIGINT NOT NULL REFERENCES domains(id),
            PRIMARY KEY (admin_id, domain_id)))"),
        QStringLiteral("CREATE INDEX admin_domains_domain ON admin_domains (domain_id)"),
        QStringLiteral(R"(CREATE TABLE sessions (
            id {{ID}},
            token_hash TEXT NOT NULL UNIQUE,
            admin_id BIGINT NOT NULL REFERENCES admins(id),
            created_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            remote_address TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX sessions_admin ON sessions (admin_id)"),
        QStringLiteral("CREATE INDEX sessions_expiry ON sessions (expires_at)"),
        QStringLiteral(R"(CREATE TABLE login_failures (
            id {{ID}},
            login TEXT NOT NULL,
            remote_address TEXT NOT NULL,
            at BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX login_failures_login ON login_failures (login, at)"),
        QStringLiteral("CREATE INDEX login_failures_address ON login_failures (remote_address, at)"),
        QStringLiteral(R"(CREATE TABLE audit (
            id {{ID}},
            at BIGINT NOT NULL,
            actor_id BIGINT,
            actor_login TEXT NOT NULL,
            company_id BIGINT,
            domain_id BIGINT,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{}'))"),
        QStringLiteral("CREATE INDEX audit_at ON audit (at)"),
        QStringLiteral("CREATE INDEX audit_company ON audit (company_id, at)"),
        QStringLiteral("CREATE INDEX audit_domain ON audit (domain_id, at)"),
        QStringLiteral("CREATE INDEX audit_object ON audit (object_type, object_id, at)"),
        QStringLiteral("CREATE INDEX audit_actor ON audit (actor_login, at)"),
    };
}

QStringList statsSchema()
{
    const QString counters
        = QStringLiteral("logins_imap BIGINT NOT NULL DEFAULT 0, logins_pop BIGINT NOT NULL DEFAULT 0, "
                         "logins_webmail BIGINT NOT NULL DEFAULT 0, logins_smtp BIGINT NOT NULL DEFAULT 0, "
                         "failed_logins BIGINT NOT NULL DEFAULT 0, messages BIGINT NOT NULL DEFAULT 0, "
                         "recipients BIGINT NOT NULL DEFAULT 0, bytes BIGINT NOT NULL DEFAULT 0");
    return {
        // Raw events, kept for a bounded time (35 days by default).
        QStringLiteral(R"(CREATE TABLE login_events (
            id {{ID}},
            at BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            domain_id BIGINT NOT NULL,
            company_id BIGINT NOT NULL,
            protocol TEXT NOT NULL,
            success INTEGER NOT NULL,
            remote_address TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX login_events_user ON login_events (user_id, at)"),
        QStringLiteral("CREATE INDEX login_events_at ON login_events (at)"),
        QStringLiteral(R"(CREATE TABLE message_events (
            id {{ID}},
            at BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            domain_id BIGINT NOT NULL,
            company_id BIGINT NOT NULL,
            recipients INTEGER NOT NULL,
            bytes BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX message_events_user ON message_events (user_id, at)"),
        QStringLiteral("CREATE INDEX message_events_at ON message_events (at)"),
        QStringLiteral("CREATE INDEX message_events_company ON message_events (company_id, at)"),
        QStringLiteral("CREATE INDEX message_events_domain ON message_events (domain_id, at)"),
        QStringLiteral(R"(CREATE TABLE quota_samples (
            id {{ID}},
            at BIGINT NOT NULL,
            user_id BIGINT NOT NULL,
            used_bytes BIGINT NOT NULL,
            messages BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX quota_samples_user ON quota_samples (user_id, at)"),
        QStringLiteral("CREATE INDEX quota_samples_at ON quota_samples (at)"),
        // Rollups: scope 'c' company, 'd' domain, 'u' user; bucket = hours or days since the epoch (UTC).
        QStringLiteral("CREATE TABLE stats_hourly (scope TEXT NOT NULL, scope_id BIGINT NOT NULL, bucket "
                       "BIGINT NOT NULL, %1, "
                       "PRIMARY KEY (scope, scope_id, bucket))")
            .arg(counters),
        QStringLiteral("CREATE TABLE stats_daily (scope TEXT NOT NULL, scope_id BIGINT NOT NULL, bucket "
                       "BIGINT NOT NULL, %1, "
                       "used_bytes BIGINT, PRIMARY KEY (scope, scope_id, bucket))")
            .arg(counters),
        QStringLiteral("CREATE INDEX stats_daily_bucket ON stats_daily (scope, bucket)"),
        QStringLiteral("CREATE INDEX stats_hourly_bucket ON stats_hourly (scope, bucket)"),
        // The latest login of any kind, for active and inactive users.
        QStringLiteral("ALTER TABLE users ADD COLUMN last_login_at BIGINT"),
        QStringLiteral("UPDATE users SET last_login_at = (SELECT MAX(v) FROM (SELECT last_login_imap AS v "
                       "UNION ALL SELECT last_login_pop "
                       "UNION ALL SELECT last_login_webmail UNION ALL SELECT last_login_smtp) AS logins)"),
        QStringLiteral("CREATE INDEX users_domain_last_login ON users (domain_id, last_login_at)"),
        QStringLiteral("ALTER TABLE users ADD COLUMN messages BIGINT NOT NULL DEFAULT 0"),
        // Storage used in all of a domain or company, kept with each quota change, for the storage trend.
        QStringLiteral("ALTER TABLE domains ADD COLUMN used_bytes BIGINT NOT NULL DEFAULT 0"),
        // Deleted mailboxes still hold their mail until purged, so they count.
        QStringLiteral("UPDATE domains SET used_bytes = (SELECT COALESCE(SUM(u.used_bytes), 0) FROM users u "
                       "WHERE u.domain_id = domains.id)"),
        QStringLiteral(R"(CREATE TABLE ingest_batches (
            idempotency_key TEXT PRIMARY KEY,
            admin_id BIGINT NOT NULL,
            at BIGINT NOT NULL,
            result TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX ingest_batches_at ON ingest_batches (at)"),
        // Outbound spikes.
        QStringLiteral(R"(CREATE TABLE spike_thresholds (
            company_id BIGINT PRIMARY KEY REFERENCES companies(id),
            user_daily_floor INTEGER NOT NULL,
            user_hourly_floor INTEGER NOT NULL,
            domain_daily_floor INTEGER NOT NULL,
            domain_hourly_floor INTEGER NOT NULL,
            mad_multiplier DOUBLE PRECISION NOT NULL,
            minimum_factor DOUBLE PRECISION NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE alerts (
            id {{ID}},
            company_id BIGINT NOT NULL,
            domain_id BIGINT NOT NULL,
            user_id BIGINT,
            scope TEXT NOT NULL,
            subject TEXT NOT NULL,
            span TEXT NOT NULL,
            period_start BIGINT NOT NULL,
            observed BIGINT NOT NULL,
            baseline_median DOUBLE PRECISION NOT NULL,
            baseline_mad DOUBLE PRECISION NOT NULL,
            threshold DOUBLE PRECISION NOT NULL,
            factor DOUBLE PRECISION NOT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            acknowledged_by TEXT,
            acknowledged_at BIGINT,
            resolved_by TEXT,
            resolved_at BIGINT,
            note TEXT NOT NULL DEFAULT '',
            notified INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (scope, subject, span, period_start)))"),
        QStringLiteral("CREATE INDEX alerts_company ON alerts (company_id, status, period_start)"),
        QStringLiteral("CREATE INDEX alerts_domain ON alerts (domain_id, period_start)"),
        QStringLiteral("CREATE INDEX alerts_user ON alerts (user_id, period_start)"),
        // Daily CSV reports and the mail queue.
        QStringLiteral(R"(CREATE TABLE report_schedules (
            company_id BIGINT PRIMARY KEY REFERENCES companies(id),
            enabled INTEGER NOT NULL DEFAULT 1,
            time_of_day TEXT NOT NULL,
            recipients TEXT NOT NULL DEFAULT '[]',
            last_sent_day BIGINT,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE outbox (
            id {{ID}},
            created_at BIGINT NOT NULL,
            recipients TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            attachment_name TEXT,
            attachment {{BLOB}},
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            sent_at BIGINT,
            last_error TEXT))"),
        QStringLiteral("CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at)"),
    };
}

} // namespace

// Rollups are stored in the order of their key (scope, subject, period), so one subject's series and each
// incremental update touch few pages; and spike candidates are found by volume within a period.
QStringList clusteredRollups()
{
    const QString counters
        = QStringLiteral("logins_imap BIGINT NOT NULL DEFAULT 0, logins_pop BIGINT NOT NULL DEFAULT 0, "
                         "logins_webmail BIGINT NOT NULL DEFAULT 0, logins_smtp BIGINT NOT NULL DEFAULT 0, "
                         "failed_logins BIGINT NOT NULL DEFAULT 0, messages BIGINT NOT NULL DEFAULT 0, "
                         "recipients BIGINT NOT NULL DEFAULT 0, bytes BIGINT NOT NULL DEFAULT 0");
    const QString columns = QStringLiteral(
        "scope, scope_id, bucket, logins_imap, logins_pop, logins_webmail, logins_smtp, failed_logins, "
        "messages, recipients, bytes");
    return {
        QStringLiteral("CREATE TABLE stats_hourly_new (scope TEXT NOT NULL, scope_id BIGINT NOT NULL, bucket "
                       "BIGINT NOT NULL, %1, "
                       "PRIMARY KEY (scope, scope_id, bucket)){{CLUSTERED}}")
            .arg(counters),
        QStringLiteral("INSERT INTO stats_hourly_new (%1) SELECT %1 FROM stats_hourly").arg(columns),
        QStringLiteral("DROP TABLE stats_hourly"),
        QStringLiteral("ALTER TABLE stats_hourly_new RENAME TO stats_hourly"),
        QStringLiteral("CREATE TABLE stats_daily_new (scope TEXT NOT NULL, scope_id BIGINT NOT NULL, bucket "
                       "BIGINT NOT NULL, %1, "
                       "used_bytes BIGINT, PRIMARY KEY (scope, scope_id, bucket)){{CLUSTERED}}")
            .arg(counters),
        QStringLiteral("INSERT INTO stats_daily_new (%1, used_bytes) SELECT %1, used_bytes FROM stats_daily")
            .arg(columns),
        QStringLiteral("DROP TABLE stats_daily"),
        QStringLiteral("ALTER TABLE stats_daily_new RENAME TO stats_daily"),
        QStringLiteral("CREATE INDEX stats_daily_volume ON stats_daily (scope, bucket, messages)"),
        QStringLiteral("CREATE INDEX stats_hourly_volume ON stats_hourly (scope, bucket, messages)"),
    };
}

// Raw rows are folded into the rollups after they are stored: large batches in a pass a moment later, so a
// user's hourly row is written once per pass rather than once per batch. The marks say how far each went.
QStringList foldMarks()
{
    return {
        QStringLiteral("CREATE TABLE stats_fold (name TEXT PRIMARY KEY, last_id BIGINT NOT NULL)"),
        QStringLiteral(
            "INSERT INTO stats_fold (name, last_id) SELECT 'login', COALESCE(MAX(id), 0) FROM login_events"),
        QStringLiteral("INSERT INTO stats_fold (name, last_id) SELECT 'message', COALESCE(MAX(id), 0) FROM "
                       "message_events"),
    };
}

// A search by pattern ('*berg*') in a large domain would read every address. SQLite keeps a trigram index of
// addresses and names beside the table (it stores only the index; the text stays in users), kept current by
// triggers that fire only when one of those two columns really changes (an API update writes every column).
// PostgreSQL gets a pg_trgm index with its own issue.
QStringList userSearchIndex()
{
    return {
        QStringLiteral("{{SQLITE}}CREATE VIRTUAL TABLE user_search USING fts5(address, name_lc, "
                       "content='users', content_rowid='id', tokenize='trigram')"),
        QStringLiteral("{{SQLITE}}CREATE TRIGGER user_search_insert AFTER INSERT ON users BEGIN "
                       "INSERT INTO user_search (rowid, address, name_lc) "
                       "VALUES (new.id, new.address, new.name_lc); END"),
        QStringLiteral("{{SQLITE}}CREATE TRIGGER user_search_delete AFTER DELETE ON users BEGIN "
                       "INSERT INTO user_search (user_search, rowid, address, name_lc) "
                       "VALUES ('delete', old.id, old.address, old.name_lc); END"),
        QStringLiteral(
            "{{SQLITE}}CREATE TRIGGER user_search_update AFTER UPDATE OF address, name_lc ON users "
            "WHEN old.address IS NOT new.address OR old.name_lc IS NOT new.name_lc BEGIN "
            "INSERT INTO user_search (user_search, rowid, address, name_lc) "
            "VALUES ('delete', old.id, old.address, old.name_lc); "
            "INSERT INTO user_search (rowid, address, name_lc) "
            "VALUES (new.id, new.address, new.name_lc); END"),
        QStringLiteral("{{SQLITE}}INSERT INTO user_search (user_search) VALUES ('rebuild')"),
    };
}

// Where `mailadmind ingest` stopped in each log file, so a restart resumes there and a second run over the
// same file adds nothing. A file is known by its host, device and inode; the fingerprint (a hash of its first
// bytes) tells a file truncated and rewritten, or an inode reused, from the one that was read.
QStringList ingestPositions()
{
    return {
        QStringLiteral(R"(CREATE TABLE ingest_positions (
            host TEXT NOT NULL,
            device BIGINT NOT NULL,
            inode BIGINT NOT NULL,
            path TEXT NOT NULL,
            fingerprint_length INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            read_offset BIGINT NOT NULL,
            reader_state {{BLOB}},
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (host, device, inode)))"),
        QStringLiteral("CREATE INDEX ingest_positions_updated ON ingest_positions (updated_at)"),
    };
}

// Raw outbound rows are read only by id (the fold) and by time (the purge); the indexes by user, company and
// domain were never used by a query, and cost three index writes per message stored.
QStringList unusedMessageIndexes()
{
    return {
        QStringLiteral("DROP INDEX message_events_user"),
        QStringLiteral("DROP INDEX message_events_company"),
        QStringLiteral("DROP INDEX message_events_domain"),
    };
}

// Where mail lives, and the incidents that touch it. Clusters hold mail stores (a volume or backend host);
// each domain is on a cluster and each mailbox on a store of it. A database from before gets one default
// cluster and store holding everything, so nothing changes for it until an operator adds more.
// Incidents name what they affect; their per-company impact is kept beside them so an admin's question
// ("is my company affected?") is one indexed lookup, and each notice to a contact is one outbox row, queued
// once per update and contact (the unique key), so nothing is sent twice.
QStringList mailStoresAndIncidents()
{
    return {
        QStringLiteral(R"(CREATE TABLE clusters (
            id {{ID}},
            name TEXT NOT NULL,
            name_lc TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE mail_stores (
            id {{ID}},
            cluster_id BIGINT NOT NULL REFERENCES clusters(id),
            name TEXT NOT NULL,
            name_lc TEXT NOT NULL UNIQUE,
            host TEXT NOT NULL DEFAULT '',
            mail_location TEXT NOT NULL DEFAULT '',
            services TEXT NOT NULL DEFAULT '["inbound","outbound","imap","pop","webmail"]',
            accepting INTEGER NOT NULL DEFAULT 1,
            mailbox_count BIGINT NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral(
            "CREATE INDEX mail_stores_cluster ON mail_stores (cluster_id, accepting, mailbox_count)"),
        QStringLiteral("INSERT INTO clusters (name, name_lc, description, created_at, updated_at) VALUES "
                       "('Default', 'default', 'Every mailbox from before clusters existed.', 0, 0)"),
        QStringLiteral("INSERT INTO mail_stores (cluster_id, name, name_lc, created_at, updated_at) SELECT "
                       "MIN(id), 'default', 'default', 0, 0 FROM clusters"),
        QStringLiteral("ALTER TABLE domains ADD COLUMN cluster_id BIGINT"),
        QStringLiteral("UPDATE domains SET cluster_id = (SELECT MIN(id) FROM clusters)"),
        QStringLiteral("CREATE INDEX domains_cluster ON domains (cluster_id, company_id)"),
        // Only mailboxes hold mail; forwards and filters have no store.
        QStringLiteral("ALTER TABLE users ADD COLUMN store_id BIGINT"),
        QStringLiteral(
            "UPDATE users SET store_id = (SELECT MIN(id) FROM mail_stores) WHERE type = 'mailbox'"),
        QStringLiteral(
            "UPDATE mail_stores SET mailbox_count = (SELECT COUNT(*) FROM users u WHERE u.store_id "
            "= mail_stores.id)"),
        // Impact: per domain, the mailboxes on given stores, counted from the index alone.
        QStringLiteral("CREATE INDEX users_domain_store ON users (domain_id, store_id, status)"),
        QStringLiteral("ALTER TABLE contacts ADD COLUMN notice_kinds TEXT NOT NULL DEFAULT "
                       "'[\"outage\",\"degradation\",\"maintenance\"]'"),
        QStringLiteral(R"(CREATE TABLE incidents (
            id {{ID}},
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            services TEXT NOT NULL DEFAULT '[]',
            clusters TEXT NOT NULL DEFAULT '[]',
            stores TEXT NOT NULL DEFAULT '[]',
            companies TEXT NOT NULL DEFAULT '[]',
            domains TEXT NOT NULL DEFAULT '[]',
            starts_at BIGINT NOT NULL,
            expected_end_at BIGINT,
            remind_before_minutes INTEGER NOT NULL DEFAULT 0,
            reminded_at BIGINT,
            resolved_at BIGINT,
            closing_note TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX incidents_status ON incidents (status, starts_at)"),
        QStringLiteral("CREATE INDEX incidents_started ON incidents (starts_at)"),
        QStringLiteral(R"(CREATE TABLE incident_impact (
            incident_id BIGINT NOT NULL REFERENCES incidents(id),
            company_id BIGINT NOT NULL,
            mailboxes BIGINT NOT NULL,
            total BIGINT NOT NULL,
            PRIMARY KEY (incident_id, company_id)))"),
        QStringLiteral("CREATE INDEX incident_impact_company ON incident_impact (company_id, incident_id)"),
        QStringLiteral(R"(CREATE TABLE incident_updates (
            id {{ID}},
            incident_id BIGINT NOT NULL REFERENCES incidents(id),
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            at BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX incident_updates_incident ON incident_updates (incident_id, id)"),
        QStringLiteral(R"(CREATE TABLE notice_deliveries (
            id {{ID}},
            incident_id BIGINT NOT NULL REFERENCES incidents(id),
            update_id BIGINT NOT NULL REFERENCES incident_updates(id),
            company_id BIGINT NOT NULL,
            contact_id BIGINT NOT NULL,
            contact_type TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            outbox_id BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            UNIQUE (update_id, contact_id)))"),
        QStringLiteral(
            "CREATE INDEX notice_deliveries_incident ON notice_deliveries (incident_id, company_id, id)"),
        QStringLiteral("CREATE INDEX notice_deliveries_outbox ON notice_deliveries (outbox_id)"),
        // A mail taken for sending; one left taken by a stopped server is not sent again by itself.
        QStringLiteral("ALTER TABLE outbox ADD COLUMN sending_at BIGINT"),
    };
}

// The contract Dovecot and Postfix read (docs/mail-servers.md): views over the directory, so the tables may
// change while the mail servers' queries stay the same. Only mailboxes log in; a user logs in to a protocol
// only while the user is active, that service is enabled, and the domain is neither disabled nor deleted.
// Suspended mailboxes still receive mail. The same text runs on SQLite and PostgreSQL.
QStringList mailServerViews()
{
    const QString liveMailbox = QStringLiteral(
        "u.type = 'mailbox' AND u.status <> 'deleted' AND u.deleted_at IS NULL AND d.deleted_at IS NULL "
        "AND d.disabled = 0");
    QStringList passdb;
    for (const auto &[protocol, column] :
        {std::pair {"imap", "service_imap"}, std::pair {"pop3", "service_pop"},
            std::pair {"smtp", "service_smtp"}, std::pair {"submission", "service_smtp"}})
        passdb << QStringLiteral("SELECT u.address AS address, '{ARGON2ID}' || u.password_hash AS password, "
                                 "'%1' AS protocol FROM users u JOIN domains d ON d.id = u.domain_id "
                                 "WHERE %2 AND u.status = 'active' AND u.%3 = 'enabled' "
                                 "AND u.password_hash IS NOT NULL")
                      .arg(QLatin1String(protocol), liveMailbox, QLatin1String(column));
    return {
        // One row per protocol a mailbox may log in to right now; the password carries Dovecot's scheme
        // prefix ahead of libsodium's $argon2id$ string.
        QStringLiteral("CREATE VIEW mail_passdb AS ") + passdb.join(QStringLiteral(" UNION ALL ")),
        // Mailboxes that receive mail: the path of their mail below the mail root, and their quota in
        // bytes (0 is no limit) as a Dovecot quota rule.
        QStringLiteral("CREATE VIEW mail_mailboxes AS SELECT u.address AS address, d.name AS domain, "
                       "u.local_part AS local_part, d.name || '/' || u.local_part AS mail_path, "
                       "u.quota AS quota_bytes, '*:bytes=' || u.quota AS quota_rule, u.status AS status "
                       "FROM users u JOIN domains d ON d.id = u.domain_id WHERE ")
            + liveMailbox,
        // Domains Postfix accepts mail for: live, enabled domains and their alias domains.
        QStringLiteral("CREATE VIEW mail_domains AS "
                       "SELECT d.name AS domain, d.name AS target_domain FROM domains d "
                       "WHERE d.deleted_at IS NULL AND d.disabled = 0 "
                       "UNION ALL SELECT a.name AS domain, d.name AS target_domain FROM domain_aliases a "
                       "JOIN domains d ON d.id = a.domain_id WHERE d.deleted_at IS NULL AND d.disabled = 0"),
        QStringLiteral("CREATE VIEW mail_alias_domains AS SELECT a.name AS alias_domain, d.name AS "
                       "target_domain FROM domain_aliases a JOIN domains d ON d.id = a.domain_id "
                       "WHERE d.deleted_at IS NULL AND d.disabled = 0"),
        // Where an address's mail goes, as Postfix's comma-separated list: a user alias to its user (which
        // Postfix expands again), a forward-only user to its recipients, a mailbox with forwards to itself
        // and its recipients. Addresses hold no quote, comma or bracket, so the stored JSON array becomes
        // the list by dropping its punctuation, the same way in both databases.
        QStringLiteral(
            "CREATE VIEW mail_aliases AS "
            "SELECT ua.address AS address, u.address AS destination FROM user_aliases ua "
            "JOIN users u ON u.id = ua.user_id JOIN domains d ON d.id = u.domain_id "
            "WHERE u.status <> 'deleted' AND u.deleted_at IS NULL AND d.deleted_at IS NULL AND d.disabled = "
            "0 "
            "AND u.type <> 'filter' "
            "UNION ALL SELECT u.address AS address, "
            "CASE WHEN u.type = 'mailbox' THEN u.address || ',' ELSE '' END || "
            "replace(replace(replace(u.forward_recipients, '[', ''), ']', ''), '\"', '') AS destination "
            "FROM users u JOIN domains d ON d.id = u.domain_id "
            "WHERE u.status <> 'deleted' AND u.deleted_at IS NULL AND d.deleted_at IS NULL AND d.disabled = "
            "0 "
            "AND u.type IN ('mailbox', 'forward') AND u.forward_recipients <> '[]'"),
        // Every address that takes mail (mailboxes, forwards and aliases), for alias-domain lookups.
        QStringLiteral("CREATE VIEW mail_recipients AS "
                       "SELECT address FROM mail_mailboxes UNION ALL SELECT address FROM mail_aliases"),
        // Which login may send as which address (Postfix's smtpd_sender_login_maps).
        QStringLiteral("CREATE VIEW mail_sender_logins AS "
                       "SELECT address, address AS login FROM mail_mailboxes "
                       "UNION ALL SELECT ua.address AS address, m.address AS login FROM user_aliases ua "
                       "JOIN users u ON u.id = ua.user_id JOIN mail_mailboxes m ON m.address = u.address"),
    };
}

// Postfix's policy service (server/mail/PolicyServer): messages each user sent today as counted when
// Postfix asked, an admin's hold on a user's outbound mail, when an admin last released it (alerts opened
// before then hold nothing), the messages held in Postfix's hold queue, and what a company does about an
// outbound spike (notify, defer or hold).
QStringList outboundPolicy()
{
    return {
        QStringLiteral(R"(CREATE TABLE outbound_counts (
            user_id BIGINT NOT NULL,
            day BIGINT NOT NULL,
            messages BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (user_id, day)){{CLUSTERED}})"),
        QStringLiteral("CREATE INDEX outbound_counts_day ON outbound_counts (day)"),
        QStringLiteral("ALTER TABLE users ADD COLUMN outbound_hold INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE users ADD COLUMN outbound_released_at BIGINT"),
        QStringLiteral(R"(CREATE TABLE held_messages (
            queue_id TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL,
            held_at BIGINT NOT NULL,
            reason TEXT NOT NULL,
            released_at BIGINT))"),
        QStringLiteral("CREATE INDEX held_messages_user ON held_messages (user_id, released_at)"),
        QStringLiteral("ALTER TABLE spike_thresholds ADD COLUMN spike_action TEXT NOT NULL DEFAULT 'notify'"),
    };
}

// Outage detection: successful and failed logins per minute of each mail store ('s') and cluster ('c'),
// added to by the stats fold; the detector's suggested incidents (at most one ongoing per store or cluster);
// and the outages the demo injected, the ground truth the detector is measured against.
QStringList outageDetection()
{
    return {
        QStringLiteral(R"(CREATE TABLE store_logins (
            scope CHAR(1) NOT NULL,
            scope_id BIGINT NOT NULL,
            minute BIGINT NOT NULL,
            ok BIGINT NOT NULL DEFAULT 0,
            failed BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (scope, scope_id, minute)){{CLUSTERED}})"),
        QStringLiteral("CREATE INDEX store_logins_minute ON store_logins (minute)"),
        QStringLiteral(R"(CREATE TABLE outage_suggestions (
            id {{ID}},
            scope TEXT NOT NULL,
            scope_id BIGINT NOT NULL,
            signal TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'suggested',
            started_at BIGINT NOT NULL,
            suggested_at BIGINT NOT NULL,
            last_anomaly_at BIGINT NOT NULL,
            recovered_at BIGINT,
            ongoing INTEGER,
            observed_ok BIGINT NOT NULL,
            observed_failed BIGINT NOT NULL,
            expected_ok DOUBLE PRECISION NOT NULL,
            expected_failed DOUBLE PRECISION NOT NULL,
            level DOUBLE PRECISION NOT NULL DEFAULT 1,
            incident_id BIGINT,
            decided_by TEXT,
            decided_at BIGINT,
            note TEXT NOT NULL DEFAULT ''))"),
        // One ongoing suggestion per store or cluster: `ongoing` is 1 until the series recovers, then NULL.
        QStringLiteral("CREATE UNIQUE INDEX outage_suggestions_ongoing ON outage_suggestions (scope, scope_id, "
                       "ongoing)"),
        QStringLiteral("CREATE INDEX outage_suggestions_status ON outage_suggestions (status, suggested_at)"),
        QStringLiteral(R"(CREATE TABLE outage_truth (
            id {{ID}},
            store_id BIGINT NOT NULL,
            signal TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            ended_at BIGINT NOT NULL,
            depth DOUBLE PRECISION NOT NULL))"),
    };
}

// Bulletins (docs/incidents.md): message templates of a company or a domain, sent to its new mailboxes
// (auto) or posted to all of its mailboxes or to those an incident affects. Each post queues one delivery
// per recipient; a recipient appears once per bulletin and occasion (the unique key), so parallel posts
// and restarts never deliver twice. The mail-server view mail_userdb gives each mailbox the mail location
// of its store, so a move changes where Dovecot looks.
QStringList bulletins()
{
    return {
        QStringLiteral(R"(CREATE TABLE bulletins (
            id {{ID}},
            company_id BIGINT NOT NULL REFERENCES companies(id),
            domain_id BIGINT,
            scope_key TEXT NOT NULL,
            name TEXT NOT NULL,
            name_lc TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (scope_key, type, name_lc)))"),
        QStringLiteral("CREATE INDEX bulletins_company ON bulletins (company_id, type, domain_id)"),
        QStringLiteral(R"(CREATE TABLE bulletin_posts (
            id {{ID}},
            bulletin_id BIGINT NOT NULL REFERENCES bulletins(id),
            target TEXT NOT NULL,
            incident_id BIGINT,
            bulletin_version INTEGER NOT NULL,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            recipients BIGINT NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX bulletin_posts_bulletin ON bulletin_posts (bulletin_id, target, id)"),
        QStringLiteral(R"(CREATE TABLE bulletin_deliveries (
            id {{ID}},
            post_id BIGINT NOT NULL REFERENCES bulletin_posts(id),
            bulletin_id BIGINT NOT NULL,
            occasion TEXT NOT NULL,
            user_id BIGINT,
            address TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            domain TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            sending_at BIGINT,
            delivered_at BIGINT,
            failed_at BIGINT,
            last_error TEXT,
            created_at BIGINT NOT NULL,
            UNIQUE (bulletin_id, occasion, address)))"),
        QStringLiteral("CREATE INDEX bulletin_deliveries_due ON bulletin_deliveries (delivered_at, "
                       "failed_at, sending_at, next_attempt_at)"),
        QStringLiteral("CREATE INDEX bulletin_deliveries_post ON bulletin_deliveries (post_id, id)"),
        // Dovecot's userdb: the home below the mail root, and the mail location of the mailbox's store
        // (its %d and %n, %u filled in here) or, for a store without one, the Maildir in the home.
        QStringLiteral(
            "CREATE VIEW mail_userdb AS SELECT m.address AS address, m.mail_path AS mail_path, "
            "CASE WHEN s.mail_location IS NULL OR s.mail_location = '' THEN 'maildir:~/Maildir' ELSE "
            "replace(replace(replace(s.mail_location, '%d', m.domain), '%n', m.local_part), '%u', "
            "m.address) END AS mail, s.name AS store, m.quota_rule AS quota_rule "
            "FROM mail_mailboxes m JOIN users u ON u.address = m.address "
            "LEFT JOIN mail_stores s ON s.id = u.store_id"),
    };
}

// The status a user had when deleted (active or suspended), which a restore gives back; the display name
// with accents folded, to sort by ("Ángel" before "Bäcker" before "Wolf"); filled in by Database::migrate.
QStringList statusAndNameSort()
{
    return {QStringLiteral("ALTER TABLE users ADD COLUMN status_before_delete TEXT"),
        QStringLiteral("ALTER TABLE users ADD COLUMN name_sort TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX users_domain_name_sort ON users (domain_id, name_sort, status)"),
        QStringLiteral("CREATE INDEX users_name_sort ON users (name_sort)")};
}

// A user's job title, for the {title} placeholder of bulletins (the OpenSRS Mail API's user `title`).
QStringList userTitle()
{
    return {QStringLiteral("ALTER TABLE users ADD COLUMN title TEXT NOT NULL DEFAULT ''")};
}

// A company's status (active or suspended), why it was suspended, and when it was soft-deleted. The
// mail-server views are made again so that a suspended or deleted company's mailboxes cannot log in and its
// domains take no mail; a deleted company's mailboxes and aliases leave the views entirely, as a deleted
// domain's do. Views that read other views go first, since PostgreSQL refuses to drop a view another one
// reads.
QStringList companyStatus()
{
    const QString companyLive = QStringLiteral("c.deleted_at IS NULL");
    const QString companyActive = QStringLiteral("c.deleted_at IS NULL AND c.status = 'active'");
    const QString fromUsers = QStringLiteral(
        "FROM users u JOIN domains d ON d.id = u.domain_id JOIN companies c ON c.id = d.company_id ");
    const QString liveMailbox = QStringLiteral("u.type = 'mailbox' AND u.status <> 'deleted' AND "
                                               "u.deleted_at IS NULL AND d.deleted_at IS NULL "
                                               "AND d.disabled = 0 AND ")
        + companyLive;
    const QString liveUser = QStringLiteral("u.status <> 'deleted' AND u.deleted_at IS NULL AND d.deleted_at "
                                            "IS NULL AND d.disabled = 0 AND ")
        + companyLive;
    const QString liveDomain = QStringLiteral("d.deleted_at IS NULL AND d.disabled = 0 AND ") + companyActive;
    QStringList passdb;
    for (const auto &[protocol, column] :
        {std::pair {"imap", "service_imap"}, std::pair {"pop3", "service_pop"},
            std::pair {"smtp", "service_smtp"}, std::pair {"submission", "service_smtp"}})
        passdb << QStringLiteral("SELECT u.address AS address, '{ARGON2ID}' || u.password_hash AS password, "
                                 "'%1' AS protocol %2WHERE %3 AND %4 AND u.status = 'active' "
                                 "AND u.%5 = 'enabled' AND u.password_hash IS NOT NULL")
                      .arg(QLatin1String(protocol), fromUsers, liveMailbox, companyActive,
                          QLatin1String(column));
    return {
        QStringLiteral("ALTER TABLE companies ADD COLUMN status TEXT NOT NULL DEFAULT 'active'"),
        QStringLiteral("ALTER TABLE companies ADD COLUMN suspended_reason TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE companies ADD COLUMN deleted_at BIGINT"),
        QStringLiteral("DROP VIEW mail_userdb"),
        QStringLiteral("DROP VIEW mail_sender_logins"),
        QStringLiteral("DROP VIEW mail_recipients"),
        QStringLiteral("DROP VIEW mail_aliases"),
        QStringLiteral("DROP VIEW mail_alias_domains"),
        QStringLiteral("DROP VIEW mail_domains"),
        QStringLiteral("DROP VIEW mail_mailboxes"),
        QStringLiteral("DROP VIEW mail_passdb"),
        QStringLiteral("CREATE VIEW mail_passdb AS ") + passdb.join(QStringLiteral(" UNION ALL ")),
        QStringLiteral("CREATE VIEW mail_mailboxes AS SELECT u.address AS address, d.name AS domain, "
                       "u.local_part AS local_part, d.name || '/' || u.local_part AS mail_path, "
                       "u.quota AS quota_bytes, '*:bytes=' || u.quota AS quota_rule, u.status AS status ")
            + fromUsers + QStringLiteral("WHERE ") + liveMailbox,
        QStringLiteral("CREATE VIEW mail_domains AS "
                       "SELECT d.name AS domain, d.name AS target_domain FROM domains d "
                       "JOIN companies c ON c.id = d.company_id WHERE ")
            + liveDomain
            + QStringLiteral(
                " UNION ALL SELECT a.name AS domain, d.name AS target_domain FROM domain_aliases a "
                "JOIN domains d ON d.id = a.domain_id JOIN companies c ON c.id = d.company_id WHERE ")
            + liveDomain,
        QStringLiteral("CREATE VIEW mail_alias_domains AS SELECT a.name AS alias_domain, d.name AS "
                       "target_domain FROM domain_aliases a JOIN domains d ON d.id = a.domain_id "
                       "JOIN companies c ON c.id = d.company_id WHERE ")
            + liveDomain,
        QStringLiteral("CREATE VIEW mail_aliases AS "
                       "SELECT ua.address AS address, u.address AS destination FROM user_aliases ua "
                       "JOIN users u ON u.id = ua.user_id JOIN domains d ON d.id = u.domain_id "
                       "JOIN companies c ON c.id = d.company_id WHERE ")
            + liveUser
            + QStringLiteral(" AND u.type <> 'filter' "
                             "UNION ALL SELECT u.address AS address, "
                             "CASE WHEN u.type = 'mailbox' THEN u.address || ',' ELSE '' END || "
                             "replace(replace(replace(u.forward_recipients, '[', ''), ']', ''), '\"', '') AS "
                             "destination ")
            + fromUsers + QStringLiteral("WHERE ") + liveUser
            + QStringLiteral(" AND u.type IN ('mailbox', 'forward') AND u.forward_recipients <> '[]'"),
        QStringLiteral("CREATE VIEW mail_recipients AS "
                       "SELECT address FROM mail_mailboxes UNION ALL SELECT address FROM mail_aliases"),
        QStringLiteral("CREATE VIEW mail_sender_logins AS "
                       "SELECT address, address AS login FROM mail_mailboxes "
                       "UNION ALL SELECT ua.address AS address, m.address AS login FROM user_aliases ua "
                       "JOIN users u ON u.id = ua.user_id JOIN mail_mailboxes m ON m.address = u.address"),
        QStringLiteral(
            "CREATE VIEW mail_userdb AS SELECT m.address AS address, m.mail_path AS mail_path, "
            "CASE WHEN s.mail_location IS NULL OR s.mail_location = '' THEN 'maildir:~/Maildir' ELSE "
            "replace(replace(replace(s.mail_location, '%d', m.domain), '%n', m.local_part), '%u', "
            "m.address) END AS mail, s.name AS store, m.quota_rule AS quota_rule "
            "FROM mail_mailboxes m JOIN users u ON u.address = m.address "
            "LEFT JOIN mail_stores s ON s.id = u.store_id"),
    };
}

const QList<QStringList> &migrations()
{
    static const QList<QStringList> all = {directorySchema(), statsSchema(), clusteredRollups(), foldMarks(),
        userSearchIndex(), ingestPositions(), unusedMessageIndexes(), mailStoresAndIncidents(),
        mailServerViews(), outboundPolicy(), outageDetection(), bulletins(), statusAndNameSort(), userTitle(),
        companyStatus()};
    return all;
}

} // namespace mailadmin::store
