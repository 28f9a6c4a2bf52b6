package io.flexboard.projector.syncreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The sync report read models ({@code sync_reports}, {@code sync_report_counts}, {@code agents},
 * {@code tenants.last_sync}, {@code api_key_usage}, and {@code agent_data_sources} when a report carries a set)
 * from one poll batch of sync reports: one transaction of four statements (a fifth when data sources were
 * reported), whatever the batch size, so ten thousand agents polling never mean ten thousand transactions.
 * Every statement is idempotent, so a redelivered batch changes nothing.
 */
@Service
class SyncReportProjection {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    SyncReportProjection(DatabaseClient database, TransactionalOperator transaction) {
        this.database = database;
        this.transaction = transaction;
    }

    /** Applies the entries in one transaction; emits how many were new (the rest were redeliveries). */
    Mono<Long> project(List<SyncReportEntry> entries) {
        Collection<SyncReportEntry> unique = byReportId(entries);
        Mono<Long> batch = logAndCount(unique)
                .flatMap(inserted -> upsertAgents(perAgent(unique))
                        .then(advanceLastSync(unique))
                        .then(recordKeyUse(unique))
                        .then(replaceDataSources(newestDataSourceSets(unique)))
                        .thenReturn(inserted));
        return transaction.transactional(batch);
    }

    /**
     * Inserts the entries into {@code sync_reports}, skipping report ids already there, and adds only
     * the syncs of the rows it inserted (a heartbeat report stands for several) to their tenant's hourly
     * {@code sync_report_counts}: a redelivered report is neither logged nor counted twice. The hour is cut in UTC, whatever the session's time zone.
     */
    private Mono<Long> logAndCount(Collection<SyncReportEntry> entries) {
        int size = entries.size();
        UUID[] ids = new UUID[size];
        UUID[] tenants = new UUID[size];
        String[] agentIds = new String[size];
        String[] agentVersions = new String[size];
        String[] statuses = new String[size];
        Long[] latestVersions = new Long[size];
        Long[] currentVersions = new Long[size];
        Long[] appliedVersions = new Long[size];
        Boolean[] hasUpdates = new Boolean[size];
        String[] errors = new String[size];
        Long[] durations = new Long[size];
        Long[] held = new Long[size];
        Instant[] syncedAt = new Instant[size];
        String[] bridges = new String[size];
        Integer[] syncCounts = new Integer[size];
        int i = 0;
        for (SyncReportEntry entry : entries) {
            ids[i] = entry.reportId();
            tenants[i] = entry.tenantId();
            agentIds[i] = entry.agentId();
            agentVersions[i] = entry.agentVersion();
            statuses[i] = entry.syncStatus();
            latestVersions[i] = entry.latestVersion();
            currentVersions[i] = entry.currentVersion();
            appliedVersions[i] = entry.appliedVersion();
            hasUpdates[i] = entry.hasUpdates();
            errors[i] = entry.errorMessage();
            durations[i] = entry.syncDurationMs();
            held[i] = entry.heldMs();
            syncedAt[i] = entry.syncedAt();
            bridges[i] = entry.bridgeInstance();
            syncCounts[i] = entry.syncCount();
            i++;
        }
        return database.sql("""
                        with inserted as (
                            insert into sync_reports (id, tenant_id, agent_id, agent_version, sync_status, metadata_version,
                                                      current_version, applied_version, has_updates, error_message,
                                                      sync_duration_ms, held_ms, synced_at, bridge_instance, sync_count)
                            select * from unnest(:ids::uuid[], :tenants::uuid[], :agentIds::text[], :agentVersions::text[],
                                                 :statuses::text[], :latestVersions::bigint[], :currentVersions::bigint[],
                                                 :appliedVersions::bigint[], :hasUpdates::boolean[], :errors::text[],
                                                 :durations::bigint[], :held::bigint[], :syncedAt::timestamptz[],
                                                 :bridges::text[], :syncCounts::integer[])
                            on conflict (id) do nothing
                            returning tenant_id, sync_status, synced_at, sync_count
                        ), counted as (
                            insert into sync_report_counts as c (tenant_id, hour, success, error, partial)
                            select tenant_id, date_trunc('hour', synced_at, 'UTC'),
                                   coalesce(sum(sync_count) filter (where sync_status = 'success'), 0),
                                   coalesce(sum(sync_count) filter (where sync_status = 'error'), 0),
                                   coalesce(sum(sync_count) filter (where sync_status = 'partial'), 0)
                              from inserted
                             group by 1, 2
                            on conflict (tenant_id, hour) do update
                               set success = c.success + excluded.success,
                                   error = c.error + excluded.error,
                                   partial = c.partial + excluded.partial
                        )
                        select count(*) as inserted from inserted
                        """)
                .bind("ids", ids)
                .bind("tenants", tenants)
                .bind("agentIds", agentIds)
                .bind("agentVersions", agentVersions)
                .bind("statuses", statuses)
                .bind("latestVersions", latestVersions)
                .bind("currentVersions", currentVersions)
                .bind("appliedVersions", appliedVersions)
                .bind("hasUpdates", hasUpdates)
                .bind("errors", errors)
                .bind("durations", durations)
                .bind("held", held)
                .bind("syncedAt", syncedAt)
                .bind("bridges", bridges)
                .bind("syncCounts", syncCounts)
                .map(row -> row.get("inserted", Long.class))
                .one();
    }

