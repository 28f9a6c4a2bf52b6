-- Projection rebuilds (docs/projector.md, "Rebuilding the read models"): one row per rebuild an
-- operator started. The rebuild itself writes into a schema of its own (target_schema) and copies
-- the result into this schema in one transaction at the end.
create table rebuilds (
    id                uuid primary key,
    -- The read models (tables) it rebuilds; all_read_models = every read model of the events,
    -- tenant_positions included (a full rebuild), otherwise only these tables.
    read_models       text[]      not null,
    all_read_models   boolean     not null,
    status            text        not null
        check (status in ('copying', 'catching_up', 'switching', 'done', 'failed', 'cancelled')),
    target_schema     text        not null unique,
    -- The projector instance running it and when it last said so: another instance takes over an
    -- unfinished rebuild whose heartbeat is older than flexboard.projector.rebuild.lease.
    owner             text,
    heartbeat_at      timestamptz,
    -- Progress as of the last heartbeat, so that every replica answers GET /api/ops/rebuilds/:id.
    events_applied    bigint      not null default 0,
    events_total      bigint      not null default 0,
    events_per_second double precision,
    eta_seconds       bigint,
    started_at        timestamptz not null,
    finished_at       timestamptz,
    -- Why it failed; while it runs, the last error it is retrying after.
    error             text,
    -- The switch-over: how long it held the live tables and what it changed in each ({"deleted", "inserted"}).
    switch_ms         bigint,
    rows_changed      jsonb
);
-- At most one rebuild runs at a time, across every projector replica.
create unique index rebuilds_one_running on rebuilds ((true)) where status in ('copying', 'catching_up', 'switching');
create index rebuilds_started_at_idx on rebuilds (started_at desc);

-- The switch-over replaces changed rows by deleting and re-inserting them in one transaction, table
-- by table. A non-deferrable foreign key would refuse to delete a changed tenant (or dashboard, or
-- version) while rows of another table still point at it, even though the same transaction puts it
-- back. Deferrable keys are checked at commit instead, when every table is whole again; they stay
-- INITIALLY IMMEDIATE, so every other transaction is checked exactly as before. A test keeps every
-- foreign key of this schema deferrable (RebuildableReadModelsTest).
do $$
declare
    foreign_key record;
begin
    for foreign_key in
        select conrelid::regclass as table_name, conname
          from pg_constraint
         where contype = 'f' and connamespace = current_schema()::regnamespace and not condeferrable
    loop
        execute format('alter table %s alter constraint %I deferrable initially immediate',
                       foreign_key.table_name, foreign_key.conname);
    end loop;
end
$$;
