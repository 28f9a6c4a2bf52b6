package io.flexboard.queryapi.dashboard;

import java.time.Instant;
import java.util.UUID;

/** A dashboard in its tenant's list (spec: GET /api/tenants/:tenantId/dashboards). */
record DashboardSummary(
        UUID id, String name, String slug, String description, int widgetCount, Instant createdAt, Instant updatedAt) {
}