    /**
     * One row per agent with its newest report of the batch. A stored row with a later or equal
     * {@code last_seen} (reports reordered across bridge replicas, a redelivery) is left alone;
     * {@code first_seen} is set by the insert only, to the agent's earliest report in that batch.
     */
    private Mono<Void> upsertAgents(Collection<AgentSeen> agents) {
        int size = agents.size();
        UUID[] tenants = new UUID[size];
        String[] agentIds = new String[size];
        String[] agentVersions = new String[size];
        Long[] runningVersions = new Long[size];
        Long[] latestVersions = new Long[size];
        String[] statuses = new String[size];
        String[] errors = new String[size];
        Instant[] firstSeen = new Instant[size];
        Instant[] lastSeen = new Instant[size];
        int i = 0;
        for (AgentSeen agent : agents) {
            SyncReportEntry entry = agent.newest();
            firstSeen[i] = agent.earliest();
            tenants[i] = entry.tenantId();
            agentIds[i] = entry.agentId();
            agentVersions[i] = entry.agentVersion();
            runningVersions[i] = entry.runningVersion();
            latestVersions[i] = entry.latestVersion();
            statuses[i] = entry.syncStatus();
            errors[i] = entry.errorMessage();
            lastSeen[i] = entry.syncedAt();
            i++;
        }
        return database.sql("""
                        insert into agents as a (tenant_id, agent_id, agent_version, running_version, latest_version,
                                                 sync_status, last_error, first_seen, last_seen)
                        select r.tenant_id, r.agent_id, r.agent_version, r.running_version, r.latest_version,
                               r.sync_status, r.last_error, r.first_seen, r.last_seen
                          from unnest(:tenants::uuid[], :agentIds::text[], :agentVersions::text[],
                                      :runningVersions::bigint[], :latestVersions::bigint[], :statuses::text[],
                                      :errors::text[], :firstSeen::timestamptz[], :lastSeen::timestamptz[])
                               as r (tenant_id, agent_id, agent_version, running_version, latest_version,
                                     sync_status, last_error, first_seen, last_seen)
                        on conflict (tenant_id, agent_id) do update
                           set agent_version = excluded.agent_version, running_version = excluded.running_version,
                               latest_version = excluded.latest_version, sync_status = excluded.sync_status,
                               last_error = excluded.last_error, last_seen = excluded.last_seen
                         where a.last_seen < excluded.last_seen
                        """)
                .bind("tenants", tenants)
                .bind("agentIds", agentIds)
                .bind("agentVersions", agentVersions)
                .bind("runningVersions", runningVersions)
                .bind("latestVersions", latestVersions)
                .bind("statuses", statuses)
                .bind("errors", errors)
                .bind("firstSeen", firstSeen)
                .bind("lastSeen", lastSeen)
                .then();
    }

