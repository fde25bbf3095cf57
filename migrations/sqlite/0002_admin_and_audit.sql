-- Accounts, database-backed sessions, login throttling and the audit trail.

create table users (
    id integer primary key,
    username text not null constraint users_username_key unique,
    password_hash text not null,
    role text not null check (role in ('admin', 'editor')),
    disabled integer not null default 0 check (disabled in (0, 1)),
    version integer not null default 1,
    created_at text not null,
    updated_at text not null
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database does not hand out live sessions.
create table sessions (
    token_hash text primary key,
    user_id integer not null references users(id) on delete cascade,
    csrf_token text not null,
    created_at text not null,
    last_seen_at text not null,
    expires_at text not null,
    client_addr text
);
create index sessions_by_user on sessions (user_id);
create index sessions_by_expiry on sessions (expires_at);

create table login_failures (
    id integer primary key,
    username text not null,
    client_addr text not null,
    failed_at text not null
);
create index login_failures_by_user on login_failures (username, failed_at);
create index login_failures_by_addr on login_failures (client_addr, failed_at);

-- Append-only and hash-chained: each record holds the hash of the one before
-- it and a hash over its own content and that link.
create table audit_log (
    id integer primary key,
    recorded_at text not null,
    actor text not null,
    client_addr text,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before_json text,
    after_json text,
    public integer not null check (public in (0, 1)),
    prev_hash text not null,
    hash text not null constraint audit_log_hash_key unique
);
create index audit_log_by_actor on audit_log (actor, id);
create index audit_log_by_entity on audit_log (entity_type, entity_id, id);
create index audit_log_by_time on audit_log (recorded_at, id);
create index audit_log_public on audit_log (public, id);
