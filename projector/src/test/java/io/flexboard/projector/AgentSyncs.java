package io.flexboard.projector;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.flexboard.schemas.agent.AgentSyncReport;

/** Sync reports as agent-bridge publishes them, with the fields a test does not care about filled in. */
final class AgentSyncs {

    private AgentSyncs() {
    }

    /**
     * A successful sync of an agent that runs version 1 and is up to date; tests change what they
     * look at on the returned builder.
     */
    static AgentSyncReport.Builder syncOf(String tenantId, String agentId, Instant syncedAt) {
        return AgentSyncReport.newBuilder()
                .setReportId(UUID.randomUUID().toString())
                .setTenantId(tenantId)
                .setAgentId(agentId)
                .setAgentVersion("1.0.0")
                .setSyncStatus("success")
                .setCurrentVersion(1)
                .setAppliedVersion(1L)
                .setLatestVersion(1)
                .setHasUpdates(false)
                .setErrorMessage(null)
                .setSyncDurationMs(12)
                .setHeldMs(0)
                .setSyncedAt(syncedAt)
                .setBridgeInstance("bridge-1");
    }

    /**
     * The start of the previous full hour: syncs a few minutes after it share one sync_report_counts
     * row, and are well inside every retention.
     */
    static Instant lastHour() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
    }

    static Instant minutesAfter(Instant start, long minutes) {
        return start.plus(minutes, ChronoUnit.MINUTES);
    }
}
