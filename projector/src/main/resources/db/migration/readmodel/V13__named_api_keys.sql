-- Named API keys (ApiKeyIssuedEvent.name, ApiKeyRevokedEvent): a tenant has several keys, each with a
-- name, its issuer and, once revoked, when. agent-bridge accepts only keys whose revoked_at is null.
-- A key issued before keys had names is the tenant's first key: 'default' (as the fold names it).
alter table api_keys add column name text not null default 'default';
alter table api_keys add column created_by text;
alter table api_keys add column revoked_at timestamptz;

-- Before this migration every api_keys row was its tenant's one key, issued with the tenant: its issuer
-- is the actor of that api_key_issued audit entry (what a rebuild would write too).
update api_keys k set created_by = (
    select h.actor from event_history h
     where h.tenant_id = k.tenant_id and h.event_type = 'api_key_issued' and h.occurred_at = k.created_at
     order by h.aggregate_sequence limit 1);

-- When each key last authenticated a sync, from the agents' sync reports (telemetry, like agents and
-- sync_logs: not rebuilt from events). Written at most about once a minute per key, whatever the sync rate.
create table api_key_usage (
    key_hash     text primary key,
    tenant_id    uuid        not null,
    last_used_at timestamptz not null
);
