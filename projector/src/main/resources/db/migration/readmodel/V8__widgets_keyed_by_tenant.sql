-- A widget belongs to its tenant: the primary key is (tenant_id, id), so an event of one tenant that
-- carries another tenant's widget id (as could already be in flexboard.events from before command-api
-- refused foreign ids) inserts a row of its own tenant and never updates or moves the other's.
-- Rows an earlier projection moved between tenants come back to their owner with a rebuild.
alter table widgets drop constraint widgets_pkey;
alter table widgets add constraint widgets_pkey primary key (tenant_id, id);
