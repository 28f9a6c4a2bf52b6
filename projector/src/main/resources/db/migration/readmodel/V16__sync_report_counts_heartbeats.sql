-- agent-bridge coalesces an agent's unchanged syncs into one heartbeat report per interval (AgentSyncReport
-- v3's sync_count): a sync_reports row now stands for sync_count syncs, and sync_report_counts adds them up.
-- Rows from before stood for one sync each.
alter table sync_reports add column sync_count integer not null default 1 check (sync_count >= 1);
