package io.flexboard.agentbridge.report;

import java.util.List;
import java.util.UUID;

/**
 * What an answered sync is reported as: who asked (tenant, key hash, agent id), what the agent said,
 * what it was told, and how long it took. {@code syncStatus} is already success, error or partial;
 * {@code dataSources} is null when the sync did not carry them.
 */
public record AnsweredSync(UUID tenantId, String keyHash, String agentId, String agentVersion, String syncStatus,
                           long currentVersion, Long appliedVersion, long latestVersion, boolean hasUpdates,
                           String errorMessage, long durationMs, long heldMs,
                           List<ReportedDataSource> dataSources) {
}
