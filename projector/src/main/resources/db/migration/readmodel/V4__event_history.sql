-- The audit trail (issue 5): one row per applied event, written by the projector in the same
-- transaction as the other read models (the fold's HistoryEntryAppended change). query-api lists it
-- (GET /api/tenants/:id/history) and folds a tenant's envelopes to show the tenant at any past moment.
create table event_history (
    tenant_id          uuid        not null,
    aggregate_sequence bigint      not null,
    -- text, not uuid: the envelope says "string", and a cosmetic column must never halt the projector.
    event_id           text        not null,
    occurred_at        timestamptz not null,
    -- The stable snake_case name (io.flexboard.history.fold.EventType), e.g. 'version_published'.
    event_type         text        not null,
    actor              text        not null,
    correlation_id     text        not null,
    dashboard_id       uuid,                        -- the dashboard the event is about, if any
    version            int,                         -- the version number the event is about, if any
    summary            text        not null,        -- one human line: 'alice published version 7'
    -- The event's EventCodec bytes (single-object encoding: C3 01, writer-schema fingerprint, body),
    -- decoded through Avro schema resolution by whatever schema the reader has then.
    envelope           bytea       not null,
    primary key (tenant_id, aggregate_sequence)
);
-- The audit trail's filters; each ends with the sequence so a filtered page is read newest first
-- straight from the index. A moment's state reads by the primary key.
create index event_history_occurred_at_idx on event_history (tenant_id, occurred_at, aggregate_sequence);
create index event_history_type_idx on event_history (tenant_id, event_type, aggregate_sequence);
create index event_history_actor_idx on event_history (tenant_id, actor, aggregate_sequence);
create index event_history_dashboard_idx on event_history (tenant_id, dashboard_id, aggregate_sequence)
    where dashboard_id is not null;
