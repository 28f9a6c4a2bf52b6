-- A tenant's status in the glossary's word, as HTTP and the events say it: 'active' or 'paused'
-- (paused_reason keeps the admin's note while it is paused). Every tenant keeps its status.
alter table tenants add column status text;
update tenants set status = case when is_active then 'active' else 'paused' end;
alter table tenants
    alter column status set not null,
    alter column status set default 'active',
    add constraint tenants_status_check check (status in ('active', 'paused'));

-- The boolean is_active said the same in another word. It stays for one release, because a migration must
-- work with the version still running during a rolling upgrade (docs/operations.md, Upgrades): an older
-- query-api or agent-bridge reads it, an older projector writes it. This trigger keeps the two in step,
-- whichever of them a writer sets; the next release's migration drops the column and the trigger.
create function tenants_status_and_is_active_in_step() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.status is not distinct from old.status
            and new.is_active is distinct from old.is_active then
        new.status := case when new.is_active then 'active' else 'paused' end;
    else
        new.is_active := new.status = 'active';
    end if;
    return new;
end
$$;

create trigger tenants_status_and_is_active_in_step before insert or update on tenants
    for each row execute function tenants_status_and_is_active_in_step();
