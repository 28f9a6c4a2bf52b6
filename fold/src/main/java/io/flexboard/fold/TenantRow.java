package io.flexboard.fold;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code tenants} as the events make it. {@code last_sync} is not here: it comes from the
 * agents' sync reports (telemetry), not from the events. {@code branding} is the tenant's
 * current (unpublished) branding in the shape of docs/contracts.md, null when it has none.
 * {@code status} is the column's text, {@value #ACTIVE} or {@value #PAUSED}.
 */
public record TenantRow(
        UUID id,
        String name,
        String slug,
        String licenseType,
        int maxDashboards,
        int maxWidgetsPerDashboard,
        String status,
        String pausedReason,
        int dashboardCount,
        Instant createdAt,
        Instant updatedAt,
        JsonDocument branding) {

    /** The status of a tenant whose agents may sync, as the {@code tenants.status} column spells it. */
    public static final String ACTIVE = "active";
    /** The status of a tenant an admin paused. */
    public static final String PAUSED = "paused";

    TenantRow withStatus(String newStatus, String reason, Instant at) {
        return new TenantRow(id, name, slug, licenseType, maxDashboards, maxWidgetsPerDashboard, newStatus, reason,
                dashboardCount, createdAt, at, branding);
    }

    TenantRow withBranding(JsonDocument newBranding, Instant at) {
        return new TenantRow(id, name, slug, licenseType, maxDashboards, maxWidgetsPerDashboard, status, pausedReason,
                dashboardCount, createdAt, at, newBranding);
    }

    TenantRow withOneMoreDashboard() {
        return new TenantRow(id, name, slug, licenseType, maxDashboards, maxWidgetsPerDashboard, status, pausedReason,
                dashboardCount + 1, createdAt, updatedAt, branding);
    }
}
