-- Large values (an event's envelope, a version's snapshot, a widget's configuration) are compressed
-- with lz4 instead of PostgreSQL's default pglz where the server was built with lz4: pglz took a
-- large share of the database's CPU while a rebuild wrote the history (docs/PERFORMANCE.md,
-- "Projection rebuild"); lz4 compresses these values about as well for a fraction of the CPU.
-- Only values written from now on are affected; a server without lz4 keeps pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table event_history alter column envelope set compression lz4;
        alter table versions alter column metadata set compression lz4;
        alter table published_versions alter column sync_metadata set compression lz4;
        alter table widgets alter column config set compression lz4;
    end if;
end
$$;
