package io.flexboard.queryapi.version;

import java.time.Instant;
import java.util.UUID;

/** A metadata version in its tenant's list, newest first (spec: GET /api/tenants/:tenantId/versions). */
public record VersionSummary(
        UUID id, int version, String status, String message, Instant createdAt, Instant publishedAt, String createdBy) {
}
