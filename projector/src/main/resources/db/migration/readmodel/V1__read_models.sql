-- Read models built by the projector from the flexboard.events topic.
-- query-api and agent-bridge only read these tables; the projector is their only writer.

-- How far the projector has applied each tenant's event stream (aggregate_sequence of the last
-- applied event). It makes projection idempotent (an event at or below the position is a
-- duplicate and changes nothing) and answers read-your-writes waits on a consistency token.
create table tenant_positions (
    tenant_id          uuid primary key,
    aggregate_sequence bigint      not null,
    updated_at         timestamptz not null
);

create table tenants (
    id                        uuid primary key,
    name                      text        not null,
    slug                      text        not null unique,
    license_type              text        not null,
    max_dashboards            int         not null,
    max_widgets_per_dashboard int         not null,
    is_active                 boolean     not null default true,
    dashboard_count           int         not null default 0,
    last_sync                 timestamptz,
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);
create index tenants_created_at_idx on tenants (created_at, id);

-- Only hashes: the plain key is shown once by command-api and stored nowhere.
create table api_keys (
    key_id     uuid primary key,
    tenant_id  uuid        not null references tenants (id),
    key_hash   text        not null unique,
    key_prefix text        not null,
    created_at timestamptz not null
);
create index api_keys_tenant_idx on api_keys (tenant_id);

create table dashboards (
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    name         text        not null,
    slug         text        not null,
    description  text,
    widget_count int         not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    unique (tenant_id, slug)
);
create index dashboards_tenant_idx on dashboards (tenant_id, created_at, id);

create table widgets (
    id           uuid primary key,
    tenant_id    uuid  not null references tenants (id),
    dashboard_id uuid  not null references dashboards (id),
    name         text  not null,
    widget_type  text  not null,
    config       jsonb not null,
    position_x   int   not null,
    position_y   int   not null,
    width        int   not null,
    height       int   not null,
    sort_order   int   not null,
    unique (tenant_id, name)
);
create index widgets_dashboard_idx on widgets (dashboard_id, sort_order);

create table versions (
    id           uuid primary key,
    tenant_id    uuid        not null references tenants (id),
    version      int         not null,
    status       text        not null check (status in ('draft', 'published', 'archived')),
    message      text,
    created_by   text        not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    -- The snapshot as saved: { "dashboards": [...], "widgets": [...] }.
    metadata     jsonb       not null,
    unique (tenant_id, version)
);

-- The published-version projection: per tenant, the one published version and the sync answer's
-- "metadata" object ready to serve, so agent-bridge answers with one indexed read and no assembly.
create table published_versions (
    tenant_id     uuid primary key references tenants (id),
    version_id    uuid        not null references versions (id),
    version       int         not null,
    published_at  timestamptz not null,
    sync_metadata jsonb       not null
);
