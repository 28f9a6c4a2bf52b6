-- A tenant's current white-label branding (TenantBrandingSetEvent, cleared by TenantBrandingClearedEvent):
-- the builder's working copy, in the shape agents receive as metadata.branding (docs/contracts.md);
-- null when the tenant has none. What agents get is in the published version's sync_metadata, not here.
alter table tenants add column branding jsonb;
