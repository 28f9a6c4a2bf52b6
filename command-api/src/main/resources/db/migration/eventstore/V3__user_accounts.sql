-- Users' command-side accounts (issue 14, docs/SECURITY.md): the email claims that keep emails unique
-- (compared lower-cased) and the credentials sign-in checks. Written in the same transaction as the user's
-- events. The BCrypt hash lives only here: events are kept forever and copied to Kafka, the read models
-- and analysts' exports, where a hash could never be erased and could be attacked offline.
create table user_accounts (
    user_id       text    primary key,
    email         text    not null,
    email_key     text    not null unique,
    name          text    not null,
    role          text    not null,
    tenant_ids    text[]  not null,
    password_hash text,
    active        boolean not null
);

-- Refresh tokens (POST /api/auth/refresh): only their SHA-256, single use, each replaced by the next.
create table refresh_tokens (
    token_hash  text        primary key,
    user_id     text        not null references user_accounts (user_id),
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

-- Who created each dashboard (the user's id; null for the admin token and dashboards from before users):
-- a dashboard-editor edits only the dashboards it created (the roadmap's "own" scope).
alter table dashboard_owners add column created_by text;
