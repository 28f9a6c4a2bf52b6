package io.flexboard.queryapi.overview;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The overview's counters (GET /api/overview). {@code sync_success_rate} is null when no agent
 * synced in the last 24 hours: no syncs is not a 0 % success rate.
 */
record Overview(
        long activeTenants,
        long totalTenants,
        long publishedDashboards,
        long totalWidgets,
        Double syncSuccessRate,
        @JsonProperty("syncs_last_24h") SyncCounts syncsLast24h,
        long agentsSeenRecently,
        StatusCounts syncStatus,
        List<RecentActivity> recentActivity) {

    /** The same counters with the recent activity, which comes from a query of its own. */
    public Overview withRecentActivity(List<RecentActivity> activity) {
        return new Overview(activeTenants, totalTenants, publishedDashboards, totalWidgets, syncSuccessRate,
                syncsLast24h, agentsSeenRecently, syncStatus, activity);
    }

    /** Sync outcomes over the window, by {@code sync_status}. */
    public record SyncCounts(long success, long error, long partial) {
    }

    /** How many tenants are in each sync status (the rule of GET /api/sync-status). */
    public record StatusCounts(long synced, long pending, long error, long paused) {
    }

    /** A version saved or published, newest first; {@code at} is when it was published, else saved. */
    public record RecentActivity(UUID tenantId, String tenantName, int version, String status, String message, Instant at) {
    }
}
