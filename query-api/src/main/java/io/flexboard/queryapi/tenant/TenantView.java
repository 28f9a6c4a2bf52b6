package io.flexboard.queryapi.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant as the builder lists it (spec: GET /api/tenants); snake_case on the wire. {@code status}
 * is the tenant status; {@code is_active} says the same as a boolean (a field of the spec, derived
 * from {@code status}); {@code paused_reason} is the admin's note while paused, else null.
 */
record TenantView(
        UUID id,
        String name,
        String slug,
        String licenseType,
        boolean isActive,
        TenantStatus status,
        String pausedReason,
        Instant createdAt,
        Instant updatedAt,
        int maxDashboards,
        int maxWidgetsPerDashboard,
        int dashboardCount,
        Instant lastSync) {
}
