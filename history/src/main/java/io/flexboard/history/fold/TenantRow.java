package io.flexboard.history.fold;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code tenants} as the events make it. {@code last_sync} is not here: it comes from the
 * agents' sync reports (telemetry), not from the events. {@code branding} is the tenant's
 * current (unpublished) branding in the shape of docs/contracts.md, null when it has none.
 */
public record TenantRow(
        UUID id,
        String name,
        String slug,
        String licenseType,
        int maxDashboards,
        int maxWidgetsPerDashboard,
        boolean isActive,
        String pausedReason,
        int dashboardCount,
        Instant createdAt,
        Instant updatedAt,
        JsonDocument branding) {

    TenantRow withStatus(boolean active, String reason, Instant at) {
        return new TenantRow(id, name, slug, licenseType, maxDashboards, maxWidgetsPerDashboard, active, reason,
                dashboardCount, createdAt, at, branding);
    }

    TenantRow withBranding(JsonDocument newBranding, Instant at) {
        return new TenantRow(id, name, slug, licenseType, maxDashboards, maxWidgetsPerDashboard, isActive, pausedReason,
                dashboardCount, createdAt, at, newBranding);
    }

    TenantRow withOneMoreDashboard() {
        return new TenantRow(id, name, slug, licenseType, maxDashboards, maxWidgetsPerDashboard, isActive, pausedReason,
                dashboardCount + 1, createdAt, updatedAt, branding);
    }
}
