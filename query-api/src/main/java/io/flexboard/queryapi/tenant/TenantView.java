package io.flexboard.queryapi.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as the builder lists it (spec: GET /api/tenants); snake_case on the wire. */
public record TenantView(
        UUID id,
        String name,
        String slug,
        String licenseType,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt,
        int maxDashboards,
        int maxWidgetsPerDashboard,
        int dashboardCount,
        Instant lastSync) {
}
