-- A tenant can be paused by an admin (TenantPausedEvent) and activated again (TenantActivatedEvent):
-- is_active says which, paused_reason keeps the admin's note while it is paused (null otherwise).
alter table tenants add column paused_reason text;

-- Where a version comes from (DraftSavedEvent): parent_version is the tenant's newest version when
-- the draft was saved (null for the first, and for drafts saved before the field existed);
-- restored_from_* name the older version whose snapshot it copies (null for a draft saved from the
-- builder's working copy). No foreign key on restored_from_version_id: a version is never deleted,
-- and the pair must stay readable exactly as the event said.
alter table versions
    add column parent_version           int,
    add column restored_from_version_id uuid,
    add column restored_from_version    int;
