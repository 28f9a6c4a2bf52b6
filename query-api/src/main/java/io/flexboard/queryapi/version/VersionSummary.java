package io.flexboard.queryapi.version;

import java.time.Instant;
import java.util.UUID;

/**
 * A metadata version in its tenant's list, newest first (spec: GET /api/tenants/:tenantId/versions).
 * {@code parent_version} is the tenant's newest version when it was saved (null for the first, and
 * for versions saved before lineage was recorded); {@code restored_from} is null unless it restores one.
 */
public record VersionSummary(
        UUID id, int version, String status, String message, Instant createdAt, Instant publishedAt, String createdBy,
        Integer parentVersion, RestoredFrom restoredFrom) {
}
