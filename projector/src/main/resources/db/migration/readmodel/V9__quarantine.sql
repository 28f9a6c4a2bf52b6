-- One bad event never stops everyone (docs/projector.md, "Quarantine"): an event the read models
-- cannot take for good is parked here, to its own tenant, and every other tenant keeps flowing.

-- At most one open quarantine per tenant: the event it stopped at, as it came off the topic.
create table quarantined_events (
    tenant_id          uuid primary key,
    -- Null when the record could not even be decoded.
    event_id           text,
    event_type         text,
    aggregate_sequence bigint,
    topic              text        not null,
    kafka_partition    int         not null,
    kafka_offset       bigint      not null,
    record_key         text,
    -- The record's value bytes, so that a retry after a fix (a newer projector) replays exactly it.
    record             bytea       not null,
    error              text        not null,
    first_seen         timestamptz not null,
    last_seen          timestamptz not null
);

-- A quarantined tenant's later events, held in arrival order until an operator resolves the
-- quarantine: their offsets can be committed, and nothing is lost or reordered.
create table held_events (
    id                 bigserial primary key,
    tenant_id          uuid        not null,
    event_id           text,
    aggregate_sequence bigint,
    topic              text        not null,
    kafka_partition    int         not null,
    kafka_offset       bigint      not null,
    record_key         text,
    record             bytea       not null,
    held_at            timestamptz not null,
    -- A redelivered record (offsets not yet committed when a projector stopped) is held once.
    unique (topic, kafka_partition, kafka_offset)
);
create index held_events_tenant_idx on held_events (tenant_id, aggregate_sequence, id);

-- The audit of every operator decision: who skipped or retried which event, when and why.
create table quarantine_resolutions (
    id                 bigserial primary key,
    tenant_id          uuid        not null,
    event_id           text,
    event_type         text,
    aggregate_sequence bigint,
    kafka_partition    int         not null,
    kafka_offset       bigint      not null,
    error              text        not null,
    action             text        not null check (action in ('skip', 'retry')),
    actor              text        not null,
    reason             text        not null,
    -- pending: written as the decision is taken, before the held events are replayed (a crash leaves
    -- it so); released: the tenant flows again; quarantined: a replayed event failed again (new_error).
    outcome            text        not null check (outcome in ('pending', 'released', 'quarantined')),
    held_released      int         not null default 0,
    new_error          text,
    resolved_at        timestamptz not null
);
create index quarantine_resolutions_resolved_at_idx on quarantine_resolutions (resolved_at desc);
