-- The glossary's words for two concepts (docs/glossary.md): a row per agent sync report is a sync report,
-- not a "sync log", and what an agent receives is the published configuration, not "sync metadata".
-- Renames only: every row, index and constraint is kept. (V15, not V14: V14 is the tenant status.)
alter table sync_logs rename to sync_reports;
alter table sync_reports rename constraint sync_logs_pkey to sync_reports_pkey;
alter table sync_reports rename constraint sync_logs_sync_status_check to sync_reports_sync_status_check;
alter index sync_logs_tenant_idx rename to sync_reports_tenant_idx;
alter index sync_logs_agent_idx rename to sync_reports_agent_idx;
alter index sync_logs_synced_at_idx rename to sync_reports_synced_at_idx;

alter table sync_counts rename to sync_report_counts;
alter table sync_report_counts rename constraint sync_counts_pkey to sync_report_counts_pkey;
alter index sync_counts_hour_idx rename to sync_report_counts_hour_idx;

alter table published_versions rename column sync_metadata to published_configuration;
