-- Events the relay could not get into Kafka for good (docs/command-api.md, "Parked events"): the
-- broker refused them (too large, invalid), or they wait behind such an event of their tenant, so
-- that the tenant's order is kept while every other tenant's events keep flowing.
create table parked_events (
    id                 bigserial    primary key,
    tenant_id          varchar(255) not null,
    event_id           varchar(255) not null unique,
    event_type         varchar(255) not null,
    aggregate_sequence bigint       not null,
    -- The envelope as the relay sends it (key = tenant_id), replayed as is by a retry.
    record             bytea        not null,
    -- refused: the broker refused it (error); held: waits behind a refused event of its tenant;
    -- sent / skipped: done, kept as the audit of what happened.
    status             varchar(16)  not null check (status in ('refused', 'held', 'sent', 'skipped')),
    error              text,
    parked_at          timestamptz  not null,
    -- Set by an operator on a refused event (docs/operations.md): retry (after raising a limit) or skip.
    resolution         varchar(16)  check (resolution in ('retry', 'skip')),
    resolved_by        text,
    resolution_reason  text,
    resolved_at        timestamptz
);
create index parked_events_waiting_idx on parked_events (tenant_id, aggregate_sequence) where status in ('refused', 'held');
