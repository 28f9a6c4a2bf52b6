package io.flexboard.projector.syncreport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flexboard.schemas.agent.AgentSyncReport;

/**
 * An {@link AgentSyncReport} checked against what the sync report tables accept. A report that fails the
 * check would fail its whole batch's transaction on every retry, halting the sync report read models, so it is
 * refused here and skipped like an undecodable record.
 */
record SyncReportEntry(UUID reportId, UUID tenantId, String agentId, String agentVersion, String syncStatus,
                       long latestVersion, long currentVersion, Long appliedVersion, boolean hasUpdates,
                       String errorMessage, long syncDurationMs, long heldMs, Instant syncedAt, String bridgeInstance,
                       String keyHash, List<DataSource> dataSources, int syncCount) {

    /** The values {@code sync_reports.sync_status} and {@code agents.sync_status} allow. */
    static final Set<String> SYNC_STATUSES = Set.of("success", "error", "partial");

    /** agent-bridge's rules for a reported data source, checked again: a report is not trusted for being internal. */
    static final int MAX_DATA_SOURCES = 1000;
    private static final Pattern DATA_SOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Set<String> DATA_SOURCE_TYPES = Set.of("sqlserver", "postgresql", "mysql", "mongodb", "rest_api", "csv", "excel");

    /** One data source an agent reported: {@code agent_data_sources}' row without its agent. */
    record DataSource(String id, String type) {
    }

    /** PostgreSQL's timestamptz ends in year 294276; anything past year 9999 is a broken clock anyway. */
    private static final Instant LATEST_SYNCED_AT = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * The entry for a report, or {@link IllegalArgumentException} saying why it cannot be stored.
     * Text the agent sent loses NUL characters, which PostgreSQL's text type refuses.
     */
    static SyncReportEntry of(AgentSyncReport report) {
        if (!SYNC_STATUSES.contains(report.getSyncStatus())) {
            throw new IllegalArgumentException("sync_status '" + report.getSyncStatus() + "' is none of " + SYNC_STATUSES);
        }
        if (report.getSyncCount() < 1) {
            throw new IllegalArgumentException("sync_count " + report.getSyncCount() + " is below 1");
        }
        Instant syncedAt = report.getSyncedAt();
        if (syncedAt.isBefore(Instant.EPOCH) || syncedAt.isAfter(LATEST_SYNCED_AT)) {
            throw new IllegalArgumentException("synced_at " + syncedAt + " is out of range");
        }
        return new SyncReportEntry(UUID.fromString(report.getReportId()), UUID.fromString(report.getTenantId()),
                text(report.getAgentId()), text(report.getAgentVersion()), report.getSyncStatus(),
                report.getLatestVersion(), report.getCurrentVersion(), report.getAppliedVersion(),
                report.getHasUpdates(), text(report.getErrorMessage()), report.getSyncDurationMs(),
                report.getHeldMs(), syncedAt, text(report.getBridgeInstance()), report.getKeyHash(),
                dataSources(report), report.getSyncCount());
    }

    /** The reported set, or null when the report did not carry one (the agent's set is unchanged). */
    private static List<DataSource> dataSources(AgentSyncReport report) {
        if (report.getDataSources() == null) {
            return null;
        }
        if (report.getDataSources().size() > MAX_DATA_SOURCES) {
            throw new IllegalArgumentException("data_sources has " + report.getDataSources().size() + " entries, more than " + MAX_DATA_SOURCES);
        }
        Map<String, DataSource> byId = new LinkedHashMap<>();
        report.getDataSources().forEach(source -> {
            if (!DATA_SOURCE_ID.matcher(source.getId()).matches() || !DATA_SOURCE_TYPES.contains(source.getType())) {
                throw new IllegalArgumentException("data source '" + text(source.getId()) + "' of type '" + text(source.getType())
                        + "' breaks agent-bridge's rules");
            }
            byId.putIfAbsent(source.getId(), new DataSource(source.getId(), source.getType()));
        });
        return List.copyOf(byId.values());
    }

    /** The version the agent runs: what it last applied when it says so, else what it says it has. */
    long runningVersion() {
        return appliedVersion != null ? appliedVersion : currentVersion;
    }

    /** The agent installation this entry is about: the {@code agents} row's key. */
    AgentKey agent() {
        return new AgentKey(tenantId, agentId);
    }

    record AgentKey(UUID tenantId, String agentId) {
    }

    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
