package io.flexboard.queryapi.agent;

import java.time.Instant;

/** One agent installation of a tenant as its agents view lists it (GET /api/tenants/{tenantId}/agents). */
public record AgentView(
        String agentId,
        String agentVersion,
        long runningVersion,
        long latestVersion,
        long publishedVersion,
        String syncStatus,
        String lastError,
        Instant firstSeen,
        Instant lastSeen,
        AgentState state) {
}
