package io.flexboard.agent.sync;

/**
 * The body of {@code POST /api/agent/sync} (snake_case on the wire).
 *
 * @param tenantId       the tenant the API key belongs to
 * @param currentVersion the version the agent asks to be compared with; 0 on a full re-sync, so the whole published configuration comes back
 * @param agentVersion   the agent's own software version
 * @param waitSeconds    how long the bridge may hold the request until a newer version is published
 * @param agentId        this installation's stable id
 * @param appliedVersion the version the agent runs (also during a full re-sync)
 * @param lastError      what went wrong in the previous sync, {@code null} when nothing did
 * @param lastStatus     the outcome of the previous sync: {@code success} or {@code error}; {@code null} on the first sync after a clean start
 * @param dataSources    the ids and types of the agent's data sources when they changed since the last answered
 *                       sync (or on a full re-sync); {@code null} for unchanged
 */
public record SyncRequest(
        String tenantId,
        long currentVersion,
        String agentVersion,
        int waitSeconds,
        String agentId,
        long appliedVersion,
        String lastError,
        String lastStatus,
        java.util.List<ReportedDataSource> dataSources) {
}
