-- The data sources each agent reports in its syncs (AgentSyncReport.data_sources): ids and types only, so
-- the builder can offer a widget's dataSource.connection from what the tenant's agents really have.
-- Agents send their whole set only when it changed; a report that carries it replaces the agent's set.

-- Which report's set is stored per agent: a set reported earlier (redelivery, reordering across bridge
-- replicas) never replaces a later one. A row with no agent_data_sources rows is an agent with none.
create table agent_data_source_sets (
    tenant_id   uuid        not null,
    agent_id    text        not null,
    reported_at timestamptz not null,  -- synced_at of the report whose set is stored
    primary key (tenant_id, agent_id)
);

create table agent_data_sources (
    tenant_id      uuid not null,
    agent_id       text not null,
    data_source_id text not null,     -- the id in the agent's datasources.yml
    type           text not null,     -- sqlserver, postgresql, mysql, mongodb, rest_api, csv or excel
    -- Its agent's agent_data_source_sets row is written in the same statement (FleetProjection).
    primary key (tenant_id, agent_id, data_source_id)
);