    /**
     * Moves each tenant's {@code last_sync} forward to its newest report in the batch, never back.
     * Rows already at or past it are not rewritten. Unknown tenants match nothing.
     */
    private Mono<Void> advanceLastSync(Collection<SyncReportEntry> entries) {
        Map<UUID, Instant> newestPerTenant = new LinkedHashMap<>();
        for (SyncReportEntry entry : entries) {
            newestPerTenant.merge(entry.tenantId(), entry.syncedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        return database.sql("""
                        update tenants t set last_sync = s.last_sync
                          from unnest(:tenants::uuid[], :lastSyncs::timestamptz[]) as s (tenant_id, last_sync)
                         where t.id = s.tenant_id and (t.last_sync is null or t.last_sync < s.last_sync)
                        """)
                .bind("tenants", newestPerTenant.keySet().toArray(UUID[]::new))
                .bind("lastSyncs", newestPerTenant.values().toArray(Instant[]::new))
                .then();
    }

    /**
     * Moves each key's {@code api_key_usage.last_used_at} to its newest report in the batch, but only
     * when that is over a minute past the stored one: a key syncing every few seconds costs a row
     * write per minute, not per sync or per batch (issue 16). Only hashes of the tenant's own keys
     * are recorded; reports from before keys were reported carry none.
     */
    private Mono<Void> recordKeyUse(Collection<SyncReportEntry> entries) {
        Map<String, SyncReportEntry> newestPerKey = new LinkedHashMap<>();
        for (SyncReportEntry entry : entries) {
            if (entry.keyHash() != null) {
                newestPerKey.merge(entry.keyHash(), entry, (a, b) -> a.syncedAt().isAfter(b.syncedAt()) ? a : b);
            }
        }
        if (newestPerKey.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        insert into api_key_usage as u (key_hash, tenant_id, last_used_at)
                        select s.key_hash, s.tenant_id, s.used_at
                          from unnest(:keys::text[], :tenants::uuid[], :usedAt::timestamptz[]) as s (key_hash, tenant_id, used_at)
                          join api_keys k on k.key_hash = s.key_hash and k.tenant_id = s.tenant_id
                        on conflict (key_hash) do update set last_used_at = excluded.last_used_at
                         where u.last_used_at < excluded.last_used_at - interval '1 minute'
                        """)
                .bind("keys", newestPerKey.keySet().toArray(String[]::new))
                .bind("tenants", newestPerKey.values().stream().map(SyncReportEntry::tenantId).toArray(UUID[]::new))
                .bind("usedAt", newestPerKey.values().stream().map(SyncReportEntry::syncedAt).toArray(Instant[]::new))
                .then();
    }

    /**
     * Stores each reported set as its agent's, unless a later one is stored already: claims the agents'
     * {@code agent_data_source_sets} rows (skipping those with a later or equal {@code reported_at}), then
     * replaces only the claimed agents' rows, so a source the agent no longer reports disappears.
     */
    private Mono<Void> replaceDataSources(Collection<SyncReportEntry> reports) {
        if (reports.isEmpty()) {
            return Mono.empty();
        }
        UUID[] tenants = reports.stream().map(SyncReportEntry::tenantId).toArray(UUID[]::new);
        String[] agentIds = reports.stream().map(SyncReportEntry::agentId).toArray(String[]::new);
        Instant[] reportedAt = reports.stream().map(SyncReportEntry::syncedAt).toArray(Instant[]::new);
        List<UUID> sourceTenants = new ArrayList<>();
        List<String> sourceAgents = new ArrayList<>();
        List<String> sourceIds = new ArrayList<>();
        List<String> sourceTypes = new ArrayList<>();
        for (SyncReportEntry report : reports) {
            for (SyncReportEntry.DataSource source : report.dataSources()) {
                sourceTenants.add(report.tenantId());
                sourceAgents.add(report.agentId());
                sourceIds.add(source.id());
                sourceTypes.add(source.type());
            }
        }
        // One statement: its parts see one snapshot, so the delete and the upsert touch disjoint rows on purpose.
        return database.sql("""
                        with claimed as (
                            insert into agent_data_source_sets as s (tenant_id, agent_id, reported_at)
                            select * from unnest(:tenants::uuid[], :agentIds::text[], :reportedAt::timestamptz[])
                            on conflict (tenant_id, agent_id) do update set reported_at = excluded.reported_at
                             where s.reported_at < excluded.reported_at
                            returning tenant_id, agent_id
                        ), reported as (
                            select r.* from unnest(:sourceTenants::uuid[], :sourceAgents::text[], :ids::text[], :types::text[])
                                   as r (tenant_id, agent_id, data_source_id, type)
                              join claimed c on c.tenant_id = r.tenant_id and c.agent_id = r.agent_id
                        ), removed as (
                            delete from agent_data_sources d using claimed c
                             where d.tenant_id = c.tenant_id and d.agent_id = c.agent_id
                               and not exists (select 1 from reported r where r.tenant_id = d.tenant_id
                                                  and r.agent_id = d.agent_id and r.data_source_id = d.data_source_id)
                        )
                        insert into agent_data_sources as d (tenant_id, agent_id, data_source_id, type)
                        select * from reported
                        on conflict (tenant_id, agent_id, data_source_id) do update set type = excluded.type
                         where d.type <> excluded.type
                        """)
                .bind("tenants", tenants)
                .bind("agentIds", agentIds)
                .bind("reportedAt", reportedAt)
                .bind("sourceTenants", sourceTenants.toArray(UUID[]::new))
                .bind("sourceAgents", sourceAgents.toArray(String[]::new))
                .bind("ids", sourceIds.toArray(String[]::new))
                .bind("types", sourceTypes.toArray(String[]::new))
                .then();
    }

    /** Per agent, the newest report of the batch that carried a data source set (the later one on a tie). */
    private static Collection<SyncReportEntry> newestDataSourceSets(Collection<SyncReportEntry> entries) {
        Map<SyncReportEntry.AgentKey, SyncReportEntry> newest = new LinkedHashMap<>();
        for (SyncReportEntry entry : entries) {
            if (entry.dataSources() != null) {
                newest.merge(entry.agent(), entry, (kept, later) -> later.syncedAt().isBefore(kept.syncedAt()) ? kept : later);
            }
        }
        return newest.values();
    }

    /** A report id twice in one batch (a producer retry) is kept once. */
    private static Collection<SyncReportEntry> byReportId(List<SyncReportEntry> entries) {
        Map<UUID, SyncReportEntry> unique = new LinkedHashMap<>();
        for (SyncReportEntry entry : entries) {
            unique.putIfAbsent(entry.reportId(), entry);
        }
        return unique.values();
    }

    /**
     * Per agent, its newest entry (the later one in the batch on a tie) and its earliest sync time:
     * one upsert may not touch the same {@code agents} row twice.
     */
    private static Collection<AgentSeen> perAgent(Collection<SyncReportEntry> entries) {
        Map<SyncReportEntry.AgentKey, AgentSeen> agents = new LinkedHashMap<>();
        for (SyncReportEntry entry : entries) {
            agents.merge(entry.agent(), new AgentSeen(entry, entry.syncedAt()), AgentSeen::and);
        }
        return new ArrayList<>(agents.values());
    }

    /** What one batch says about one agent. */
    private record AgentSeen(SyncReportEntry newest, Instant earliest) {
        AgentSeen and(AgentSeen later) {
            SyncReportEntry newer = later.newest().syncedAt().isBefore(newest.syncedAt()) ? newest : later.newest();
            Instant earlier = later.earliest().isBefore(earliest) ? later.earliest() : earliest;
            return new AgentSeen(newer, earlier);
        }
    }
}
