-- A tenant's status in the glossary's word, as HTTP and the events say it: 'active' or 'paused'
-- (paused_reason keeps the admin's note while it is paused). It replaces the boolean is_active,
-- which said the same thing in another word; every tenant keeps its status.
alter table tenants add column status text;
update tenants set status = case when is_active then 'active' else 'paused' end;
alter table tenants
    alter column status set not null,
    alter column status set default 'active',
    add constraint tenants_status_check check (status in ('active', 'paused')),
    drop column is_active;
