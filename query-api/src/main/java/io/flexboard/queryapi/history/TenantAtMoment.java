package io.flexboard.queryapi.history;

import io.flexboard.fold.TenantRow;
import io.flexboard.queryapi.tenant.TenantStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The tenant as it was, in the live tenant's fields ({@code TenantView}) but for {@code last_sync}:
 * that comes from the agents' sync reports (telemetry, pruned after days), not from the events.
 */
record TenantAtMoment(
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
        int dashboardCount) {

    static TenantAtMoment of(TenantRow tenant) {
        TenantStatus status = TenantStatus.of(tenant.status());
        return new TenantAtMoment(tenant.id(), tenant.name(), tenant.slug(), tenant.licenseType(),
                status == TenantStatus.ACTIVE, status, tenant.pausedReason(), tenant.createdAt(),
                tenant.updatedAt(), tenant.maxDashboards(), tenant.maxWidgetsPerDashboard(), tenant.dashboardCount());
    }
}
