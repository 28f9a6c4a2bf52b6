-- The users read model (issue 14): who may sign in, with which role and tenants, as their events say
-- (UserCreatedEvent, UserChangedEvent, UserDisabledEvent). No password or hash: those stay in command-api.
-- query-api lists it (GET /api/users) and a tenant-admin reads the users of its tenants.
create table users (
    id         uuid        primary key,
    email      text        not null,
    name       text        not null,
    role       text        not null,
    tenant_ids uuid[]      not null,
    is_active  boolean     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
-- A tenant-admin's list: the users sharing one of its tenants.
create index users_tenant_ids_idx on users using gin (tenant_ids);
create index users_created_idx on users (created_at, id);
