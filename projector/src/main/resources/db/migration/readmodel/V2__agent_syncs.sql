-- Fleet read models built by the projector from the flexboard.agent-syncs topic (AgentSyncReport).
-- Written in batches: one statement per table per Kafka poll batch, never one transaction per sync.

-- One row per answered sync (the roadmap's sync_logs), kept for flexboard.projector.sync-logs.retention.
create table sync_logs (
    id               uuid primary key,              -- report_id: a redelivered report is skipped
    tenant_id        uuid        not null,
    agent_id         text        not null,
    agent_version    text,
    sync_status      text        not null check (sync_status in ('success', 'error', 'partial')),
    metadata_version bigint      not null,          -- the published version in the answer
    current_version  bigint      not null,          -- what the agent said it had
    applied_version  bigint,                        -- what it last applied successfully, when reported
    has_updates      boolean     not null,
    error_message    text,
    sync_duration_ms bigint      not null,
    held_ms          bigint      not null,
    synced_at        timestamptz not null,
    bridge_instance  text        not null
);
create index sync_logs_tenant_idx on sync_logs (tenant_id, synced_at desc, id);
create index sync_logs_agent_idx on sync_logs (tenant_id, agent_id, synced_at desc);
create index sync_logs_synced_at_idx on sync_logs (synced_at);

-- The newest known state of each agent installation. A report older than the stored one
-- (redelivery, reordering across bridge replicas) never overwrites it.
create table agents (
    tenant_id       uuid        not null,
    agent_id        text        not null,
    agent_version   text,
    -- applied_version as reported, else the current_version it sent: the version it runs.
    running_version bigint      not null,
    latest_version  bigint      not null,           -- the published version it was last told
    sync_status     text        not null check (sync_status in ('success', 'error', 'partial')),
    last_error      text,
    first_seen      timestamptz not null,
    last_seen       timestamptz not null,
    primary key (tenant_id, agent_id)
);
create index agents_last_seen_idx on agents (tenant_id, last_seen desc);

-- Sync outcomes counted per tenant and hour, so the overview's success rate never scans sync_logs.
-- Only newly inserted sync_logs rows are counted; kept for flexboard.projector.sync-counts.retention.
create table sync_counts (
    tenant_id uuid        not null,
    hour      timestamptz not null,                 -- date_trunc('hour', synced_at, 'UTC')
    success   bigint      not null default 0,
    error     bigint      not null default 0,
    partial   bigint      not null default 0,
    primary key (tenant_id, hour)
);
-- For the retention pruner, which deletes by hour across all tenants.
create index sync_counts_hour_idx on sync_counts (hour);
