package io.flexboard.queryapi.syncreport;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * One tenant's agents at a glance (GET /api/sync-status): its status, why ({@code reason}: agent_error,
 * no_agent_seen, agents_behind, tenant_paused; null when synced) and the agent counts behind it.
 */
public record TenantSyncStatus(
        UUID tenantId,
        String name,
        String slug,
        SyncStatus status,
        String reason,
        long publishedVersion,
        long agentsSeen,
        long agentsOnPublished,
        long agentsFailing,
        Instant lastSync,
        // The tenant's place in the list (the page cursor's sort key), not part of the answer.
        @JsonIgnore Instant tenantCreatedAt) {
}
