-- The command side's own storage (schema "eventstore"): Axon's JDBC event store and token store,
-- in the shape Axon's PostgresEventTableFactory / PostgresTokenTableFactory create, plus the two
-- look-ups that rules spanning aggregates need. Everything here is written in the transaction
-- of the command that caused it.

create table domainevententry (
    globalindex         bigserial    primary key,
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255),
    eventidentifier     varchar(255) not null unique,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    "timestamp"         varchar(255) not null,
    unique (aggregateidentifier, sequencenumber)
);

create table snapshotevententry (
    aggregateidentifier varchar(255) not null,
    sequencenumber      bigint       not null,
    type                varchar(255) not null,
    eventidentifier     varchar(255) not null unique,
    metadata            bytea,
    payload             bytea        not null,
    payloadrevision     varchar(255),
    payloadtype         varchar(255) not null,
    "timestamp"         varchar(255) not null,
    primary key (aggregateidentifier, sequencenumber)
);

-- Tracking tokens; the Kafka relay's token advances only after the broker acknowledged.
create table tokenentry (
    processorname varchar(255) not null,
    segment       integer      not null,
    token         bytea,
    tokentype     varchar(255),
    "timestamp"   varchar(255),
    owner         varchar(255),
    primary key (processorname, segment)
);

-- Tenant slugs are unique across tenants, a rule no single aggregate can see: a tenant claims
-- its slug in the same transaction that stores its TenantCreatedEvent.
create table tenant_slugs (
    slug      text primary key,
    tenant_id text not null
);

-- Which tenant a dashboard belongs to, so PUT /api/dashboards/:id/widgets finds its aggregate.
create table dashboard_owners (
    dashboard_id text primary key,
    tenant_id    text not null
);
