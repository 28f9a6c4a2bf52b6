package io.flexboard.agent.status;

import java.time.Instant;

/**
 * What the agent runs and how its syncs go: the content of status.json and of {@code GET /status}.
 *
 * @param agentId           this installation's stable id
 * @param tenantId          the tenant
 * @param agentVersion      the agent's software version
 * @param controlPlaneUrl   where it syncs
 * @param localUrl          where it serves the configuration
 * @param version           the configuration version it runs (0: none yet)
 * @param versionSyncedAt   when that version was applied
 * @param lastSyncAttemptAt when the last sync ended, whatever its outcome
 * @param lastSyncSuccessAt when the last sync that got an answer ended
 * @param lastStatus        the last sync's outcome: {@code success} (an update applied), {@code up-to-date} or {@code error}
 * @param lastError         the last sync's error, {@code null} after a success
 */
public record AgentStatus(
        String agentId,
        String tenantId,
        String agentVersion,
        String controlPlaneUrl,
        String localUrl,
        long version,
        Instant versionSyncedAt,
        Instant lastSyncAttemptAt,
        Instant lastSyncSuccessAt,
        String lastStatus,
        String lastError) {

    public static final String SUCCESS = "success";
    public static final String UP_TO_DATE = "up-to-date";
    public static final String ERROR = "error";

    /** The state at start, before the first sync ended. */
    public static AgentStatus starting(String agentId, String tenantId, String agentVersion, String controlPlaneUrl,
                                       String localUrl, long version, Instant versionSyncedAt) {
        return new AgentStatus(agentId, tenantId, agentVersion, controlPlaneUrl, localUrl, version, versionSyncedAt,
                null, null, null, null);
    }

    /** After a sync that got an answer. */
    public AgentStatus synced(Instant at, String status, long runningVersion, Instant runningSince) {
        return new AgentStatus(agentId, tenantId, agentVersion, controlPlaneUrl, localUrl, runningVersion, runningSince,
                at, at, status, null);
    }

    /** After a sync that failed; the running version is unchanged. */
    public AgentStatus failed(Instant at, String error) {
        return new AgentStatus(agentId, tenantId, agentVersion, controlPlaneUrl, localUrl, version, versionSyncedAt,
                at, lastSyncSuccessAt, ERROR, error);
    }
}
